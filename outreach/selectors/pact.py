"""The PACT workload of an area command, person by person: what the lieutenant and the commander oversee."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .. import clock
from ..models import ActionPlan, Concern, PlanEvent, User


def _count(queryset, person_field):
    """A correlated COUNT per person, so that two counts never multiply each other's rows."""
    counted = queryset.filter(**{person_field: OuterRef("pk")}).order_by().values(person_field).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n")), 0)


def _holders(permission):
    return User.objects.with_perm(permission, backend="django.contrib.auth.backends.ModelBackend").values("pk")


def area_workload(area_command_id, *, today=None):
    """Per officer: open concerns, plans overdue, plans under way, closed this month; per reviewer: reviews."""
    today = today or clock.today()
    month_start = today.replace(day=1)
    concerns = Concern.objects.filter(area_command=area_command_id)
    plans = ActionPlan.objects.filter(area_command=area_command_id)
    people = User.objects.active().filter(area_command=area_command_id)
    # Who works concerns and who reviews plans, asked of the permissions (a department may re-map them).
    reviewers = _holders(ActionPlan.REVIEW_PERMISSION)
    officers = (
        people.filter(pk__in=_holders(Concern.TAKE_PERMISSION))
        .exclude(pk__in=reviewers)
        .annotate(
            open_concerns=_count(concerns.open(), "assigned_to"),
            overdue=_count(concerns.overdue(today), "assigned_to"),
            under_way=_count(plans.filter(status__in=ActionPlan.UNDER_WAY), "officer"),
            closed=_count(plans.filter(status=ActionPlan.Status.CLOSED, closed_at__date__gte=month_start), "officer"),
        )
        .order_by("last_name", "first_name")
    )
    reviews = PlanEvent.objects.filter(plan__area_command=area_command_id, at__date__gte=month_start)
    sergeants = (
        people.filter(pk__in=reviewers)
        .annotate(
            approved=_count(reviews.filter(action=PlanEvent.Action.APPROVED), "by"),
            returned=_count(reviews.filter(action=PlanEvent.Action.RETURNED), "by"),
        )
        .order_by("last_name", "first_name")
    )
    waiting = plans.awaiting_review().count()
    return {"officers": officers, "sergeants": sergeants, "waiting": waiting, "month": month_start}
