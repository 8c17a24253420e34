"""A survey's results against a hand-counted fixture, its exports, and who may read them."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from outreach.models import Concern, CrimeType
from programs.tests.factories import PresentationFactory
from surveys.models import ContactRequest, Question, Response
from surveys.models.responses import Channel
from surveys.services import surveys as builder
from surveys.services.responses import response_submit

from .factories import ResponseFactory, SurveyLinkFactory, live_survey

Kind = Question.Kind


@pytest.fixture
def survey(people):
    return live_survey(by=people.records, kinds=[Kind.RATING, Kind.SINGLE, Kind.CATEGORY, Kind.LONG_TEXT])


def _questions(survey):
    return {question.kind: question for question in survey.live_version.questions.all()}


def _answer(
    survey, *, rating=None, option=None, categories=(), text="", area=None, channel=Channel.WEB, when=None, **extra
):
    asked = _questions(survey)
    answers = []
    if rating is not None:
        answers.append((asked[Kind.RATING], rating))
    if option is not None:
        answers.append((asked[Kind.SINGLE], asked[Kind.SINGLE].options.get(position=option).pk))
    if categories:
        answers.append((asked[Kind.CATEGORY], [CrimeType.objects.get(code=code).pk for code in categories]))
    if text:
        answers.append((asked[Kind.LONG_TEXT], text))
    response = response_submit(
        survey=survey,
        version=survey.live_version,
        answers=answers,
        channel=channel,
        language="en",
        submitted_at=when or timezone.now(),
        **extra,
    )
    if area is not None:
        Response.objects.filter(pk=response.pk).update(area_command=area)
    return response


@pytest.fixture
def answered(survey, area, other_area, people):
    """Five counted responses, hand-counted below, and one paper keying not settled yet (not counted)."""
    _answer(survey, rating=5, option=1, categories=["burglary", "traffic"], text="Speeding on Elm.", area=area)
    _answer(survey, rating=4, option=1, categories=["burglary"], area=area, channel=Channel.FORUM)
    _answer(survey, rating=2, option=2, area=area)
    _answer(survey, rating=1, categories=["traffic"], text="Dark park on Oak.", area=other_area, channel=Channel.PAPER)
    _answer(survey, option=2, area=other_area)
    response = _answer(survey, rating=1, option=1, area=area)
    Response.objects.filter(pk=response.pk).update(counted=False)
    return survey


def _result(page, kind):
    return next(result for result in page.context["results"]["questions"] if result.kind == kind)


def test_results_match_the_hand_count(client, people, answered):
    client.force_login(people.chief)

    page = client.get(reverse("surveys:survey_results", args=[answered.pk]))

    results = page.context["results"]
    assert results["total"] == 5
    rating = _result(page, Kind.RATING)
    assert (rating.answered, rating.counts, rating.mean) == (4, {5: 1, 4: 1, 2: 1, 1: 1}, 3.0)
    single = _result(page, Kind.SINGLE)
    assert [(bar.point.label, bar.point.value) for bar in single.bars] == [("Every day", 2), ("Rarely", 2)]
    assert single.answered == 4
    category = _result(page, Kind.CATEGORY)
    assert [(bar.point.label, bar.point.value) for bar in category.bars] == [
        ("Burglary", 2),
        ("Traffic & pedestrian safety", 2),
    ]
    assert [(bar.point.label, bar.point.value) for bar in results["by_channel"]] == [
        ("Website", 3),
        ("Public forum or meeting", 1),
        ("Paper form", 1),
    ]
    assert "2 answers, 50%" in page.content.decode()


def test_results_filter_by_area_and_a_sergeant_reads_only_their_own(client, people, answered, area, other_area):
    client.force_login(people.sergeant)

    page = client.get(reverse("surveys:survey_results", args=[answered.pk]), {"area_command": other_area.pk})

    assert page.context["results"]["total"] == 3
    assert _result(page, Kind.RATING).mean == pytest.approx(11 / 3, abs=0.01)
    assert "Dark park on Oak." not in page.content.decode()


def test_results_of_a_month_leave_out_the_others(client, people, survey, area):
    survey.__class__.objects.filter(pk=survey.pk).update(opens_on=datetime(2026, 9, 1).date())
    _answer(survey, rating=5, when=timezone.make_aware(datetime(2026, 10, 15, 12)))
    _answer(survey, rating=1, when=timezone.make_aware(datetime(2026, 11, 3, 12)))
    client.force_login(people.chief)

    page = client.get(reverse("surveys:survey_results", args=[survey.pk]), {"month": "2026-10"})

    assert page.context["results"]["total"] == 1
    assert _result(page, Kind.RATING).mean == 5


def test_results_between_two_dates_and_a_range_ending_before_it_starts_is_refused(client, people, survey):
    survey.__class__.objects.filter(pk=survey.pk).update(opens_on=datetime(2026, 9, 1).date())
    for day, rating in ((2, 5), (10, 1), (20, 3)):
        _answer(survey, rating=rating, when=timezone.make_aware(datetime(2026, 11, day, 12)))
    client.force_login(people.chief)
    url = reverse("surveys:survey_results", args=[survey.pk])

    ranged = client.get(url, {"since": "2026-11-05", "until": "2026-11-20"})
    backwards = client.get(url, {"since": "2026-11-20", "until": "2026-11-05"})

    assert ranged.context["results"]["total"] == 2
    assert _result(ranged, Kind.RATING).mean == 2
    assert "until" in backwards.context["filter_holder"]["form"].errors


def test_results_read_per_version_or_across_versions(client, people, survey):
    _answer(survey, rating=5)
    draft = builder.survey_version_for_edit(survey=survey, by=people.records)
    builder.version_submit(version=draft, by=people.records)
    builder.version_approve(version=draft, by=people.chief)
    survey.refresh_from_db()
    _answer(survey, rating=1)
    client.force_login(people.chief)

    across = client.get(reverse("surveys:survey_results", args=[survey.pk]))
    first = client.get(
        reverse("surveys:survey_results", args=[survey.pk]), {"version": survey.versions.get(number=1).pk}
    )

    assert _result(across, Kind.RATING).mean == 3
    assert _result(first, Kind.RATING).mean == 5


def test_the_results_page_reads_the_same_number_of_queries_for_5_or_50_responses(client, people, answered, area):
    client.force_login(people.chief)
    url = reverse("surveys:survey_results", args=[answered.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(45):
        _answer(
            answered, rating=index % 5 + 1, option=index % 2 + 1, categories=["drugs"], text=f"Note {index}", area=area
        )

    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


@pytest.mark.parametrize("role", ["officer", "other_officer"])
def test_officers_do_not_read_results(client, people, answered, role):
    client.force_login(getattr(people, role))

    assert client.get(reverse("surveys:survey_results", args=[answered.pk])).status_code == 403


def test_another_areas_survey_results_are_not_found(client, people, other_area):
    theirs = live_survey(by=people.records, area_command=other_area)
    client.force_login(people.sergeant)

    assert client.get(reverse("surveys:survey_results", args=[theirs.pk])).status_code == 404


def test_the_answers_csv_streams_every_counted_response_and_never_a_contact(client, people, answered):
    ContactRequest.objects.create(survey=answered, name="Rosa Elena Martínez", phone="(575) 555-0143", language="es")
    client.force_login(people.chief)

    response = client.get(reverse("surveys:survey_results", args=[answered.pk]), {"format": "csv"})

    content = b"".join(response.streaming_content).decode()
    lines = content.strip().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert len(lines) == 1 + 5
    assert "How safe do you feel walking in your neighborhood after dark?" in lines[0]
    assert "Burglary; Traffic & pedestrian safety" in content
    assert "Martínez" not in content and "555-0143" not in content


def test_the_answers_csv_reads_the_same_queries_for_five_responses_or_fifty(
    client, people, area, answered, django_assert_num_queries
):
    """Each response names its forum link or campaign: read once for the survey, never per row (N+1)."""
    client.force_login(people.chief)
    url = reverse("surveys:survey_results", args=[answered.pk])
    version = answered.versions.get()

    def export():
        response = client.get(url, {"format": "csv"})
        return list(response.streaming_content)

    with CaptureQueriesContext(connection) as few:
        export()
    for index in range(45):
        forum = PresentationFactory(area_command=area, topic=f"Block meeting {index}")
        link = SurveyLinkFactory(survey=answered, channel="forum", campaign="", presentation=forum)
        ResponseFactory(survey=answered, version=version, channel="forum", link=link)
    with django_assert_num_queries(len(few.captured_queries)):
        chunks = export()

    assert len(chunks) == 1  # 51 rows are one write, not one per row
    assert "Block meeting 44" in chunks[0].decode()


def test_the_figures_csv_holds_the_aggregates(client, people, answered):
    client.force_login(people.chief)

    response = client.get(reverse("surveys:survey_results", args=[answered.pk]), {"format": "aggregates"})

    content = b"".join(response.streaming_content).decode()
    assert "Responses,,5" in content
    assert "Every day,2,50," in content


def test_a_typed_answer_becomes_a_concern_in_one_click(client, people, answered, area):
    answer = answered.responses.get(answers__text="Speeding on Elm.").answers.get(text="Speeding on Elm.")
    client.force_login(people.sergeant)

    response = client.post(reverse("surveys:answer_concern", args=[answer.pk]))

    concern = Concern.objects.get()
    assert response.url == concern.get_absolute_url()
    assert (concern.source, concern.area_command, concern.category.code) == (Concern.Source.SURVEY, area, "burglary")
    answer.refresh_from_db()
    assert answer.concern == concern
    client.post(reverse("surveys:answer_concern", args=[answer.pk]))
    assert Concern.objects.count() == 1


def _finding(survey, **data):
    question = _questions(survey)[Kind.CATEGORY]
    return reverse("surveys:finding_concern", args=[survey.pk]), {
        "question": str(question.key),
        "category": CrimeType.objects.get(code="burglary").pk,
        **data,
    }


def test_a_category_the_citizens_named_becomes_a_concern_recorded_as_the_action_taken(client, people, answered, area):
    client.force_login(people.chief)
    page = client.get(reverse("surveys:survey_results", args=[answered.pk]), {"area_command": area.pk})
    assert "Open a concern from this finding" in page.content.decode()
    url, data = _finding(answered, area_command=area.pk)

    response = client.post(url, data)

    concern = Concern.objects.get()
    assert response.url == concern.get_absolute_url()
    assert (concern.source, concern.area_command, concern.category.code) == (Concern.Source.SURVEY, area, "burglary")
    # In North both who answered the category question named burglary.
    assert "2 of 2 respondents (100%) named Burglary" in concern.description
    action = answered.actions.get()
    assert (action.concern, action.by, action.month) == (concern, people.chief, timezone.localdate().replace(day=1))
    assert action.note == concern.description


def test_a_finding_across_every_area_asks_which_area_the_concern_belongs_to(client, people, answered, other_area):
    client.force_login(people.chief)
    url, data = _finding(answered)

    refused = client.post(url, data)
    response = client.post(url, {**data, "area_command_for": other_area.pk})

    assert refused.status_code == 302 and "/results/" in refused.url
    concern = Concern.objects.get()
    assert concern.area_command == other_area
    # Across the areas 3 answered the category question, 2 of them naming burglary.
    assert "every month so far: 2 of 3 respondents (67%) named Burglary" in concern.description
    assert response.url == concern.get_absolute_url()


def test_a_category_not_asked_is_refused_and_opens_nothing(client, people, answered, area):
    client.force_login(people.chief)
    url, data = _finding(answered, area_command=area.pk)

    client.post(url, {**data, "question": str(_questions(answered)[Kind.RATING].key)})
    client.post(url, {**data, "category": 0})

    assert not Concern.objects.exists() and not answered.actions.exists()


@pytest.mark.parametrize("role", ["sergeant", "commander", "records"])
def test_only_the_chiefs_office_opens_a_concern_from_a_finding(client, people, answered, area, role):
    client.force_login(getattr(people, role))
    page = client.get(reverse("surveys:survey_results", args=[answered.pk]))
    url, data = _finding(answered, area_command=area.pk)

    response = client.post(url, data)

    assert "Open a concern from this finding" not in page.content.decode()
    assert response.status_code == 403
    assert not Concern.objects.exists()
