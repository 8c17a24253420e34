"""Writes on action plans: every step locks the row, checks who may take it, is recorded, and moves the concern along.

A concern's status follows its plan: being written → submitted → in progress → monitoring → closed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import clock
from ..lib.notifications import absolute_url, notify
from ..models import ActionPlan, Concern, PlanEvent, User

Status, Action = ActionPlan.Status, PlanEvent.Action
# The concern's status while its plan is in each state.
CONCERN_STATUS = {
    Status.DRAFT: Concern.Status.PLAN_DUE,
    Status.RETURNED: Concern.Status.PLAN_DUE,
    Status.SUBMITTED: Concern.Status.PLAN_SUBMITTED,
    Status.IN_PROGRESS: Concern.Status.IN_PROGRESS,
    Status.RESOLVED: Concern.Status.IN_PROGRESS,
    Status.MONITORING: Concern.Status.MONITORING,
    Status.CLOSED: Concern.Status.CLOSED,
}


def _locked(plan):
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


def _log(plan, action, by, comment=""):
    PlanEvent.objects.create(plan=plan, action=action, by=by, comment=comment)


def _move(plan, status, by, action, comment="", **fields):
    """Change the plan's state (already locked and checked), log it, and carry the concern along."""
    if not plan.can_become(status):
        raise ValidationError(
            _("This plan cannot go from “%(from)s” to “%(to)s”.")
            % {"from": plan.get_status_display(), "to": Status(status).label}
        )
    plan.status = status
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save(update_fields=["status", *fields, "updated_at"])
    _log(plan, action, by, comment)
    if plan.concern_id:
        _carry_concern(plan.concern_id, status=CONCERN_STATUS[status])


def _carry_concern(concern_id, **fields):
    """The concern follows its plan: saved, not updated in bulk, so its history has the step, who and from where."""
    concern = Concern.objects.select_for_update().get(pk=concern_id)
    for name, value in fields.items():
        setattr(concern, name, value)
    concern.save(update_fields=[*fields, "updated_at"])


def _check_worker(plan, by):
    if not plan.can_be_worked_by(by):
        raise PermissionDenied


