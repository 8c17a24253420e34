from celery import shared_task


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5, soft_time_limit=45, time_limit=60)
def send_outgoing_mail(mail_id):
    """One e-mail of the outbox; retried when the mail server is unreachable; sent once whatever happens."""
    from outreach.services.outbox import mail_send

    return mail_send(mail_id=mail_id)


@shared_task(soft_time_limit=120, time_limit=150)
def send_outbox():
    """Each minute: the e-mail the worker never got (the broker was down) or could not send."""
    from outreach.services.outbox import outbox_send

    return outbox_send()


@shared_task(soft_time_limit=10 * 60, time_limit=15 * 60)
def send_plan_reminders():
    """Each morning at 07:00 in the department's zone (django-celery-beat): reminders and escalations."""
    from outreach import clock
    from outreach.services.reminders import send_plan_reminders as run

    with clock.in_department_time():
        return run()
