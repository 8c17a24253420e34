from django import forms
from django.utils.translation import gettext_lazy as _

from outreach.models import AreaCommand, Concern, Organization, Sector, User

from .models import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, CrimeType, Presentation, Program


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = ["name", "category", "audience", "crime_types", "description", "policy_reference"]
        widgets = {
            "crime_types": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_types"].queryset = CrimeType.objects.filter(is_active=True)


class PresentationForm(forms.ModelForm):
    """Schedule a presentation or write its report."""

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
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "presenters": forms.CheckboxSelectMultiple,
            "command_staff": forms.CheckboxSelectMultiple,
            "potential_problems": forms.Textarea(attrs={"rows": 3}),
            "follow_up_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.active()
        self.fields["program"].empty_label = _("— ad-hoc topic —")
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(user)
        self.fields["sector"].queryset = Sector.objects.for_user(user).select_related("area_command")
        self.fields["organization"].queryset = Organization.objects.for_user(user).select_related("area_command")
        staff = User.objects.active().for_user(user)
        self.fields["presenters"].queryset = staff.filter(role__in=User.AREA_ROLES)
        self.fields["command_staff"].queryset = User.objects.active().filter(
            role__in=[User.Role.LIEUTENANT, User.Role.COMMANDER, User.Role.CHIEF, User.Role.DESIGNEE]
        )
        self.fields["participants"].help_text = _("Required before the report is submitted.")
        if not self.instance.pk:
            self.fields["presenters"].initial = [user.pk]
            if user.area_command_id:
                self.fields["area_command"].initial = user.area_command_id

    def clean_participants(self):
        participants = self.cleaned_data.get("participants")
        if participants is not None and participants > 100000:
            raise forms.ValidationError(_("That is more participants than seems possible; check the number."))
        return participants


class BaseConcernFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.fields["category"].queryset = CrimeType.objects.filter(is_active=True)


ConcernFormSet = forms.inlineformset_factory(
    Presentation,
    Concern,
    formset=BaseConcernFormSet,
    fields=["category", "description", "is_potential_problem"],
    labels={"description": _("What participants raised"), "category": _("Category")},
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
    extra=2,
    can_delete=True,
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPEG or PNG, at most 10 MB."))
    description = forms.CharField(label=_("Description"), required=False, max_length=200)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ATTACHMENT_TYPES:
            raise forms.ValidationError(_("Only PDF, JPEG and PNG files can be attached."))
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        content_type, signatures = ATTACHMENT_TYPES[extension]
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(signatures):
            raise forms.ValidationError(_("The file's content is not a real %(kind)s.") % {"kind": extension.upper()})
        upload.checked_content_type = content_type
        return upload
