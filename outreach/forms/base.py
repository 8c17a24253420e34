"""What forms share: bounded text boxes that say so, choices limited to the user's scope, past dates only."""

from django import forms
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from ..lib.validators import not_in_future
from ..models import AreaCommand, Organization, Sector


class FormDefaultsMixin:
    """What every form of the product does with its fields.

    - A text box says how much it holds ("Up to 4,000 characters."), next to the field.
    - No hidden copy of a field's initial value (Django adds one for a callable default such as
      "today"): nothing here needs it, and it would carry the field's aria-describedby, invalid HTML.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False
            if isinstance(field.widget, forms.Textarea) and getattr(field, "max_length", None):
                limit = _("Up to %(count)s characters.") % {
                    "count": number_format(field.max_length, force_grouping=True)
                }
                field.help_text = format_lazy("{} {}", field.help_text, limit) if field.help_text else limit


class ScopedChoicesMixin(FormDefaultsMixin):
    """A form that offers only what its user may see.

    Takes ``user=``; any of the fields ``area_command``, ``sector`` and ``organization`` the form has
    offers the user's scope only (active area commands). Forms limit their own people fields with
    ``User.objects.field_officers().for_user(user)`` and the like.
    """

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        scoped = {
            "area_command": lambda: AreaCommand.objects.active().for_user(user),
            "sector": lambda: Sector.objects.for_user(user).select_related("area_command"),
            "organization": lambda: Organization.objects.for_user(user).select_related("area_command"),
        }
        for name, queryset in scoped.items():
            if name in self.fields:
                self.fields[name].queryset = queryset()


def past_dates_only(form, *names):
    """Refuse a future date in each named field: it records something that already happened."""
    for name in names:
        form.fields[name].validators.append(not_in_future)
