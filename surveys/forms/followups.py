from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.forms.base import FormDefaultsMixin
from outreach.lib.widgets import DateTimeInput
from outreach.models import AreaCommand, User

from ..models import ContactAttempt, ContactRequest


class ContactAssignForm(FormDefaultsMixin, forms.Form):
    area_command = forms.ModelChoiceField(label=_("Area command"), queryset=AreaCommand.objects.none())
    officer = forms.ModelChoiceField(
        label=_("Officer who follows up"), queryset=User.objects.none(), required=False, empty_label=_("Nobody yet")
    )

    def __init__(self, *args, user, request_obj, **kwargs):
        super().__init__(
            *args,
            initial={"area_command": request_obj.area_command_id, "officer": request_obj.assigned_to_id},
            **kwargs,
        )
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(user)
        officers = User.objects.field_officers().filter(is_active=True).select_related("area_command")
        if not user.sees_all_areas:
            officers = officers.filter(area_command=user.area_command_id)
        self.fields["officer"].queryset = officers.order_by("area_command__name", "last_name", "first_name")
        self.fields["officer"].label_from_instance = lambda officer: f"{officer.display_name} · {officer.area_command}"

    def clean(self):
        data = super().clean()
        area, officer = data.get("area_command"), data.get("officer")
        if area and officer and officer.area_command_id != area.pk:
            self.add_error("officer", _("Choose an officer of the area command the request is placed in."))
        return data


class ContactAttemptForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = ContactAttempt
        fields = ["made_at", "method", "reached", "note"]
        widgets = {"made_at": DateTimeInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def clean_made_at(self):
        made_at = self.cleaned_data["made_at"]
        if made_at > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("An attempt is recorded once made: this time is still to come."))
        return made_at


class ContactCloseForm(FormDefaultsMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *ContactRequest.Outcome.choices])
    note = forms.CharField(label=_("Note"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
