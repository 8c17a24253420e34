"""Celery tasks that compile the reports: thin, taking ids, safe to run twice (the services claim the row)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError, connection

from outreach import clock

# The longest report (the annual) takes seconds; these bound a stuck one. The broker's visibility
# timeout (settings.CELERY_BROKER_TRANSPORT_OPTIONS) stays above TIME_LIMIT.
SOFT_TIME_LIMIT = 5 * 60
TIME_LIMIT = 6 * 60
RETRIES = 4


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
    max_retries=RETRIES,
)
def compile_report(self, report_id):
    """Compile one GeneratedReport; a transient database error is retried with a growing wait."""
    from .services import report_compile, report_fail

    try:
        report = report_compile(report_id=report_id)
    except (OperationalError, InterfaceError) as error:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # the retry opens a fresh one
        if self.request.retries >= self.max_retries:
            report_fail(report_id=report_id, error=error)
            raise
        raise self.retry(exc=error, countdown=min(2 ** (self.request.retries + 1), 60)) from error
    return report.status if report else None


@shared_task(soft_time_limit=60, time_limit=90)
def compile_monthly_reports():
    """At 02:00 on the 1st in the department's zone: every monthly report of the month just ended."""
    from .services import monthly_reports_request

    with clock.in_department_time():
        return monthly_reports_request(month=clock.previous_month(clock.today().replace(day=1)))


@shared_task(soft_time_limit=60, time_limit=90)
def compile_annual_draft():
    """On 15 January in the department's zone: the draft of last year's citizen-concerns report."""
    from django.core.exceptions import ValidationError

    from .services import annual_draft_request

    with clock.in_department_time():
        try:
            return annual_draft_request(year=clock.today().year - 1)[0].pk
        except ValidationError:
            return None  # already final
