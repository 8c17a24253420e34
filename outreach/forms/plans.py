from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.validators import PUBLIC_TEXT_MAX_LENGTH, not_in_future
from ..lib.widgets import DateInput
from ..models import ActionPlan, ImplementationEntry, PlannedAction, User
from .base import FormDefaultsMixin, past_dates_only

TEXTAREA = {"rows": 3}


def area_people(area_command_id):
    return User.objects.field_officers().filter(area_command=area_command_id).order_by("last_name", "first_name")


class ActionPlanForm(FormDefaultsMixin, forms.ModelForm):
    """Scanning and Analysis; the Response's planned actions come in ``PlannedActionFormSet``."""

    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "officer",
            "problem",
            "measure",
            "baseline_value",
            "baseline_period",
            "causes",
            "victims",
            "places",
            "times",
        ]
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in ("problem", "causes", "victims", "places", "times")}
        help_texts = {
            "baseline_value": _("The measure before the plan, e.g. 14 calls for service."),
            "places": _("Where it happens: addresses, blocks, a park, a parking lot."),
            "times": _("When it happens: days of the week, hours, seasons."),
        }

    def __init__(self, *args, area_command_id, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = area_people(area_command_id)
        if not self.instance.pk:
            self.fields["baseline_period"].initial = _("the 90 days before")
            if user.area_command_id == area_command_id and user.role in User.AREA_ROLES:
                self.fields["officer"].initial = user.pk


class PlannedActionForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = PlannedAction
        fields = ["description", "owner", "target_on"]
        widgets = {"target_on": DateInput()}


class BasePlannedActionFormSet(forms.BaseInlineFormSet):
    """The plan's Response: each planned action has an owner of the area and a target date after the start."""

    def clean(self):
        super().clean()
        starts_on = self.instance.starts_on
        for form in self.forms:
            target_on = getattr(form, "cleaned_data", {}).get("target_on")
            if target_on and starts_on and target_on < starts_on and not form.cleaned_data.get("DELETE"):
                form.add_error(
                    "target_on",
                    _("The target date cannot be before %(date)s, when the plan's subject began.")
                    % {"date": date_format(starts_on, "DATE_FORMAT")},
                )

    def __init__(self, *args, area_command_id, **kwargs):
        self.area_command_id = area_command_id
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields["owner"].queryset = area_people(self.area_command_id)
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        form.fields["owner"].queryset = area_people(self.area_command_id)
        return form


PlannedActionFormSet = forms.inlineformset_factory(
    ActionPlan,
    PlannedAction,
    form=PlannedActionForm,
    formset=BasePlannedActionFormSet,
    extra=2,
    can_delete=True,
)


class PlanCommentForm(FormDefaultsMixin, forms.Form):
    comment = forms.CharField(
        label=_("Comment"), max_length=PUBLIC_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs=TEXTAREA)
    )


class ImplementationEntryForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = ImplementationEntry
        fields = [
            "done_on",
            "actions_taken",
            "arrests",
            "citations",
            "warnings",
            "code_notices",
            "referrals",
            "results",
        ]
        widgets = {
            "done_on": DateInput(),
            "actions_taken": forms.Textarea(attrs=TEXTAREA),
            "results": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        past_dates_only(self, "done_on")
        for name in ("arrests", "citations", "warnings", "code_notices", "referrals"):
            self.fields[name].widget.attrs.update(min=0, max=ImplementationEntry.MAX_COUNT)


class AssessmentForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["after_value", "after_period", "assessment"]
        widgets = {"assessment": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {
            "after_value": _("The same measure as at Scanning, counted again."),
            "assessment": _("Did the problem shrink? What worked, what did not, what stays to watch."),
        }


class MonitorForm(FormDefaultsMixin, forms.Form):
    recheck_on = forms.DateField(
        label=_("Re-check on"),
        widget=DateInput(),
        help_text=_("When to look again that the problem has not come back."),
    )

    def clean_recheck_on(self):
        recheck_on = self.cleaned_data["recheck_on"]
        if recheck_on <= clock.today():
            raise forms.ValidationError(_("Choose a re-check date after today."))
        return recheck_on


class ActionDoneForm(FormDefaultsMixin, forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput(), initial=clock.today, validators=[not_in_future])
