from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AreaCommand, Department, Organization, Sector, User


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "kind", "area_command", "sector", "contact_name", "phone", "email", "address", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "notes": _("Anything the next officer should know. Never record anyone's immigration status."),
        }

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(request.user)
        self.fields["sector"].queryset = Sector.objects.for_user(request.user).select_related("area_command")
        if not request.user.sees_all_areas and not self.instance.pk:
            self.fields["area_command"].initial = request.user.area_command_id
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone"]


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "address", "phone", "email", "website", "chief_name", "logo", "time_zone"]
