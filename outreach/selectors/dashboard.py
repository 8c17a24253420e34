"""What each dashboard counts: every figure asked of the user's permissions and scope, counted in SQL."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from programs.models import Presentation, Program

from .. import clock
from ..models import AreaCommand, Organization, Referral, User

DASHBOARD_TEAM_SIZE = 30


def _count_per_area(queryset):
    """A correlated COUNT subquery per area command, so two counts never multiply each other's rows."""
    counts = queryset.filter(area_command=OuterRef("pk")).order_by().values("area_command").annotate(n=Count("pk"))
    return Coalesce(Subquery(counts.values("n")), 0)


def dashboard_context(user):
    today = clock.today()
    organizations = Organization.objects.for_user(user)
    colleagues = User.objects.active().for_user(user)
    presentations = Presentation.objects.for_user(user)
    context = {
        "program_count": Program.objects.active().count(),
        "organization_count": organizations.count(),
        "user_count": colleagues.count(),
        "recent_organizations": organizations.select_related("area_command").order_by("-created_at")[:5],
        "my_open_reports": (
            presentations.authored_or_presented_by(user)
            .filter(status__in=[Presentation.Status.DRAFT, Presentation.Status.RETURNED])
            .count()
        ),
    }
    overdue = Referral.objects.for_user(user).overdue(today)
    if not user.has_perm("outreach.oversee_referral"):
        overdue = overdue.filter(officer=user)
    context["overdue_referrals"] = overdue.count()
    if user.has_perm("outreach.monitor_immigrationoutreach"):
        context["not_reached"] = organizations.not_reached_on_immigration_policy(today.year).select_related(
            "area_command"
        )
    if user.has_perm(Presentation.REVIEW_PERMISSION):
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
    return context
