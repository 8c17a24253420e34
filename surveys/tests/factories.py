from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from outreach.tests.factories import UserFactory
from surveys.models import (
    Answer,
    ContactAttempt,
    ContactRequest,
    OneTimeCode,
    Option,
    PaperBatch,
    Question,
    Response,
    ResultsAction,
    ResultsDigest,
    Survey,
    SurveyLink,
    SurveyTally,
    SurveyVersion,
)


class SurveyFactory(DjangoModelFactory):
    class Meta:
        model = Survey

    slug = factory.Sequence(lambda n: f"survey-{n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    created_by = factory.SubFactory(UserFactory)


class SurveyVersionFactory(DjangoModelFactory):
    class Meta:
        model = SurveyVersion

    survey = factory.SubFactory(SurveyFactory)
    number = 1
    title_en = "Community satisfaction and concerns of the Northeast Heights neighborhoods"
    title_es = "Satisfacción y preocupaciones de la comunidad de los vecindarios de Northeast Heights"
    intro_en = "Tell us how safe you feel."
    intro_es = "Díganos qué tan seguro se siente."
    created_by = factory.SelfAttribute("survey.created_by")


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    version = factory.SubFactory(SurveyVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.RATING
    text_en = "How safe do you feel walking in your neighborhood after dark?"
    text_es = "¿Qué tan seguro se siente caminando por su vecindario de noche?"
    low_label_en, low_label_es = "Very unsafe", "Muy inseguro"
    high_label_en, high_label_es = "Very safe", "Muy seguro"


class OptionFactory(DjangoModelFactory):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.SINGLE)
    position = factory.Sequence(lambda n: n + 1)
    text_en = factory.Sequence(lambda n: f"Option {n}")
    text_es = factory.Sequence(lambda n: f"Opción {n}")


def live_survey(*, by, kinds=(Question.Kind.RATING,), **survey_fields):
    """An approved survey, open today, whose one version asks one question of each kind in ``kinds``."""
    survey = SurveyFactory(created_by=by, **survey_fields)
    version = SurveyVersionFactory(survey=survey, status=SurveyVersion.Status.APPROVED, created_by=by)
    for position, kind in enumerate(kinds, start=1):
        question = QuestionFactory(version=version, kind=kind, position=position)
        if kind in Question.WITH_OPTIONS:
            OptionFactory(question=question, position=1, text_en="Every day", text_es="Todos los días")
            OptionFactory(question=question, position=2, text_en="Rarely", text_es="Rara vez")
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.APPROVED, live_version=version)
    survey.refresh_from_db()
    return survey


class SurveyLinkFactory(DjangoModelFactory):
    class Meta:
        model = SurveyLink

    survey = factory.SubFactory(SurveyFactory)
    channel = "social"
    campaign = factory.Sequence(lambda n: f"Facebook post {n}")
    created_by = factory.SelfAttribute("survey.created_by")


class PaperBatchFactory(DjangoModelFactory):
    class Meta:
        model = PaperBatch

    version = factory.SubFactory(SurveyVersionFactory, status=SurveyVersion.Status.APPROVED)
    survey = factory.SelfAttribute("version.survey")
    name = factory.Sequence(lambda n: f"Water bill, route {n}")
    channel = "water_bill"
    sheets = 25
    created_by = factory.SelfAttribute("survey.created_by")


class OneTimeCodeFactory(DjangoModelFactory):
    class Meta:
        model = OneTimeCode

    survey = factory.SubFactory(SurveyFactory)
    printed_for = "Water bill, March"


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    version = factory.SubFactory(SurveyVersionFactory, status=SurveyVersion.Status.APPROVED)
    survey = factory.SelfAttribute("version.survey")
    language = "en"
    channel = "web"


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory, version=factory.SelfAttribute("..response.version"))
    number = 4


class ContactRequestFactory(DjangoModelFactory):
    class Meta:
        model = ContactRequest

    survey = factory.SubFactory(SurveyFactory)
    name = "Rosa Elena Martínez-Gutiérrez"
    phone = "(575) 555-0143"
    language = "es"
    concern_text = "Cars speed past the school every morning."


class ContactAttemptFactory(DjangoModelFactory):
    class Meta:
        model = ContactAttempt

    request = factory.SubFactory(ContactRequestFactory)
    made_by = factory.SubFactory(UserFactory)
    method = ContactAttempt.Method.PHONE
    note = "Left a voicemail."


class ResultsDigestFactory(DjangoModelFactory):
    class Meta:
        model = ResultsDigest

    survey = factory.SubFactory(SurveyFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    responses = 0


class ResultsActionFactory(DjangoModelFactory):
    class Meta:
        model = ResultsAction

    survey = factory.SubFactory(SurveyFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    note = "Asked the Westside lieutenant for a lighting walk in Mesa Verde."
    by = factory.SubFactory(UserFactory)


class SurveyTallyFactory(DjangoModelFactory):
    class Meta:
        model = SurveyTally

    version = factory.SubFactory(SurveyVersionFactory, status=SurveyVersion.Status.APPROVED)
    survey = factory.SelfAttribute("version.survey")
    span = SurveyTally.Span.DAY
    day = factory.LazyFunction(timezone.localdate)
    channel = "web"
    language = "en"
    n = 1
