"""The results read from the tally equal the live aggregation of the answers, whatever is tallied yet."""

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from outreach.models import AreaCommand, CrimeType
from outreach.tests.factories import SectorFactory
from surveys.models import Answer, Question, Response, SurveyTally, SurveyVersion
from surveys.models.responses import Channel
from surveys.selectors.results import ResultsFilter, survey_results, survey_trend, text_answers
from surveys.services import paper
from surveys.services.responses import response_submit
from surveys.tasks import tally_survey_responses

from .factories import OptionFactory, PaperBatchFactory, QuestionFactory, SurveyVersionFactory, live_survey

Kind = Question.Kind
KINDS = [
    Kind.RATING,
    Kind.YES_NO,
    Kind.SINGLE,
    Kind.MULTIPLE,
    Kind.CATEGORY,
    Kind.AREA,
    Kind.SHORT_TEXT,
    Kind.LONG_TEXT,
]
TODAY = date(2026, 5, 20)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime(2026, 5, 20, 12, tzinfo=timezone.get_current_timezone()), tick=False)


@pytest.fixture
def survey(people):
    survey = live_survey(by=people.records, kinds=KINDS, opens_on=date(2026, 1, 10), closes_on=date(2026, 12, 31))
    # A second version asking the same questions (same keys), as a change approved later would.
    first = survey.live_version
    SurveyVersion.objects.filter(pk=first.pk).update(status=SurveyVersion.Status.SUPERSEDED)
    second = SurveyVersionFactory(
        survey=survey, number=2, status=SurveyVersion.Status.APPROVED, created_by=people.records
    )
    for question in first.questions.all():
        copy = QuestionFactory(version=second, kind=question.kind, position=question.position, key=question.key)
        for option in question.options.all():
            OptionFactory(question=copy, position=option.position, key=option.key, text_en=option.text_en)
    return survey


@pytest.fixture
def sectors(area, other_area):
    return {SectorFactory(area_command=area).pk: area.pk, SectorFactory(area_command=other_area).pk: other_area.pk}


def _moment(rng):
    day = date(2026, 1, 10) + timedelta(days=rng.randrange(130))
    return timezone.make_aware(datetime.combine(day, time(rng.choice([0, 7, 12, 23]), rng.randrange(60))))


def _answers(rng, version, sectors):
    categories = list(CrimeType.objects.values_list("pk", flat=True)[:4])
    answers = []
    for question in version.questions.prefetch_related("options"):
        if rng.random() < 0.2:
            continue
        options = [option.pk for option in question.options.all()]
        value = {
            Kind.RATING: lambda: rng.randint(1, 5),
            Kind.YES_NO: lambda: rng.randint(0, 1),
            Kind.SINGLE: lambda options=options: rng.choice(options),
            Kind.MULTIPLE: lambda options=options: rng.sample(options, rng.randint(1, 2)),
            Kind.CATEGORY: lambda: rng.sample(categories, rng.randint(1, 3)),
            Kind.AREA: lambda: rng.choice(list(sectors)),
            Kind.SHORT_TEXT: lambda: rng.choice(["", "Speeding on Elm", "Dark park"]),
            Kind.LONG_TEXT: lambda: rng.choice(["Broken lights on Oak.", "Loud parties every weekend."]),
        }[question.kind]()
        answers.append((question, value))
    return answers


def _respond(survey, sectors, count, seed, batch=None, by=None):
    rng = random.Random(seed)
    versions = [batch.version] if batch else list(survey.versions.order_by("number"))
    made = []
    for sheet in range(1, count + 1):
        version = rng.choice(versions)
        paper = {"batch": batch, "sheet": sheet, "keying": 1, "keyed_by": by} if batch else {}
        made.append(
            response_submit(
                survey=survey,
                version=version,
                answers=_answers(rng, version, sectors),
                channel=batch.channel if batch else rng.choice([Channel.WEB, Channel.FORUM, Channel.SOCIAL]),
                language=rng.choice(["en", "es"]),
                sector_areas=sectors,
                submitted_at=_moment(rng),
                **paper,
            )
        )
    return made


