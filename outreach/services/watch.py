"""Neighborhood watch: a citizen's request, and moves between a group's statuses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..lib.notifications import absolute_url, notify
from ..models import WatchGroup


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
        template="outreach/email/watch/request_received",
        recipients=[group.requester_email],
        context={"group": group, "status_url": absolute_url(group.get_public_url())},
        language=language,
    )
    return group


@transaction.atomic
def watch_group_set_status(*, group, status, by):
    group = WatchGroup.objects.select_for_update().get(pk=group.pk)
    if not group.can_become(status):
        raise ValidationError(
            _("A group that is %(current)s cannot become %(new)s.")
            % {"current": group.get_status_display().lower(), "new": WatchGroup.Status(status).label.lower()}
        )
    group.status = status
    group.full_clean()
    group.save(update_fields=["status", "updated_at"])
    if status == WatchGroup.Status.ORGANIZING and group.started_by == WatchGroup.StartedBy.CITIZENS:
        notify(
            template="outreach/email/watch/request_organizing",
            recipients=[group.requester_email],
            context={"group": group, "by": by, "status_url": absolute_url(group.get_public_url())},
            language=group.requester_language,
        )
    return group
