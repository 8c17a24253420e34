"""Field validators and cross-field checks shared by the apps."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach import clock

YEARS_EITHER_WAY = 5
# Free text is bounded, and the bound is shown at the field: notes and descriptions, and what citizens write.
TEXT_MAX_LENGTH = 4000
PUBLIC_TEXT_MAX_LENGTH = 2000


def within_five_years(value):
    """Dates of community work fall within five years of today: anything else is a typing mistake."""
    today = clock.today()
    day = timezone.localtime(value).date() if isinstance(value, datetime) else value
    if not isinstance(day, date):
        return
    if abs(day.year - today.year) > YEARS_EITHER_WAY:
        raise ValidationError(
            _("Enter a date within %(years)s years of today.") % {"years": YEARS_EITHER_WAY}, code="out_of_range"
        )


def not_in_future(value):
    """A date on which something already happened."""
    if value is not None and value > clock.today():
        raise ValidationError(_("The date cannot be in the future."), code="future")


def same_area(area_command_id, **related):
    """Errors for each related record (field name -> record or None) that belongs to another area command.

    ``same_area(org.area_command_id, sector=org.sector)`` gives ``{"sector": [...]}`` when the sector
    is another area command's; a model's ``clean()`` raises them, a form adds them to its fields.
    """
    if area_command_id is None:
        return {}
    return {
        field: ValidationError(_another_area_message(field), code="another_area")
        for field, record in related.items()
        if record is not None and record.area_command_id != area_command_id
    }


def _another_area_message(field):
    # Whole sentences, so each translates with its own grammar.
    if field == "organization":
        return _("This organization belongs to another area command.")
    return _("This sector belongs to another area command.")


def check_same_area(area_command_id, **related):
    """``same_area`` for a model's ``clean()``: raise the errors at once."""
    errors = same_area(area_command_id, **related)
    if errors:
        raise ValidationError(errors)


def strangers_to(area, people):
    """The people (users) among ``people`` who belong to another area command than ``area``."""
    if area is None:
        return []
    return [person for person in people or [] if person.area_command_id != area.pk]


def strangers_error(strangers):
    return ValidationError(
        _("%(names)s belong to another area command.") % {"names": ", ".join(str(p) for p in strangers)}
    )
