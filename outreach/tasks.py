from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5, soft_time_limit=45, time_limit=60)
def send_notification(*, subject, body, recipients):
    """One plain-text e-mail; retried when the mail server is unreachable."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
