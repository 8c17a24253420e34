from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from programs.models import Presentation, Program

from ..forms import DepartmentForm, ProfileForm
from ..models import AreaCommand, Department, Organization, Referral, User

DASHBOARD_TEAM_SIZE = 30


def _count_per_area(queryset):
    """A correlated COUNT subquery per area command, so two counts never multiply each other's rows."""
    counts = queryset.filter(area_command=OuterRef("pk")).order_by().values("area_command").annotate(n=Count("pk"))
    return Coalesce(Subquery(counts.values("n")), 0)


@login_required
def dashboard(request):
    user = request.user
    organizations = Organization.objects.for_user(user)
    colleagues = User.objects.active().for_user(user)
    context = {
        "program_count": Program.objects.active().count(),
        "organization_count": organizations.count(),
        "user_count": colleagues.count(),
        "recent_organizations": organizations.select_related("area_command").order_by("-created_at")[:5],
    }
    presentations = Presentation.objects.for_user(user)
    context["my_open_reports"] = (
        presentations.authored_or_presented_by(user)
        .filter(status__in=[Presentation.Status.DRAFT, Presentation.Status.RETURNED])
        .count()
    )
    today = timezone.localdate()
    overdue = Referral.objects.for_user(user).overdue(today)
    if user.role == User.Role.OFFICER:
        overdue = overdue.filter(officer=user)
    context["overdue_referrals"] = overdue.count()
    if user.role in (User.Role.CHIEF, User.Role.DESIGNEE):
        context["not_reached"] = (
            Organization.objects.for_user(user)
            .not_reached_on_immigration_policy(today.year)
            .select_related("area_command")
        )
    if user.has_perm("programs.review_presentation"):
        context["awaiting_review"] = presentations.awaiting_review().not_involving(user).count()
    if user.sees_all_areas:
        # One row per area command, counted in SQL.
        context["areas"] = AreaCommand.objects.active().annotate(
            organization_count=_count_per_area(Organization.objects.all()),
            user_count=_count_per_area(User.objects.filter(is_active=True)),
        )
    else:
        context["team"] = colleagues.order_by("role", "last_name", "first_name")[:DASHBOARD_TEAM_SIZE]
    if user.has_perm("programs.add_program"):
        labels = dict(Program.Category.choices)
        context["catalog_by_category"] = [
            (labels[row["category"]], row["count"])
            for row in Program.objects.active().values("category").annotate(count=Count("id")).order_by("-count")
        ]
    return render(request, "outreach/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("profile")
    return render(request, "outreach/profile.html", {"form": form})


@login_required
@permission_required("outreach.change_department", raise_exception=True)
@require_http_methods(["GET", "POST"])
def department_settings(request):
    form = DepartmentForm(request.POST or None, request.FILES or None, instance=Department.load())
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The department's details were saved."))
            return redirect("department_settings")
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/department_form.html", {"form": form})


def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)


@cache_control(public=True, max_age=3600)
def department_logo(request):
    """The logo on every page header, public pages included."""
    logo = request.department.logo
    if not logo:
        raise Http404
    return FileResponse(logo.open("rb"))
