"""Community concerns: intake from every source, the area's queue, assignment, merges and the timeline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import clock
from ..exports import ConcernExport
from ..filters import ConcernFilter
from ..forms.concerns import ConcernAssignForm, ConcernForm, ConcernMergeForm, ConcernNoActionForm
from ..lib import audit
from ..lib.lists import paginate, wants_csv
from ..models import AuditEvent, Concern, Partnership, PartnershipLogEntry
from ..scope import get_object_for_user
from ..services import concerns as services

# A new concern lists this many open ones like it, the most recent first.
SIMILAR_SHOWN = 10


def _concerns():
    return Concern.objects.select_related("category", "area_command", "sector", "assigned_to")


def get_concern_for_user(user, pk, perm="outreach.view_concern"):
    return get_object_for_user(user, _concerns(), perm=perm, pk=pk)


def _log_entry(request):
    """The partnership log entry a concern is recorded from (``?log_entry=``), within the user's scope."""
    value = request.GET.get("log_entry")
    if value is None:
        return None
    if not value.isdigit():
        raise Http404
    entries = PartnershipLogEntry.objects.select_related("partnership__organization").filter(
        partnership__in=Partnership.objects.for_user(request.user)
    )
    return get_object_or_404(entries, pk=value)


@login_required
@permission_required("outreach.view_concern", raise_exception=True)
def concern_list(request):
    concerns = _concerns().select_related("plan").for_user(request.user).order_by("-received_on", "-pk")
    filterset = ConcernFilter(request.GET, queryset=concerns, request=request)
    if wants_csv(request):
        return ConcernExport(filterset.qs).response()
    return render(
        request,
        "outreach/concerns/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs), "today": clock.today()},
    )


@login_required
@permission_required("outreach.add_concern", raise_exception=True)
@require_http_methods(["GET", "POST"])
def concern_create(request):
    log_entry = _log_entry(request)
    form = ConcernForm(request.POST or None, user=request.user, log_entry=log_entry, initial=_source_asked(request))
    if request.method == "POST":
        if form.is_valid():
            concern = services.concern_receive(concern=form.save(commit=False), by=request.user)
            due = {"date": date_format(concern.plan_due_on, "DATE_FORMAT")}
            if concern.is_overdue():
                messages.warning(
                    request,
                    _("The concern was recorded. Its action plan was due on %(date)s: it is already late, plan it now.")
                    % due,
                )
            else:
                messages.success(request, _("The concern was recorded. Its action plan is due on %(date)s.") % due)
            return redirect(concern)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/concerns/form.html", {"form": form, "log_entry": log_entry})


def _source_asked(request):
    source = request.GET.get("source")
    return {"source": source} if source in Concern.INTAKE_SOURCES else {}


def _timeline(concern):
    """The concern's own events and its plan's, in the order they happened."""
    events = list(concern.events.select_related("by", "officer", "other_concern__category"))
    plan = getattr(concern, "plan", None)
    if plan is not None:
        events += list(plan.events.select_related("by"))
    return sorted(events, key=lambda event: event.at)


def _reporter_shown(request, concern):
    """Whether the page shows who reported the concern; each time it does, the audit log says so."""
    shown = concern.reporter_visible_to(request.user)
    if shown and concern.has_reporter():
        audit.record(AuditEvent.Action.CONTACT_VIEWED, request=request, obj=concern)
    return shown


@login_required
def concern_detail(request, pk, *, assign_form=None, status=200):
    concern = get_object_for_user(request.user, _concerns().select_related("plan"), perm="outreach.view_concern", pk=pk)
    user = request.user
    similar = ()
    if concern.is_open():
        similar = (
            Concern.objects.for_user(user)
            .similar_to(concern)
            .select_related("category", "sector", "assigned_to")
            .order_by("-received_on", "-pk")[:SIMILAR_SHOWN]
        )
    context = {
        "concern": concern,
        "events": _timeline(concern),
        "similar": similar,
        "merged": concern.merged.select_related("category").order_by("received_on", "pk"),
        "presentations": concern.presentations.select_related("program"),
        "show_reporter": _reporter_shown(request, concern),
        "can_assign": concern.can_be_assigned_by(user),
        "can_take": concern.can_be_taken_by(user),
        "can_end": concern.can_be_ended_by(user),
        "can_edit": concern.is_open() and user.has_perm("outreach.change_concern"),
        "can_plan": concern.is_awaiting_plan()
        and user.has_perm("outreach.add_actionplan")
        and (concern.assigned_to_id == user.pk or user.has_perm(Concern.ASSIGN_PERMISSION)),
        "assign_form": assign_form or ConcernAssignForm(concern=concern),
        "today": clock.today(),
    }
    return render(request, "outreach/concerns/detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def concern_edit(request, pk):
    concern = get_concern_for_user(request.user, pk, perm="outreach.change_concern")
    if not concern.is_open():
        messages.error(request, _("A concern that is closed or merged is kept as it was."))
        return redirect(concern)
    form = ConcernForm(request.POST or None, instance=concern, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.concern_edit(concern=form.save(commit=False), by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(concern)
            messages.success(request, _("The concern was saved."))
            return redirect(concern)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/concerns/form.html", {"form": form, "concern": concern})


@login_required
@require_POST
def concern_assign(request, pk):
    concern = get_concern_for_user(request.user, pk, perm=Concern.ASSIGN_PERMISSION)
    form = ConcernAssignForm(request.POST, concern=concern)
    if not form.is_valid():
        messages.error(request, _("The concern was not assigned: choose an officer."))
        return concern_detail(request, pk, assign_form=form, status=400)
    officer = form.cleaned_data["officer"]
    try:
        services.concern_assign(concern=concern, officer=officer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(concern)
    messages.success(
        request, _("The concern is assigned to %(officer)s, who was e-mailed.") % {"officer": officer.display_name}
    )
    return redirect(concern)


@login_required
@require_POST
def concern_take(request, pk):
    concern = get_concern_for_user(request.user, pk, perm=Concern.TAKE_PERMISSION)
    try:
        services.concern_take(concern=concern, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(concern)
    messages.success(
        request,
        _("The concern is yours. Its action plan is due on %(date)s.")
        % {"date": date_format(concern.plan_due_on, "DATE_FORMAT")},
    )
    return redirect(concern)


@login_required
@require_http_methods(["GET", "POST"])
def concern_merge(request, pk, into):
    """Confirm, then fold the concern into a similar open one."""
    concern = get_concern_for_user(request.user, pk, perm=Concern.ASSIGN_PERMISSION)
    target = get_concern_for_user(request.user, into)
    if not concern.can_be_ended_by(request.user):
        messages.error(request, _("Only a concern still waiting for its plan can be merged or closed with no action."))
        return redirect(concern)
    form = ConcernMergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.concern_merge(concern=concern, into=target, by=request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(concern)
        messages.success(request, _("The concern was merged: it is now followed on this one."))
        return redirect(target)
    return render(request, "outreach/concerns/merge.html", {"concern": concern, "target": target, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def concern_no_action(request, pk):
    """Say why, then close the concern with no action."""
    concern = get_concern_for_user(request.user, pk, perm=Concern.ASSIGN_PERMISSION)
    if not concern.can_be_ended_by(request.user):
        messages.error(request, _("Only a concern still waiting for its plan can be merged or closed with no action."))
        return redirect(concern)
    form = ConcernNoActionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.concern_close_no_action(concern=concern, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(concern)
            messages.success(request, _("The concern was closed with no action; the reason is on its record."))
            return redirect(concern)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/concerns/no_action.html", {"concern": concern, "form": form})
