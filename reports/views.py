"""The reports page: what a user may see, a form to ask for one, each report's status and its download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outreach.lib.lists import paginate

from .filters import ReportFilter
from .forms import ReportRequestForm
from .models import GeneratedReport
from .services import report_request


def _reports():
    return GeneratedReport.objects.select_related("area_command", "sergeant", "officer", "requested_by")


def get_report_for_user(user, pk):
    """404 for a report outside the user's scope; 403 for the annual report to a role that may not read it."""
    report = get_object_or_404(_reports(), pk=pk)
    if report.kind == GeneratedReport.Kind.ANNUAL and not user.has_perm("reports.view_annual_report"):
        raise PermissionDenied
    return get_object_or_404(_reports().for_user(user), pk=pk)


@login_required
@permission_required("reports.view_generatedreport", raise_exception=True)
@require_http_methods(["GET", "POST"])
def report_list(request):
    may_ask = request.user.has_perm("reports.generate_report")
    form = ReportRequestForm(request.POST if request.method == "POST" else None, user=request.user) if may_ask else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            report, created = report_request(**form.scope(), by=request.user)
            if created:
                messages.success(request, _("The report is being compiled: this page shows when it is ready."))
            else:
                messages.info(request, _("This report was already being compiled: here it is."))
            return redirect(report)
        if any(error.code == "invalid_choice" for error in form.errors.as_data().get("subject", [])):
            raise Http404  # another area command's report: its existence is not revealed
        messages.error(request, _("The report was not asked for: see below."))
        status = 400
    filterset = ReportFilter(request.GET, queryset=_reports().for_user(request.user), request=request)
    context = {"form": form, "filter": filterset, "page": paginate(request, filterset.qs)}
    return render(request, "reports/list.html", context, status=status)


@login_required
def report_detail(request, pk):
    report = get_report_for_user(request.user, pk)
    history = (
        _reports()
        .for_user(request.user)
        .filter(
            kind=report.kind,
            level=report.level,
            period=report.period,
            area_command=report.area_command,
            sergeant=report.sergeant,
            officer=report.officer,
        )
        .exclude(pk=report.pk)
        .order_by("-requested_at")
    )
    return render(request, "reports/detail.html", {"report": report, "history": history[:20]})


@login_required
@require_GET
@never_cache
def report_status(request, pk):
    """The report's status for the page's own script, which polls it while the report is compiled."""
    report = get_report_for_user(request.user, pk)
    return JsonResponse(
        {
            "status": report.status,
            "label": report.get_status_display(),
            "pending": report.is_pending(),
            "done": report.is_done(),
            "download_url": report.get_download_url() if report.is_done() else "",
            "pages": report.page_count,
            "error": report.error if report.status == GeneratedReport.Status.FAILED else "",
        }
    )


@login_required
@require_GET
def report_download(request, pk):
    """The PDF, from the private media folder through this view only."""
    report = get_report_for_user(request.user, pk)
    if not report.is_done() or not report.file:
        raise Http404
    try:
        file = report.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type="application/pdf", filename=report.filename())
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def report_regenerate(request, pk):
    """Compile the report again; the earlier file stays in its history."""
    report = get_report_for_user(request.user, pk)
    perm = "reports.generate_annual_report" if report.kind == GeneratedReport.Kind.ANNUAL else "reports.generate_report"
    if not request.user.has_perm(perm):
        raise PermissionDenied
    again, created = report_request(
        kind=report.kind,
        level=report.level,
        period=report.period,
        area_command=report.area_command,
        sergeant=report.sergeant,
        officer=report.officer,
        is_draft=report.is_draft,
        by=request.user,
    )
    if created:
        messages.success(request, _("The report is being compiled again; the earlier one stays below."))
    else:
        messages.info(request, _("This report was already being compiled: here it is."))
    return redirect(again)
