"""Building a survey, the chief's approval of its questions, and the freeze of an approved version."""

import pytest
from django.core import mail
from django.urls import reverse

from surveys.models import Question, Survey, SurveyVersion
from surveys.services import surveys as builder
from surveys.services.tally import tally_pending

from .factories import OptionFactory, QuestionFactory, ResponseFactory, SurveyFactory, SurveyVersionFactory, live_survey


@pytest.fixture
def draft(people):
    survey = SurveyFactory(created_by=people.records)
    version = SurveyVersionFactory(survey=survey, created_by=people.records)
    QuestionFactory(version=version, position=1)
    return version


def _create_form(**overrides):
    data = {
        "survey-slug": "safety-2027",
        "survey-listed": "on",
        "survey-area_command": "",
        "survey-opens_on": "2027-01-01",
        "survey-closes_on": "2027-03-31",
        "texts-title_en": "Community safety 2027",
        "texts-title_es": "Seguridad comunitaria 2027",
        "texts-intro_en": "",
        "texts-intro_es": "",
    }
    data.update(overrides)
    return data


def test_records_staff_create_a_department_wide_survey_with_its_first_draft(client, people):
    client.force_login(people.records)

    response = client.post(reverse("surveys:survey_create"), _create_form())

    survey = Survey.objects.get(slug="safety-2027")
    assert response.url == survey.get_absolute_url()
    assert survey.area_command is None
    assert survey.status == Survey.Status.NEW
    assert list(survey.versions.values_list("number", "status")) == [(1, SurveyVersion.Status.DRAFT)]


def test_a_survey_closing_before_it_opens_is_refused_at_the_field_keeping_the_texts(client, people):
    client.force_login(people.records)

    response = client.post(reverse("surveys:survey_create"), _create_form(**{"survey-closes_on": "2026-12-01"}))

    assert response.status_code == 200
    assert response.context["form"].errors["closes_on"]
    assert "Seguridad comunitaria 2027" in response.content.decode()
    assert not Survey.objects.exists()


def test_a_lieutenant_makes_surveys_of_their_own_area_only(client, people, area, other_area):
    client.force_login(people.lieutenant)

    refused = client.post(reverse("surveys:survey_create"), _create_form(**{"survey-area_command": other_area.pk}))
    wide = client.post(reverse("surveys:survey_create"), _create_form(**{"survey-area_command": ""}))
    client.post(reverse("surveys:survey_create"), _create_form(**{"survey-area_command": area.pk}))

    assert "area_command" in refused.context["form"].errors
    assert "area_command" in wide.context["form"].errors
    assert Survey.objects.get().area_command == area


@pytest.mark.parametrize("role", ["officer", "sergeant"])
def test_officers_and_sergeants_do_not_build_surveys(client, people, role):
    client.force_login(getattr(people, role))

    assert client.get(reverse("surveys:survey_create")).status_code == 403


def test_an_area_survey_is_hidden_from_another_area_command(client, people, other_area):
    survey = SurveyFactory(created_by=people.records, area_command=other_area)
    SurveyVersionFactory(survey=survey)
    client.force_login(people.lieutenant)

    assert client.get(survey.get_absolute_url()).status_code == 404
    assert survey not in client.get(reverse("surveys:survey_list")).context["page"].object_list


def _question_form(**overrides):
    data = {
        "kind": Question.Kind.SINGLE,
        "text_en": "How often do you see officers in your neighborhood?",
        "text_es": "¿Con qué frecuencia ve agentes en su vecindario?",
        "help_en": "",
        "help_es": "",
        "low_label_en": "",
        "low_label_es": "",
        "high_label_en": "",
        "high_label_es": "",
        "options-TOTAL_FORMS": "3",
        "options-INITIAL_FORMS": "0",
        "options-0-text_en": "Every day",
        "options-0-text_es": "Todos los días",
        "options-1-text_en": "Rarely",
        "options-1-text_es": "Rara vez",
        "options-2-text_en": "",
        "options-2-text_es": "",
    }
    data.update(overrides)
    return data


