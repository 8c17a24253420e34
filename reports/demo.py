"""The demo's reports: last month's monthly reports, compiled, so the reports page has them from the start."""

from outreach import clock

from .models import GeneratedReport
from .services import monthly_reports_request, report_compile


def seed_reports():
    """Ask for every monthly report of last month and compile them here; returns how many were compiled."""
    month = clock.previous_month(clock.today().replace(day=1))
    if GeneratedReport.objects.filter(period=month).exists():
        return 0
    monthly_reports_request(month=month)
    compiled = 0
    for pk in GeneratedReport.objects.pending().filter(period=month).values_list("pk", flat=True):
        compiled += report_compile(report_id=pk) is not None
    return compiled


def reset_reports():
    """Delete every generated report and its file: the demo's reset starts from nothing."""
    for report in GeneratedReport.objects.exclude(file=""):
        report.file.delete(save=False)
    GeneratedReport.objects.all().delete()
