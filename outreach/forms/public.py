"""The citizen's search for their own request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..lib.references import REFERENCE_ALPHABET
from .base import FormDefaultsMixin


class RequestStatusForm(FormDefaultsMixin, forms.Form):
    reference = forms.CharField(label=_("Your reference"), max_length=12, help_text=_("For example PR-7K3F9Q."))
    email = forms.EmailField(
        label=_("Your e-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}), max_length=254
    )

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper().replace(" ", "")
        prefix, _dash, code = reference.partition("-")
        if not prefix.isalpha() or not code or any(char not in REFERENCE_ALPHABET for char in code):
            raise forms.ValidationError(_("A reference looks like PR-7K3F9Q: letters, a dash, six characters."))
        return reference