def _live(survey, filters):
    """The figures aggregated from the answers themselves, the way the results were read before the tally."""
    responses = filters.responses(survey)
    answers = Answer.objects.filter(response__in=responses.values("pk")).order_by()
    questions = {}
    for row in answers.values("question__key").annotate(n=Count("response", distinct=True)):
        questions[row["question__key"]] = {"answered": row["n"], "counts": {}}
    numbers = answers.filter(question__kind__in=[Kind.RATING, Kind.YES_NO], number__isnull=False)
    for field, rows in [
        ("number", numbers.values("question__key", "number")),
        ("option__key", answers.filter(option__isnull=False).values("question__key", "option__key")),
        ("category", answers.filter(category__isnull=False).values("question__key", "category")),
        ("sector", answers.filter(sector__isnull=False).values("question__key", "sector")),
    ]:
        for row in rows.annotate(n=Count("pk")):
            questions[row["question__key"]]["counts"][row[field]] = row["n"]

    def grouped(name, labels):
        return {str(labels[row[name]]): row["n"] for row in responses.values(name).annotate(n=Count("pk"))}

    areas = {area.pk: area.name for area in AreaCommand.objects.all()}
    return {
        "total": responses.count(),
        "questions": questions,
        "channels": grouped("channel", dict(Channel.choices)),
        "languages": grouped("language", {"en": "English", "es": "Spanish"}),
        "areas": grouped("area_command", {**areas, None: "Not known"}),
        "typed": answers.filter(question__kind__in=Question.TEXT_KINDS).exclude(text="").count(),
    }


def _live_trend(survey, filters, months):
    start = timezone.make_aware(datetime.combine(months[0], time.min))
    responses = replace(filters, month=None).responses(survey).filter(submitted_at__gte=start)
    counts = {
        timezone.localtime(row["month"]).date(): row["n"]
        for row in responses.annotate(month=TruncMonth("submitted_at")).values("month").annotate(n=Count("pk"))
    }
    means = {}
    for row in (
        Answer.objects.filter(response__in=responses.values("pk"), question__kind=Kind.RATING, number__isnull=False)
        .annotate(month=TruncMonth("response__submitted_at"))
        .values("month", "question__key")
        .annotate(total=Count("pk"), points=Sum("number"))
        .order_by()
    ):
        month = timezone.localtime(row["month"]).date()
        means.setdefault(row["question__key"], {})[month] = round(row["points"] / row["total"], 2)
    return counts, means


def _read(survey, filters):
    results = survey_results(survey, filters)
    return {
        "total": results["total"],
        "questions": {
            result.question.key: {"answered": result.answered, "counts": result.counts}
            for result in results["questions"]
            if result.answered
        },
        "channels": {str(bar.point.label): bar.point.value for bar in results["by_channel"]},
        "languages": {str(bar.point.label): bar.point.value for bar in results["by_language"]},
        "areas": {str(bar.point.label): bar.point.value for bar in results["by_area"]},
        "typed": sum(results["typed"].values()),
    }


def _filters(survey, area, other_area):
    version = survey.versions.get(number=2)
    return [
        ResultsFilter(),
        ResultsFilter(month=date(2026, 1, 1)),
        ResultsFilter(month=date(2026, 3, 1)),
        ResultsFilter(month=date(2026, 5, 1)),
        ResultsFilter(area_command=area),
        ResultsFilter(area_command=other_area, month=date(2026, 2, 1)),
        ResultsFilter(channel=Channel.FORUM),
        ResultsFilter(channel=Channel.PAPER),
        ResultsFilter(version=version),
        ResultsFilter(language="es", channel=Channel.WEB),
        ResultsFilter(since=date(2026, 2, 1), until=date(2026, 3, 31)),
        ResultsFilter(since=date(2026, 1, 25), until=date(2026, 4, 3)),
        ResultsFilter(since=date(2026, 2, 14)),
        ResultsFilter(until=date(2026, 3, 9)),
        ResultsFilter(since=date(2026, 3, 3), until=date(2026, 3, 17)),
        ResultsFilter(month=date(2026, 3, 1), since=date(2026, 3, 10), area_command=area),
        ResultsFilter(month=date(2026, 4, 1), until=date(2026, 4, 30), language="en", version=version),
    ]


