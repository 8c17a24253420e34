from django import forms
from django.utils.translation import gettext_lazy as _

from ..lib.widgets import TelInput
from ..models import User
from .base import FormDefaultsMixin


class ProfileForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone"]
        widgets = {"phone": TelInput()}


class TwoFactorCodeForm(FormDefaultsMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )
