from django import forms
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.validators import not_in_future
from ..lib.widgets import DateInput
from ..models import Referral
from .base import FormDefaultsMixin, ScopedChoicesMixin, past_dates_only


class ReferralForm(ScopedChoicesMixin, forms.ModelForm):
    class Meta:
        model = Referral
        fields = ["kind", "agency", "summary", "location", "area_command", "referred_on", "follow_up_due"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "referred_on": DateInput(),
            "follow_up_due": DateInput(),
        }
        help_texts = {"follow_up_due": _("When you will check that the agency received it and acted.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        past_dates_only(self, "referred_on")
        if not self.instance.pk:
            self.fields["area_command"].initial = self.user.area_command_id
            self.fields["follow_up_due"].initial = Referral.follow_up_due_for(clock.today())


class ReferralConfirmForm(FormDefaultsMixin, forms.Form):
    confirmed_on = forms.DateField(
        label=_("Follow-up confirmed on"),
        widget=DateInput(),
        initial=clock.today,
        validators=[not_in_future],
    )
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.referral = referral

    def clean_confirmed_on(self):
        confirmed_on = self.cleaned_data["confirmed_on"]
        if confirmed_on < self.referral.referred_on:
            raise forms.ValidationError(_("The follow-up cannot be confirmed before the referral was made."))
        return confirmed_on
