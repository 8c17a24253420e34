"""PACT in Chromium, with the clock frozen at each step: a walk-in concern worked from intake to closure."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from outreach.models import ActionPlan, Concern
from outreach.tests.browser import DESKTOP, PHONE, assert_no_axe_violations, log_in, screenshot
from outreach.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

DENVER = ZoneInfo("America/Denver")


def _on(day, hour=10):
    """The ``day``-th day counted from 1 November 2026, at ``hour`` in the department's zone."""
    return datetime(2026, 11, 1, hour, 0, tzinfo=DENVER) + timedelta(days=day - 1)


def _as(browser, live_server, user, viewport=DESKTOP):
    """A fresh browser session: days pass between the steps, and sessions do not last days."""
    page = browser.new_context(viewport=viewport).new_page()
    log_in(page, live_server, user.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    return page


def test_a_walk_in_concern_is_planned_returned_approved_carried_out_watched_and_closed(
    browser, live_server, people, area
):
    with time_machine.travel(_on(2), tick=False) as traveller:
        # Day 0: a resident walks in; the desk sergeant records the concern.
        sergeant = _as(browser, live_server, people.sergeant)
        sergeant.goto(f"{live_server.url}/concerns/new/?source=walk_in")
        sergeant.get_by_label("Category").select_option(label="Drugs & alcohol")
        sergeant.get_by_label("What was raised").fill(
            "Short visits at all hours to the corner house; needles in the alley."
        )
        sergeant.get_by_label("Location").fill("1400 block of Juniper Road")
        sergeant.get_by_label("Reported by").fill("Rosa Martínez-Delgado")
        sergeant.get_by_role("button", name="Record the concern").click()
        assert sergeant.get_by_text("Its action plan is due on Nov. 12, 2026.").is_visible()
        concern = Concern.objects.get()

        # Day 1: the sergeant assigns it.
        traveller.move_to(_on(3))
        sergeant = _as(browser, live_server, people.sergeant)
        sergeant.goto(f"{live_server.url}{concern.get_absolute_url()}")
        sergeant.locator("#id_officer").select_option(label=people.officer.display_name)
        sergeant.get_by_role("button", name="Assign").click()
        assert sergeant.get_by_text(f"The concern is assigned to {people.officer.display_name}").is_visible()

        # Day 9: the officer writes the plan on a phone-sized screen and submits it.
        traveller.move_to(_on(11))
        officer = _as(browser, live_server, people.officer, viewport=PHONE)
        officer.goto(f"{live_server.url}{concern.get_absolute_url()}")
        assert officer.get_by_text("1 day left").first.is_visible()
        officer.get_by_role("link", name="Start the action plan").click()
        officer.get_by_label("Measure of success").fill("Calls for service at 1400 Juniper Road")
        officer.get_by_label("Baseline", exact=True).fill("14")
        officer.get_by_role("button", name="Start the plan").click()
        officer.locator('[name="actions-0-description"]').fill("Knock-and-talk with the owner of the rental")
        officer.locator('[name="actions-0-owner"]').select_option(label=people.officer.display_name)
        officer.locator('[name="actions-0-target_on"]').fill("2026-11-18")
        screenshot(officer, "plan-edit-phone")
        officer.get_by_role("button", name="Save and submit for approval").click()
        assert officer.get_by_text("The plan was submitted").is_visible()
        plan = ActionPlan.objects.get()

        # Day 10: the sergeant returns it with a comment.
        traveller.move_to(_on(12))
        sergeant = _as(browser, live_server, people.sergeant)
        sergeant.goto(f"{live_server.url}{plan.get_absolute_url()}")
        sergeant.get_by_label("Comment").fill("Add the alley lighting to the Response.")
        sergeant.get_by_role("button", name="Return with this comment").click()
        assert sergeant.get_by_text("The plan was returned to the officer").is_visible()

        # The officer revises and resubmits the same day.
        traveller.move_to(_on(12, 15))
        officer = _as(browser, live_server, people.officer)
        officer.goto(f"{live_server.url}{plan.get_absolute_url()}")
        assert officer.get_by_text("Add the alley lighting to the Response.").first.is_visible()
        officer.get_by_role("link", name="Edit").click()
        officer.locator('[name="actions-1-description"]').fill("Ask public works for a light in the alley")
        officer.locator('[name="actions-1-owner"]').select_option(label=people.officer.display_name)
        officer.locator('[name="actions-1-target_on"]').fill("2026-11-30")
        officer.get_by_role("button", name="Save and submit for approval").click()
        assert officer.get_by_text("The plan was submitted").is_visible()

        # Day 11: approved.
        traveller.move_to(_on(13))
        sergeant = _as(browser, live_server, people.sergeant)
        sergeant.goto(f"{live_server.url}{plan.get_absolute_url()}")
        assert_no_axe_violations(sergeant)
        sergeant.get_by_role("button", name="Approve the plan").click()
        assert sergeant.get_by_text("The plan was approved").is_visible()

        # Days 15 and 20: two implementation entries with enforcement.
        for day, arrests, citations in ((17, 1, 3), (22, 0, 2)):
            traveller.move_to(_on(day))
            officer = _as(browser, live_server, people.officer)
            officer.goto(f"{live_server.url}{plan.get_absolute_url()}")
            officer.get_by_label("Actions taken").fill("Directed patrol of the corner between 8 p.m. and midnight.")
            officer.get_by_label("Arrests").fill(str(arrests))
            officer.get_by_label("Citations").fill(str(citations))
            officer.get_by_role("button", name="Add to the log").click()
            assert officer.get_by_text("The entry was added to the implementation log.").is_visible()
        assert officer.get_by_text("Enforcement so far — arrests: 1, citations: 5").is_visible()

        # Day 30: resolved, then watched until a re-check date.
        traveller.move_to(_on(32))
        officer = _as(browser, live_server, people.officer)
        officer.goto(f"{live_server.url}{plan.get_absolute_url()}")
        officer.get_by_role("button", name="Mark the problem resolved").click()
        officer.get_by_label("Re-check on").fill("2026-12-30")
        officer.get_by_role("button", name="Start monitoring").click()
        assert officer.get_by_text("Monitoring began; the plan comes back on the re-check date.").is_visible()

        # Day 60: the assessment with the measure taken again, and the plan is closed.
        traveller.move_to(_on(62))
        officer = _as(browser, live_server, people.officer)
        officer.goto(f"{live_server.url}{plan.get_absolute_url()}")
        officer.get_by_role("button", name="Close the plan").click()
        assert officer.get_by_text("Write the assessment and the measure after before closing").first.is_visible()
        officer.get_by_label("Measure after").fill("3")
        officer.get_by_label("Period after").fill("the 30 days after")
        officer.get_by_label("Assessment", exact=True).fill("Calls fell from 14 to 3 once the house was boarded up.")
        officer.get_by_role("button", name="Save the assessment").click()
        officer.get_by_role("button", name="Close the plan").click()
        assert officer.get_by_text("The plan is closed.").is_visible()
        officer.emulate_media(media="print")
        assert not officer.locator("nav.navbar").is_visible()
        screenshot(officer, "plan-closed-print")

    plan.refresh_from_db()
    concern.refresh_from_db()
    assert (plan.status, concern.status) == ("closed", "closed")
    assert plan.was_submitted_on_time()
    assert [event.action for event in plan.events.all()] == [
        "created",
        "submitted",
        "returned",
        "resubmitted",
        "approved",
        "resolved",
        "monitoring",
        "closed",
    ]