def test_a_question_with_options_is_added_at_the_end_with_both_languages(client, people, draft):
    client.force_login(people.records)

    client.post(reverse("surveys:question_create", args=[draft.survey_id]), _question_form())

    question = draft.questions.get(position=2)
    assert question.kind == Question.Kind.SINGLE
    assert list(question.options.values_list("position", "text_en", "text_es")) == [
        (1, "Every day", "Todos los días"),
        (2, "Rarely", "Rara vez"),
    ]


def test_a_choice_question_needs_two_options_and_keeps_what_was_typed(client, people, draft):
    client.force_login(people.records)

    response = client.post(
        reverse("surveys:question_create", args=[draft.survey_id]),
        _question_form(**{"options-1-text_en": "", "options-1-text_es": ""}),
    )

    assert response.status_code == 200
    assert "at least two options" in response.content.decode()
    assert "¿Con qué frecuencia ve agentes en su vecindario?" in response.content.decode()
    assert draft.questions.count() == 1


def test_only_text_and_category_answers_can_become_concerns(client, people, draft):
    client.force_login(people.records)

    response = client.post(
        reverse("surveys:question_create", args=[draft.survey_id]), _question_form(makes_concern="on")
    )

    assert "makes_concern" in response.context["form"].errors


def test_questions_move_up_and_down_and_stop_at_the_ends(client, people, draft):
    first = draft.questions.get()
    second = QuestionFactory(version=draft, position=2, text_en="Second")
    client.force_login(people.records)

    client.post(reverse("surveys:question_move", args=[second.pk]), {"direction": "up"})
    client.post(reverse("surveys:question_move", args=[second.pk]), {"direction": "up"})

    assert list(draft.questions.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]


def test_deleting_a_question_asks_first_and_closes_the_gap(client, people, draft):
    first = draft.questions.get()
    second = QuestionFactory(version=draft, position=2)
    client.force_login(people.records)

    confirm = client.get(reverse("surveys:question_delete", args=[first.pk]))
    client.post(reverse("surveys:question_delete", args=[first.pk]))

    assert confirm.status_code == 200 and draft.questions.count() == 1
    second.refresh_from_db()
    assert second.position == 1


def test_approval_is_refused_with_the_list_of_missing_spanish(client, people, draft):
    question = draft.questions.get()
    Question.objects.filter(pk=question.pk).update(text_es="")
    OptionFactory(question=QuestionFactory(version=draft, position=2, kind=Question.Kind.SINGLE), text_es="")
    client.force_login(people.records)

    client.post(reverse("surveys:version_submit", args=[draft.survey_id]))
    page = client.get(draft.survey.get_absolute_url()).content.decode()

    draft.refresh_from_db()
    assert draft.status == SurveyVersion.Status.DRAFT
    assert "Question 1: the question in Spanish" in page
    assert "Question 2: at least two options" in page
    assert "Question 2, option 1: the option in Spanish" in page


def test_the_chief_is_told_approves_and_the_survey_goes_live(client, people, draft, django_capture_on_commit_callbacks):
    client.force_login(people.records)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("surveys:version_submit", args=[draft.survey_id]))
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [people.chief.email, people.designee.email]
    )

    client.force_login(people.chief)
    client.post(reverse("surveys:version_approve", args=[draft.survey_id]))

    draft.refresh_from_db()
    survey = draft.survey
    survey.refresh_from_db()
    assert draft.status == SurveyVersion.Status.APPROVED and draft.decided_by == people.chief
    assert survey.status == Survey.Status.APPROVED and survey.live_version == draft


@pytest.mark.parametrize("role", ["records", "commander", "lieutenant", "sysadmin"])
def test_only_the_chief_or_the_designee_approves_or_returns(client, people, draft, role):
    builder.version_submit(version=draft, by=people.records)
    client.force_login(getattr(people, role))

    approve = client.post(reverse("surveys:version_approve", args=[draft.survey_id]))
    returned = client.post(reverse("surveys:version_return", args=[draft.survey_id]), {"comment": "No."})

    assert (approve.status_code, returned.status_code) == (403, 403)
    draft.refresh_from_db()
    assert draft.status == SurveyVersion.Status.AWAITING_APPROVAL


