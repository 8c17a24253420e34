"""The builder's forms: a survey's settings, a version's texts, a question with its options."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach import clock
from outreach.forms.base import FormDefaultsMixin, ScopedChoicesMixin
from outreach.lib.widgets import DateInput
from outreach.scope import sees_all_areas

from ..models import Question, Survey, SurveyVersion
from ..models.surveys import OPTION_MAX_LENGTH


class SurveyForm(ScopedChoicesMixin, forms.ModelForm):
    """Where and when: none of it is the questions' content, so changing it needs no approval."""

    class Meta:
        model = Survey
        fields = ["slug", "listed", "area_command", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not sees_all_areas(self.user):
            # A survey of one area command is made by its own staff; department-wide ones by the chief's office.
            self.fields["area_command"].required = True
            self.fields["area_command"].help_text = ""
            self.fields["area_command"].empty_label = None
        if not self.instance.pk:
            self.fields["opens_on"].initial = clock.today()
            self.fields["area_command"].initial = self.user.area_command_id

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The survey closes on or after the day it opens."))
        return data


class VersionForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = SurveyVersion
        fields = ["title_en", "title_es", "intro_en", "intro_es"]
        widgets = {"intro_en": forms.Textarea(attrs={"rows": 4}), "intro_es": forms.Textarea(attrs={"rows": 4})}
        labels = {"title_en": gettext_lazy("Title in English"), "intro_en": gettext_lazy("Introduction in English")}


class QuestionForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "kind",
            "text_en",
            "text_es",
            "help_en",
            "help_es",
            "required",
            "low_label_en",
            "low_label_es",
            "high_label_en",
            "high_label_es",
            "makes_concern",
        ]
        labels = {"text_en": gettext_lazy("Question in English"), "help_en": gettext_lazy("Help text in English")}
        help_texts = {
            "kind": gettext_lazy(
                "Neighborhood offers the department's sectors; concern categories offer the shared category list."
            ),
            "low_label_en": gettext_lazy("For a rating: what 1 means, for example “Very unsafe”."),
            "high_label_en": gettext_lazy("For a rating: what 5 means, for example “Very safe”."),
        }

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if data.get("makes_concern") and kind not in Question.CONCERN_KINDS:
            self.add_error("makes_concern", _("Only a text or concern-category answer can become a concern."))
        if kind != Question.Kind.RATING:
            for name in ("low_label_en", "low_label_es", "high_label_en", "high_label_es"):
                data[name] = ""
        return data


class OptionForm(FormDefaultsMixin, forms.Form):
    text_en = forms.CharField(label=gettext_lazy("Option in English"), max_length=OPTION_MAX_LENGTH, required=False)
    text_es = forms.CharField(label=gettext_lazy("Option in Spanish"), max_length=OPTION_MAX_LENGTH, required=False)

    def clean(self):
        data = super().clean()
        if data.get("text_es", "").strip() and not data.get("text_en", "").strip():
            self.add_error("text_en", _("Write the option in English too, or empty both."))
        return data


class BaseOptionFormSet(forms.BaseFormSet):
    def options(self):
        """The filled rows, in order, as ``(text_en, text_es)``."""
        return [
            (form.cleaned_data["text_en"].strip(), form.cleaned_data.get("text_es", "").strip())
            for form in self.forms
            if form.cleaned_data.get("text_en", "").strip()
        ]


# Blank rows under the options already written: "Save and add more" gives more without a script.
OPTION_ROWS_EXTRA = 3


def option_formset(data=None, *, question=None):
    initial = (
        [{"text_en": option.text_en, "text_es": option.text_es} for option in question.options.all()]
        if question is not None and question.pk
        else []
    )
    formset = forms.formset_factory(
        OptionForm,
        formset=BaseOptionFormSet,
        extra=OPTION_ROWS_EXTRA if len(initial) < 2 else 2,
        max_num=30,
        absolute_max=30,
    )
    return formset(data, initial=initial, prefix="options")


class ReturnForm(FormDefaultsMixin, forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
