"""Working a citizen's contact request: assign it, record each attempt, close it with its outcome."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.lib.notifications import absolute_url, notify

from ..models import ContactRequest

Status = ContactRequest.Status


def _locked(request):
    return ContactRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def contact_assign(*, request, area_command, officer, by):
    if not by.has_perm(ContactRequest.WORK_PERMISSION):
        raise PermissionDenied
    request = _locked(request)
    if not request.can_become(Status.ASSIGNED):
        raise ValidationError(_("This request is closed."))
    if officer is not None and officer.area_command_id != area_command.pk:
        raise ValidationError({"officer": _("Choose an officer of the area command the request is placed in.")})
    request.area_command, request.assigned_to = area_command, officer
    request.status = Status.ASSIGNED if officer else request.status
    request.last_activity_at = timezone.now()
    request.save(update_fields=["area_command", "assigned_to", "status", "last_activity_at"])
    if officer is not None and officer.pk != by.pk:
        notify(
            template="surveys/email/contact_assigned",
            recipients=[officer.email],
            context={"contact": request, "officer": officer, "by": by, "url": absolute_url(request.get_absolute_url())},
        )
    return request


@transaction.atomic
def contact_attempt_add(*, request, attempt, by):
    request = _locked(request)
    if not request.can_be_worked_by(by):
        raise PermissionDenied
    attempt.request, attempt.made_by = request, by
    attempt.full_clean()
    attempt.save()
    request.last_activity_at = timezone.now()
    request.save(update_fields=["last_activity_at"])
    return attempt


@transaction.atomic
def contact_close(*, request, outcome, note, by, concern=None):
    request = _locked(request)
    if not request.can_be_worked_by(by):
        raise PermissionDenied
    if not outcome:
        raise ValidationError({"outcome": _("Say how the follow-up ended.")})
    request.status, request.outcome, request.outcome_note = Status.CLOSED, outcome, note
    request.closed_at = request.last_activity_at = timezone.now()
    request.concern = concern or request.concern
    request.save(update_fields=["status", "outcome", "outcome_note", "closed_at", "last_activity_at", "concern"])
    return request