def test_the_designee_returns_with_a_comment_and_the_builder_sees_it(client, people, draft):
    builder.version_submit(version=draft, by=people.records)
    client.force_login(people.designee)

    empty = client.post(reverse("surveys:version_return", args=[draft.survey_id]), {"comment": " "})
    client.post(reverse("surveys:version_return", args=[draft.survey_id]), {"comment": "Ask about lighting too."})

    draft.refresh_from_db()
    assert empty.status_code == 302
    assert draft.status == SurveyVersion.Status.DRAFT and draft.return_comment == "Ask about lighting too."
    client.force_login(people.records)
    assert "Ask about lighting too." in client.get(draft.survey.get_absolute_url()).content.decode()


def test_an_approved_version_is_frozen_and_a_change_makes_a_new_draft(client, people):
    survey = live_survey(by=people.records, kinds=[Question.Kind.RATING, Question.Kind.SINGLE])
    live = survey.live_version
    rating = live.questions.get(position=1)
    client.force_login(people.records)

    refused = client.post(reverse("surveys:question_edit", args=[rating.pk]), _question_form())
    client.post(reverse("surveys:survey_new_version", args=[survey.pk]))

    draft = survey.draft_version()
    assert refused.status_code == 302
    rating.refresh_from_db()
    assert rating.kind == Question.Kind.RATING
    assert draft.number == 2 and draft.status == SurveyVersion.Status.DRAFT
    assert list(draft.questions.values_list("key", flat=True)) == list(live.questions.values_list("key", flat=True))
    copied = draft.questions.get(position=2).options.values_list("key", flat=True)
    assert list(copied) == list(live.questions.get(position=2).options.values_list("key", flat=True))


def test_approving_the_new_version_supersedes_the_old(people):
    survey = live_survey(by=people.records)
    old = survey.live_version
    draft = builder.survey_version_for_edit(survey=survey, by=people.records)
    builder.version_submit(version=draft, by=people.records)

    builder.version_approve(version=draft, by=people.chief)

    old.refresh_from_db()
    survey.refresh_from_db()
    assert old.status == SurveyVersion.Status.SUPERSEDED
    assert survey.live_version == draft


def test_closing_a_survey_asks_first(client, people):
    survey = live_survey(by=people.records)
    client.force_login(people.records)

    confirm = client.get(reverse("surveys:survey_close", args=[survey.pk]))
    client.post(reverse("surveys:survey_close", args=[survey.pk]))

    survey.refresh_from_db()
    assert confirm.status_code == 200
    assert survey.status == Survey.Status.CLOSED and survey.closed_by == people.records


def test_the_survey_list_counts_responses_in_a_fixed_number_of_queries(client, people, django_assert_max_num_queries):
    for _ in range(3):
        live_survey(by=people.records)
    client.force_login(people.chief)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("surveys:survey_list"))

    assert len(response.context["page"].object_list) == 3


def test_the_survey_list_counts_each_response_once_whatever_the_versions(client, people):
    survey = live_survey(by=people.records)
    version = survey.versions.get()
    for _ in range(3):
        ResponseFactory(survey=survey, version=version)
    SurveyVersionFactory(survey=survey, number=2, status=SurveyVersion.Status.AWAITING_APPROVAL)
    client.force_login(people.chief)

    listed = client.get(reverse("surveys:survey_list")).context["page"].object_list
    assert [(row.response_count, bool(row.awaiting)) for row in listed] == [(3, True)]

    # Tallied, and one more counted since: the tally's rows and the one not tallied yet.
    tally_pending()
    ResponseFactory(survey=survey, version=version)
    listed = client.get(reverse("surveys:survey_list")).context["page"].object_list
    assert [row.response_count for row in listed] == [4]
