"""Degrading safely: with the broker, the cache or the mail server down, what citizens and officers send is
kept and the e-mail goes out later. Each test fails when its protection is taken away."""

import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from outreach.models import OutgoingMail, WatchGroup
from outreach.services.outbox import mail_send, outbox_send
from outreach.tasks import send_outgoing_mail
from outreach.tests.factories import OutgoingMailFactory, RequestedWatchGroupFactory
from programs import services as programs_services
from programs.models import PresentationRequest
from programs.tests.factories import PresentationRequestFactory
from programs.tests.test_requests import _form


def _broker_down(*args, **kwargs):
    raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_with_the_broker_down_a_citizens_request_is_kept_and_its_mail_goes_out_later(
    client, db, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(send_outgoing_mail, "delay", _broker_down)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("programs:request_create"), _form())

    assert response.status_code == 302
    assert PresentationRequest.objects.count() == 1
    waiting = OutgoingMail.objects.unsent().get()
    assert "rosa@example.org" in waiting.recipients and mail.outbox == []
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert outbox_send() == 1
    assert [message.to for message in mail.outbox] == [["rosa@example.org"]]
    assert outbox_send() == 0  # sent once


def test_an_email_is_sent_once_however_often_it_is_asked_for(db):
    message = OutgoingMailFactory()

    assert mail_send(mail_id=message.pk) is True
    assert mail_send(mail_id=message.pk) is False
    assert len(mail.outbox) == 1


def test_with_the_mail_server_down_the_mail_waits_and_says_why(db, monkeypatch):
    message = OutgoingMailFactory(created_at=timezone.now() - timedelta(minutes=5))

    def refused(*args, **kwargs):
        raise ConnectionRefusedError("mail server refused the connection")

    monkeypatch.setattr("outreach.services.outbox.send_mail", refused)
    with pytest.raises(OSError):
        mail_send(mail_id=message.pk)
    assert outbox_send() == 0

    message.refresh_from_db()
    assert (message.sent_at, message.attempts) == (None, 2)
    assert "refused" in message.last_error


def test_with_the_cache_down_the_public_forms_still_accept(client, db, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379")

    cache = caches["default"]
    for method in ("get", "add", "incr"):
        monkeypatch.setattr(cache, method, unreachable)

    response = client.post(reverse("programs:request_create"), _form())

    assert response.status_code == 302
    assert PresentationRequest.objects.count() == 1


def test_the_outbox_is_sent_each_minute(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.select_related("crontab").get(task="outreach.tasks.send_outbox")

    assert (task.crontab.minute, task.crontab.hour) == ("*", "*") and task.enabled


# The staff's answers to citizens, with Redis down. These run outside a test transaction, as a request runs
# in production: the answer commits, then the mail is queued (``on_commit``) while the request still runs —
# a failure to queue it there would answer 500 for an answer already saved, and lose the citizen's e-mail.


@pytest.fixture
def broker_down():
    """Celery sends through a Redis that does not answer (a closed port), as when Redis is down."""
    from outreach.celery import app

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}

    def take_down():
        app.conf.update(task_always_eager=False, broker_url=f"redis://127.0.0.1:{port}/0")
        app._pool = None
        app.amqp._producer_pool = None

    yield take_down
    app.conf.update(saved)
    app._pool = None
    app.amqp._producer_pool = None


def _decline(people, area):
    request_obj = PresentationRequestFactory(email="rosa@example.org")
    url = reverse("programs:request_decline", args=[request_obj.pk])
    return people.records, url, {"reason": "No officer that week."}, request_obj, PresentationRequest.Status.DECLINED


def _accept(people, area):
    request_obj = PresentationRequestFactory(email="rosa@example.org")
    starts = timezone.localtime(timezone.now() + timedelta(days=12)).replace(hour=18, minute=0)
    data = {
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "area_command": area.pk,
        "place": "School gym",
        "presenters": [people.officer.pk],
    }
    url = reverse("programs:request_accept", args=[request_obj.pk])
    return people.sergeant, url, data, request_obj, PresentationRequest.Status.ACCEPTED


def _cancel_presentation(people, area):
    request_obj = PresentationRequestFactory(email="rosa@example.org")
    presentation = programs_services.presentation_request_accept(  # the broker is up: this mail went
        request_obj=request_obj,
        by=people.sergeant,
        starts_at=timezone.now() + timedelta(days=12),
        area_command=area,
        sector=None,
        place="School gym",
        presenters=[people.officer],
    )
    mail.outbox.clear()
    url = reverse("programs:presentation_cancel", args=[presentation.pk])
    return people.officer, url, {"reason": "The school is closed."}, request_obj, PresentationRequest.Status.CANCELLED


def _organize_watch_group(people, area):
    group = RequestedWatchGroupFactory(requester_email="rosa@example.org", area_command=area)
    url = reverse("outreach:watch_set_status", args=[group.pk])
    return people.sergeant, url, {"status": WatchGroup.Status.ORGANIZING}, group, WatchGroup.Status.ORGANIZING


@pytest.mark.parametrize("answer", [_decline, _accept, _cancel_presentation, _organize_watch_group])
def test_with_the_broker_down_a_staff_answer_to_a_citizen_is_saved_and_its_mail_goes_out_later(
    seeded, people, area, broker_down, answer
):
    staff, url, data, record, answered = answer(people, area)
    browser = Client(raise_request_exception=False)
    browser.force_login(staff)
    broker_down()

    response = browser.post(url, data)

    assert response.status_code == 302, response.content[-2000:]
    record.refresh_from_db()
    assert record.status == answered
    waiting = OutgoingMail.objects.unsent().get()
    assert waiting.recipients == ["rosa@example.org"] and mail.outbox == []
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert outbox_send() == 1
    assert [message.to for message in mail.outbox] == [["rosa@example.org"]]
