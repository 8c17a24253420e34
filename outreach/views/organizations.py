from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..exports import OrganizationExport
from ..filters import OrganizationFilter
from ..forms.organizations import ImmigrationOutreachForm, OrganizationForm
from ..lib.lists import paginate, wants_csv
from ..models import ImmigrationOutreach, Organization
from ..scope import get_object_for_user


def _organizations():
    return Organization.objects.select_related("area_command", "sector")


def get_organization_for_user(user, pk, perm="outreach.view_organization"):
    return get_object_for_user(user, _organizations(), perm=perm, pk=pk)


@login_required
@permission_required("outreach.view_organization", raise_exception=True)
def organization_list(request):
    queryset = _organizations().for_user(request.user)
    filterset = OrganizationFilter(request.GET, queryset=queryset, request=request)
    organizations = filterset.qs
    if wants_csv(request):
        return OrganizationExport(organizations).response()
    return render(
        request,
        "outreach/organizations/list.html",
        {"filter": filterset, "page": paginate(request, organizations)},
    )


@login_required
def organization_detail(request, pk, outreach_form=None, status=200):
    organization = get_organization_for_user(request.user, pk)
    context = {
        "organization": organization,
        "partnerships": organization.partnerships.select_related("responsible_officer"),
        "immigration_eligible": organization.kind in ImmigrationOutreach.ELIGIBLE_KINDS,
    }
    if context["immigration_eligible"]:
        context["immigration_outreach"] = organization.immigration_outreach.select_related("officer")
        context["outreach_form"] = outreach_form or ImmigrationOutreachForm()
    return render(request, "outreach/organizations/detail.html", context, status=status)


@login_required
@permission_required("outreach.add_organization", raise_exception=True)
@require_http_methods(["GET", "POST"])
def organization_create(request):
    form = OrganizationForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            organization = form.save()
            messages.success(request, _("%(name)s was added to the directory.") % {"name": organization.name})
            return redirect(organization)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/organizations/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request, pk):
    organization = get_organization_for_user(request.user, pk, perm="outreach.change_organization")
    form = OrganizationForm(request.POST or None, instance=organization, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("%(name)s was saved.") % {"name": organization.name})
            return redirect(organization)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/organizations/form.html", {"form": form, "organization": organization})


@login_required
@require_POST
def immigration_outreach_add(request, pk):
    """Record that the organization was reached on the department's immigration-status policy."""
    organization = get_organization_for_user(request.user, pk, perm="outreach.add_immigrationoutreach")
    if organization.kind not in ImmigrationOutreach.ELIGIBLE_KINDS:
        raise Http404
    form = ImmigrationOutreachForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The outreach was not recorded: see below."))
        return organization_detail(request, pk, outreach_form=form, status=400)
    outreach = form.save(commit=False)
    outreach.organization = organization
    outreach.officer = request.user
    outreach.save()
    messages.success(request, _("The outreach to %(name)s was recorded.") % {"name": organization.name})
    return redirect(organization)
