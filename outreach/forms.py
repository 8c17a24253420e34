from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AreaCommand, BlockCaptain, Department, Organization, Sector, User, WatchGroup, WatchMeeting
from .public import HoneypotFormMixin


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


class WatchRequestForm(HoneypotFormMixin, forms.ModelForm):
    """The public request to start a neighborhood watch group."""

    class Meta:
        model = WatchGroup
        fields = [
            "kind",
            "name",
            "boundaries",
            "households",
            "requester_name",
            "requester_email",
            "requester_phone",
            "requester_message",
        ]
        labels = {
            "kind": _("Homes or businesses?"),
            "name": _("Name for the group (optional)"),
            "boundaries": _("Which streets or blocks?"),
            "requester_name": _("Your name"),
            "requester_email": _("Your e-mail"),
            "requester_phone": _("Your phone"),
            "requester_message": _("Anything else we should know"),
        }
        help_texts = {"boundaries": _("For example: Elm Street from 3rd to 6th Avenue, both sides.")}
        widgets = {
            "boundaries": forms.Textarea(attrs={"rows": 2}),
            "requester_message": forms.Textarea(attrs={"rows": 3}),
            "requester_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "requester_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "requester_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester_name"].required = True
        self.fields["requester_email"].required = True
        self.fields["name"].required = False
        self.instance.status = WatchGroup.Status.REQUESTED
        self.instance.started_by = WatchGroup.StartedBy.CITIZENS

    def clean_households(self):
        households = self.cleaned_data.get("households")
        if households is not None and households > 5000:
            raise forms.ValidationError(_("Enter a number up to 5,000."))
        return households


class WatchGroupForm(forms.ModelForm):
    """Staff: create or edit a watch group."""

    class Meta:
        model = WatchGroup
        fields = ["name", "kind", "area_command", "sector", "boundaries", "liaison_officer", "households", "notes"]
        widgets = {"boundaries": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        user = request.user
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(user)
        self.fields["area_command"].required = self.instance.status != WatchGroup.Status.REQUESTED
        self.fields["sector"].queryset = Sector.objects.for_user(user).select_related("area_command")
        self.fields["liaison_officer"].queryset = User.objects.active().for_user(user).filter(role__in=User.AREA_ROLES)
        if not self.instance.pk and user.area_command_id:
            self.fields["area_command"].initial = user.area_command_id


class CaptainForm(forms.ModelForm):
    class Meta:
        model = BlockCaptain
        fields = ["name", "phone", "email", "block"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = WatchMeeting
        fields = ["held_on", "place", "attendance", "officer_present", "notes"]
        widgets = {
            "held_on": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer_present"].queryset = User.objects.active().for_user(request.user)


class WatchStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, WatchGroup.Status(s).label) for s in group.allowed_statuses()]
