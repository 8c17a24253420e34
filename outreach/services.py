"""Writes on the community side that touch several records or send mail."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Referral, WatchGroup
from .notifications import notify


@transaction.atomic
def watch_group_request(*, group, language):
    """A citizen asks to start a neighborhood watch: it lands as a requested group."""
    group.status = WatchGroup.Status.REQUESTED
    group.started_by = WatchGroup.StartedBy.CITIZENS
    group.requester_language = language
    if not group.name:
        group.name = _("Watch group requested by %(name)s") % {"name": group.requester_name}
    group.full_clean()
    group.save()
    notify(
        template="outreach/email/watch_request_received",
        recipients=[group.requester_email],
        context={"group": group},
        language=language,
    )
    return group


@transaction.atomic
def watch_group_set_status(*, group, status, by):
    group = WatchGroup.objects.select_for_update().get(pk=group.pk)
    if status not in group.allowed_statuses():
        raise ValidationError(
            _("A group that is %(current)s cannot become %(new)s.")
            % {"current": group.get_status_display().lower(), "new": WatchGroup.Status(status).label.lower()}
        )
    group.status = status
    group.full_clean()
    group.save(update_fields=["status", "updated_at"])
    if status == WatchGroup.Status.ORGANIZING and group.started_by == WatchGroup.StartedBy.CITIZENS:
        notify(
            template="outreach/email/watch_request_organizing",
            recipients=[group.requester_email],
            context={"group": group, "by": by},
            language=group.requester_language,
        )
    return group


@transaction.atomic
def referral_confirm_follow_up(*, referral, by, confirmed_on, outcome):
    """The officer confirms the agency received the referral and acted (PACT SOP 4-7-6.B.2)."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.follow_up_confirmed_on is not None:
        raise ValidationError(_("The follow-up of this referral was already confirmed."))
    referral.follow_up_confirmed_on = confirmed_on
    referral.confirmed_by = by
    referral.outcome = outcome
    referral.full_clean()
    referral.save(update_fields=["follow_up_confirmed_on", "confirmed_by", "outcome"])
    return referral
