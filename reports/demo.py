"""The demo's reports: last month's monthly reports, compiled, so the reports page has them from the start."""

from outreach import clock

from .models import GeneratedReport
from .services import annual_draft_request, monthly_reports_request, report_compile


def seed_reports():
    """Every monthly report of last month and a draft of this year's annual report, compiled here.

    Returns how many were compiled (none when the demo already has them).
    """
    month = clock.previous_month(clock.today().replace(day=1))
    if GeneratedReport.objects.filter(period=month).exists():
        return 0
    monthly_reports_request(month=month)
    annual_draft_request(year=clock.today().year)
    compiled = 0
    for pk in GeneratedReport.objects.pending().values_list("pk", flat=True):
        compiled += report_compile(report_id=pk) is not None
    return compiled


def reset_reports():
    """Delete every generated report and its file: the demo's reset starts from nothing."""
    for report in GeneratedReport.objects.exclude(file=""):
        report.file.delete(save=False)
    GeneratedReport.objects.all().delete()
