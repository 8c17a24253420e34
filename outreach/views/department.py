"""The department's settings page (the chief), its logo on every header, and the favicon."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required, permission_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from ..forms.department import DepartmentForm
from ..models import Department
from ..services import reminders


@login_required
@permission_required("outreach.change_department", raise_exception=True)
@require_http_methods(["GET", "POST"])
def department_settings(request):
    form = DepartmentForm(request.POST or None, request.FILES or None, instance=Department.load())
    if request.method == "POST":
        if form.is_valid():
            department = form.save()
            reminders.keep_schedule_in_zone(department.time_zone)
            messages.success(request, _("The department's details were saved."))
            return redirect("outreach:department_settings")
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/department/form.html", {"form": form})


@login_not_required
def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)


@login_not_required
@cache_control(public=True, max_age=3600)
def department_logo(request):
    """The logo on every page header, public pages included."""
    logo = request.department.logo
    if not logo:
        raise Http404
    return FileResponse(logo.open("rb"))
