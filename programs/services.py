"""Writes on presentations: each state change is a service, recorded with who and when."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from outreach import clock
from outreach.lib.notifications import absolute_url, notify
from outreach.models import Concern, User
from outreach.services.concerns import concern_receive

from .models import Presentation, PresentationAttachment, PresentationConcern, PresentationEvent, PresentationRequest

Status = Presentation.Status
Action = PresentationEvent.Action
REVIEW_PERMISSION = Presentation.REVIEW_PERMISSION


def _locked(presentation):
    """The row, locked for the transition, so two reviewers cannot both act on it."""
    return Presentation.objects.select_for_update().get(pk=presentation.pk)


def _log(presentation, action, by, comment=""):
    PresentationEvent.objects.create(presentation=presentation, action=action, by=by, comment=comment)


def reviewers_for(presentation):
    return (
        User.objects.with_perm(REVIEW_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(area_command=presentation.area_command_id)
        .exclude(pk=presentation.author_id)
        .exclude(pk__in=presentation.presenters.values("pk"))
    )


@transaction.atomic
def presentation_create(*, presentation, presenters, command_staff=(), by):
    """Schedule a presentation, or start the report of one already given."""
    presentation.author = by
    presentation.status = Status.DRAFT if presentation.has_taken_place() else Status.SCHEDULED
    presentation.full_clean()
    presentation.save()
    presentation.presenters.set(presenters or [by])
    presentation.command_staff.set(command_staff)
    _log(presentation, Action.SCHEDULED if presentation.status == Status.SCHEDULED else Action.REPORT_STARTED, by)
    return presentation


@transaction.atomic
def presentation_save_report(*, presentation, presenters, command_staff, concerns, by):
    """Save the report and the concerns it records; a scheduled presentation becomes a draft report."""
    current = _locked(presentation)
    if not current.is_editable():
        raise ValidationError(
            _("This report can no longer be edited: it is %(status)s.")
            % {"status": current.get_status_display().lower()}
        )
    if current.status == Status.SCHEDULED and presentation.has_taken_place():
        presentation.status = Status.DRAFT
        _log(presentation, Action.REPORT_STARTED, by)
    else:
        presentation.status = current.status
    presentation.full_clean()
    presentation.save()
    presentation.presenters.set(presenters)
    presentation.command_staff.set(command_staff)
    for concern in concerns.save(commit=False):
        concern.source = Concern.Source.PRESENTATION
        concern.area_command = presentation.area_command
        concern.sector = presentation.sector
        concern.received_on = clock.date_of(presentation.starts_at)
        if concern.pk is None:
            concern_receive(concern=concern, by=by)
        else:
            concern.full_clean()
            concern.save()
        PresentationConcern.objects.get_or_create(concern=concern, defaults={"presentation": presentation})
    for concern in concerns.deleted_objects:
        if concern.status != Concern.Status.NEW or concern.merged.exists():
            raise ValidationError(
                _("The concern “%(concern)s” is already being worked and stays on record.") % {"concern": concern}
            )
        concern.delete()
    return presentation


@transaction.atomic
def presentation_submit(*, presentation, by, answer=""):
    """Send the report to the unit's supervisor; a returned report is resubmitted, with the author's answer."""
    presentation = _locked(presentation)
    if not presentation.can_become(Status.SUBMITTED):
        raise ValidationError(_("Only a draft or returned report can be submitted."))
    if not presentation.has_taken_place():
        raise ValidationError(_("The presentation has not taken place yet: submit its report afterwards."))
    if presentation.participants is None:
        raise ValidationError({"participants": _("Enter the number of participants before submitting.")})
    action = Action.RESUBMITTED if presentation.is_returned() else Action.SUBMITTED
    presentation.status = Status.SUBMITTED
    presentation.submitted_at = clock.now()
    presentation.save(update_fields=["status", "submitted_at", "updated_at"])
    _log(presentation, action, by, answer.strip() if action == Action.RESUBMITTED else "")
    notify(
        template="programs/email/presentations/report_submitted",
        recipients=reviewers_for(presentation).values_list("email", flat=True),
        context={"presentation": presentation, "by": by, "url": absolute_url(presentation.get_absolute_url())},
    )
    return presentation


def _check_reviewer(presentation, by):
    if not by.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    if presentation.involves(by):
        raise ValidationError(_("You cannot review a report you wrote or presented."))
    if not presentation.can_become(Status.APPROVED):
        raise ValidationError(_("This report is not awaiting review."))


@transaction.atomic
def presentation_approve(*, presentation, by):
    presentation = _locked(presentation)
    _check_reviewer(presentation, by)
    presentation.status = Status.APPROVED
    presentation.reviewed_by = by
    presentation.reviewed_at = clock.now()
    presentation.review_comment = ""
    presentation.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    _log(presentation, Action.APPROVED, by)
    notify(
        template="programs/email/presentations/report_approved",
        recipients=[presentation.author.email],
        context={"presentation": presentation, "by": by, "url": absolute_url(presentation.get_absolute_url())},
    )
    return presentation


@transaction.atomic
def presentation_return(*, presentation, by, comment):
    """Send the report back to its author with what to fix."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what needs to change.")})
    presentation = _locked(presentation)
    _check_reviewer(presentation, by)
    presentation.status = Status.RETURNED
    presentation.reviewed_by = by
    presentation.reviewed_at = clock.now()
    presentation.review_comment = comment.strip()
    presentation.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    _log(presentation, Action.RETURNED, by, comment.strip())
    notify(
        template="programs/email/presentations/report_returned",
        recipients=[presentation.author.email],
        context={"presentation": presentation, "by": by, "url": absolute_url(presentation.get_absolute_url())},
    )
    return presentation


