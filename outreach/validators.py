"""Field validators shared by the apps."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

YEARS_EITHER_WAY = 5


def within_five_years(value):
    """Dates of community work fall within five years of today: anything else is a typing mistake."""
    today = timezone.localdate()
    day = timezone.localtime(value).date() if isinstance(value, datetime) else value
    if not isinstance(day, date):
        return
    if abs(day.year - today.year) > YEARS_EITHER_WAY:
        raise ValidationError(
            _("Enter a date within %(years)s years of today.") % {"years": YEARS_EITHER_WAY}, code="out_of_range"
        )
