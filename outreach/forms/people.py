from django import forms

from ..lib.widgets import TelInput
from ..models import User
from .base import FormDefaultsMixin


class ProfileForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone"]
        widgets = {"phone": TelInput()}
