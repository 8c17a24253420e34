"""What each dashboard counts: every figure asked of the user's permissions and scope, counted in SQL."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from programs.models import Presentation, PresentationRequest, Program

from .. import clock
from ..models import AreaCommand, Organization, Referral, User

DASHBOARD_TEAM_SIZE = 30
# Each "now" list shows this many, the most urgent first, with a link to the whole list.
NOW_ITEMS = 5
REFERRALS_DUE_DAYS = 7


def _count_per_area(queryset):
    """A correlated COUNT subquery per area command, so two counts never multiply each other's rows."""
    counts = queryset.filter(area_command=OuterRef("pk")).order_by().values("area_command").annotate(n=Count("pk"))
    return Coalesce(Subquery(counts.values("n")), 0)


def _what_to_do_now(user, presentations, today):
    """The lists that answer "what do I do now?", each asked of the user's permissions and scope."""
    now = {}
    listed = presentations.select_related("program", "area_command", "author")
    if user.has_perm("programs.add_presentation"):
        mine = listed.authored_or_presented_by(user)
        now["upcoming"] = mine.upcoming().order_by("starts_at")[:NOW_ITEMS]
        now["to_write"] = mine.awaiting_report().order_by("starts_at")[:NOW_ITEMS]
        now["returned"] = mine.returned().order_by("reviewed_at")[:NOW_ITEMS]
    if user.has_perm("outreach.add_referral"):
        due = Referral.objects.for_user(user).due_within(REFERRALS_DUE_DAYS, today).select_related("area_command")
        if not user.has_perm("outreach.oversee_referral"):
            due = due.filter(officer=user)
        now["referrals_due"] = due.order_by("follow_up_due")[:NOW_ITEMS]
    if user.has_perm(Presentation.REVIEW_PERMISSION):
        now["unreported"] = (
            listed.awaiting_report().exclude(pk__in=presentations.authored_or_presented_by(user).values("pk"))
        ).order_by("starts_at")[:NOW_ITEMS]
    if user.has_perm(PresentationRequest.HANDLE_PERMISSION):
        requests = PresentationRequest.objects.for_user(user).pending().select_related("program")
        now["requests"] = requests.order_by("created_at")[:NOW_ITEMS]
    return now


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
    context["now"] = _what_to_do_now(user, presentations, today)
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
