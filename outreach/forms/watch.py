from django import forms
from django.utils.translation import gettext_lazy as _

from ..lib.public_forms import HoneypotFormMixin
from ..lib.widgets import DateTimeInput, TelInput
from ..models import BlockCaptain, User, WatchGroup, WatchMeeting
from .base import FormDefaultsMixin, ScopedChoicesMixin


class WatchRequestForm(FormDefaultsMixin, HoneypotFormMixin, forms.ModelForm):
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
            "requester_phone": TelInput(),
            "requester_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester_name"].required = True
        self.fields["requester_email"].required = True
        self.fields["name"].required = False
        # The model's own checks run on the form: it is validated as the citizen's request it becomes.
        self.instance.status = WatchGroup.Status.REQUESTED
        self.instance.started_by = WatchGroup.StartedBy.CITIZENS


class WatchGroupForm(ScopedChoicesMixin, forms.ModelForm):
    """Staff: create or edit a watch group."""

    class Meta:
        model = WatchGroup
        fields = ["name", "kind", "area_command", "sector", "boundaries", "liaison_officer", "households", "notes"]
        widgets = {"boundaries": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.user
        # Once placed in an area command a group stays in one: clearing it would return the
        # requester's details to every area's intake queue.
        self.fields["area_command"].required = (
            self.instance.status != WatchGroup.Status.REQUESTED or self.instance.area_command_id is not None
        )
        self.fields["liaison_officer"].queryset = User.objects.field_officers().for_user(user)
        if not self.instance.pk and user.area_command_id:
            self.fields["area_command"].initial = user.area_command_id

    def clean(self):
        cleaned = super().clean()
        name, area = cleaned.get("name"), cleaned.get("area_command")
        if name and area and WatchGroup.objects.for_area(area).named(name).exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("This area command already has a watch group with this name."))
        return cleaned


class CaptainForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = BlockCaptain
        fields = ["name", "phone", "email", "block"]
        widgets = {"phone": TelInput()}


class MeetingForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = WatchMeeting
        fields = ["held_on", "place", "attendance", "officer_present", "notes"]
        widgets = {
            "held_on": DateTimeInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer_present"].queryset = User.objects.active().for_user(user)


class WatchStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    confirm_inactive = forms.BooleanField(
        label=_("Yes, the group has stopped meeting: make it inactive"),
        required=False,
        help_text=_("An inactive group leaves the coverage of its area. Its record and history stay."),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, WatchGroup.Status(status).label) for status in group.allowed_statuses()
        ]
        if not group.can_become(WatchGroup.Status.INACTIVE):
            del self.fields["confirm_inactive"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == WatchGroup.Status.INACTIVE and not cleaned.get("confirm_inactive"):
            self.add_error("confirm_inactive", _("Tick the box to confirm that the group becomes inactive."))
        return cleaned
