from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.forms.base import FormDefaultsMixin
from outreach.models import AreaCommand, User
from outreach.scope import sees_all_areas

from .models import AnnualRecommendations, GeneratedReport

MONTHS_OFFERED = 36


def subjects_for(user):
    """Whose monthly report ``user`` may ask for, as (value, label) choices grouped by area command.

    The same rule as ``GeneratedReportQuerySet.for_user``: an officer, their area command's and their
    own; a sergeant, also their unit's and its officers'; command staff and whoever sees every area,
    every report of the areas they see.
    """
    if not user.has_perm("reports.generate_report"):
        return []
    areas = AreaCommand.objects.active().for_user(user).order_by("name")
    people = User.objects.active().filter(area_command__in=areas).order_by("last_name", "first_name")
    whole_area = sees_all_areas(user) or user.has_perm("reports.view_area_reports")
    sergeants = people.filter(role=User.Role.SERGEANT)
    officers = people.filter(role=User.Role.OFFICER)
    if not whole_area:
        if user.has_perm("reports.view_unit_reports") and user.role == User.Role.SERGEANT:
            sergeants, officers = sergeants.filter(pk=user.pk), officers.filter(sergeant=user)
        else:
            sergeants, officers = sergeants.none(), officers.filter(pk=user.pk)
    by_area = {area.pk: [(f"area:{area.pk}", _("%(area)s (the area command)") % {"area": area.name})] for area in areas}
    for sergeant in sergeants:
        by_area[sergeant.area_command_id].append(
            (f"unit:{sergeant.pk}", _("Unit of %(sergeant)s") % {"sergeant": sergeant.display_name})
        )
    for officer in officers:
        by_area[officer.area_command_id].append((f"officer:{officer.pk}", officer.display_name))
    return [(area.name, by_area[area.pk]) for area in areas]


class ReportRequestForm(FormDefaultsMixin, forms.Form):
    """Ask for one month's report: the month, and whose (an area command, a unit, an officer)."""

    month = forms.ChoiceField(label=_("Month"))
    subject = forms.ChoiceField(label=_("Report of"))

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        month, months = clock.today().replace(day=1), []
        for _index in range(MONTHS_OFFERED):
            months.append((month.strftime("%Y-%m"), date_format(month, "YEAR_MONTH_FORMAT")))
            month = clock.previous_month(month)
        self.fields["month"].choices = months
        self.fields["month"].initial = months[1][0]
        self.fields["month"].help_text = _("The month under way is reported up to today.")
        self.fields["subject"].choices = subjects_for(user)

    def clean_month(self):
        month = clock.month_asked(self.cleaned_data["month"], within_years=5)
        if month is None:
            raise forms.ValidationError(_("Choose a month from the list."))
        return month

    def scope(self):
        """The report's fields: kind, level, period and whose."""
        level, pk = self.cleaned_data["subject"].split(":")
        fields = {"kind": GeneratedReport.Kind.MONTHLY, "level": level, "period": self.cleaned_data["month"]}
        if level == GeneratedReport.Level.AREA:
            return {**fields, "area_command": AreaCommand.objects.get(pk=pk)}
        person = User.objects.select_related("area_command").get(pk=pk)
        role = "sergeant" if level == GeneratedReport.Level.UNIT else "officer"
        return {**fields, "area_command": person.area_command, role: person}


class RecommendationsForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = AnnualRecommendations
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}
        labels = {"text": _("Recommendations for the year ahead")}
        help_texts = {
            "text": _(
                "What the department should do next, drawn from the year's concerns and surveys. "
                "Printed in the report; final once the report is made final."
            )
        }

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the recommendations."))
        return text
