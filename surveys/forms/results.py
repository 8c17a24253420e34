from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.models import AreaCommand
from outreach.scope import sees_all_areas

from ..models import SurveyVersion
from ..models.responses import Channel
from ..selectors.results import ResultsFilter


class ResultsFilterForm(forms.Form):
    """Which results: a month or the whole run, an area command (the user's own if they see one), channel, version."""

    month = forms.ChoiceField(label=_("Month"), required=False)
    area_command = forms.ModelChoiceField(
        label=_("Area command"), queryset=AreaCommand.objects.none(), required=False, empty_label=_("All areas")
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Every channel")), *Channel.choices]
    )
    version = forms.ModelChoiceField(
        label=_("Version"), queryset=SurveyVersion.objects.none(), required=False, empty_label=_("Every version")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Both languages")), ("en", _("English")), ("es", _("Spanish"))],
    )

    def __init__(self, data, *, survey, user):
        super().__init__(data)
        self.survey, self.user = survey, user
        months, month = [], clock.today().replace(day=1)
        first = survey.opens_on.replace(day=1)
        while month >= first and len(months) < 60:
            months.append((month.strftime("%Y-%m"), date_format(month, "YEAR_MONTH_FORMAT")))
            month = clock.previous_month(month)
        self.fields["month"].choices = [("", _("Every month")), *months]
        self.fields["area_command"].queryset = AreaCommand.objects.active().for_user(user)
        if not sees_all_areas(user):
            self.fields["area_command"].empty_label = None
        self.fields["version"].queryset = survey.versions.exclude(status=SurveyVersion.Status.DRAFT).exclude(
            status=SurveyVersion.Status.AWAITING_APPROVAL
        )
        self.fields["version"].label_from_instance = lambda version: (
            _("Version %(number)s") % {"number": version.number}
        )

    def filters(self):
        """The ResultsFilter asked for; a user who sees one area command always gets theirs."""
        data = self.cleaned_data if self.is_valid() else {}
        area = data.get("area_command")
        if not sees_all_areas(self.user):
            area = AreaCommand.objects.filter(pk=self.user.area_command_id).first()
        return ResultsFilter(
            month=clock.month_asked(data.get("month"), within_years=10) if data.get("month") else None,
            area_command=area,
            channel=data.get("channel", ""),
            version=data.get("version"),
            language=data.get("language", ""),
        )
