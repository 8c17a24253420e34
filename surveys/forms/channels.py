from django import forms
from django.utils.translation import gettext_lazy as _

from outreach.forms.base import FormDefaultsMixin

from ..models import PaperBatch, SurveyLink


class CampaignForm(forms.Form):
    campaign = forms.CharField(
        label=_("Post or campaign"),
        max_length=SurveyLink._meta.get_field("campaign").max_length,
        widget=forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("For example “Facebook, March safety tips”")}
        ),
        error_messages={"required": _("Name the post or campaign the link is for.")},
    )


class PaperForm(forms.Form):
    MAX_COPIES = 500

    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("both", _("English and Spanish")), ("en", _("English")), ("es", _("Spanish"))],
        initial="both",
    )
    copies = forms.IntegerField(
        label=_("Copies with a one-time code"),
        min_value=0,
        max_value=MAX_COPIES,
        required=False,
        help_text=_(
            "For a water-bill insert: each copy carries its own code, so a household answering on the web too "
            "counts once. Leave empty for one copy to photocopy."
        ),
    )
    printed_for = forms.CharField(
        label=_("Printed for"), max_length=100, required=False, help_text=_("For example “Water bill, March”.")
    )


class BatchForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = PaperBatch
        fields = ["name", "channel", "sheets", "double_keyed"]
        help_texts = {
            "name": _("For example “Water bill, March, route 4”."),
            "sheets": _("Count the stack before keying."),
        }

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if PaperBatch.objects.filter(survey=self.survey, name__iexact=name).exists():
            raise forms.ValidationError(_("This survey already has a batch of that name."))
        return name
