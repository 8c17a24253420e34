"""Citizen surveys in Chromium: a citizen answers on a phone in Spanish; staff build a survey the chief
returns, then approves; and every survey page, staff and public, is accessible, valid and fits a phone."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outreach.tests.browser import (
    DESKTOP,
    PHONE,
    assert_no_axe_violations,
    html_errors,
    log_in,
    screenshot,
    serious_axe_violations,
)
from outreach.tests.factories import PASSWORD, SectorFactory
from programs.tests.factories import PresentationFactory
from surveys.demo import community_survey
from surveys.models import ContactRequest, PaperBatch, Question, Response, Survey, SurveyLink, SurveyVersion
from surveys.services import surveys as builder

from .factories import ContactRequestFactory, QuestionFactory, SurveyFactory, SurveyVersionFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


@pytest.fixture
def demo_survey(people, area, department):
    SectorFactory(area_command=area, name="Los Altos", code="LA")
    today = timezone.localdate()
    return community_survey(
        builder=people.records,
        chief=people.chief,
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=60),
    )


def _staff(browser, live_server, user, viewport=DESKTOP, locale="en-US"):
    page = browser.new_context(viewport=viewport, locale=locale).new_page()
    log_in(page, live_server, user.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    return page


def _question(page, text):
    return page.get_by_role("group", name=re.compile(re.escape(text)))


def test_a_citizen_answers_in_spanish_on_a_phone_corrects_a_mistake_and_asks_to_be_contacted(
    browser, live_server, people, demo_survey
):
    page = browser.new_context(locale="es-ES", viewport=PHONE).new_page()
    page.goto(f"{live_server.url}{demo_survey.get_public_url()}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Satisfacción y preocupaciones de la comunidad"

    _question(page, "durante el día").locator("label").filter(has_text="4").click()
    # The mistake: the required question about after dark is skipped.
    _question(page, "en el departamento de policía").locator("label").filter(has_text="3").click()
    _question(page, "le preocupan más").get_by_label("Robo con allanamiento").check()
    page.get_by_label(re.compile("En qué vecindario vive")).select_option(label="Los Altos")
    page.get_by_label(re.compile("Hay alguna preocupación")).fill("Los carros pasan muy rápido frente a la escuela.")
    page.locator("[name=contact_me]").check()
    page.locator("[name=contact_name]").fill("Rosa Elena Martínez-Gutiérrez")
    page.locator("[name=contact_phone]").fill("(575) 555-0143")
    page.locator("[name=contact_consent]").check()
    page.locator("#survey-form [type=submit]").click()

    page.wait_for_load_state()
    assert page.locator("#form-errors").is_visible()
    assert page.get_by_label(re.compile("Hay alguna preocupación")).input_value() == (
        "Los carros pasan muy rápido frente a la escuela."
    )
    assert page.locator("[name=contact_name]").input_value() == "Rosa Elena Martínez-Gutiérrez"
    assert not Response.objects.exists()
    assert serious_axe_violations(page) == []
    screenshot(page, "survey-es-phone-mistake")

    _question(page, "de noche").locator("label").filter(has_text="2").click()
    page.locator("#survey-form [type=submit]").click()
    page.wait_for_url("**/thanks/**")
    assert_no_axe_violations(page)

    stored = Response.objects.get()
    assert (stored.language, stored.channel) == ("es", "web")
    assert ContactRequest.objects.get().name == "Rosa Elena Martínez-Gutiérrez"

    staff = _staff(browser, live_server, people.sergeant)
    staff.goto(f"{live_server.url}{reverse('surveys:contact_list')}")
    staff.get_by_role("link", name="Rosa Elena Martínez-Gutiérrez").click()
    assert "(575) 555-0143" in staff.locator("main").inner_text()
    staff.goto(f"{live_server.url}{demo_survey.get_results_url()}")
    assert "Los carros pasan muy rápido frente a la escuela." in staff.locator("main").inner_text()
    assert "1 response" in staff.locator("main").inner_text()
    screenshot(staff, "survey-results-sergeant")


KINDS = [
    (Question.Kind.RATING, "How safe do you feel at night?", "¿Qué tan seguro se siente de noche?"),
    (Question.Kind.SINGLE, "How often do you see officers?", "¿Con qué frecuencia ve agentes?"),
    (Question.Kind.MULTIPLE, "Which problems do you see?", "¿Qué problemas ve?"),
    (Question.Kind.YES_NO, "Did you call us this year?", "¿Nos llamó este año?"),
    (Question.Kind.SHORT_TEXT, "Which street worries you?", "¿Qué calle le preocupa?"),
    (Question.Kind.LONG_TEXT, "Anything else?", "¿Algo más?"),
    (Question.Kind.AREA, "Which neighborhood do you live in?", "¿En qué vecindario vive?"),
    (Question.Kind.CATEGORY, "What concerns you most?", "¿Qué le preocupa más?"),
]


def _add_question(page, live_server, survey, kind, text_en, text_es):
    page.goto(f"{live_server.url}{survey.get_absolute_url()}")
    page.get_by_label("Kind of question").select_option(kind)
    page.get_by_role("button", name="Add a question").click()
    page.locator("#id_text_en").fill(text_en)
    page.locator("#id_text_es").fill(text_es)
    if kind == Question.Kind.RATING:
        page.locator("#id_low_label_en").fill("Very unsafe")
        page.locator("#id_low_label_es").fill("Muy inseguro")
        page.locator("#id_high_label_en").fill("Very safe")
        page.locator("#id_high_label_es").fill("Muy seguro")
    if kind in Question.WITH_OPTIONS:
        for index, (en, es) in enumerate([("Often", "A menudo"), ("Rarely", "Rara vez")]):
            page.locator(f"#id_options-{index}-text_en").fill(en)
            page.locator(f"#id_options-{index}-text_es").fill(es)
    page.get_by_role("button", name="Save the question").click()
    page.wait_for_url(f"**{survey.get_absolute_url()}**")


def test_staff_build_every_kind_the_chief_returns_then_approves_and_a_change_is_a_new_version(
    browser, live_server, people, area, department
):
    SectorFactory(area_command=area, name="Los Altos", code="LA")
    records = _staff(browser, live_server, people.records)
    records.goto(f"{live_server.url}{reverse('surveys:survey_create')}")
    records.locator("#id_texts-title_en").fill("Neighborhood safety 2027")
    records.locator("#id_texts-title_es").fill("Seguridad del vecindario 2027")
    records.locator("#id_survey-slug").fill("safety-2027")
    records.locator("#id_survey-opens_on").fill(timezone.localdate().isoformat())
    records.locator("#id_survey-closes_on").fill((timezone.localdate() + timedelta(days=90)).isoformat())
    records.get_by_role("button", name="Create the survey").click()
    records.wait_for_url("**/surveys/*/")
    survey = Survey.objects.get(slug="safety-2027")
    for kind, text_en, text_es in KINDS:
        _add_question(records, live_server, survey, kind, text_en, text_es)
    assert list(survey.versions.get().questions.values_list("kind", flat=True)) == [kind for kind, *_t in KINDS]
    # The last question is moved up once, with the keyboard.
    records.get_by_role("button", name=re.compile("^Up What concerns you most")).focus()
    records.keyboard.press("Enter")
    records.wait_for_load_state()
    records.get_by_role("button", name="Send to the chief for approval").click()
    records.wait_for_load_state()
    assert survey.versions.get().status == SurveyVersion.Status.AWAITING_APPROVAL
    screenshot(records, "survey-awaiting-approval")

    chief = _staff(browser, live_server, people.chief)
    chief.goto(f"{live_server.url}{survey.get_absolute_url()}")
    assert_no_axe_violations(chief)
    chief.get_by_label("What needs to change").fill("Ask whether they feel safe in the parks too.")
    chief.get_by_role("button", name="Return with this comment").click()
    chief.wait_for_load_state()

    records.goto(f"{live_server.url}{survey.get_absolute_url()}")
    assert "Ask whether they feel safe in the parks too." in records.locator("main").inner_text()
    _add_question(
        records,
        live_server,
        survey,
        Question.Kind.YES_NO,
        "Do you feel safe in the parks?",
        "¿Se siente seguro en los parques?",
    )
    records.get_by_role("button", name="Send to the chief for approval").click()
    records.wait_for_load_state()

    chief.goto(f"{live_server.url}{survey.get_absolute_url()}")
    chief.get_by_role("button", name="Approve the questions").click()
    chief.wait_for_load_state()
    survey.refresh_from_db()
    first = survey.live_version
    assert survey.status == Survey.Status.APPROVED and first.number == 1

    # A change after approval is a new version waiting for the chief; version 1 keeps collecting.
    records.goto(f"{live_server.url}{survey.get_absolute_url()}")
    records.get_by_role("button", name="Change the questions").click()
    records.wait_for_load_state()
    records.get_by_role("link", name=re.compile("^Edit Anything else")).click()
    records.locator("#id_text_en").fill("Is there anything else you want the chief to know?")
    records.get_by_role("button", name="Save the question").click()
    records.wait_for_load_state()
    records.get_by_role("button", name="Send to the chief for approval").click()
    records.wait_for_load_state()
    assert survey.versions.get(number=2).status == SurveyVersion.Status.AWAITING_APPROVAL

    citizen = browser.new_context(viewport=PHONE).new_page()
    citizen.goto(f"{live_server.url}{survey.get_public_url()}")
    assert "Anything else?" in citizen.locator("main").inner_text()
    _question(citizen, "How safe do you feel at night?").locator("label").filter(has_text="5").click()
    citizen.locator("#survey-form [type=submit]").click()
    citizen.wait_for_url("**/thanks/**")
    assert Response.objects.get().version == first


@pytest.fixture
def survey_pages(people, area, demo_survey):
    """Every kind of survey page's record, named like the demo's."""
    rating = demo_survey.live_version.questions.get(position=1)
    from surveys.services.responses import response_submit

    response_submit(
        survey=demo_survey, version=demo_survey.live_version, answers=[(rating, 4)], channel="web", language="es"
    )
    waiting = SurveyFactory(slug="westside-parks", created_by=people.lieutenant, area_command=area)
    version = SurveyVersionFactory(
        survey=waiting,
        created_by=people.lieutenant,
        title_en="Parks after dark in the Hillcrest Heights and Maplewood neighborhoods",
    )
    QuestionFactory(version=version, position=1)
    builder.version_submit(version=version, by=people.lieutenant)
    draft = SurveyFactory(slug="draft", created_by=people.records)
    draft_version = SurveyVersionFactory(survey=draft, created_by=people.records)
    single = QuestionFactory(version=draft_version, position=1, kind=Question.Kind.SINGLE)
    contact = ContactRequestFactory(survey=demo_survey, area_command=area, name="Kimberly Ann Fairweather-Okonkwo")
    presentation = PresentationFactory(area_command=area, author=people.officer)
    link = SurveyLink.objects.create(
        survey=demo_survey, channel="forum", presentation=presentation, created_by=people.officer
    )
    batch = PaperBatch.objects.create(
        survey=demo_survey,
        version=demo_survey.live_version,
        name="Water bill, March, route 4",
        channel="water_bill",
        sheets=40,
        double_keyed=True,
        created_by=people.records,
    )
    closed = community_survey(
        builder=people.records,
        chief=people.chief,
        opens_on=timezone.localdate() - timedelta(days=90),
        closes_on=timezone.localdate() - timedelta(days=1),
        slug="spring",
    )
    return {
        "waiting": waiting,
        "draft": draft,
        "single": single,
        "contact": contact,
        "presentation": presentation,
        "link": link,
        "batch": batch,
        "closed": closed,
    }


def _survey_staff_pages(demo_survey, records):
    s, w, d = demo_survey.pk, records["waiting"].pk, records["draft"].pk
    return [
        ("records", "surveys", reverse("surveys:survey_list")),
        ("records", "survey", reverse("surveys:survey_detail", args=[s])),
        ("records", "survey-new", reverse("surveys:survey_create")),
        ("records", "survey-settings", reverse("surveys:survey_settings", args=[s])),
        ("records", "survey-draft", reverse("surveys:survey_detail", args=[d])),
        ("records", "survey-texts", reverse("surveys:survey_texts", args=[d])),
        ("records", "question-new", reverse("surveys:question_create", args=[d]) + "?kind=single"),
        ("records", "question-edit", reverse("surveys:question_edit", args=[records["single"].pk])),
        ("records", "question-delete", reverse("surveys:question_delete", args=[records["single"].pk])),
        ("records", "survey-close", reverse("surveys:survey_close", args=[s])),
        ("records", "batches", reverse("surveys:batch_list", args=[s])),
        ("records", "batch", reverse("surveys:batch_detail", args=[records["batch"].pk])),
        ("records", "batch-key", reverse("surveys:batch_key", args=[records["batch"].pk, 1])),
        ("chief", "survey-approval", reverse("surveys:survey_detail", args=[w])),
        ("chief", "results", reverse("surveys:survey_results", args=[s])),
        ("sergeant", "contacts", reverse("surveys:contact_list")),
        ("sergeant", "contact", reverse("surveys:contact_detail", args=[records["contact"].pk])),
        (
            "officer",
            "presentation-survey-link",
            reverse("programs:presentation_detail", args=[records["presentation"].pk]),
        ),
    ]


def _check(page, name, width, problems, pages):
    problems += [f"{name} at {width['width']}px: {line}" for line in serious_axe_violations(page)]
    if page.evaluate("document.documentElement.scrollWidth") > width["width"]:
        problems.append(f"{name} at {width['width']}px scrolls sideways")
    if width == DESKTOP:
        pages[name] = page.content()


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_every_survey_staff_page_is_accessible_valid_and_fits_a_phone(
    browser, live_server, people, demo_survey, survey_pages, locale
):
    problems, pages = [], {}
    by_persona = {}
    for persona, name, path in _survey_staff_pages(demo_survey, survey_pages):
        by_persona.setdefault(persona, []).append((name, path))
    for persona, entries in by_persona.items():
        page = _staff(browser, live_server, getattr(people, persona), locale=locale)
        for name, path in entries:
            for width in (DESKTOP, PHONE):
                page.set_viewport_size(width)
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == 200, f"{name}: {response.status}"
                _check(page, f"{locale[:2]}-{name}", width, problems, pages)
        page.context.close()

    problems += html_errors(pages)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_every_public_survey_page_is_accessible_valid_and_fits_a_phone(
    browser, live_server, department, demo_survey, survey_pages, locale
):
    paths = {
        "survey": (demo_survey.get_public_url(), 200),
        "survey-thanks": (reverse("surveys:public_thanks", args=[demo_survey.slug]) + "?contact=1", 200),
        "survey-forum": (survey_pages["link"].get_short_url(), 200),
        "survey-closed": (survey_pages["closed"].get_public_url(), 410),
    }
    context = browser.new_context(locale=locale, viewport=DESKTOP)
    page = context.new_page()
    problems, pages = [], {}
    for name, (path, status) in paths.items():
        for width in (DESKTOP, PHONE):
            page.set_viewport_size(width)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == status, name
            assert page.locator("html").get_attribute("lang") == locale[:2]
            assert department.phone in page.locator("footer").inner_text()
            _check(page, f"{locale[:2]}-public-{name}", width, problems, pages)
    # The survey sent back with every question left empty (the required ones named at the top).
    page.goto(f"{live_server.url}{demo_survey.get_public_url()}")
    page.locator("#survey-form [type=submit]").click()
    page.wait_for_load_state()
    for width in (DESKTOP, PHONE):
        page.set_viewport_size(width)
        _check(page, f"{locale[:2]}-public-survey-errors", width, problems, pages)
    screenshot(page, f"survey-errors-{locale[:2]}-phone")
    context.close()

    problems += html_errors(pages)
    assert problems == [], "\n".join(problems)
