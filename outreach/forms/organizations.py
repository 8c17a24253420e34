from django import forms
from django.utils.translation import gettext_lazy as _

from ..lib.widgets import DateInput, TelInput
from ..models import ImmigrationOutreach, Organization
from .base import FormDefaultsMixin, ScopedChoicesMixin, past_dates_only


class OrganizationForm(ScopedChoicesMixin, forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "kind", "area_command", "sector", "contact_name", "phone", "email", "address", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4}), "phone": TelInput()}
        help_texts = {
            "notes": _("Anything the next officer should know. Never record anyone's immigration status."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.user.sees_all_areas and not self.instance.pk:
            self.fields["area_command"].initial = self.user.area_command_id
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})


class ImmigrationOutreachForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = ImmigrationOutreach
        fields = ["reached_on", "notes"]
        widgets = {"reached_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        past_dates_only(self, "reached_on")
