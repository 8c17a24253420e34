"""The citizen's form: one field per question of an approved version, in the page's language.

Every answer typed is kept when something is wrong; each error is shown at its question. The
optional "contact me" part is validated here but stored apart from the answers.
"""

import copy
import uuid

from django import forms
from django.core.validators import validate_email
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from outreach.lib.public_forms import HoneypotFormMixin

from ..models import OneTimeCode, Question, Response
from ..selectors.questions import survey_has_codes


def _rating_choices(question):
    choices = []
    for value in Question.RATING_SCALE:
        label = str(value)
        if value == 1 and question.low_label:
            label = f"1 · {question.low_label}"
        elif value == 5 and question.high_label:
            label = f"5 · {question.high_label}"
        choices.append((value, label))
    return choices


def field_for(question, *, sectors, categories):
    """The form field that asks ``question``; its value is what ``Answer`` stores."""
    common = {"label": question.text, "help_text": question.help, "required": question.required}
    radios = forms.RadioSelect(attrs={"class": "btn-check" if question.is_rating() else "form-check-input"})
    checkboxes = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})
    kind = question.kind
    if kind == Question.Kind.RATING:
        return forms.TypedChoiceField(
            choices=_rating_choices(question), coerce=int, widget=radios, empty_value=None, **common
        )
    if kind == Question.Kind.YES_NO:
        return forms.TypedChoiceField(
            choices=[(1, _("Yes")), (0, _("No"))], coerce=int, widget=radios, empty_value=None, **common
        )
    if kind == Question.Kind.SINGLE:
        choices = [(option.pk, option.text) for option in question.options.all()]
        return forms.TypedChoiceField(choices=choices, coerce=int, widget=radios, empty_value=None, **common)
    if kind == Question.Kind.MULTIPLE:
        choices = [(option.pk, option.text) for option in question.options.all()]
        return forms.TypedMultipleChoiceField(choices=choices, coerce=int, widget=checkboxes, **common)
    if kind == Question.Kind.CATEGORY:
        return forms.TypedMultipleChoiceField(
            choices=[(category.pk, str(category)) for category in categories],
            coerce=int,
            widget=checkboxes,
            **common,
        )
    if kind == Question.Kind.AREA:
        grouped = {}
        for sector in sectors:
            grouped.setdefault(sector.area_command.name, []).append((sector.pk, sector.name))
        choices = [("", _("Choose your neighborhood")), *grouped.items()]
        return forms.TypedChoiceField(
            choices=choices, coerce=int, empty_value=None, widget=forms.Select(attrs={"class": "form-select"}), **common
        )
    if kind == Question.Kind.SHORT_TEXT:
        return forms.CharField(
            max_length=Question.SHORT_TEXT_MAX_LENGTH, widget=forms.TextInput(attrs={"class": "form-control"}), **common
        )
    return forms.CharField(
        max_length=Question.LONG_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        **common,
    )


# The fields asking a frozen version's questions, built once per language and choices and shared:
# each form takes a shallow copy (no widget or choice list is changed by a form once built).
_FIELDS = {}
_FIELDS_LIMIT = 64


def question_fields(questions, sectors, categories):
    """``[(name, field)]`` for the questions, in the active language."""
    key = (
        tuple(question.pk for question in questions),
        get_language(),
        tuple((sector.pk, sector.name, sector.area_command.name) for sector in sectors),
        tuple((category.pk, category.name, category.name_es) for category in categories),
    )
    fields = _FIELDS.get(key)
    if fields is None:
        fields = [
            (f"q{question.pk}", field_for(question, sectors=sectors, categories=categories)) for question in questions
        ]
        if len(_FIELDS) >= _FIELDS_LIMIT:
            _FIELDS.clear()
        _FIELDS[key] = fields
    return fields


