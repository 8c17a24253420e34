"""The morning run: reminders before an action plan is due, and escalation once it is late.

Three days and one day before it is due the officer is e-mailed; once it is overdue, the
officer and the area's sergeants (``hear_of_overdue_actionplan``); five days overdue, the
area's lieutenants (``hear_of_late_actionplan``). Each step is sent once per concern (or
plan) and recorded, so a second run the same day sends nothing; a plan submitted since
gets nothing. A concern's ten days run before its plan exists, so a concern with no
submitted plan is reminded as a concern.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from .. import clock
from ..lib.notifications import absolute_url, notify
from ..models import ActionPlan, Concern, ConcernEvent, PlanEvent, PlanReminder, User

Step = PlanReminder.Step
REMINDER_TASK = "outreach.tasks.send_plan_reminders"
OVERDUE_PERMISSION = "outreach.hear_of_overdue_actionplan"
LATE_PERMISSION = "outreach.hear_of_late_actionplan"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def steps_due(days_left):
    """The steps a deadline ``days_left`` days away calls for; a reminder made moot by lateness is skipped."""
    if days_left < 0:
        return [Step.OVERDUE, Step.OVERDUE_5] if days_left <= -5 else [Step.OVERDUE]
    if days_left <= 1:
        return [Step.DUE_IN_1]
    if days_left <= 3:
        return [Step.DUE_IN_3]
    return []


@dataclass
class Due:
    """Something with a plan due: a concern (maybe with a draft plan) or a partnership's or project's plan."""

    concern: Concern | None
    plan: ActionPlan | None
    due_on: object
    area_command_id: int
    officer: User | None

    @property
    def url(self):
        return absolute_url((self.plan or self.concern).get_absolute_url())

    @property
    def title(self):
        return self.plan.title if self.plan else str(self.concern)


def _due_things():
    """Every concern still waiting for a submitted plan, and every other plan not submitted yet."""
    waiting = (
        Concern.objects.awaiting_plan()
        .filter(Q(plan__isnull=True) | Q(plan__first_submitted_at__isnull=True))
        .select_related("assigned_to", "plan__officer", "category")
    )
    for concern in waiting.order_by("pk"):
        plan = getattr(concern, "plan", None)
        officer = plan.officer if plan else concern.assigned_to
        yield Due(concern, plan, concern.plan_due_on, concern.area_command_id, officer)
    plans = ActionPlan.objects.not_submitted().filter(concern__isnull=True).select_related("officer")
    for plan in plans.order_by("pk"):
        yield Due(None, plan, plan.due_on, plan.area_command_id, plan.officer)


def _holders(permission, area_command_id):
    return list(
        User.objects.with_perm(permission, backend=BACKEND).filter(area_command=area_command_id, is_active=True)
    )


def _recipients(step, due):
    officer = [due.officer] if due.officer and due.officer.is_active else []
    if step in (Step.DUE_IN_3, Step.DUE_IN_1):
        # Nobody works it yet: the sergeants who would assign it hear of it instead.
        return officer or _holders(OVERDUE_PERMISSION, due.area_command_id)
    if step == Step.OVERDUE:
        return officer + _holders(OVERDUE_PERMISSION, due.area_command_id)
    return _holders(LATE_PERMISSION, due.area_command_id)


def _send(step, due, today):
    """Record the step, then e-mail it; a record already there (another run) means it was sent."""
    people = _recipients(step, due)
    addresses = sorted({person.email for person in people if person.email})
    try:
        with transaction.atomic():
            PlanReminder.objects.create(
                concern=due.concern, plan=due.plan, step=step, sent_on=today, recipients=", ".join(addresses)
            )
            label = Step(step).label
            if due.plan:
                PlanEvent.objects.create(plan=due.plan, action=PlanEvent.Action.REMINDED, comment=label)
            if due.concern:
                by = due.officer or (people[0] if people else None)
                if by is not None:
                    ConcernEvent.objects.create(
                        concern=due.concern, action=ConcernEvent.Action.REMINDED, by=by, comment=label
                    )
            notify(
                template="outreach/email/plans/reminder",
                recipients=addresses,
                context={"due": due, "step": step, "days_overdue": (today - due.due_on).days},
            )
    except IntegrityError:
        return None
    return addresses


def _key(concern_id, plan_id, step):
    """What makes a reminder once only: the concern's step, or the plan's when it answers no concern."""
    return ("concern", concern_id, step) if concern_id else ("plan", plan_id, step)


def send_plan_reminders(today=None):
    """Send every step due today that was not sent before; returns how many reminders went out."""
    today = today or clock.today()
    sent_before = {_key(*row) for row in PlanReminder.objects.values_list("concern_id", "plan_id", "step")}
    sent = 0
    for due in _due_things():
        for step in steps_due((due.due_on - today).days):
            if _key(due.concern and due.concern.pk, due.plan and due.plan.pk, step) in sent_before:
                continue
            if _send(step, due, today) is not None:
                sent += 1
    return sent


# The apps whose Celery tasks beat schedules: their crontabs move with the department's zone.
SCHEDULED_APPS = ("outreach.", "programs.", "surveys.", "reports.")


def keep_schedule_in_zone(zone):
    """Every scheduled run (07:00 reminders, the monthly survey results) follows the department's zone."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    for task in PeriodicTask.objects.filter(crontab__isnull=False).select_related("crontab"):
        if not task.task.startswith(SCHEDULED_APPS) or str(task.crontab.timezone) == str(zone):
            continue
        crontab, _created = CrontabSchedule.objects.get_or_create(
            minute=task.crontab.minute,
            hour=task.crontab.hour,
            day_of_week=task.crontab.day_of_week,
            day_of_month=task.crontab.day_of_month,
            month_of_year=task.crontab.month_of_year,
            timezone=zone,
        )
        task.crontab = crontab
        task.save(update_fields=["crontab"])
