from django import forms

from ..lib.widgets import TelInput
from ..models import Department
from .base import NoHiddenInitialMixin


class DepartmentForm(NoHiddenInitialMixin, forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "address", "phone", "email", "website", "chief_name", "logo", "time_zone"]
        widgets = {"phone": TelInput()}
