"""E-mails sent after a change commits: rendered from templates, sent by a Celery task."""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from outreach import clock
from outreach.tasks import send_notification

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
    transaction.on_commit(lambda: send_notification.delay(subject=subject, body=body, recipients=recipients))
