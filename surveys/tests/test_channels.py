"""The channels: a forum's link, QR code and handout, a post's tagged link, the paper form and its batches."""

import io
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from outreach.tests.factories import UserFactory
from programs.tests.factories import PresentationFactory
from surveys.models import ContactRequest, OneTimeCode, PaperBatch, Question, Response, SurveyLink

from .factories import PaperBatchFactory, ResponseFactory, live_survey

Kind = Question.Kind


def _pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())  # a long title wraps across lines


@pytest.fixture
def survey(people):
    return live_survey(by=people.records, kinds=[Kind.RATING, Kind.SINGLE])


def test_an_officer_makes_a_presentations_survey_link_and_prints_its_handout(client, people, survey, area):
    presentation = PresentationFactory(area_command=area, author=people.officer)
    client.force_login(people.officer)
    page = client.get(presentation.get_absolute_url()).content.decode()
    assert "Make this event&#x27;s survey link and QR code" in page or "Make this event's survey link" in page

    client.post(reverse("surveys:link_for_presentation", args=[survey.pk, presentation.pk]))
    client.post(reverse("surveys:link_for_presentation", args=[survey.pk, presentation.pk]))

    link = SurveyLink.objects.get()
    assert (link.channel, link.presentation) == ("forum", presentation)
    page = client.get(presentation.get_absolute_url()).content.decode()
    assert link.get_short_url() in page and 'src="data:image/svg+xml' in page
    text = _pdf_text(client.get(reverse("surveys:link_handout", args=[link.code])))
    assert survey.live_version.title_en in text and survey.live_version.title_es in text
    assert f"/q/{link.code}/" in text
    assert "Escanee el código" in text


def test_another_areas_presentation_gets_no_link(client, people, survey, other_area):
    presentation = PresentationFactory(area_command=other_area)
    client.force_login(people.officer)

    response = client.post(reverse("surveys:link_for_presentation", args=[survey.pk, presentation.pk]))

    assert response.status_code == 404
    assert not SurveyLink.objects.exists()


def test_a_social_media_post_gets_a_tagged_link(client, people, survey):
    client.force_login(people.records)

    empty = client.post(reverse("surveys:link_for_campaign", args=[survey.pk]), {"campaign": ""})
    client.post(reverse("surveys:link_for_campaign", args=[survey.pk]), {"campaign": "Facebook, March safety tips"})

    assert empty.status_code == 302 and SurveyLink.objects.count() == 1
    link = SurveyLink.objects.get()
    assert (link.channel, link.campaign) == ("social", "Facebook, March safety tips")
    assert link.get_short_url() in client.get(survey.get_absolute_url()).content.decode()


def test_the_paper_form_prints_both_languages_and_coded_copies(client, people, survey):
    client.force_login(people.records)

    plain = _pdf_text(client.get(reverse("surveys:paper_form", args=[survey.pk]), {"language": "both"}))
    coded = client.get(
        reverse("surveys:paper_form", args=[survey.pk]), {"language": "es", "copies": 3, "printed_for": "Water bill"}
    )

    assert survey.live_version.title_en in plain and survey.live_version.title_es in plain
    assert "Would you like us to contact you?" in plain
    codes = list(OneTimeCode.objects.filter(survey=survey).values_list("code", flat=True))
    assert len(codes) == 3
    text = _pdf_text(coded)
    assert all(code in text for code in codes)
    assert "Every day" not in text and "Todos los días" in text


def test_officers_print_the_form_but_not_coded_copies(client, people, survey):
    client.force_login(people.officer)

    plain = client.get(reverse("surveys:paper_form", args=[survey.pk]), {"language": "en"})
    coded = client.get(reverse("surveys:paper_form", args=[survey.pk]), {"language": "en", "copies": 5})

    assert plain.status_code == 200 and coded.status_code == 302
    assert not OneTimeCode.objects.exists()


def _sheet(survey, rating, option_position=1, **extra):
    questions = {question.kind: question for question in survey.live_version.questions.all()}
    single = questions[Kind.SINGLE]
    return {
        "paper_language": "es",
        f"q{questions[Kind.RATING].pk}": str(rating),
        f"q{single.pk}": str(single.options.get(position=option_position).pk),
        **extra,
    }


