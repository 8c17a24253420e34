from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.validators import strangers_error, strangers_to
from ..lib.widgets import DateInput
from ..models import Concern, Organization, Project, ProjectNote, User
from .base import FormDefaultsMixin, ScopedChoicesMixin


class ProjectForm(ScopedChoicesMixin, forms.ModelForm):
    """A POP project of one area command: its people, partners and concerns all belong to that area."""

    class Meta:
        model = Project
        fields = [
            "name",
            "goal",
            "area_command",
            "lieutenant",
            "officers",
            "partners",
            "concerns",
            "starts_on",
            "ends_on",
            "status",
        ]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "officers": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
            "concerns": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.user
        self.fields["lieutenant"].queryset = User.objects.command_staff().for_user(user).order_by("last_name")
        self.fields["officers"].queryset = User.objects.field_officers().for_user(user).order_by("last_name")
        self.fields["partners"].queryset = Organization.objects.for_user(user).order_by("name")
        concerns = Concern.objects.for_user(user).select_related("category")
        if self.instance.pk:
            concerns = concerns.filter(area_command=self.instance.area_command_id)
        self.fields["concerns"].queryset = concerns.open().order_by("-received_on")
        if not self.instance.pk:
            self.fields["area_command"].initial = user.area_command_id
            self.fields["starts_on"].initial = clock.today()
            if user.role == User.Role.LIEUTENANT:
                self.fields["lieutenant"].initial = user.pk

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area_command")
        if area is None:
            return cleaned
        for name in ("lieutenant", "officers"):
            value = cleaned.get(name)
            people = [value] if isinstance(value, User) else list(value or [])
            strangers = strangers_to(area, people)
            if strangers:
                self.add_error(name, strangers_error(strangers))
        for name in ("partners", "concerns"):
            others = [item for item in cleaned.get(name) or [] if item.area_command_id != area.pk]
            if others:
                self.add_error(name, strangers_error(others))
        return cleaned


def note_months(today=None):
    """The months a note may cover: this one and the two before, latest first."""
    first = (today or clock.today()).replace(day=1)
    months = [first]
    for _step in range(2):
        months.append(clock.previous_month(months[-1]))
    return months


class ProjectNoteForm(FormDefaultsMixin, forms.ModelForm):
    """The lieutenant's monthly update to the commander (SOP 4-7-5 C.2)."""

    month = forms.TypedChoiceField(label=_("Month"), coerce=lambda value: clock.month_asked(value, within_years=1))

    class Meta:
        model = ProjectNote
        fields = ["month", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        months = note_months()
        self.fields["month"].choices = [
            (month.strftime("%Y-%m"), date_format(month, "YEAR_MONTH_FORMAT")) for month in months
        ]
        written = set(project.notes.values_list("month", flat=True))
        missing = [month for month in months if month not in written]
        self.fields["month"].initial = (missing or months)[0].strftime("%Y-%m")

    def clean_month(self):
        month = self.cleaned_data["month"]
        if self.project.notes.filter(month=month).exists():
            raise forms.ValidationError(_("This month has its note already."))
        return month
