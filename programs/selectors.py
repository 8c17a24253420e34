"""Reads about presentations that gather their history: what changed in a report since it was returned."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PresentationEvent

# The report's fields a reviewer reads again after returning it.
REVIEWED_FIELDS = (
    "participants",
    "potential_problems",
    "follow_up_requested",
    "follow_up_notes",
    "community_assistants",
    "place",
    "starts_at",
    "duration_minutes",
    "topic",
)


def changes_since_return(presentation):
    """What the author changed after the report was last returned: (label, before, now) triples.

    Read from the report's history, so the sergeant sees the answer to their comment at a glance.
    """
    returned = presentation.events.filter(action=PresentationEvent.Action.RETURNED).order_by("-at").first()
    if returned is None:
        return []
    before = presentation.history.as_of(returned.at)
    changes = []
    for name in REVIEWED_FIELDS:
        old, new = getattr(before, name), getattr(presentation, name)
        if old != new:
            field = presentation._meta.get_field(name)
            changes.append((field.verbose_name, _display(field, old), _display(field, new)))
    return changes


def _display(field, value):
    """A field's value as a reader sees it, for the list of changes."""
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field.get_internal_type() == "DateTimeField":
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)
