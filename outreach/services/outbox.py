"""Sending the outbox's e-mail: each message claimed under a row lock, sent once, its failures counted."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import OutgoingMail

# Mail younger than this is the worker's to send; the outbox task leaves it alone.
GRACE = timedelta(minutes=1)
GIVE_UP_AFTER = 20


def mail_send(*, mail_id):
    """Send one e-mail unless it went already (or another worker is sending it); True when sent here.

    The row stays locked while the mail server takes the message, so two workers never send it twice;
    a failure is counted on the row (outside the rolled-back transaction) and raised for a retry.
    """
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.select_for_update(skip_locked=True).unsent().filter(pk=mail_id).first()
            if mail is None:
                return False
            send_mail(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, mail.recipients)
            mail.sent_at, mail.attempts = timezone.now(), mail.attempts + 1
            mail.save(update_fields=["sent_at", "attempts"])
        return True
    except OSError as error:
        OutgoingMail.objects.filter(pk=mail_id).update(attempts=F("attempts") + 1, last_error=str(error)[:300])
        raise


def outbox_send():
    """Send what waited in the outbox; returns how many went."""
    sent = 0
    waiting = (
        OutgoingMail.objects.unsent()
        .filter(created_at__lt=timezone.now() - GRACE, attempts__lt=GIVE_UP_AFTER)
        .values_list("pk", flat=True)
    )
    for mail_id in list(waiting[:200]):
        try:
            sent += mail_send(mail_id=mail_id)
        except OSError:
            continue  # counted on the row; tried again next minute
    return sent
