from django import forms

from .. import clock
from ..lib.widgets import DateInput
from ..models import Partnership, PartnershipLogEntry, User
from .base import FormDefaultsMixin, ScopedChoicesMixin, past_dates_only


class PartnershipForm(ScopedChoicesMixin, forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["organization", "purpose", "responsible_officer", "starts_on", "ends_on", "status"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.user
        self.fields["responsible_officer"].queryset = User.objects.field_officers().for_user(user)
        if not self.instance.pk:
            self.fields["starts_on"].initial = clock.today()
            if user.role in User.AREA_ROLES:
                self.fields["responsible_officer"].initial = user.pk


class PartnershipLogForm(FormDefaultsMixin, forms.ModelForm):
    """The quick daily entry on a partnership's page."""

    class Meta:
        model = PartnershipLogEntry
        fields = ["logged_on", "information", "follow_up_needed", "follow_up_note"]
        widgets = {
            "logged_on": DateInput(),
            "information": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        past_dates_only(self, "logged_on")
