import json
import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parents[2]


def test_healthz_is_200_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["status"] == "ok"
    assert body["redis"].startswith("not configured")


def test_healthz_reports_redis_and_a_missing_celery_worker(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get(reverse("healthz"))

    body = response.json()
    assert body["redis"] == "ok"
    assert body["celery"] == "no worker answered"
    assert (response.status_code, body["status"]) == (503, "degraded")


def test_healthz_is_503_when_redis_is_down_and_live_stays_200(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get(reverse("healthz"))
    live = client.get(reverse("healthz_live"))

    assert response.status_code == 503 and response.json()["redis"].startswith("unavailable")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})


def test_healthz_is_503_when_the_database_does_not_answer():
    # A real process pointed at a port where no PostgreSQL listens.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = dict(
        os.environ, DATABASE_URL="postgres://root@127.0.0.1:1/outreach", DJANGO_SETTINGS_MODULE="outreach.settings"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["status"] == "error"
    assert outcome["body"]["database"].startswith("unavailable")
