"""Partnerships with community organizations and their daily information log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..exports import PartnershipExport
from ..filters import PartnershipFilter
from ..forms.partnerships import PartnershipForm, PartnershipLogForm
from ..lib.lists import paginate, wants_csv
from ..models import ActionPlan, Concern, Partnership, PartnershipLogEntry
from ..scope import get_object_for_user


def _partnerships():
    return Partnership.objects.select_related("organization__area_command", "responsible_officer")


def get_partnership_for_user(user, pk, perm="outreach.view_partnership"):
    return get_object_for_user(user, _partnerships(), perm=perm, pk=pk)


@login_required
@permission_required("outreach.view_partnership", raise_exception=True)
def partnership_list(request):
    queryset = (
        _partnerships()
        .for_user(request.user)
        # A subquery, read for the rows shown: a join would aggregate every log entry of five years first.
        .annotate(
            last_entry=Subquery(
                PartnershipLogEntry.objects.filter(partnership=OuterRef("pk"))
                .order_by("-logged_on")
                .values("logged_on")[:1]
            )
        )
        .order_by("organization__name", "-starts_on", "pk")
    )
    filterset = PartnershipFilter(request.GET, queryset=queryset, request=request)
    partnerships = filterset.qs
    if wants_csv(request):
        return PartnershipExport(partnerships).response()
    return render(
        request, "outreach/partnerships/list.html", {"filter": filterset, "page": paginate(request, partnerships)}
    )


@login_required
def partnership_detail(request, pk, log_form=None, status=200):
    partnership = get_partnership_for_user(request.user, pk)
    entries = partnership.log_entries.select_related("officer").prefetch_related(
        Prefetch("concerns", queryset=Concern.objects.select_related("category").order_by("pk"))
    )
    context = {
        "partnership": partnership,
        "page": paginate(request, entries),
        "log_form": log_form or PartnershipLogForm(),
        "plans": ActionPlan.objects.for_user(request.user).filter(partnership=partnership).order_by("-starts_on", "pk"),
    }
    return render(request, "outreach/partnerships/detail.html", context, status=status)


@login_required
@permission_required("outreach.add_partnership", raise_exception=True)
@require_http_methods(["GET", "POST"])
def partnership_create(request):
    form = PartnershipForm(
        request.POST or None, user=request.user, initial={"organization": request.GET.get("organization")}
    )
    if request.method == "POST":
        if form.is_valid():
            partnership = form.save()
            messages.success(
                request, _("The partnership with %(name)s was recorded.") % {"name": partnership.organization.name}
            )
            return redirect(partnership)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/partnerships/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def partnership_edit(request, pk):
    partnership = get_partnership_for_user(request.user, pk, perm="outreach.change_partnership")
    form = PartnershipForm(request.POST or None, instance=partnership, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The partnership was saved."))
            return redirect(partnership)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/partnerships/form.html", {"form": form, "partnership": partnership})


@login_required
@require_POST
def partnership_log_add(request, pk):
    partnership = get_partnership_for_user(request.user, pk, perm="outreach.add_partnershiplogentry")
    form = PartnershipLogForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The entry was not saved: see below."))
        return partnership_detail(request, pk, log_form=form, status=400)
    entry = form.save(commit=False)
    entry.partnership = partnership
    entry.officer = request.user
    entry.save()
    messages.success(request, _("The information was logged."))
    return redirect(partnership)
