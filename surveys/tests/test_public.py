"""The public survey page: every question kind, the channels' tags, and what stops abuse."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outreach.models import Concern, CrimeType
from outreach.tests.factories import SectorFactory
from surveys.models import Answer, ContactRequest, OneTimeCode, Question, Response, Survey, SurveyLink
from surveys.tests.factories import SurveyFactory, SurveyVersionFactory, live_survey

Kind = Question.Kind
EVERY_KIND = [
    Kind.RATING,
    Kind.SINGLE,
    Kind.MULTIPLE,
    Kind.YES_NO,
    Kind.SHORT_TEXT,
    Kind.LONG_TEXT,
    Kind.AREA,
    Kind.CATEGORY,
]


@pytest.fixture
def survey(people):
    return live_survey(by=people.records, kinds=EVERY_KIND)


@pytest.fixture
def sector(area):
    return SectorFactory(area_command=area, name="Los Altos")


def _field(survey, kind):
    return f"q{survey.live_version.questions.get(kind=kind).pk}"


def _option(survey, kind, position):
    return survey.live_version.questions.get(kind=kind).options.get(position=position).pk


def _answers(survey, sector, **overrides):
    burglary = CrimeType.objects.get(code="burglary")
    traffic = CrimeType.objects.get(code="traffic")
    data = {
        "submission_key": str(uuid.uuid4()),
        _field(survey, Kind.RATING): "4",
        _field(survey, Kind.SINGLE): str(_option(survey, Kind.SINGLE, 2)),
        _field(survey, Kind.MULTIPLE): [str(_option(survey, Kind.MULTIPLE, 1)), str(_option(survey, Kind.MULTIPLE, 2))],
        _field(survey, Kind.YES_NO): "0",
        _field(survey, Kind.SHORT_TEXT): "Central Avenue",
        _field(survey, Kind.LONG_TEXT): "Cars speed past the school every morning.",
        _field(survey, Kind.AREA): str(sector.pk),
        _field(survey, Kind.CATEGORY): [str(burglary.pk), str(traffic.pk)],
    }
    data.update(overrides)
    return data


def test_a_citizen_answers_every_kind_of_question_and_it_is_stored_once(client, survey, sector, area):
    response = client.post(survey.get_public_url(), _answers(survey, sector))

    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.channel, stored.language, stored.version, stored.area_command) == (
        "web",
        "en",
        survey.live_version,
        area,
    )
    values = sorted(
        answer.value_label() for answer in Answer.objects.select_related("question", "option", "category", "sector")
    )
    assert values == sorted(
        [
            "4",
            "Rarely",
            "Every day",
            "Rarely",
            "No",
            "Central Avenue",
            "Cars speed past the school every morning.",
            "Los Altos",
            "Burglary",
            "Traffic & pedestrian safety",
        ]
    )


def test_the_page_is_in_spanish_for_a_spanish_browser_and_the_response_says_so(client, survey, sector):
    page = client.get(survey.get_public_url(), headers={"accept-language": "es"})
    client.post(survey.get_public_url(), _answers(survey, sector), headers={"accept-language": "es"})

    content = page.content.decode()
    assert '<html lang="es">' in content
    assert "¿Qué tan seguro se siente caminando por su vecindario de noche?" in content
    assert "Todos los días" in content and "Robo con allanamiento" in content
    assert Response.objects.get().language == "es"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Kind.RATING, "6"),
        (Kind.RATING, "x"),
        (Kind.SINGLE, "999999"),
        (Kind.MULTIPLE, ["999999"]),
        (Kind.YES_NO, "2"),
        (Kind.AREA, "999999"),
        (Kind.CATEGORY, ["999999"]),
        (Kind.SHORT_TEXT, "x" * 201),
        (Kind.LONG_TEXT, "x" * 4001),
    ],
)
def test_a_wrong_or_oversized_answer_is_refused_at_its_question_keeping_the_others(client, survey, sector, kind, value):
    response = client.post(survey.get_public_url(), _answers(survey, sector, **{_field(survey, kind): value}))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [_field(survey, kind)]
    assert "Central Avenue" in response.content.decode() or kind == Kind.SHORT_TEXT
    assert not Response.objects.exists()


def test_a_required_question_left_empty_is_named_at_the_top_and_at_the_question(client, people, sector):
    survey = live_survey(by=people.records, kinds=[Kind.RATING, Kind.LONG_TEXT])
    rating = survey.live_version.questions.get(kind=Kind.RATING)
    Question.objects.filter(pk=rating.pk).update(required=True)
    text = f"q{survey.live_version.questions.get(kind=Kind.LONG_TEXT).pk}"

    response = client.post(survey.get_public_url(), {"submission_key": str(uuid.uuid4()), text: "Dark streets."})

    content = response.content.decode()
    assert f'href="#question-id_q{rating.pk}"' in content
    assert f'id="id_q{rating.pk}_error"' in content
    assert "Dark streets." in content
    assert not Response.objects.exists()


def test_posting_the_same_page_twice_stores_one_response(client, survey, sector):
    data = _answers(survey, sector)

    first = client.post(survey.get_public_url(), data)
    second = client.post(survey.get_public_url(), data)

    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1


def test_a_filled_honeypot_is_thanked_and_stores_nothing(client, survey, sector):
    response = client.post(survey.get_public_url(), _answers(survey, sector, website="http://spam.example"))

    assert response.status_code == 302
    assert not Response.objects.exists()


def test_the_rate_limit_counts_accepted_answers_not_corrected_mistakes(client, survey, sector, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    for _ in range(3):
        client.post(survey.get_public_url(), _answers(survey, sector, **{_field(survey, Kind.RATING): "9"}))
    client.post(survey.get_public_url(), _answers(survey, sector))
    client.post(survey.get_public_url(), _answers(survey, sector))

    refused = client.post(survey.get_public_url(), _answers(survey, sector))

    assert refused.status_code == 429
    assert "Central Avenue" in refused.content.decode()
    assert Response.objects.count() == 2


def test_the_rate_limit_never_keeps_the_address(client, survey, sector):
    from django.core.cache import cache

    client.post(survey.get_public_url(), _answers(survey, sector), REMOTE_ADDR="203.0.113.77")

    keys = list(cache._cache.keys()) if hasattr(cache, "_cache") else []
    assert keys and not any("203.0.113.77" in str(key) for key in keys)


def test_a_closed_survey_answers_410_with_a_polite_page_and_stores_nothing(client, survey, sector):
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.CLOSED)

    page = client.get(survey.get_public_url())
    post = client.post(survey.get_public_url(), _answers(survey, sector))

    assert page.status_code == post.status_code == 410
    assert "This survey is closed" in page.content.decode()
    assert not Response.objects.exists()


def test_a_survey_past_its_closing_date_is_closed_too(client, survey):
    Survey.objects.filter(pk=survey.pk).update(
        opens_on=timezone.localdate() - timedelta(days=30), closes_on=timezone.localdate() - timedelta(days=1)
    )

    assert client.get(survey.get_public_url()).status_code == 410


def test_an_unknown_unapproved_or_not_yet_open_survey_is_not_found(client, people):
    draft = SurveyFactory(created_by=people.records)
    SurveyVersionFactory(survey=draft)
    later = live_survey(by=people.records, opens_on=timezone.localdate() + timedelta(days=3))

    assert client.get(reverse("surveys:public_survey", args=["no-such-survey"])).status_code == 404
    assert client.get(reverse("surveys:public_survey", args=[draft.slug])).status_code == 404
    assert client.get(later.get_public_url()).status_code == 404
    assert client.post(reverse("surveys:public_survey", args=["no-such-survey"]), {}).status_code == 404


def test_an_unlisted_survey_opens_only_with_its_secret(client, people):
    unlisted = live_survey(by=people.records, listed=False)

    assert client.get(reverse("surveys:public_survey", args=[unlisted.slug])).status_code == 404
    assert client.get(reverse("surveys:public_survey_unlisted", args=[unlisted.slug, "guess"])).status_code == 404
    assert client.get(unlisted.get_public_url()).status_code == 200


def test_a_forums_short_link_tags_its_answers_with_the_event_and_its_area(client, survey, people, other_area):
    from programs.tests.factories import PresentationFactory

    presentation = PresentationFactory(area_command=other_area)
    link = SurveyLink.objects.create(
        survey=survey, channel="forum", presentation=presentation, created_by=people.records
    )

    landing = client.get(link.get_short_url(), follow=True)
    via = landing.context["form"]["via"].value()
    client.post(survey.get_public_url(), {"submission_key": str(uuid.uuid4()), "via": via})

    stored = Response.objects.get()
    assert (stored.channel, stored.link, stored.presentation, stored.area_command) == (
        "forum",
        link,
        presentation,
        other_area,
    )


def test_a_printed_code_counts_a_household_once(client, people, sector):
    survey = live_survey(by=people.records, kinds=[Kind.RATING])
    code = OneTimeCode.objects.create(survey=survey)
    field = f"q{survey.live_version.questions.get().pk}"

    client.post(
        survey.get_public_url(), {"submission_key": str(uuid.uuid4()), field: "3", "one_time_code": code.code.lower()}
    )
    again = client.post(
        survey.get_public_url(), {"submission_key": str(uuid.uuid4()), field: "3", "one_time_code": code.code}
    )

    assert Response.objects.get().one_time_code == code
    assert "one_time_code" in again.context["form"].errors


def test_a_contact_request_is_stored_apart_from_the_answers(client, survey, sector, area):
    contact = {
        "contact_me": "on",
        "contact_name": "Rosa Elena Martínez-Gutiérrez",
        "contact_phone": "(575) 555-0143",
        "contact_email": "",
        "contact_consent": "on",
    }

    client.post(survey.get_public_url(), _answers(survey, sector, **contact))

    request = ContactRequest.objects.get()
    assert (request.name, request.phone, request.area_command) == (
        "Rosa Elena Martínez-Gutiérrez",
        "(575) 555-0143",
        area,
    )
    assert request.concern_text == "Central Avenue\n\nCars speed past the school every morning."
    assert not {field.name for field in ContactRequest._meta.get_fields()} & {"response", "answers"}


def test_asking_to_be_contacted_needs_a_name_a_way_to_reach_and_consent(client, survey, sector):
    response = client.post(survey.get_public_url(), _answers(survey, sector, contact_me="on"))

    assert set(response.context["form"].errors) == {"contact_name", "contact_phone", "contact_consent"}
    assert not Response.objects.exists() and not ContactRequest.objects.exists()


def test_an_answer_to_a_marked_question_becomes_a_concern_for_pact(client, survey, sector, area):
    Question.objects.filter(version=survey.live_version, kind=Kind.LONG_TEXT).update(makes_concern=True)

    client.post(survey.get_public_url(), _answers(survey, sector))

    concern = Concern.objects.get()
    assert (concern.source, concern.area_command, concern.sector) == (Concern.Source.SURVEY, area, sector)
    assert concern.description == "Cars speed past the school every morning."
    assert concern.category.code == "burglary"  # the citizen's first category
    assert Answer.objects.get(concern=concern).text == concern.description


def test_the_public_page_reads_a_fixed_number_of_queries(client, survey, sector, django_assert_max_num_queries):
    client.get(survey.get_public_url())  # the frozen version's questions are read once per process
    data = _answers(survey, sector)

    with django_assert_max_num_queries(6):
        client.get(survey.get_public_url())
    with django_assert_max_num_queries(11):
        client.post(survey.get_public_url(), data)


def test_the_cached_page_shows_a_change_to_the_departments_footer_at_once(client, survey, department):
    first = client.get(survey.get_public_url()).content.decode()
    department.phone = "(555) 010-9999"
    department.save()

    again = client.get(survey.get_public_url()).content.decode()

    assert "(555) 010-9999" not in first and "(555) 010-9999" in again


def test_the_rate_limit_counts_in_redis_in_one_round_trip_per_accepted_answer(client, survey, sector, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/13"}
    }
    settings.PUBLIC_FORM_RATE = "2/h"
    from django.core.cache import caches

    caches["default"].clear()
    for _ in range(2):
        client.post(survey.get_public_url(), _answers(survey, sector))

    refused = client.post(survey.get_public_url(), _answers(survey, sector))

    assert refused.status_code == 429
    assert Response.objects.count() == 2
    caches["default"].clear()
