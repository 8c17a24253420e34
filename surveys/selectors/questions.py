"""Reads that gather what a survey page needs."""

import time

from django.db.models import Prefetch

from outreach.models import CrimeType, Sector

from ..models import Option, Question, SurveyVersion

# An approved version never changes, so its questions are read once per process (bounded).
_FROZEN = {}
_FROZEN_LIMIT = 64


def version_questions(version):
    """The version's questions in order, each with its options; cached once the version is frozen."""
    frozen = version.status in (SurveyVersion.Status.APPROVED, SurveyVersion.Status.SUPERSEDED)
    if frozen and version.pk in _FROZEN:
        return _FROZEN[version.pk]
    questions = list(
        Question.objects.filter(version=version).prefetch_related(
            Prefetch("options", queryset=Option.objects.order_by("position"))
        )
    )
    if frozen:
        if len(_FROZEN) >= _FROZEN_LIMIT:
            _FROZEN.clear()
        _FROZEN[version.pk] = questions
    return questions


# Neighborhoods and categories change seldom: the public page reads them at most once a minute per process.
CHOICES_SECONDS = 60
_CHOICES = {}


def _recent(name, read):
    cached = _CHOICES.get(name)
    if cached is None or cached[0] < time.monotonic():
        cached = (time.monotonic() + CHOICES_SECONDS, read())
        _CHOICES[name] = cached
    return cached[1]


def _sectors():
    return list(
        Sector.objects.filter(area_command__is_active=True)
        .select_related("area_command")
        .order_by("area_command__name", "name")
    )


def answer_choices(questions):
    """The neighborhoods and categories a version's questions offer (read only when one asks for them)."""
    kinds = {question.kind for question in questions}
    sectors = _recent("sectors", _sectors) if Question.Kind.AREA in kinds else []
    categories = (
        _recent("categories", lambda: list(CrimeType.objects.filter(is_active=True)))
        if Question.Kind.CATEGORY in kinds
        else []
    )
    return sectors, categories


def survey_has_codes(survey):
    """Whether one-time codes were printed for the survey (the public form then asks for one)."""
    return _recent(f"codes:{survey.pk}", lambda: survey.codes.exists())


def forget_choices():
    """Read neighborhoods, categories and printed codes again on the next page (tests; staff changes)."""
    from ..forms.public import _FIELDS

    _CHOICES.clear()
    _FIELDS.clear()
