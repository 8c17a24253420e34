"""Change history (CJIS 5.4): every create, change and delete of a domain record, with who, when and from where."""

import uuid

from django.apps import apps
from django.urls import reverse

from outreach import clock
from outreach.models import ActionPlan, Concern
from outreach.tests.factories import ConcernFactory
from reports.models import GeneratedReport
from surveys.models import OneTimeCode, PaperBatch, Question, Response
from surveys.tests.factories import (
    OptionFactory,
    QuestionFactory,
    SurveyFactory,
    SurveyVersionFactory,
    live_survey,
)

CLIENT = "203.0.113.7"
DOMAIN_APPS = ("outreach", "programs", "surveys", "reports")

# Every model of the domain apps has history, or is here with the reason it has none (docs/architecture.md).
EXCLUDED = {
    "outreach.AuditEvent": "the audit log itself: rows are never changed (model and trigger)",
    "outreach.AuditReview": "part of the audit log: a review is never changed (model and trigger)",
    "outreach.PurgeLog": "the retention purge's own log: written once, never changed",
    "outreach.LegalHold": "retention machinery: its row keeps who placed and who released it, and is never deleted",
    "outreach.OutgoingMail": "the outbox: a delivery queue, not a record anyone changes",
    "outreach.CalendarFeed": "a secret address, not a record: history would keep every cut-off token",
    "outreach.ConcernEvent": "a timeline entry with who and when, written once and never changed",
    "outreach.PlanEvent": "a timeline entry with who and when, written once and never changed",
    "outreach.PlanReminder": "the reminder task's once-only marks, not a change by anyone",
    "programs.PresentationEvent": "a timeline entry with who and when, written once and never changed",
    "surveys.Answer": "written with its response in one insert and never changed; the response's row says who keyed it",
    "surveys.ResultsDigest": "the monthly task's computed figures: a cache of the answers, not a record",
    "surveys.SurveyTally": "the results' counts, derived from the answers and rebuilt from them at will: not a record",
}


def _domain_models():
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


def test_every_domain_model_has_history_or_says_why_not():
    untracked = {
        model._meta.label
        for model in _domain_models()
        if not hasattr(model._meta, "simple_history_manager_attribute") and model._meta.label not in EXCLUDED
    }

    assert untracked == set(), "Give these models history (outreach.lib.history.history()) or a reason in EXCLUDED"


def test_every_historical_row_has_room_for_the_address():
    for model in _domain_models():
        if hasattr(model._meta, "simple_history_manager_attribute"):
            historical = model.history.model
            assert historical._meta.get_field("history_ip_address"), historical


