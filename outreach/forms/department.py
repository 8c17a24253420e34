from django import forms

from ..lib.widgets import TelInput
from ..models import Department
from .base import FormDefaultsMixin


class DepartmentForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "address", "phone", "email", "website", "chief_name", "logo", "time_zone", "report_language"]
        widgets = {"phone": TelInput()}
