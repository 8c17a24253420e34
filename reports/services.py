"""Asking for a report and compiling it: the row first, then a Celery task claims and fills it."""

import logging
import time
from contextlib import contextmanager
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from outreach import clock
from outreach.lib.history import record_change
from outreach.lib.pdf import draw, logo_data_uri
from outreach.models import AreaCommand, User

from .builders.annual import annual_report
from .builders.monthly import monthly_report
from .models import AnnualRecommendations, GeneratedReport

logger = logging.getLogger(__name__)

# pg_try_advisory_lock(LOCK_CLASS, report id): held by the worker compiling a report, for as long as it
# lives. A worker killed mid-task drops its connection and with it the lock, so the message Redis
# delivers again can be claimed by the next worker; a live worker's report is never taken from it.
LOCK_CLASS = 7401

TEMPLATES = {
    GeneratedReport.Kind.MONTHLY: "reports/pdf/monthly.html",
    GeneratedReport.Kind.ANNUAL: "reports/pdf/annual.html",
}
# Tagged for screen readers: WeasyPrint's PDF/UA variant.
PDF_VARIANT = "pdf/ua-1"


def report_request(*, kind, level, period, by=None, area_command=None, sergeant=None, officer=None, is_draft=False):
    """The report asked for, queued; while one of the same scope is queued or running, that one.

    Returns ``(report, created)``. The compilation is queued once the row is committed.
    """
    from .tasks import compile_report

    scope = {
        "kind": kind,
        "level": level,
        "period": period,
        "area_command": area_command,
        "sergeant": sergeant,
        "officer": officer,
        "is_draft": is_draft,
    }
    pending = GeneratedReport.objects.pending().filter(**scope).first()
    if pending is not None:
        return pending, False
    report = GeneratedReport(**scope, language=clock.department().report_language, requested_by=by)
    report.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # Another request made the same report a moment ago: the constraint keeps one.
        return GeneratedReport.objects.pending().get(**scope), False
    transaction.on_commit(lambda: compile_report.delay(report.pk))
    return report, True


def monthly_reports_request(*, month):
    """Every monthly report of ``month``: each active area command, each unit with officers, each officer."""
    created = 0
    Kind, Level = GeneratedReport.Kind, GeneratedReport.Level
    for area in AreaCommand.objects.active():
        created += report_request(kind=Kind.MONTHLY, level=Level.AREA, period=month, area_command=area)[1]
    sergeants = User.objects.active().filter(role=User.Role.SERGEANT, unit__is_active=True).distinct()
    for sergeant in sergeants.select_related("area_command"):
        created += report_request(
            kind=Kind.MONTHLY, level=Level.UNIT, period=month, area_command=sergeant.area_command, sergeant=sergeant
        )[1]
    for officer in User.objects.active().filter(role=User.Role.OFFICER).select_related("area_command"):
        created += report_request(
            kind=Kind.MONTHLY, level=Level.OFFICER, period=month, area_command=officer.area_command, officer=officer
        )[1]
    return created


