"""Neighborhood watch groups: the list, a group's page, its captains and meetings, and coverage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, Max, OuterRef
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import services
from ..filters import WatchGroupFilter
from ..forms import CaptainForm, MeetingForm, WatchGroupForm, WatchStatusForm
from ..lists import csv_response, paginate, wants_csv
from ..models import AreaCommand, Sector, WatchGroup
from ..scope import get_object_for_user

LAPSING_MONTHS = 6


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
    )
    filterset = WatchGroupFilter(request.GET, queryset=queryset, request=request)
    groups = filterset.qs
    if wants_csv(request):
        return csv_response(
            "watch-groups",
            [
                _("Reference"),
                _("Name"),
                _("Kind"),
                _("Status"),
                _("Area command"),
                _("Sector"),
                _("Liaison officer"),
                _("Block captains"),
                _("Last meeting"),
            ],
            (
                [
                    g.reference,
                    g.name,
                    g.get_kind_display(),
                    g.get_status_display(),
                    g.area_command.name if g.area_command else "",
                    g.sector.name if g.sector else "",
                    g.liaison_officer or "",
                    g.captain_count,
                    timezone.localtime(g.last_meeting).strftime("%Y-%m-%d") if g.last_meeting else "",
                ]
                for g in groups
            ),
        )
    return render(request, "outreach/watch_list.html", {"filter": filterset, "page": paginate(request, groups)})


@login_required
def watch_detail(request, pk, forms=None, status=200):
    group = get_group_for_user(request.user, pk)
    forms = forms or {}
    can_change = request.user.has_perm("outreach.change_watchgroup")
    context = {
        "group": group,
        "captains": group.captains.all(),
        "meetings": group.meetings.select_related("officer_present"),
        "can_change": can_change,
        "status_form": forms.get("status") or WatchStatusForm(group=group),
        "captain_form": forms.get("captain") or CaptainForm(),
        "meeting_form": forms.get("meeting") or MeetingForm(request=request),
    }
    return render(request, "outreach/watch_detail.html", context, status=status)


@login_required
@permission_required("outreach.add_watchgroup", raise_exception=True)
@require_http_methods(["GET", "POST"])
def watch_create(request):
    form = WatchGroupForm(request.POST or None, request=request)
    if request.method == "POST":
        if form.is_valid():
            group = form.save()
            messages.success(
                request, _("%(name)s was added. Add its block captains and first meeting.") % {"name": group.name}
            )
            return redirect(group)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/watch_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def watch_edit(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = WatchGroupForm(request.POST or None, instance=group, request=request)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("%(name)s was saved.") % {"name": group.name})
            return redirect(group)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/watch_form.html", {"form": form, "group": group})


@login_required
@require_POST
def watch_set_status(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = WatchStatusForm(request.POST, group=group)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses offered."))
        return watch_detail(request, pk, forms={"status": form}, status=400)
    try:
        group = services.watch_group_set_status(group=group, status=form.cleaned_data["status"], by=request.user)
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
        return watch_detail(request, pk, forms={"captain": form}, status=400)
    captain = form.save(commit=False)
    captain.group = group
    captain.save()
    messages.success(request, _("%(name)s was added as a block captain.") % {"name": captain.name})
    return redirect(group)


@login_required
@require_POST
def meeting_add(request, pk):
    group = get_group_for_user(request.user, pk, perm="outreach.change_watchgroup")
    form = MeetingForm(request.POST, request=request)
    if not form.is_valid():
        messages.error(request, _("The meeting was not recorded: see below."))
        return watch_detail(request, pk, forms={"meeting": form}, status=400)
    meeting = form.save(commit=False)
    meeting.group = group
    meeting.save()
    messages.success(request, _("The meeting was recorded."))
    return redirect(group)


@login_required
@permission_required("outreach.view_watchgroup", raise_exception=True)
def watch_coverage(request):
    """Sectors with no active group, and active groups with no meeting in six months."""
    today = timezone.localdate()
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
    lapsing = _groups().for_user(request.user).lapsing(today, months=LAPSING_MONTHS).order_by("last_meeting", "name")
    return render(
        request,
        "outreach/watch_coverage.html",
        {"uncovered": uncovered, "uncovered_areas": uncovered_areas, "lapsing": lapsing, "months": LAPSING_MONTHS},
    )
