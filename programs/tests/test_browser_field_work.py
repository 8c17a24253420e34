"""Field work in Chromium: a report through review and back, and a citizen's request in Spanish."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from outreach.models import Concern
from outreach.tests.browser import DESKTOP, PHONE, assert_no_axe_violations, log_in, screenshot
from outreach.tests.factories import PASSWORD
from programs import services
from programs.models import Presentation, PresentationRequest, Program
from programs.tests.factories import PresentationFactory, PresentationRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


def _as(browser, live_server, user, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    log_in(page, live_server, user.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    return page


def test_report_is_submitted_returned_fixed_and_approved(browser, live_server, people, area):
    report = PresentationFactory(
        area_command=area,
        author=people.officer,
        program=Program.objects.get(name="Neighborhood Watch"),
        participants=None,
        starts_at=timezone.now() - timedelta(days=1),
    )
    officer = _as(browser, live_server, people.officer)
    sergeant = _as(browser, live_server, people.sergeant)

    # The officer writes the report with two concerns and submits it.
    officer.goto(f"{live_server.url}/programs/presentations/mine/")
    officer.get_by_role("link", name="Neighborhood Watch").click()
    officer.get_by_role("link", name="Edit the report").click()
    officer.get_by_label("Number of participants").fill("31")
    officer.locator('[name="concerns-0-category"]').select_option(label="Burglary")
    officer.locator('[name="concerns-0-description"]').fill("Garage break-ins on Elm Street")
    officer.locator('[name="concerns-0-is_potential_problem"]').check()
    officer.locator('[name="concerns-1-category"]').select_option(label="Traffic & pedestrian safety")
    officer.locator('[name="concerns-1-description"]').fill("Speeding by the school")
    screenshot(officer, "report-form-desktop")
    officer.get_by_role("button", name="Save and submit for review").click()
    assert officer.get_by_text("The report was submitted to your supervisor.").is_visible()

    # The sergeant of the same area returns it with a comment.
    sergeant.goto(f"{live_server.url}/programs/presentations/review/")
    sergeant.get_by_role("link", name="Neighborhood Watch").click()
    sergeant.get_by_label("What needs to change").fill("Give the number of households represented.")
    screenshot(sergeant, "report-review-desktop")
    sergeant.get_by_role("button", name="Return with comments").click()
    assert sergeant.get_by_text("The report was returned to its author with your comment.").is_visible()

    # The officer sees the comment, fixes the report and resubmits it.
    officer.set_viewport_size(PHONE)
    officer.goto(f"{live_server.url}/programs/presentations/mine/")
    officer.get_by_role("link", name="Neighborhood Watch").click()
    assert officer.get_by_role("alert").filter(has_text="Give the number of households represented.").is_visible()
    screenshot(officer, "report-returned-phone")
    officer.get_by_role("link", name="Edit the report").click()
    officer.get_by_label("Potential problems").fill("About 40 households represented; residents fear retaliation.")
    officer.get_by_role("button", name="Save and submit for review").click()
    assert officer.get_by_text("The report was submitted to your supervisor.").is_visible()

    # The sergeant opens it from the queue, reads it and approves it.
    sergeant.goto(f"{live_server.url}/programs/presentations/review/")
    assert_no_axe_violations(sergeant)
    sergeant.get_by_role("link", name="Read and review").click()
    sergeant.get_by_role("button", name="Approve the report").click()
    assert sergeant.get_by_text("was approved").is_visible()

    report.refresh_from_db()
    assert report.status == Presentation.Status.APPROVED
    assert report.participants == 31
    assert list(report.events.values_list("action", flat=True)) == ["submitted", "returned", "resubmitted", "approved"]
    assert Concern.objects.filter(presentations=report).count() == 2

    # A sergeant of another area command gets "not found".
    other = _as(browser, live_server, people.other_sergeant)
    response = other.goto(f"{live_server.url}{report.get_absolute_url()}")
    assert response.status == 404
    assert other.get_by_role("heading", name="Not found").is_visible()


def test_citizen_asks_in_spanish_and_staff_accept(browser, live_server, people, area):
    citizen = browser.new_context(viewport=PHONE, locale="es-ES").new_page()

    citizen.goto(f"{live_server.url}/")
    citizen.get_by_role("link", name="Solicitar una presentación").first.click()
    assert citizen.get_by_role("heading", name="Solicitar una presentación").is_visible()
    assert_no_axe_violations(citizen)
    citizen.get_by_label("Su nombre").fill("Rosa Jiménez")
    citizen.get_by_label("Correo electrónico").fill("rosa@example.org")
    citizen.get_by_label("Programa").select_option(label="Cuidado con los desconocidos")
    citizen.get_by_label("Fecha preferida").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    citizen.get_by_label("Público previsto").fill("0")
    citizen.get_by_label("Dirección del evento").fill("12 River Road")
    citizen.get_by_role("button", name="Enviar la solicitud").click()
    # A mistake is explained next to the field and nothing typed is lost.
    assert citizen.get_by_label("Su nombre").input_value() == "Rosa Jiménez"
    screenshot(citizen, "public-request-error-phone-es")
    citizen.get_by_label("Público previsto").fill("30")
    citizen.get_by_role("button", name="Enviar la solicitud").click()
    reference = citizen.get_by_test_id("reference").inner_text()
    assert_no_axe_violations(citizen)
    screenshot(citizen, "public-request-done-phone-es")

    request_obj = PresentationRequest.objects.get(reference=reference)
    assert request_obj.language == "es"

    sergeant = _as(browser, live_server, people.sergeant)
    sergeant.goto(f"{live_server.url}/programs/requests/")
    sergeant.get_by_role("link", name=reference).click()
    starts = timezone.localtime(timezone.now() + timedelta(days=14)).replace(hour=18, minute=0)
    sergeant.get_by_label("Date and time").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    sergeant.get_by_label("Area command").select_option(label=area.name)
    sergeant.get_by_label(people.officer.display_name).check()
    screenshot(sergeant, "request-accept-desktop")
    sergeant.get_by_role("button", name="Schedule and tell the requester").click()
    assert sergeant.get_by_text("The presentation is scheduled and the requester was e-mailed.").is_visible()

    request_obj.refresh_from_db()
    assert request_obj.status == PresentationRequest.Status.ACCEPTED
    assert request_obj.presentation.status == Presentation.Status.SCHEDULED
    assert list(request_obj.presentation.presenters.all()) == [people.officer]


def test_a_citizen_who_makes_five_mistakes_is_still_accepted(browser, live_server, department, settings):
    settings.PUBLIC_FORM_RATE = "1/h"
    cache.clear()
    citizen = browser.new_context(viewport=PHONE, locale="es-ES").new_page()
    citizen.goto(f"{live_server.url}/request/presentation/")
    answers = {
        "Su nombre": "Rosa Jiménez",
        "Correo electrónico": "rosa@example.org",
        "Fecha preferida": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "Público previsto": "30",
        "Dirección del evento": "12 River Road",
    }
    citizen.get_by_label("Programa").select_option(label="Cuidado con los desconocidos")
    for label, value in answers.items():
        citizen.get_by_label(label).fill(value)
    mistakes = [
        ("Público previsto", "0"),
        ("Correo electrónico", "rosa@"),
        ("Su nombre", ""),
        ("Fecha preferida", timezone.localdate().isoformat()),
        ("Público previsto", "999999"),
    ]

    for label, wrong in mistakes:
        citizen.get_by_label(label).fill(wrong)
        citizen.get_by_role("button", name="Enviar la solicitud").click()
        assert citizen.locator(".invalid-feedback").count() == 1, label
        assert citizen.get_by_label("Dirección del evento").input_value() == "12 River Road"
        citizen.get_by_label(label).fill(answers[label])
    citizen.get_by_role("button", name="Enviar la solicitud").click()

    assert citizen.get_by_test_id("reference").is_visible()
    assert PresentationRequest.objects.filter(email="rosa@example.org").count() == 1


def test_a_cancelled_presentation_reaches_the_citizen_who_asked(browser, live_server, people, area):
    request_obj = PresentationRequestFactory(email="rosa@example.org", language="es")
    presentation = services.presentation_request_accept(
        request_obj=request_obj,
        by=people.sergeant,
        starts_at=timezone.now() + timedelta(days=10),
        area_command=area,
        sector=None,
        place="Maplewood Elementary, gym",
        presenters=[people.officer],
    )
    mail.outbox.clear()
    officer = _as(browser, live_server, people.officer)

    officer.goto(f"{live_server.url}{presentation.get_absolute_url()}")
    officer.get_by_role("link", name="Cancel the presentation").click()
    assert officer.get_by_text("they are e-mailed that it is cancelled").is_visible()
    officer.get_by_label("Reason (optional)").fill("El agente asignado está de baja.")
    officer.get_by_role("button", name="Cancel the presentation").click()
    assert officer.get_by_text("The presentation was cancelled.").is_visible()

    [message] = mail.outbox
    assert message.to == ["rosa@example.org"] and "cancelada" in message.subject
    citizen = browser.new_context(viewport=PHONE, locale="es-ES").new_page()
    citizen.goto(f"{live_server.url}{request_obj.get_public_url()}")
    assert citizen.get_by_role("heading", name="La presentación se canceló").is_visible()
    assert_no_axe_violations(citizen)
