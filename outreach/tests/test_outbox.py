"""Degrading safely: with the broker, the cache or the mail server down, what citizens and officers send is
kept and the e-mail goes out later. Each test fails when its protection is taken away."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from outreach.models import OutgoingMail
from outreach.services.outbox import mail_send, outbox_send
from outreach.tasks import send_outgoing_mail
from outreach.tests.factories import OutgoingMailFactory
from programs.models import PresentationRequest
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