def test_a_batch_is_keyed_paper_after_paper_and_counts_once_counted(client, people, survey):
    client.force_login(people.records)
    client.post(
        reverse("surveys:batch_list", args=[survey.pk]),
        {"name": "Water bill, March", "channel": "water_bill", "sheets": 2},
    )
    batch = PaperBatch.objects.get()
    key = reverse("surveys:batch_key", args=[batch.pk, 1])

    first = client.get(key)
    client.post(key, _sheet(survey, 4))
    client.post(
        key,
        _sheet(
            survey, 2, contact_me="on", contact_name="José Luis Ramírez", contact_phone="555-0112", contact_consent="on"
        ),
    )
    full = client.get(key)

    assert "Paper 1 of 2" in first.content.decode()
    assert full.status_code == 302
    assert list(Response.objects.order_by("sheet").values_list("sheet", "counted", "language", "channel")) == [
        (1, False, "es", "water_bill"),
        (2, False, "es", "water_bill"),
    ]
    assert ContactRequest.objects.get().name == "José Luis Ramírez"

    client.post(reverse("surveys:batch_count", args=[batch.pk]))

    batch.refresh_from_db()
    assert batch.status == PaperBatch.Status.COUNTED
    assert Response.objects.filter(counted=True).count() == 2


def test_a_batch_keyed_twice_by_two_people_settles_its_differences_before_it_counts(client, people, survey):
    batch = PaperBatch.objects.create(
        survey=survey,
        version=survey.live_version,
        name="Forum papers",
        channel="paper",
        sheets=2,
        double_keyed=True,
        created_by=people.records,
    )
    second_keyer = UserFactory(username="clerk", role="records")
    client.force_login(people.records)
    client.post(reverse("surveys:batch_key", args=[batch.pk, 1]), _sheet(survey, 4))
    client.post(reverse("surveys:batch_key", args=[batch.pk, 1]), _sheet(survey, 3))
    same_person = client.get(reverse("surveys:batch_key", args=[batch.pk, 2]))
    client.force_login(second_keyer)
    client.post(reverse("surveys:batch_key", args=[batch.pk, 2]), _sheet(survey, 4))
    client.post(reverse("surveys:batch_key", args=[batch.pk, 2]), _sheet(survey, 5))

    page = client.get(batch.get_absolute_url())
    refused = client.post(reverse("surveys:batch_count", args=[batch.pk]))
    batch.refresh_from_db()
    assert same_person.status_code == 302
    assert [sheet for sheet, _rows in page.context["differences"]] == [2]
    assert batch.status == PaperBatch.Status.KEYING and refused.status_code == 302

    client.post(reverse("surveys:batch_count", args=[batch.pk]), {"keep-2": "2"})

    counted = Response.objects.filter(batch=batch)
    rating = survey.live_version.questions.get(kind=Kind.RATING)
    assert sorted(counted.filter(answers__question=rating).values_list("answers__number", flat=True)) == [4, 5]
    assert all(counted.values_list("counted", flat=True)) and counted.count() == 2


def test_a_printed_code_answered_on_the_web_sets_the_paper_aside(client, people, survey):
    code = OneTimeCode.objects.create(survey=survey)
    rating = survey.live_version.questions.get(kind=Kind.RATING)
    client.post(
        survey.get_public_url(), {"submission_key": str(uuid.uuid4()), f"q{rating.pk}": "3", "one_time_code": code.code}
    )
    batch = PaperBatch.objects.create(
        survey=survey,
        version=survey.live_version,
        name="Inserts",
        channel="water_bill",
        sheets=1,
        created_by=people.records,
    )
    client.force_login(people.records)

    response = client.post(reverse("surveys:batch_key", args=[batch.pk, 1]), _sheet(survey, 5, one_time_code=code.code))

    assert "already answered with this code" in response.content.decode()
    assert Response.objects.count() == 1


@pytest.mark.parametrize("role", ["officer", "lieutenant"])
def test_paper_batches_are_for_supervisors_and_records_staff(client, people, survey, role):
    client.force_login(getattr(people, role))

    expected = 403 if role == "officer" else 200
    assert client.get(reverse("surveys:batch_list", args=[survey.pk])).status_code == expected


def test_the_batch_list_reads_the_same_queries_for_one_batch_or_many(client, people, survey, django_assert_num_queries):
    """Each batch's keyed papers are counted in the list's one query, not one query per batch."""
    version = survey.versions.get()
    client.force_login(people.records)
    url = reverse("surveys:batch_list", args=[survey.pk])
    first = PaperBatchFactory(survey=survey, version=version)
    ResponseFactory(survey=survey, version=version, batch=first, sheet=1, keying=1, counted=False, channel="paper")

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        PaperBatchFactory(survey=survey, version=version)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url)

    assert [progress for batch, progress in page.context["rows"] if batch == first] == [{1: 1, 2: 0}]