class SurveyAnswersForm(forms.Form):
    """A version's questions and the optional contact part: what a citizen, or staff keying a paper, fill in."""

    one_time_code = forms.CharField(
        label=gettext_lazy("Code printed on your paper survey"),
        help_text=gettext_lazy("Only if you received the survey on paper: so your household is counted once."),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    contact_me = forms.BooleanField(
        label=gettext_lazy("I would like the police department to contact me about my concern"), required=False
    )
    contact_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_phone = forms.CharField(
        label=gettext_lazy("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    contact_email = forms.CharField(
        label=gettext_lazy("E-mail"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_consent = forms.BooleanField(
        label=gettext_lazy(
            "I agree that the department keeps my name and contact details to follow up on my concern. "
            "They are stored apart from my answers, which stay anonymous."
        ),
        required=False,
    )

    CONTACT_FIELDS = ("contact_me", "contact_name", "contact_phone", "contact_email", "contact_consent")

    def __init__(self, data=None, *, survey, questions, sectors=(), categories=(), initial=None, prefix=None):
        super().__init__(data, initial=initial, prefix=prefix)
        self.survey = survey
        self.questions = questions
        self.question_fields = []
        for name, field in question_fields(questions, sectors, categories):
            self.fields[name] = copy.copy(field)
            self.question_fields.append(name)
        if not survey_has_codes(survey):
            del self.fields["one_time_code"]
        self.order_fields([*self.question_fields])

    def bound_questions(self):
        return [(question, self[name]) for question, name in zip(self.questions, self.question_fields, strict=True)]

    def clean_one_time_code(self):
        code = self.cleaned_data["one_time_code"].strip().upper().replace("-", "").replace(" ", "")
        if not code:
            return None
        found = OneTimeCode.objects.filter(survey=self.survey, code=code).first()
        if found is None:
            raise forms.ValidationError(_("This code is not one of this survey's. Check it, or leave it empty."))
        if found.used_at is not None or Response.objects.filter(one_time_code=found).exists():
            raise forms.ValidationError(self.USED_CODE_MESSAGE)
        return found

    USED_CODE_MESSAGE = gettext_lazy("Your household's answers with this code are already counted. Thank you!")

    def clean_contact_email(self):
        email = self.cleaned_data["contact_email"].strip()
        if email:
            validate_email(email)
        return email

    def clean(self):
        data = super().clean()
        if data.get("contact_me"):
            if not data.get("contact_name", "").strip():
                self.add_error("contact_name", _("Tell us your name so we know whom to ask for."))
            if (
                not data.get("contact_phone", "").strip()
                and not data.get("contact_email")
                and "contact_email" not in self.errors
            ):
                self.add_error("contact_phone", _("Give a phone number or an e-mail address."))
            if not data.get("contact_consent"):
                self.add_error("contact_consent", _("We can only contact you with your consent."))
        return data

    def answers(self):
        """``(question, value)`` for every question answered: an int, a list of ints, or text."""
        for question, name in zip(self.questions, self.question_fields, strict=True):
            value = self.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
            yield question, value

    def contact(self):
        """The contact request's fields, or None when the citizen did not ask to be contacted."""
        if not self.cleaned_data.get("contact_me"):
            return None
        return {
            "name": self.cleaned_data["contact_name"].strip(),
            "phone": self.cleaned_data["contact_phone"].strip(),
            "email": self.cleaned_data["contact_email"],
        }


class SurveyResponseForm(HoneypotFormMixin, SurveyAnswersForm):
    """The public page's form: a one-time key against a page posted twice, and the link it came by."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    via = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)

    def __init__(self, data=None, *, initial=None, **kwargs):
        super().__init__(data, initial={"submission_key": uuid.uuid4(), **(initial or {})}, **kwargs)


class PaperSheetForm(SurveyAnswersForm):
    """One paper keyed by staff: the same questions; its printed code, if any; the contact part at the first keying."""

    USED_CODE_MESSAGE = gettext_lazy(
        "This household already answered with this code (on the web or on another paper): set this paper aside."
    )

    paper_language = forms.ChoiceField(
        label=gettext_lazy("Language of the paper"),
        choices=[("en", gettext_lazy("English")), ("es", gettext_lazy("Spanish"))],
    )

    def __init__(self, data=None, *, first_keying=True, **kwargs):
        super().__init__(data, **kwargs)
        self.order_fields(["paper_language", *self.question_fields])
        if not first_keying:
            # The second keying checks the answers; the contact part and the code are keyed once.
            for name in (*self.CONTACT_FIELDS, "one_time_code"):
                self.fields.pop(name, None)
        else:
            self.fields["contact_consent"].label = _("The paper's consent box is ticked")
        if "one_time_code" in self.fields:
            self.fields["one_time_code"].label = _("Code printed on the paper")
            self.fields["one_time_code"].help_text = ""


class _SharedFields(dict):
    """A form class's fields, handed to each form as shallow copies instead of deep ones.

    Django deep-copies a form's fields for every form made; the public survey makes one for every
    answer sent, and nothing here changes a widget or a choice list once built (a form changes only
    its own copy's label or help text), so a shallow copy each is enough.
    """

    def __deepcopy__(self, memo):
        return {name: copy.copy(field) for name, field in self.items()}


for _form_class in (SurveyAnswersForm, SurveyResponseForm, PaperSheetForm):
    _form_class.base_fields = _SharedFields(_form_class.base_fields)