def reviewers_for(plan):
    return (
        User.objects.with_perm(ActionPlan.REVIEW_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(area_command=plan.area_command_id, is_active=True)
        .exclude(pk__in=[plan.officer_id, plan.created_by_id])
    )


def _notify(plan, template, recipients, **context):
    notify(
        template=f"outreach/email/plans/{template}",
        recipients=[person.email for person in recipients],
        context={"plan": plan, "url": absolute_url(plan.get_absolute_url()), **context},
    )


@transaction.atomic
def plan_start(*, plan, by):
    """Open a draft plan for its subject; the ten days run from the subject's start, whatever today is."""
    subject = plan.subject
    if plan.concern_id:
        concern = Concern.objects.select_for_update().get(pk=plan.concern_id)
        if not concern.is_awaiting_plan() or hasattr(concern, "plan"):
            raise ValidationError(_("This concern already has its plan, or no longer waits for one."))
        plan.area_command_id, plan.sector_id, plan.starts_on = (
            concern.area_command_id,
            concern.sector_id,
            concern.received_on,
        )
    elif plan.partnership_id:
        plan.area_command_id, plan.starts_on = subject.organization.area_command_id, subject.starts_on
        plan.sector_id = subject.organization.sector_id
    else:
        plan.area_command_id, plan.starts_on = subject.area_command_id, subject.starts_on
    plan.due_on = ActionPlan.due_for(plan.starts_on)
    plan.status = Status.DRAFT
    plan.created_by = by
    plan.full_clean()
    plan.save()
    _log(plan, Action.CREATED, by)
    if plan.concern_id:
        _carry_concern(
            plan.concern_id,
            status=Concern.Status.PLAN_DUE,
            assigned_to_id=concern.assigned_to_id or plan.officer_id,
        )
    return plan


@transaction.atomic
def plan_save(*, plan, by):
    """Save the plan's sections while it is a draft or returned; its state is the services' alone."""
    current = _locked(plan)
    _check_worker(current, by)
    if not current.is_editable():
        raise ValidationError(
            _("The plan can no longer be edited: it is %(status)s.") % {"status": current.get_status_display().lower()}
        )
    for name in ("status", "due_on", "starts_on", "area_command_id", "first_submitted_at", "created_by_id"):
        setattr(plan, name, getattr(current, name))
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_submit(*, plan, by):
    current = _locked(plan)
    _check_worker(current, by)
    if not current.actions.exists():
        raise ValidationError(_("Add at least one planned action, with its owner and target date, before submitting."))
    now = clock.now()
    resubmitting = current.status == Status.RETURNED
    _move(
        current,
        Status.SUBMITTED,
        by,
        Action.RESUBMITTED if resubmitting else Action.SUBMITTED,
        submitted_at=now,
        first_submitted_at=current.first_submitted_at or now,
    )
    _notify(current, "submitted", reviewers_for(current), by=by)
    return current


def _check_reviewer(plan, by):
    if not plan.can_be_reviewed_by(by):
        if plan.involves(by):
            raise PermissionDenied(_("You wrote or carry out this plan: another supervisor approves it."))
        raise PermissionDenied


@transaction.atomic
def plan_approve(*, plan, by):
    current = _locked(plan)
    _check_reviewer(current, by)
    _move(current, Status.IN_PROGRESS, by, Action.APPROVED, reviewed_by=by, reviewed_at=clock.now(), review_comment="")
    _notify(current, "approved", [current.officer], by=by)
    return current


@transaction.atomic
def plan_return(*, plan, by, comment):
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the officer should change: the comment is required.")})
    current = _locked(plan)
    _check_reviewer(current, by)
    _move(
        current,
        Status.RETURNED,
        by,
        Action.RETURNED,
        comment,
        reviewed_by=by,
        reviewed_at=clock.now(),
        review_comment=comment,
    )
    _notify(current, "returned", [current.officer], by=by, comment=comment)
    return current


@transaction.atomic
def plan_log_entry(*, plan, entry, by):
    """Add to the implementation log: what was done, with its enforcement and results."""
    current = _locked(plan)
    _check_worker(current, by)
    if not current.is_under_way():
        raise ValidationError(_("The implementation log opens once the plan is approved."))
    if entry.done_on and entry.done_on < current.starts_on:
        raise ValidationError({"done_on": _("The entry cannot be dated before the plan's subject began.")})
    entry.plan, entry.by = current, by
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def plan_action_done(*, action, done_on, by):
    """The action's owner, the case officer or a supervisor marks a planned action done."""
    current = _locked(action.plan)
    if action.owner_id != by.pk:
        _check_worker(current, by)
    if not current.is_under_way():
        raise ValidationError(_("Planned actions are marked done once the plan is approved."))
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    return action


@transaction.atomic
def plan_assess(*, plan, by):
    """Record the measure after and the assessment while the plan is under way."""
    current = _locked(plan)
    _check_worker(current, by)
    if not current.is_under_way():
        raise ValidationError(_("The assessment is written while the plan is carried out or watched."))
    plan.full_clean()
    plan.save(update_fields=["after_value", "after_period", "assessment", "updated_at"])
    return plan


@transaction.atomic
def plan_resolve(*, plan, by, comment=""):
    current = _locked(plan)
    _check_worker(current, by)
    _move(current, Status.RESOLVED, by, Action.RESOLVED, comment)
    return current


@transaction.atomic
def plan_monitor(*, plan, by, recheck_on):
    """Keep watch so the problem does not come back (SOP 4-7-6 C.3), until the re-check date."""
    current = _locked(plan)
    _check_worker(current, by)
    if recheck_on is None or recheck_on <= clock.today():
        raise ValidationError({"recheck_on": _("Choose a re-check date after today.")})
    _move(current, Status.MONITORING, by, Action.MONITORING, recheck_on=recheck_on)
    return current


@transaction.atomic
def plan_reopen(*, plan, by, comment):
    if not comment.strip():
        raise ValidationError({"comment": _("Say what came back: the comment is required.")})
    current = _locked(plan)
    _check_worker(current, by)
    _move(current, Status.IN_PROGRESS, by, Action.REOPENED, comment)
    return current


@transaction.atomic
def plan_close(*, plan, by):
    """Close a watched plan; refused until the assessment says what changed, with the measure taken again."""
    current = _locked(plan)
    _check_worker(current, by)
    if current.recheck_on and current.recheck_on > clock.today():
        raise ValidationError(
            _("The plan is watched until %(date)s: close it on or after that day, once the re-check is done.")
            % {"date": date_format(current.recheck_on, "DATE_FORMAT")}
        )
    if not current.is_complete_for_closing():
        missing = _("Write the assessment and the measure after before closing: the plan must show the change.")
        empty = {"after_value": current.after_value is None, "assessment": not current.assessment.strip()}
        raise ValidationError({name: missing for name, is_empty in empty.items() if is_empty})
    _move(current, Status.CLOSED, by, Action.CLOSED, closed_at=clock.now())
    return current
