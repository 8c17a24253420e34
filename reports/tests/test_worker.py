"""A real Celery worker, over Redis, against the test database: it compiles reports, and a worker killed
mid-task leaves one report that the next worker finishes.

The web side here is this test process: it queues through the broker (not in-process, as the other tests
do), and a ``celery worker`` subprocess with the project's settings reads the same database.
"""

import io
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.db import connection
from pypdf import PdfReader

from outreach import clock
from outreach.celery import app
from outreach.tests.factories import ConcernFactory
from reports.models import GeneratedReport
from reports.services import annual_draft_request, report_request

pytestmark = [pytest.mark.usefixtures("seeded")]

ROOT = Path(__file__).resolve().parents[2]
BROKER = "redis://127.0.0.1:6379/12"
VISIBILITY_SECONDS = 2
WORKER_OPTIONS = (
    "--pool=prefork",
    "--concurrency=1",
    "--without-heartbeat",
    "--without-gossip",
    "--without-mingle",
    "--loglevel=WARNING",
)
Kind, Level, Status = GeneratedReport.Kind, GeneratedReport.Level, GeneratedReport.Status


@pytest.fixture
def broker():
    """The Celery app of this process sends through Redis (database 12, emptied) for the test."""
    client = redis.Redis.from_url(BROKER)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    client.flushdb()
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "broker_transport_options")}
    app.conf.update(
        task_always_eager=False,
        broker_url=BROKER,
        broker_transport_options={"visibility_timeout": VISIBILITY_SECONDS},
    )
    app._pool = None
    app.amqp._producer_pool = None
    yield client
    app.conf.update(saved)
    app._pool = None
    app.amqp._producer_pool = None
    client.flushdb()


@pytest.fixture
def start_worker(tmp_path, settings):
    """Start ``celery worker`` processes on the test database; each is killed at the end."""
    settings.MEDIA_ROOT = tmp_path
    database = connection.settings_dict
    host = database["HOST"] or "127.0.0.1"
    env = {
        **os.environ,
        "REDIS_URL": BROKER,
        "DATABASE_URL": f"postgres://{database['USER']}@{host.replace('/', '%2F')}:{database['PORT'] or 5432}"
        f"/{database['NAME']}",
        "DJANGO_MEDIA_ROOT": str(tmp_path),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    workers = []

    def start(name):
        log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - closed with the worker
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "outreach", "worker", *WORKER_OPTIONS, f"-n{name}@%h"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        workers.append((worker, log))
        return worker

    yield start
    for worker, log in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)
        log.close()


def _wait_for(report, statuses, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in statuses:
            return report
        time.sleep(0.02)
    raise AssertionError(f"the report stayed {report.status}")


def _ask(area, month, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)


def _text(report):
    with report.file.open("rb") as file:
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(file.read())).pages)


def test_a_worker_compiles_the_monthly_and_annual_reports_and_asking_twice_while_queued_sends_one_task(
    broker, start_worker, people, area, django_capture_on_commit_callbacks
):
    month = clock.previous_month(clock.today().replace(day=1))
    for day in (3, 9):
        ConcernFactory(area_command=area, received_on=month + timedelta(days=day), description="Dark alley at night")

    report, created = _ask(area, month, django_capture_on_commit_callbacks)
    again, created_again = _ask(area, month, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        annual, _created = annual_draft_request(year=month.year)
    queued = broker.llen("celery")
    start_worker("one")

    _wait_for(report, {Status.DONE, Status.FAILED})
    _wait_for(annual, {Status.DONE, Status.FAILED})
    assert (created, created_again, again.pk, queued) == (True, False, report.pk, 2)
    assert report.status == Status.DONE, report.error
    assert annual.status == Status.DONE, annual.error
    # The hand count: the two concerns of last month, in the month's report and in the year's.
    assert "2 concerns received this month, against 0 the month before" in _text(report)
    annual_text = _text(annual)
    assert f"Citizen concerns {month.year}" in annual_text and "2 concerns received" in annual_text
    assert "Dark alley at night" not in annual_text  # not a potential problem: not listed


def test_a_worker_killed_mid_task_leaves_one_report_the_next_worker_finishes(
    broker, start_worker, people, area, django_capture_on_commit_callbacks
):
    month = clock.previous_month(clock.today().replace(day=1))
    report, _created = _ask(area, month, django_capture_on_commit_callbacks)
    first = start_worker("first")

    _wait_for(report, {Status.RUNNING, Status.DONE})
    assert report.status == Status.RUNNING, "the report was done before the worker could be killed"
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    time.sleep(VISIBILITY_SECONDS + 1)  # the unacknowledged message becomes visible again
    start_worker("second")

    _wait_for(report, {Status.DONE, Status.FAILED})
    assert report.status == Status.DONE, report.error
    assert report.attempts == 2
    assert GeneratedReport.objects.filter(period=month).count() == 1
    assert GeneratedReport.objects.filter(status=Status.DONE).count() == 1
