"""The reports page: what a user may see, a form to ask for one, each report's status and its download."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outreach import clock
from outreach.lib import audit
from outreach.lib.lists import paginate
from outreach.models import AuditEvent

from .filters import ReportFilter
from .forms import RecommendationsForm, ReportRequestForm
from .models import AnnualRecommendations, GeneratedReport
from .services import (
    annual_draft_request,
    annual_finalize,
    annual_recommendations,
    recommendations_write,
    report_request,
)


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
    context = {
        "form": form,
        "filter": filterset,
        "page": paginate(request, filterset.qs),
        "this_year": clock.today().year,
        "last_year": clock.today().year - 1,
    }
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
    audit.record(AuditEvent.Action.REPORT_DOWNLOADED, request=request, obj=report, file=report.filename())
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
    try:
        if report.kind == GeneratedReport.Kind.ANNUAL and report.is_draft:
            again, created = annual_draft_request(year=report.period.year, by=request.user)
        else:
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
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(report)
    if created:
        messages.success(request, _("The report is being compiled again; the earlier one stays below."))
    else:
        messages.info(request, _("This report was already being compiled: here it is."))
    return redirect(again)


def _year_asked(year):
    """A year the annual report can be about: the department's records reach five years back."""
    today = clock.today()
    if not today.year - 6 <= year <= today.year:
        raise Http404
    return year


def _annual_page(request, year, form=None, status=200):
    recommendations = annual_recommendations(year)
    reports = _reports().filter(kind=GeneratedReport.Kind.ANNUAL, period=date(year, 1, 1)).order_by("-requested_at")
    may_write = request.user.has_perm("reports.write_recommendations") and not recommendations.is_final()
    context = {
        "year": year,
        "recommendations": recommendations,
        "reports": reports[:20],
        "final": reports.filter(is_draft=False, status=GeneratedReport.Status.DONE).first(),
        "form": form or (RecommendationsForm(instance=recommendations) if may_write else None),
        "may_draft": request.user.has_perm("reports.generate_annual_report") and not recommendations.is_final(),
        "may_finalize": may_write and recommendations.can_become(AnnualRecommendations.Status.FINAL),
        "years": range(clock.today().year, clock.today().year - 6, -1),
    }
    return render(request, "reports/annual.html", context, status=status)


@login_required
@permission_required("reports.view_annual_report", raise_exception=True)
def annual_detail(request, year):
    """A year's citizen-concerns report: its drafts, the chief's recommendations, the final."""
    return _annual_page(request, _year_asked(year))


@login_required
@permission_required("reports.write_recommendations", raise_exception=True)
@require_POST
def annual_recommendations_save(request, year):
    year = _year_asked(year)
    form = RecommendationsForm(request.POST, instance=annual_recommendations(year))
    if not form.is_valid():
        messages.error(request, _("The recommendations were not saved: see below."))
        return _annual_page(request, year, form=form, status=400)
    try:
        recommendations_write(year=year, text=form.cleaned_data["text"], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reports:annual_detail", year)
    messages.success(request, _("The recommendations were saved. Compile a draft to read them in the report."))
    return redirect("reports:annual_detail", year)


@login_required
@permission_required("reports.generate_annual_report", raise_exception=True)
@require_POST
def annual_draft(request, year):
    year = _year_asked(year)
    try:
        _report, created = annual_draft_request(year=year, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reports:annual_detail", year)
    if created:
        messages.success(request, _("The draft is being compiled: this page shows when it is ready."))
    else:
        messages.info(request, _("This report was already being compiled: here it is."))
    return redirect("reports:annual_detail", year)


@login_required
@permission_required("reports.write_recommendations", raise_exception=True)
@require_http_methods(["GET", "POST"])
def annual_finalize_confirm(request, year):
    """Making the report final cannot be undone: a page says so first."""
    year = _year_asked(year)
    recommendations = annual_recommendations(year)
    if request.method == "POST":
        try:
            annual_finalize(year=year, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("reports:annual_detail", year)
        messages.success(request, _("The report is final; its final PDF is being compiled."))
        return redirect("reports:annual_detail", year)
    if not recommendations.can_become(AnnualRecommendations.Status.FINAL):
        messages.error(request, _("Write the recommendations before making the report final."))
        return redirect("reports:annual_detail", year)
    return render(request, "reports/annual_finalize.html", {"year": year, "recommendations": recommendations})
