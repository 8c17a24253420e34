"""The audit log for the chief and the system administrator (CJIS AU-6): filter, read, export, review weekly."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import clock
from ..exports import AuditExport
from ..filters import AuditFilter
from ..forms.audit import AuditReviewForm, AuditWeekFilterForm
from ..lib.lists import paginate, wants_csv
from ..models import AuditEvent, AuditReview
from ..selectors import audit as weekly
from ..services.audit import audit_review_record

WEEKS_PER_PAGE = 26


@login_required
@permission_required("outreach.view_auditevent", raise_exception=True)
def audit_list(request):
    filterset = AuditFilter(request.GET, queryset=AuditEvent.objects.all(), request=request)
    events = filterset.qs
    if wants_csv(request):
        return AuditExport(events).response()
    context = {"filter": filterset, "page": paginate(request, events, per_page=50)}
    if request.user.has_perm(AuditReview.REVIEW_PERMISSION):
        context.update(_week_shown(filterset))
    return render(request, "outreach/audit/list.html", context)


def _week_shown(filterset):
    """When the filter's dates are exactly one Monday-to-Sunday week: that week and its review, if any."""
    dates = getattr(filterset.form, "cleaned_data", {})
    since, until = dates.get("since"), dates.get("until")
    if not since or until != since + timedelta(days=6) or since != clock.week_start(since):
        return {}
    first = weekly.first_week()
    if first is None or not first <= since <= clock.week_start(clock.today()):
        return {}
    return {"shown_week": since, "shown_week_review": AuditReview.objects.filter(week=since).first()}


@login_required
@permission_required(AuditReview.REVIEW_PERMISSION, raise_exception=True)
def audit_review_list(request):
    """Every week since the first audit event, newest first: its events, and whether and how it was reviewed."""
    today = clock.today()
    shown = AuditWeekFilterForm(request.GET)
    unreviewed = shown.is_valid() and shown.cleaned_data["state"] == "unreviewed"
    page = paginate(request, weekly.weeks(today, unreviewed=unreviewed), per_page=WEEKS_PER_PAGE)
    page.object_list = weekly.week_rows(list(page.object_list), today)
    return render(request, "outreach/audit/reviews.html", {"page": page, "filter": {"form": shown}})


@login_required
@permission_required(AuditReview.REVIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def audit_review(request, week):
    """One week: what it held, a link to its events, and its review — or the form that signs it off."""
    today = clock.today()
    first = weekly.first_week()
    if week != clock.week_start(week) or first is None or not first <= week <= clock.week_start(today):
        raise Http404
    row = weekly.week_rows([week], today)[0]
    review = row.review
    form = AuditReviewForm(request.POST or None) if review is None else None
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                audit_review_record(week=week, note=form.cleaned_data["note"], by=request.user, request=request)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                status = 400
            else:
                messages.success(
                    request,
                    _("The week of %(week)s is marked reviewed.") % {"week": date_format(week, "DATE_FORMAT")},
                )
                return redirect("outreach:audit_review_list")
        else:
            messages.error(request, _("The review was not saved: see below."))
            status = 400
    elif request.method == "POST":
        messages.error(request, _("This week was reviewed already."))
        status = 400
    context = {"week": row, "review": review, "form": form, "by_action": weekly.events_by_action(week)}
    return render(request, "outreach/audit/review.html", context, status=status)
