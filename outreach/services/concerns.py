"""Writes on concerns: each step locks the row, checks who may take it, and is recorded with who and when."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..lib.notifications import absolute_url, notify
from ..models import Concern, ConcernEvent

Status = Concern.Status
Action = ConcernEvent.Action


def _locked(concern):
    return Concern.objects.select_for_update().get(pk=concern.pk)


def _log(concern, action, by, **details):
    return ConcernEvent.objects.create(concern=concern, action=action, by=by, **details)


def _notify_assigned(concern, by):
    officer = concern.assigned_to
    if officer is None or officer.pk == by.pk:
        return
    notify(
        template="outreach/email/concerns/assigned",
        recipients=[officer.email],
        context={"concern": concern, "officer": officer, "by": by, "url": absolute_url(concern.get_absolute_url())},
    )


@transaction.atomic
def concern_receive(*, concern, by):
    """Record a concern from any source; an officer who records one of their area's works it."""
    concern.created_by = by
    concern.full_clean()
    concern.save()
    _log(concern, Action.RECEIVED, by)
    return concern


@transaction.atomic
def concern_edit(*, concern, by):
    """Correct what was recorded (where, when, what); its state is the services' alone."""
    current = _locked(concern)
    if not current.is_open():
        raise ValidationError(_("A concern that is closed or merged is kept as it was."))
    concern.status, concern.assigned_to_id, concern.merged_into_id = (
        current.status,
        current.assigned_to_id,
        current.merged_into_id,
    )
    concern.full_clean()
    concern.save()
    _log(concern, Action.EDITED, by)
    return concern


@transaction.atomic
def concern_assign(*, concern, officer, by):
    """The sergeant gives the concern to one of the area's officers (again, to hand it to another)."""
    current = _locked(concern)
    if not current.can_be_assigned_by(by):
        raise PermissionDenied
    if officer.area_command_id != current.area_command_id or not officer.is_active:
        raise ValidationError(_("Choose an officer of the concern's area command."))
    if current.assigned_to_id == officer.pk:
        return current
    current.assigned_to = officer
    if current.status == Status.NEW:
        current.status = Status.ASSIGNED
    current.save(update_fields=["assigned_to", "status", "updated_at"])
    _log(current, Action.ASSIGNED, by, officer=officer)
    _notify_assigned(current, by)
    return current


@transaction.atomic
def concern_take(*, concern, by):
    """An officer takes an unassigned concern of their area."""
    current = _locked(concern)
    if not current.can_be_taken_by(by):
        if current.assigned_to_id:
            raise ValidationError(
                _("%(officer)s already works this concern.") % {"officer": current.assigned_to.display_name}
            )
        raise PermissionDenied
    current.assigned_to = by
    current.status = Status.ASSIGNED
    current.save(update_fields=["assigned_to", "status", "updated_at"])
    _log(current, Action.TAKEN, by, officer=by)
    return current


@transaction.atomic
def concern_merge(*, concern, into, by, comment=""):
    """Fold a concern into an open one of the same area: it ends as "merged" and keeps its link."""
    current = _locked(concern)
    target = _locked(into)
    if not current.can_be_ended_by(by):
        raise PermissionDenied
    if target.pk == current.pk or not target.is_open() or target.area_command_id != current.area_command_id:
        raise ValidationError(_("A concern can only be merged into another open concern of the same area command."))
    current.status = Status.MERGED
    current.merged_into = target
    current.closing_reason = comment
    current.save(update_fields=["status", "merged_into", "closing_reason", "updated_at"])
    _log(current, Action.MERGED, by, other_concern=target, comment=comment)
    _log(target, Action.ABSORBED, by, other_concern=current, comment=comment)
    return current


@transaction.atomic
def concern_close_no_action(*, concern, by, reason):
    """Close a concern that calls for no action (not police business, already solved), saying why."""
    current = _locked(concern)
    if not current.can_be_ended_by(by):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why no action is taken: the record keeps it.")})
    current.status = Status.NO_ACTION
    current.closing_reason = reason
    current.save(update_fields=["status", "closing_reason", "updated_at"])
    _log(current, Action.NO_ACTION, by, comment=reason)
    return current