@contextmanager
def _claimed(report_id):
    """The report, marked running, if this worker may compile it; None when it is done or being compiled."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, report_id])
        locked = cursor.fetchone()[0]
    if not locked:
        yield None
        return
    try:
        claimed = GeneratedReport.objects.filter(pk=report_id, status__in=GeneratedReport.PENDING).update(
            status=GeneratedReport.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, error=""
        )
        yield (
            GeneratedReport.objects.select_related("area_command", "sergeant", "officer", "requested_by").get(
                pk=report_id
            )
            if claimed
            else None
        )
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, report_id])
        except DatabaseError:
            connection.close()  # a broken connection holds no lock once closed


def report_compile(*, report_id):
    """Claim the report, build its figures, draw it, keep the file: safe to run twice.

    Returns the report, or None when there was nothing to do (done already, or another worker has it).
    Transient database errors propagate, for the task to retry; any other error fails the report,
    with the error shown to whoever asked.
    """
    with _claimed(report_id) as report:
        if report is None:
            return None
        try:
            content, pages, build_seconds, render_seconds = _draw(report)
        except Exception as error:
            if _is_transient(error):
                raise
            logger.exception("Report %s failed", report_id)
            report_fail(report_id=report_id, error=error)
            return None
        report.file.save(report.filename(), ContentFile(content), save=False)
        done = GeneratedReport.objects.filter(pk=report_id, status=GeneratedReport.Status.RUNNING).update(
            status=GeneratedReport.Status.DONE,
            file=report.file.name,
            page_count=pages,
            finished_at=timezone.now(),
            build_seconds=round(build_seconds, 3),
            render_seconds=round(render_seconds, 3),
        )
        report.refresh_from_db()
        if done:
            record_change(report)
        return report


def report_fail(*, report_id, error):
    message = str(error) or error.__class__.__name__
    failed = GeneratedReport.objects.filter(pk=report_id, status__in=GeneratedReport.PENDING).update(
        status=GeneratedReport.Status.FAILED, finished_at=timezone.now(), error=message[:2000]
    )
    if failed:
        record_change(GeneratedReport.objects.get(pk=report_id))


def _is_transient(error):
    return isinstance(error, (OperationalError, InterfaceError))


def report_context(report):
    """Everything the report's template draws, gathered inside the department's time and the report's language."""
    department = clock.department()
    context = {
        "report": report,
        "department": department,
        "logo": logo_data_uri(department),
        "generated_at": timezone.now(),
    }
    if report.kind == GeneratedReport.Kind.MONTHLY:
        context["data"] = monthly_report(
            area=report.area_command, month=report.period, sergeant=report.sergeant, officer=report.officer
        )
    else:
        context["data"] = annual_report(year=report.period.year)
        context["recommendations"] = annual_recommendations(report.period.year)
    return context


def _draw(report):
    with clock.in_department_time(), override(report.language):
        started = time.monotonic()
        context = report_context(report)
        html = render_to_string(TEMPLATES[report.kind], context)
        built = time.monotonic()
        document = draw(html)
        content = document.write_pdf(pdf_variant=PDF_VARIANT)
        drawn = time.monotonic()
    return content, len(document.pages), built - started, drawn - built


def annual_recommendations(year):
    """The year's recommendations record (a draft with none written, the first time it is asked for)."""
    return AnnualRecommendations.objects.select_related("written_by", "finalized_by").get_or_create(year=year)[0]


def _locked_recommendations(year):
    AnnualRecommendations.objects.get_or_create(year=year)
    return AnnualRecommendations.objects.select_for_update().get(year=year)


def annual_draft_request(*, year, by=None):
    """Compile the year's annual report as a draft (watermarked DRAFT); not once it is final."""
    if annual_recommendations(year).is_final():
        raise ValidationError(_("The %(year)s report is final: it is no longer drafted.") % {"year": year})
    return report_request(
        kind=GeneratedReport.Kind.ANNUAL,
        level=GeneratedReport.Level.DEPARTMENT,
        period=date(year, 1, 1),
        is_draft=True,
        by=by,
    )


@transaction.atomic
def recommendations_write(*, year, text, by):
    """The chief (or the designee) writes, or rewrites, the recommendations on the draft."""
    recommendations = _locked_recommendations(year)
    if not recommendations.can_become(AnnualRecommendations.Status.WRITTEN):
        raise ValidationError(_("The report is final: its recommendations no longer change."))
    recommendations.text = text.strip()
    recommendations.status = AnnualRecommendations.Status.WRITTEN
    recommendations.written_by, recommendations.written_at = by, timezone.now()
    recommendations.full_clean()
    recommendations.save()
    return recommendations


@transaction.atomic
def annual_finalize(*, year, by):
    """Make the year's report final: the recommendations are frozen and the final PDF is compiled with them."""
    recommendations = _locked_recommendations(year)
    if not recommendations.can_become(AnnualRecommendations.Status.FINAL) or not recommendations.text:
        raise ValidationError(_("Write the recommendations before making the report final."))
    recommendations.status = AnnualRecommendations.Status.FINAL
    recommendations.finalized_by, recommendations.finalized_at = by, timezone.now()
    recommendations.save()
    return report_request(
        kind=GeneratedReport.Kind.ANNUAL, level=GeneratedReport.Level.DEPARTMENT, period=date(year, 1, 1), by=by
    )
