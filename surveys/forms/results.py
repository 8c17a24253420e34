from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.forms.base import FormDefaultsMixin
from outreach.lib.widgets import DateInput
from outreach.models import ActionPlan, AreaCommand, Concern
from outreach.scope import sees_all_areas

from ..models import ResultsAction, SurveyVersion
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
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
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
            since=data.get("since"),
            until=data.get("until"),
        )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("The last day comes on or after the first."))
        return data


class ResultsActionForm(FormDefaultsMixin, forms.ModelForm):
    """What the chief did about a month's results: a note, and the concern or plan opened from a finding."""

    class Meta:
        model = ResultsAction
        fields = ["month", "note", "concern", "plan"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    month = forms.ChoiceField(label=_("Results of"))

    def __init__(self, *args, survey, user, month_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = month_choices
        since = clock.days_ago(ACTION_LOOKBACK_DAYS)
        # Typed by number, not chosen from a list: a large department opens tens of thousands a year.
        concern, plan = self.fields["concern"], self.fields["plan"]
        concern.queryset = Concern.objects.for_user(user).filter(received_on__gte=since)
        plan.queryset = ActionPlan.objects.for_user(user).filter(created_at__date__gte=since)
        concern.widget = forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"})
        plan.widget = forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"})
        concern.label, plan.label = _("Concern number"), _("Action plan number")
        concern.help_text = _(
            "A concern opened from a finding of these results, if any: the number in its address (…/concerns/12/)."
        )
        plan.help_text = _("An action plan opened from a finding, if any: the number in its address (…/plans/12/).")
        concern.error_messages["invalid_choice"] = _(
            "There is no concern number %(value)s of the last year that you may see."
        )
        plan.error_messages["invalid_choice"] = _(
            "There is no action plan number %(value)s of the last year that you may see."
        )

    def clean_month(self):
        month = clock.month_asked(self.cleaned_data["month"], within_years=10)
        if month is None:
            raise forms.ValidationError(_("Choose the month of the results."))
        return month


ACTION_LOOKBACK_DAYS = 365
