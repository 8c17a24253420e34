from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5, soft_time_limit=45, time_limit=60)
def send_notification(*, subject, body, recipients):
    """One plain-text e-mail; retried when the mail server is unreachable."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task(soft_time_limit=10 * 60, time_limit=15 * 60)
def send_plan_reminders():
    """Each morning at 07:00 in the department's zone (django-celery-beat): reminders and escalations."""
    from outreach import clock
    from outreach.services.reminders import send_plan_reminders as run

    with clock.in_department_time():
        return run()