def _edit_concern(client, concern, **extra):
    url = reverse("outreach:concern_edit", args=[concern.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    return client.post(url, {**data, "location": "Corner of Elm and 5th"}, **extra)


def test_a_concern_edited_by_staff_keeps_who_when_and_from_which_address(client, people, area):
    concern = ConcernFactory(area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED)
    client.force_login(people.officer)

    _edit_concern(client, concern, REMOTE_ADDR=CLIENT)

    row = concern.history.first()
    assert (row.history_type, row.location) == ("~", "Corner of Elm and 5th")
    assert (row.history_user, row.history_ip_address) == (people.officer, CLIENT)
    assert row.diff_against(row.prev_record).changed_fields == ["location"]


def test_behind_the_trusted_proxy_the_address_is_the_clients_not_the_proxys(client, people, area, settings):
    settings.PROXY_COUNT = 1
    concern = ConcernFactory(area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED)
    client.force_login(people.officer)

    _edit_concern(client, concern, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.99, {CLIENT}")

    assert concern.history.first().history_ip_address == CLIENT


def test_a_survey_drafts_texts_changed_by_records_staff_are_in_its_history(client, people):
    draft = SurveyVersionFactory(survey=SurveyFactory(created_by=people.records), created_by=people.records)
    client.force_login(people.records)

    client.post(
        reverse("surveys:survey_texts", args=[draft.survey_id]),
        {
            "texts-title_en": "Safety 2027",
            "texts-title_es": "Seguridad 2027",
            "texts-intro_en": "",
            "texts-intro_es": "",
        },
        REMOTE_ADDR=CLIENT,
    )

    row = draft.history.first()
    assert (row.history_type, row.title_en) == ("~", "Safety 2027")
    assert (row.history_user, row.history_ip_address) == (people.records, CLIENT)


def test_a_report_asked_for_is_in_its_history_with_who_asked_and_from_where(client, people, area):
    month = clock.today().replace(day=1)
    client.force_login(people.sergeant)

    client.post(
        reverse("reports:report_list"),
        {"month": f"{month.year - 1}-{month.month:02d}", "subject": f"area:{area.pk}"},
        REMOTE_ADDR=CLIENT,
    )

    row = GeneratedReport.objects.get().history.get()
    assert (row.history_type, row.history_user, row.history_ip_address) == ("+", people.sergeant, CLIENT)


def test_the_concern_moved_along_by_its_plan_is_in_its_history(client, people, area):
    concern = ConcernFactory(
        area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED, received_on=clock.today()
    )
    client.force_login(people.officer)

    client.post(
        reverse("outreach:plan_create") + f"?concern={concern.pk}",
        {
            "title": "Drug sales at the Juniper corner house",
            "problem": "Short visits at all hours.",
            "measure": "Calls for service at 1400 Juniper Road",
            "baseline_value": "14",
            "baseline_period": "the 90 days before",
            "causes": "A vacant rental.",
            "officer": people.officer.pk,
        },
        REMOTE_ADDR=CLIENT,
    )

    assert ActionPlan.objects.filter(concern=concern).exists()
    row = concern.history.first()
    assert (row.status, row.history_user, row.history_ip_address) == (Concern.Status.PLAN_DUE, people.officer, CLIENT)


# The bulk writes, which skip save(): each goes through outreach.lib.history.


def test_options_written_in_bulk_and_questions_renumbered_in_bulk_are_in_the_history(client, people):
    draft = SurveyVersionFactory(survey=SurveyFactory(created_by=people.records), created_by=people.records)
    first, second = QuestionFactory(version=draft, position=1), QuestionFactory(version=draft, position=2)
    client.force_login(people.records)

    client.post(reverse("surveys:question_move", args=[second.pk]), {"direction": "up"}, REMOTE_ADDR=CLIENT)
    client.post(
        reverse("surveys:question_create", args=[draft.survey_id]),
        {
            "kind": Question.Kind.SINGLE,
            "text_en": "How often do you walk at night?",
            "text_es": "¿Con qué frecuencia camina de noche?",
            "help_en": "",
            "help_es": "",
            "low_label_en": "",
            "low_label_es": "",
            "high_label_en": "",
            "high_label_es": "",
            "options-TOTAL_FORMS": "2",
            "options-INITIAL_FORMS": "0",
            "options-0-text_en": "Every day",
            "options-0-text_es": "Todos los días",
            "options-1-text_en": "Rarely",
            "options-1-text_es": "Rara vez",
        },
        REMOTE_ADDR=CLIENT,
    )

    for question, position in ((first, 2), (second, 1)):
        row = question.history.first()
        assert (row.history_type, row.position) == ("~", position)
        assert (row.history_user, row.history_ip_address) == (people.records, CLIENT)
    added = draft.questions.get(position=3)
    rows = [option.history.get() for option in added.options.all()]
    assert len(rows) == 2
    assert {(row.history_type, row.history_user, row.history_ip_address) for row in rows} == {
        ("+", people.records, CLIENT)
    }


def test_deleting_a_question_renumbers_the_rest_in_the_history(client, people):
    draft = SurveyVersionFactory(survey=SurveyFactory(created_by=people.records), created_by=people.records)
    first, second = QuestionFactory(version=draft, position=1), QuestionFactory(version=draft, position=2)
    OptionFactory(question=first, position=1)
    client.force_login(people.records)

    client.post(reverse("surveys:question_delete", args=[first.pk]), REMOTE_ADDR=CLIENT)

    deleted = Question.history.filter(id=first.pk).first()
    assert (deleted.history_type, deleted.history_ip_address) == ("-", CLIENT)
    assert (second.history.first().position, second.history.first().history_ip_address) == (1, CLIENT)


def test_counting_a_batch_keeps_the_settled_and_discarded_keyings_in_the_history(client, people):
    survey = live_survey(by=people.records, kinds=[Question.Kind.RATING])
    rating = survey.live_version.questions.get()
    code = OneTimeCode.objects.create(survey=survey)
    batch = PaperBatch.objects.create(
        survey=survey,
        version=survey.live_version,
        name="Forum papers",
        channel="paper",
        sheets=1,
        double_keyed=True,
        created_by=people.records,
    )
    client.force_login(people.records)
    client.post(
        reverse("surveys:batch_key", args=[batch.pk, 1]),
        {"paper_language": "en", f"q{rating.pk}": "4", "one_time_code": code.code},
        REMOTE_ADDR="192.0.2.1",
    )
    client.force_login(people.sergeant)
    client.post(
        reverse("surveys:batch_key", args=[batch.pk, 2]),
        {"paper_language": "en", f"q{rating.pk}": "5"},
        REMOTE_ADDR="192.0.2.2",
    )
    first, second = Response.objects.order_by("keying")
    assert (first.history.get().history_user, first.history.get().history_ip_address) == (people.records, "192.0.2.1")
    client.force_login(people.records)

    client.post(reverse("surveys:batch_count", args=[batch.pk]), {"keep-1": "2"}, REMOTE_ADDR=CLIENT)

    kept = second.history.first()
    assert (kept.history_type, kept.counted, kept.one_time_code_id) == ("~", True, code.pk)
    assert (kept.history_user, kept.history_ip_address) == (people.records, CLIENT)
    discarded = Response.history.filter(id=first.pk).first()
    assert (discarded.history_type, discarded.history_user, discarded.history_ip_address) == (
        "-",
        people.records,
        CLIENT,
    )
    used = code.history.first()
    assert (used.history_type, used.history_ip_address) == ("~", CLIENT) and used.used_at is not None


def test_coded_copies_printed_in_bulk_are_in_the_history(client, people):
    survey = live_survey(by=people.records, kinds=[Question.Kind.RATING])
    client.force_login(people.records)

    client.get(reverse("surveys:paper_form", args=[survey.pk]), {"language": "en", "copies": 3}, REMOTE_ADDR=CLIENT)

    rows = OneTimeCode.history.filter(survey=survey)
    assert rows.count() == 3
    assert {(row.history_type, row.history_user, row.history_ip_address) for row in rows} == {
        ("+", people.records, CLIENT)
    }


# A citizen's survey answers are anonymous.


def test_a_citizens_web_answers_leave_no_address_in_the_history(client, people, area):
    survey = live_survey(by=people.records, kinds=[Question.Kind.LONG_TEXT], area_command=area)
    question = survey.live_version.questions.get()
    Question.objects.filter(pk=question.pk).update(makes_concern=True)
    code = OneTimeCode.objects.create(survey=survey)

    client.post(
        survey.get_public_url(),
        {
            "submission_key": str(uuid.uuid4()),
            f"q{question.pk}": "Lights out on Elm",
            "one_time_code": code.code,
        },
        REMOTE_ADDR=CLIENT,
    )

    response = Response.objects.get()
    assert not response.history.exists()
    concern = Concern.objects.get(source=Concern.Source.SURVEY)
    assert [row.history_ip_address for row in concern.history.all()] == [None]
    assert code.history.first().history_ip_address is None


def test_the_admin_shows_each_changes_address(client, people, area):
    concern = ConcernFactory(area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED)
    client.force_login(people.officer)
    _edit_concern(client, concern, REMOTE_ADDR=CLIENT)
    client.force_login(people.sysadmin)

    page = client.get(reverse("admin:outreach_concern_history", args=[concern.pk]))

    assert page.status_code == 200 and CLIENT in page.content.decode()


def test_the_admin_cannot_put_a_record_back_as_it_was(client, people, area):
    """A revert from the History page would bypass the workflows' services (and their rules): it is off."""
    concern = ConcernFactory(area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED)
    client.force_login(people.officer)
    _edit_concern(client, concern, REMOTE_ADDR=CLIENT)
    first = concern.history.order_by("history_id").first()
    client.force_login(people.sysadmin)

    revert = client.post(
        reverse("admin:outreach_concern_simple_history", args=[concern.pk, first.history_id]), {"_save": "Save"}
    )

    assert revert.status_code == 403
