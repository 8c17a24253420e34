"""E-mails sent after a change commits: rendered from templates, written to the outbox with the change,
and sent by a Celery task. When the broker is down the mail waits in the outbox, and the outbox task
(each minute) sends it once the worker runs again: nothing a citizen or an officer did is lost."""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from outreach import clock

logger = logging.getLogger(__name__)


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def notify(*, template, recipients, context, language=None):
    """Queue ``<template>_subject.txt`` / ``<template>_body.txt`` for ``recipients`` once the transaction commits."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    context = {"department": clock.department(), **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    from outreach.models import OutgoingMail

    mail = OutgoingMail.objects.create(subject=subject[:300], body=body, recipients=recipients)
    transaction.on_commit(lambda: queue_mail(mail.pk))


def queue_mail(mail_id):
    """Hand the mail to the worker; with the broker down, leave it in the outbox for the outbox task."""
    from outreach.tasks import send_outgoing_mail

    try:
        send_outgoing_mail.delay(mail_id)
    except Exception:  # the broker is unreachable: kombu's and redis-py's errors alike
        logger.warning("The broker is unreachable: e-mail %s waits in the outbox", mail_id, exc_info=True)
