from django import forms

from ..lib.widgets import TelInput
from ..models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone"]
        widgets = {"phone": TelInput()}
