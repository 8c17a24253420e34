from django import forms
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.validators import PUBLIC_TEXT_MAX_LENGTH
from ..lib.widgets import DateInput, TelInput
from ..models import Concern, CrimeType, User
from .base import FormDefaultsMixin, ScopedChoicesMixin, past_dates_only

REPORTER_FIELDS = ("reporter_name", "reporter_phone", "reporter_email")


class ConcernForm(ScopedChoicesMixin, forms.ModelForm):
    """A concern as the department received it: by phone, at the desk, by e-mail, seen, from a partner or command.

    ``log_entry=`` fills it from a partnership's log entry (source "partner"). The reporter's contact
    fields are left out for a user who may not see them.
    """

    class Meta:
        model = Concern
        fields = [
            "source",
            "received_on",
            "category",
            "description",
            "location",
            "area_command",
            "sector",
            "is_potential_problem",
            *REPORTER_FIELDS,
        ]
        widgets = {
            "received_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            # Staff type someone else's details: the browser must not offer their own.
            "reporter_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "reporter_phone": TelInput(attrs={"autocomplete": "off"}),
            "reporter_email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {"reporter_name": _("Optional. Only the staff who work the concern see who reported it.")}

    def __init__(self, *args, log_entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        past_dates_only(self, "received_on")
        self.log_entry = log_entry
        intake = [(value, label) for value, label in Concern.Source.choices if value in Concern.INTAKE_SOURCES]
        if self.instance.pk and self.instance.source not in Concern.INTAKE_SOURCES:
            # Raised at a presentation or in a survey: where it came from is not for the form to change.
            del self.fields["source"]
        else:
            self.fields["source"].choices = intake
        self.fields["category"].queryset = CrimeType.objects.filter(is_active=True)
        self.fields["category"].empty_label = _("Choose a category")
        if self.instance.pk and not self.instance.reporter_visible_to(self.user):
            for name in REPORTER_FIELDS:
                del self.fields[name]
        if not self.instance.pk:
            self.fields["received_on"].initial = clock.today()
            self.fields["area_command"].initial = self.user.area_command_id
        if log_entry is not None:
            organization = log_entry.partnership.organization
            self.fields["source"].initial = Concern.Source.PARTNER
            self.fields["received_on"].initial = log_entry.logged_on
            self.fields["description"].initial = log_entry.information
            self.fields["location"].initial = organization.address
            self.fields["area_command"].initial = organization.area_command_id
            self.fields["sector"].initial = organization.sector_id
            self.fields["reporter_name"].initial = organization.contact_name or organization.name
            self.fields["reporter_phone"].initial = organization.phone
            self.fields["reporter_email"].initial = organization.email

    def save(self, commit=True):
        if self.log_entry is not None:
            self.instance.partnership_log_entry = self.log_entry
        return super().save(commit=commit)


class ConcernAssignForm(FormDefaultsMixin, forms.Form):
    officer = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Officer"), empty_label=_("Choose an officer")
    )

    def __init__(self, *args, concern, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = (
            User.objects.field_officers()
            .filter(area_command=concern.area_command_id)
            .order_by("last_name", "first_name")
        )
        self.fields["officer"].initial = concern.assigned_to_id


class ConcernMergeForm(FormDefaultsMixin, forms.Form):
    comment = forms.CharField(
        label=_("Note for the record"),
        required=False,
        max_length=PUBLIC_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConcernNoActionForm(FormDefaultsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why no action is taken"),
        max_length=PUBLIC_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: not police business, passed to another agency, already solved."),
    )