@transaction.atomic
def presentation_cancel(*, presentation, by, reason=""):
    presentation = _locked(presentation)
    if not presentation.can_cancel():
        raise ValidationError(_("Only a scheduled presentation can be cancelled."))
    presentation.status = Status.CANCELLED
    presentation.save(update_fields=["status", "updated_at"])
    _log(presentation, Action.CANCELLED, by, reason)
    _cancel_request_of(presentation, reason=reason)
    return presentation


def _cancel_request_of(presentation, *, reason):
    """The citizen's accepted request follows its presentation, and the citizen is told in their language."""
    request_obj = (
        PresentationRequest.objects.select_for_update()
        .filter(presentation=presentation, status=PresentationRequest.Status.ACCEPTED)
        .first()
    )
    if request_obj is None:
        return
    request_obj.status = PresentationRequest.Status.CANCELLED
    request_obj.save(update_fields=["status"])
    notify(
        template="programs/email/requests/cancelled",
        recipients=[request_obj.email],
        context={
            "request": request_obj,
            "presentation": presentation,
            "reason": reason.strip(),
            "status_url": absolute_url(request_obj.get_public_url()),
        },
        language=request_obj.language,
    )


def attachment_add(*, presentation, upload, description, by):
    """Store an uploaded file that the form has already checked (type, size, content)."""
    return PresentationAttachment.objects.create(
        presentation=presentation,
        file=upload,
        original_name=upload.name[:200],
        content_type=upload.checked_content_type,
        size=upload.size,
        description=description,
        uploaded_by=by,
    )


@transaction.atomic
def attachment_remove(*, attachment, by):
    """Take a file off a report that can still be edited; the file leaves the storage once the row is gone."""
    presentation = _locked(attachment.presentation)
    if not presentation.is_editable():
        raise ValidationError(_("This report can no longer be edited."))
    file = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: file.storage.delete(file.name))


@transaction.atomic
def presentation_request_submit(*, request_obj, language):
    """Record a citizen's request and confirm it to them with its reference."""
    request_obj.language = language
    request_obj.full_clean()
    request_obj.save()
    notify(
        template="programs/email/requests/received",
        recipients=[request_obj.email],
        context={"request": request_obj, "status_url": absolute_url(request_obj.get_public_url())},
        language=language,
    )
    return request_obj


def _locked_request(request_obj):
    locked = PresentationRequest.objects.select_for_update().get(pk=request_obj.pk)
    if locked.is_answered():
        raise ValidationError(_("This request was already answered."))
    return locked


@transaction.atomic
def presentation_request_accept(*, request_obj, by, starts_at, area_command, sector, place, presenters):
    """Schedule the requested presentation, assign its officers and tell the requester."""
    request_obj = _locked_request(request_obj)
    presentation = presentation_create(
        presentation=Presentation(
            program=request_obj.program,
            topic="" if request_obj.program_id else request_obj.topic,
            starts_at=starts_at,
            place=place,
            area_command=area_command,
            sector=sector,
        ),
        presenters=presenters,
        by=by,
    )
    request_obj.status = PresentationRequest.Status.ACCEPTED
    request_obj.presentation = presentation
    request_obj.area_command = area_command
    request_obj.handled_by = by
    request_obj.handled_at = clock.now()
    request_obj.save()
    notify(
        template="programs/email/requests/accepted",
        recipients=[request_obj.email],
        context={
            "request": request_obj,
            "presentation": presentation,
            "presenters": list(presenters),
            "status_url": absolute_url(request_obj.get_public_url()),
        },
        language=request_obj.language,
    )
    return presentation


@transaction.atomic
def presentation_request_decline(*, request_obj, by, reason):
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the requester why.")})
    request_obj = _locked_request(request_obj)
    request_obj.status = PresentationRequest.Status.DECLINED
    # An answered request leaves the shared intake queue: it belongs to the handler's area from now on.
    request_obj.area_command_id = request_obj.area_command_id or by.area_command_id
    request_obj.decline_reason = reason.strip()
    request_obj.handled_by = by
    request_obj.handled_at = clock.now()
    request_obj.save()
    notify(
        template="programs/email/requests/declined",
        recipients=[request_obj.email],
        context={"request": request_obj, "status_url": absolute_url(request_obj.get_public_url())},
        language=request_obj.language,
    )
    return request_obj
