from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    AreaCommand,
    BlockCaptain,
    Department,
    ImmigrationOutreach,
    Organization,
    Partnership,
    PartnershipLogEntry,
    Referral,
    Sector,
    User,
    WatchGroup,
    WatchMeeting,
)
from .public import HoneypotFormMixin

REFERRAL_FOLLOW_UP_DAYS = 14


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
        # Once placed in an area command a group stays in one: clearing it would return the
        # requester's details to every area's intake queue.
        self.fields["area_command"].required = (
            self.instance.status != WatchGroup.Status.REQUESTED or self.instance.area_command_id is not None
        )
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


class PartnershipForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["organization", "purpose", "responsible_officer", "starts_on", "ends_on", "status"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        user = request.user
        self.fields["organization"].queryset = Organization.objects.for_user(user).select_related("area_command")
        self.fields["responsible_officer"].queryset = (
            User.objects.active().for_user(user).filter(role__in=User.AREA_ROLES)
        )
        if not self.instance.pk:
            self.fields["starts_on"].initial = timezone.localdate()
            if user.role in User.AREA_ROLES:
                self.fields["responsible_officer"].initial = user.pk


class PartnershipLogForm(forms.ModelForm):
    """The quick daily entry on a partnership's page."""

    class Meta:
        model = PartnershipLogEntry
        fields = ["logged_on", "information", "follow_up_needed", "follow_up_note"]
        widgets = {
            "logged_on": forms.DateInput(attrs={"type": "date"}),
            "information": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_logged_on(self):
        logged_on = self.cleaned_data["logged_on"]
        if logged_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return logged_on


class ReferralForm(forms.ModelForm):
    class Meta:
        model = Referral
        fields = ["kind", "agency", "summary", "location", "area_command", "referred_on", "follow_up_due"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "referred_on": forms.DateInput(attrs={"type": "date"}),
            "follow_up_due": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {"follow_up_due": _("When you will check that the agency received it and acted.")}

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(request.user)
        if not self.instance.pk:
            self.fields["area_command"].initial = request.user.area_command_id
            self.fields["follow_up_due"].initial = timezone.localdate() + timedelta(days=REFERRAL_FOLLOW_UP_DAYS)


class ReferralConfirmForm(forms.Form):
    confirmed_on = forms.DateField(
        label=_("Follow-up confirmed on"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.referral = referral

    def clean_confirmed_on(self):
        confirmed_on = self.cleaned_data["confirmed_on"]
        if confirmed_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if confirmed_on < self.referral.referred_on:
            raise forms.ValidationError(_("The follow-up cannot be confirmed before the referral was made."))
        return confirmed_on


class ImmigrationOutreachForm(forms.ModelForm):
    class Meta:
        model = ImmigrationOutreach
        fields = ["reached_on", "notes"]
        widgets = {"reached_on": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_reached_on(self):
        reached_on = self.cleaned_data["reached_on"]
        if reached_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return reached_on
