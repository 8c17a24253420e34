from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.forms.base import FormDefaultsMixin, ScopedChoicesMixin
from outreach.lib.public_forms import HoneypotFormMixin
from outreach.lib.validators import same_area, strangers_error, strangers_to, within_five_years
from outreach.lib.widgets import DateInput, DateTimeInput, TelInput
from outreach.models import AreaCommand, Concern, CrimeType, Sector, User

from .attachments import sniff
from .models import Presentation, PresentationRequest, Program


class ProgramForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = Program
        fields = ["name", "name_es", "category", "audience", "crime_types", "description", "policy_reference"]
        widgets = {
            "crime_types": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_types"].queryset = CrimeType.objects.filter(is_active=True)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Program.objects.named(name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The catalog already has a program with this name."))
        return name


class PresentationForm(ScopedChoicesMixin, forms.ModelForm):
    """Schedule a presentation or write its report; a returned report carries the author's answer."""

    answer = forms.CharField(
        label=_("Your answer to the reviewer's comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent with the report when you submit it again."),
    )

    class Meta:
        model = Presentation
        fields = [
            "program",
            "topic",
            "starts_at",
            "duration_minutes",
            "place",
            "area_command",
            "sector",
            "organization",
            "presenters",
            "command_staff",
            "community_assistants",
            "participants",
            "potential_problems",
            "follow_up_requested",
            "follow_up_notes",
            "is_public",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "presenters": forms.CheckboxSelectMultiple,
            "command_staff": forms.CheckboxSelectMultiple,
            "potential_problems": forms.Textarea(attrs={"rows": 3}),
            "follow_up_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.user
        self.fields["program"].queryset = Program.objects.active()
        self.fields["program"].empty_label = _("— ad-hoc topic —")
        self.fields["presenters"].queryset = User.objects.field_officers().for_user(user)
        self.fields["command_staff"].queryset = User.objects.command_staff()
        self.fields["participants"].help_text = _("Required before the report is submitted.")
        if not (self.instance.pk and self.instance.is_returned()):
            del self.fields["answer"]
        if not self.instance.pk:
            self.fields["presenters"].initial = [user.pk]
            if user.area_command_id:
                self.fields["area_command"].initial = user.area_command_id

    def clean(self):
        cleaned = super().clean()
        strangers = strangers_to(cleaned.get("area_command"), cleaned.get("presenters"))
        if strangers:
            self.add_error("presenters", strangers_error(strangers))
        return cleaned


class BaseConcernFormSet(forms.BaseModelFormSet):
    """The concerns a presentation report records (``queryset=presentation.concerns.all()``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the categories of every row, not one per row.
        categories = CrimeType.objects.filter(is_active=True)
        choices = [("", "---------"), *((category.pk, str(category)) for category in categories)]
        for form in self.forms:
            form.fields["category"].queryset = categories
            form.fields["category"].choices = choices


class ConcernForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = Concern
        fields = ["category", "description", "is_potential_problem"]


ConcernFormSet = forms.modelformset_factory(
    Concern,
    form=ConcernForm,
    formset=BaseConcernFormSet,
    fields=["category", "description", "is_potential_problem"],
    labels={"description": _("What participants raised"), "category": _("Category")},
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
    extra=2,
    can_delete=True,
)


class ReturnForm(FormDefaultsMixin, forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class CancelForm(FormDefaultsMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPEG or PNG, at most 10 MB."))
    description = forms.CharField(label=_("Description"), required=False, max_length=200)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        content_type, detail = sniff(upload)
        if detail == "type":
            raise forms.ValidationError(_("Only PDF, JPEG and PNG files can be attached."))
        if detail == "size":
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if detail == "content":
            extension = upload.name.rsplit(".", 1)[-1]
            raise forms.ValidationError(_("The file's content is not a real %(kind)s.") % {"kind": extension.upper()})
        upload.checked_content_type = content_type
        return upload


class PresentationRequestForm(FormDefaultsMixin, HoneypotFormMixin, forms.ModelForm):
    """The public request for a presentation."""

    class Meta:
        model = PresentationRequest
        fields = [
            "requester_name",
            "organization_name",
            "email",
            "phone",
            "program",
            "topic",
            "preferred_date",
            "alternative_dates",
            "audience_size",
            "address",
            "message",
        ]
        widgets = {
            "preferred_date": DateInput(),
            "message": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": TelInput(),
            "requester_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
        }
        help_texts = {
            "program": _("Choose one of our programs, or leave it and describe the topic below."),
            "topic": _("Only if none of the programs fits."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.active()
        self.fields["program"].label_from_instance = lambda program: program.public_name
        self.fields["program"].empty_label = _("— another topic —")
        self.fields["audience_size"].widget.attrs.update({"min": 1, "inputmode": "numeric"})

    def clean_preferred_date(self):
        preferred = self.cleaned_data["preferred_date"]
        if preferred <= clock.today():
            raise forms.ValidationError(_("Choose a date after today."))
        if preferred > clock.today() + timedelta(days=365):
            raise forms.ValidationError(_("Choose a date within the next year."))
        return preferred


class RequestAcceptForm(ScopedChoicesMixin, forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        validators=[within_five_years],
        widget=DateTimeInput(),
    )
    area_command = forms.ModelChoiceField(queryset=AreaCommand.objects.none(), label=_("Area command"))
    sector = forms.ModelChoiceField(queryset=Sector.objects.none(), label=_("Sector"), required=False)
    place = forms.CharField(label=_("Place"), max_length=250)
    presenters = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), label=_("Presenting officers"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, request_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenters"].queryset = User.objects.field_officers().for_user(self.user)
        self.fields["place"].initial = request_obj.address
        self.fields["area_command"].initial = request_obj.area_command_id or self.user.area_command_id

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area_command")
        for field, error in same_area(area.pk if area else None, sector=cleaned.get("sector")).items():
            self.add_error(field, error)
        strangers = strangers_to(area, cleaned.get("presenters"))
        if strangers:
            self.add_error("presenters", strangers_error(strangers))
        starts_at = cleaned.get("starts_at")
        if starts_at and starts_at <= clock.now():
            self.add_error("starts_at", _("Choose a date and time in the future."))
        return cleaned


class RequestDeclineForm(FormDefaultsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the requester"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
