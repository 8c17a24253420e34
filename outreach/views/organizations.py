from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..filters import OrganizationFilter
from ..forms import OrganizationForm
from ..lists import csv_response, paginate, wants_csv
from ..models import Organization
from ..scope import get_object_for_user


@login_required
@permission_required("outreach.view_organization", raise_exception=True)
def organization_list(request):
    queryset = Organization.objects.for_user(request.user).select_related("area_command", "sector")
    filterset = OrganizationFilter(request.GET, queryset=queryset, request=request)
    organizations = filterset.qs
    if wants_csv(request):
        return csv_response(
            "organizations",
            [
                _("Name"),
                _("Kind"),
                _("Area command"),
                _("Sector"),
                _("Contact person"),
                _("Phone"),
                _("E-mail"),
                _("Address"),
            ],
            (
                [
                    o.name,
                    o.get_kind_display(),
                    o.area_command.name,
                    o.sector.name if o.sector else "",
                    o.contact_name,
                    o.phone,
                    o.email,
                    o.address,
                ]
                for o in organizations.iterator(chunk_size=500)
            ),
        )
    return render(
        request,
        "outreach/organization_list.html",
        {"filter": filterset, "page": paginate(request, organizations)},
    )


@login_required
def organization_detail(request, pk):
    organization = get_object_for_user(
        request.user,
        Organization.objects.select_related("area_command", "sector"),
        perm="outreach.view_organization",
        pk=pk,
    )
    return render(request, "outreach/organization_detail.html", {"organization": organization})


@login_required
@permission_required("outreach.add_organization", raise_exception=True)
@require_http_methods(["GET", "POST"])
def organization_create(request):
    form = OrganizationForm(request.POST or None, request=request)
    if request.method == "POST":
        if form.is_valid():
            organization = form.save()
            messages.success(request, _("%(name)s was added to the directory.") % {"name": organization.name})
            return redirect(organization)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/organization_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request, pk):
    organization = get_object_for_user(
        request.user, Organization.objects.all(), perm="outreach.change_organization", pk=pk
    )
    form = OrganizationForm(request.POST or None, instance=organization, request=request)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("%(name)s was saved.") % {"name": organization.name})
            return redirect(organization)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/organization_form.html", {"form": form, "organization": organization})
