"""What each dashboard counts: every figure asked of the user's permissions and scope, counted in SQL."""

from programs.models import Presentation, PresentationRequest
from surveys.models import ContactRequest, Survey, SurveyVersion

from .. import clock
from ..models import ActionPlan, AuditReview, Concern, Organization, Project, Referral, User
from .audit import unreviewed_week_count
from .pact import area_workload
from .trends import TRENDS_PERMISSION, outreach_trends, trend_charts

DASHBOARD_TEAM_SIZE = 30
# Each "now" list shows this many, the most urgent first, with a link to the whole list.
NOW_ITEMS = 5
REFERRALS_DUE_DAYS = 7
# A plan due within this many days is on its officer's dashboard (and e-mailed, see services/reminders).
PLANS_DUE_DAYS = 3


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
    concerns = Concern.objects.for_user(user).select_related("category", "area_command").order_by("received_on", "pk")
    if user.has_perm(Concern.TAKE_PERMISSION):
        # A concern whose plan is started is followed as a plan (due, returned), not twice.
        now["concerns_to_plan"] = concerns.awaiting_plan().filter(assigned_to=user, plan__isnull=True)[:NOW_ITEMS]
    if user.has_perm(Concern.ASSIGN_PERMISSION):
        now["concerns_unassigned"] = concerns.filter(status=Concern.Status.NEW)[:NOW_ITEMS]
    plans = ActionPlan.objects.for_user(user).select_related("area_command").order_by("due_on", "pk")
    if user.has_perm("outreach.change_actionplan") and user.area_command_id:
        mine = plans.filter(officer=user)
        now["plans_due"] = (mine.overdue(today) | mine.due_within(PLANS_DUE_DAYS, today)).order_by("due_on", "pk")[
            :NOW_ITEMS
        ]
        now["plans_returned"] = mine.returned()[:NOW_ITEMS]
    if user.has_perm(ActionPlan.REVIEW_PERMISSION):
        now["plans_to_review"] = (
            plans.awaiting_review().exclude(officer=user).exclude(created_by=user).order_by("submitted_at", "pk")
        )[:NOW_ITEMS]
    if user.has_perm("outreach.add_projectnote"):
        last_month = clock.previous_month(today.replace(day=1))
        now["notes_missing"] = (
            Project.objects.for_user(user)
            .active()
            .filter(lieutenant=user, starts_on__lt=today.replace(day=1))
            .exclude(notes__month=last_month)
            .order_by("name")[:NOW_ITEMS]
        )
    if user.has_perm(PresentationRequest.HANDLE_PERMISSION):
        requests = PresentationRequest.objects.for_user(user).pending().select_related("program")
        now["requests"] = requests.order_by("created_at")[:NOW_ITEMS]
    if user.has_perm("surveys.approve_survey"):
        now["surveys_to_approve"] = (
            SurveyVersion.objects.filter(
                status=SurveyVersion.Status.AWAITING_APPROVAL, survey__in=Survey.objects.for_user(user)
            )
            .select_related("survey")
            .order_by("submitted_at")[:NOW_ITEMS]
        )
    if user.has_perm("surveys.view_contactrequest"):
        # Citizens who asked in a survey to be contacted: the longest untouched first (flagged after 3 working days).
        now["contacts"] = (
            ContactRequest.objects.for_user(user).open().select_related("area_command").order_by("last_activity_at")
        )[:NOW_ITEMS]
    return now


def dashboard_context(user, *, area="", month=None):
    """What the user's dashboard shows: what to do now, and for command staff each area's month and trend.

    ``area`` (an area command's code, from ``?area=``) picks whose trend the charts draw, else the sum;
    ``month`` (its first day) the month shown, this month by default.
    """
    today = clock.today()
    presentations = Presentation.objects.for_user(user)
    context = {
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
        context["not_reached"] = (
            Organization.objects.for_user(user)
            .not_reached_on_immigration_policy(today.year)
            .select_related("area_command")
        )
    context["now"] = _what_to_do_now(user, presentations, today)
    if user.has_perm(AuditReview.REVIEW_PERMISSION):
        # CJIS AU-6: every week of the audit log that is over waits for the chief's or administrator's review.
        context["audit_weeks_unreviewed"] = unreviewed_week_count(today)
    if user.has_perm(Presentation.REVIEW_PERMISSION):
        context["awaiting_review"] = presentations.awaiting_review().not_involving(user).count()
    if user.has_perm(TRENDS_PERMISSION):
        context.update(_trends_context(user, area, month))
        if user.area_command_id and not user.sees_all_areas:
            context["workload"] = area_workload(user.area_command_id, today=today)
    if not user.sees_all_areas:
        colleagues = User.objects.active().for_user(user)
        context["team"] = colleagues.order_by("role", "last_name", "first_name")[:DASHBOARD_TEAM_SIZE]
        context["team_size"] = colleagues.count()
    return context


def _trends_context(user, area, month):
    trends = outreach_trends(user, month=month)
    rows = {row.area.code: row for row in trends["areas"]}
    # One area command is its own sum; of several, ``?area=`` picks one.
    shown = trends["areas"][0] if len(rows) == 1 else rows.get(area, trends["total"])
    charts, categories = trend_charts(trends, shown, user)
    return {"trends": trends, "shown": shown, "trend_charts": charts, "trend_categories": categories}
