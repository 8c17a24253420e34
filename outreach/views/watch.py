"""Neighborhood watch groups: the list, a group's page, its captains and meetings, and coverage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, Max, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import clock
from ..exports import WatchGroupExport
from ..filters import WatchGroupFilter
from ..forms.watch import CaptainForm, MeetingForm, WatchGroupForm, WatchStatusForm
from ..lib import audit
from ..lib.lists import paginate, wants_csv
from ..lib.panels import panels_for
from ..lib.retention import retention_refusal
from ..models import AreaCommand, AuditEvent, Sector, WatchGroup
from ..scope import get_object_for_user
from ..services.watch import watch_group_set_status

REQUESTER_PERMISSION = "outreach.handle_watchgroup_request"


def _groups():
    return WatchGroup.objects.select_related("area_command", "sector", "liaison_officer")


def get_group_for_user(user, pk, perm="outreach.view_watchgroup"):
    return get_object_for_user(user, _groups(), perm=perm, pk=pk)


@login_required
@permission_required("outreach.view_watchgroup", raise_exception=True)
def watch_list(request):
    queryset = (
        _groups()
        .for_user(request.user)
        .annotate(last_meeting=Max("meetings__held_on"), captain_count=Count("captains", distinct=True))
        # Django drops Meta.ordering on a grouped query: order it here, with a tie-breaker for pagination.
        .order_by("name", "pk")
    )
    filterset = WatchGroupFilter(request.GET, queryset=queryset, request=request)
    groups = filterset.qs
    if wants_csv(request):
        return WatchGroupExport(groups).response()
    return render(request, "outreach/watch/list.html", {"filter": filterset, "page": paginate(request, groups)})


@login_required
def watch_detail(request, pk, bound_forms=None, status=200):
    group = get_group_for_user(request.user, pk)
    # Who asked for a citizens' group is for the staff who pick requests up; each time the page shows it,
    # the audit log says so.
    requester_shown = bool(group.requester_name) and request.user.has_perm(REQUESTER_PERMISSION)
    if requester_shown:
        audit.record(AuditEvent.Action.CONTACT_VIEWED, request=request, obj=group)
    bound_forms = bound_forms or {}
    can_change = request.user.has_perm("outreach.change_watchgroup")
    context = {
        "group": group,
        "requester_shown": requester_shown,
        "captains": group.captains.all(),
        "meetings": group.meetings.select_related("officer_present"),
        "can_change": can_change,
        "now": timezone.now(),
        "status_form": bound_forms.get("status") or WatchStatusForm(group=group),
        "captain_form": bound_forms.get("captain") or CaptainForm(),
        "meeting_form": bound_forms.get("meeting") or MeetingForm(user=request.user),
        "panels": panels_for("watch_group", group, request),
    }
    return render(request, "outreach/watch/detail.html", context, status=status)


@login_required
@permission_required("outreach.add_watchgroup", raise_exception=True)
@require_http_methods(["GET", "POST"])
def watch_create(request):
    form = WatchGroupForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            group = form.save()
            messages.success(
                request, _("%(name)s was added. Add its block captains and first meeting.") % {"name": group.name}
            )
            return redirect(group)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/watch/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def watch_edit(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = WatchGroupForm(request.POST or None, instance=group, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("%(name)s was saved.") % {"name": group.name})
            return redirect(group)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/watch/form.html", {"form": form, "group": group})


@login_required
@require_POST
def watch_set_status(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = WatchStatusForm(request.POST, group=group)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses offered."))
        return watch_detail(request, pk, bound_forms={"status": form}, status=400)
    try:
        group = watch_group_set_status(group=group, status=form.cleaned_data["status"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(group)
    messages.success(
        request, _("%(name)s is now %(status)s.") % {"name": group.name, "status": group.get_status_display().lower()}
    )
    return redirect(group)


@login_required
@require_POST
def captain_add(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = CaptainForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The block captain was not added: see below."))
        return watch_detail(request, pk, bound_forms={"captain": form}, status=400)
    captain = form.save(commit=False)
    captain.group = group
    captain.save()
    messages.success(request, _("%(name)s was added as a block captain.") % {"name": captain.name})
    return redirect(group)


@login_required
@require_POST
def meeting_add(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = MeetingForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("The meeting was not recorded: see below."))
        return watch_detail(request, pk, bound_forms={"meeting": form}, status=400)
    meeting = form.save(commit=False)
    meeting.group = group
    meeting.save()
    messages.success(request, _("The meeting was recorded."))
    return redirect(group)


def _confirm_removal(request, *, question, explanation, confirm_label, back_url):
    context = {"question": question, "explanation": explanation, "confirm_label": confirm_label, "back_url": back_url}
    return render(request, "confirm_delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def captain_remove(request, pk, captain_pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    captain = get_object_or_404(group.captains, pk=captain_pk)
    if request.method == "POST":
        captain.delete()
        messages.success(request, _("%(name)s is no longer a block captain of the group.") % {"name": captain.name})
        return redirect(group)
    return _confirm_removal(
        request,
        question=_("Remove %(name)s as block captain?") % {"name": captain.name},
        explanation=_("Their name and contact details leave the group's page; the change is kept in its history."),
        confirm_label=_("Remove the block captain"),
        back_url=group.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_remove(request, pk, meeting_pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    meeting = get_object_or_404(group.meetings, pk=meeting_pk)
    # A meeting that took place is a record (policy 003 §C.4); one still ahead may go.
    if refusal := retention_refusal(meeting):
        messages.error(request, refusal)
        return redirect(group)
    if request.method == "POST":
        meeting.delete()
        messages.success(request, _("The meeting was removed."))
        return redirect(group)
    return _confirm_removal(
        request,
        question=_("Remove the meeting of %(date)s?") % {"date": date_format(timezone.localtime(meeting.held_on))},
        explanation=_(
            "Remove a meeting only if it was recorded by mistake: the group's last meeting is counted from them."
        ),
        confirm_label=_("Remove the meeting"),
        back_url=group.get_absolute_url(),
    )


@login_required
@permission_required("outreach.view_watchgroup", raise_exception=True)
def watch_coverage(request):
    """Sectors with no active group, and active groups with no meeting in six months."""
    today = clock.today()
    active_here = WatchGroup.objects.active().filter(sector=OuterRef("pk"))
    uncovered = (
        Sector.objects.for_user(request.user)
        .filter(area_command__is_active=True)
        .annotate(covered=Exists(active_here))
        .filter(covered=False)
        .select_related("area_command")
    )
    uncovered_areas = (
        AreaCommand.objects.active()
        .for_user(request.user)
        .annotate(covered=Exists(WatchGroup.objects.active().filter(area_command=OuterRef("pk"))))
        .filter(covered=False)
    )
    lapsing = _groups().for_user(request.user).lapsing(today).order_by("last_meeting", "name")
    return render(
        request,
        "outreach/watch/coverage.html",
        {
            "uncovered": uncovered,
            "uncovered_areas": uncovered_areas,
            "lapsing": lapsing,
            "months": WatchGroup.LAPSING_MONTHS,
        },
    )