def _assert_exact(survey, area, other_area):
    for filters in _filters(survey, area, other_area):
        live, read = _live(survey, filters), _read(survey, filters)
        assert read == live, filters

        months = [date(2026, month, 1) for month in range(1, 6)]
        trend = survey_trend(survey, filters, until=date(2026, 5, 1), questions=survey.live_version.questions.all())
        counts, means = _live_trend(survey, filters, months)
        assert [column.point.value for column in trend["chart"].columns] == [counts.get(m, 0) for m in months]
        for question, values in trend["ratings"]:
            assert values == [means.get(question.key, {}).get(m) for m in months], filters


def _tallied():
    return Response.objects.filter(tallied=True).count()


@pytest.mark.django_db
def test_the_tally_equals_the_answers_before_and_after_the_task_and_after_a_batch_and_a_rebuild(
    survey, sectors, area, other_area, people
):
    _respond(survey, sectors, 60, seed=1)
    _assert_exact(survey, area, other_area)  # nothing tallied: every figure read live
    assert _tallied() == 0

    tally_survey_responses()
    assert _tallied() == 60
    assert SurveyTally.objects.filter(survey=survey).exists()
    _assert_exact(survey, area, other_area)  # every figure from the tally

    _respond(survey, sectors, 25, seed=2)
    _assert_exact(survey, area, other_area)  # the tally and the 25 not tallied yet

    batch = PaperBatchFactory(survey=survey, version=survey.live_version, channel=Channel.PAPER, sheets=10)
    keyed = _respond(survey, sectors, 8, seed=3, batch=batch, by=people.records)
    _assert_exact(survey, area, other_area)  # keyed, not counted: in neither
    tally_survey_responses()
    assert _tallied() == 85
    paper.batch_count(batch=batch, keep={}, by=people.records)
    assert _tallied() == 93  # tallied in the transaction that counted the batch
    _assert_exact(survey, area, other_area)

    Response.objects.filter(pk__in=[keyed[0].pk, keyed[1].pk]).delete()
    Response.objects.get(pk=Response.objects.filter(tallied=True).order_by("pk").first().pk).delete()
    _assert_exact(survey, area, other_area)  # a deleted response leaves the tally

    SurveyTally.objects.filter(survey=survey).update(n=999)
    call_command("tally_survey_responses", survey=[survey.pk], stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("tally_survey_responses", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _tallied() == 90
    _assert_exact(survey, area, other_area)  # rebuilt, twice: the same


@pytest.mark.django_db
def test_the_typed_answers_count_their_pages_from_the_tally(client, people, survey, sectors):
    _respond(survey, sectors, 30, seed=4)
    tally_survey_responses()
    _respond(survey, sectors, 5, seed=5)
    client.force_login(people.chief)

    page = client.get(reverse("surveys:survey_results", args=[survey.pk]))

    typed = text_answers(survey, ResultsFilter())
    assert page.context["texts"].paginator.count == typed.count() > 20
    assert [answer.pk for answer in page.context["texts"]] == [answer.pk for answer in typed[:20]]
    assert list(typed.values_list("pk", flat=True)) == sorted(typed.values_list("pk", flat=True), reverse=True)
    searched = client.get(reverse("surveys:survey_results", args=[survey.pk]), {"q": "Oak"})
    assert searched.context["texts"].paginator.count == typed.filter(text__icontains="Oak").count()


PAGE_QUERIES = 22


def _pinned(client, survey, django_assert_num_queries):
    for query in [{}, {"since": "2026-01-25", "until": "2026-04-03"}, {"month": "2026-03"}]:
        with django_assert_num_queries(PAGE_QUERIES):
            client.get(reverse("surveys:survey_results", args=[survey.pk]), query)


@pytest.mark.django_db
def test_the_results_page_reads_as_many_queries_with_10_or_200_responses(
    client, people, survey, sectors, django_assert_num_queries
):
    client.force_login(people.chief)
    _respond(survey, sectors, 10, seed=6)
    _pinned(client, survey, django_assert_num_queries)  # read live
    tally_survey_responses()
    _pinned(client, survey, django_assert_num_queries)  # from the tally
    _respond(survey, sectors, 190, seed=7)
    _pinned(client, survey, django_assert_num_queries)  # the tally and 190 live
    tally_survey_responses()
    _pinned(client, survey, django_assert_num_queries)
