"""An idle session in Chromium: the warning, staying logged in, and what was typed coming back after it ended."""

import pytest
from django.urls import reverse

from outreach.tests.browser import DESKTOP, give_code, log_in
from outreach.tests.factories import PASSWORD, authenticator_for

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

IDLE = 8  # seconds, for the test: the warning comes at a fifth of it before the end


def _concern_form(browser, live_server, user):
    page = browser.new_context(viewport=DESKTOP).new_page()
    log_in(page, live_server, user.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    page.goto(live_server.url + reverse("outreach:concern_create"))
    return page


def test_an_idle_session_warns_ends_and_gives_back_what_was_typed(browser, live_server, people, settings):
    settings.SESSION_IDLE_SECONDS = IDLE
    page = _concern_form(browser, live_server, people.officer)
    page.get_by_label("What was raised").fill("Needles left in the playground on Oak Street")
    page.wait_for_timeout(2500)  # typing started the clock again; now the officer walks away

    page.get_by_text("You will be logged out in five minutes without activity").wait_for(timeout=15_000)
    page.wait_for_url("**/accounts/login/**", timeout=20_000)
    assert page.get_by_text("You were logged out after").is_visible()
    page.locator("#id_username").fill(people.officer.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    give_code(page, authenticator_for(people.officer))

    page.wait_for_url("**" + reverse("outreach:concern_create"))
    assert page.get_by_label("What was raised").input_value() == "Needles left in the playground on Oak Street"
    assert page.get_by_text("What you typed before you were logged out is back").is_visible()


def test_staying_logged_in_keeps_the_session(browser, live_server, people, settings):
    settings.SESSION_IDLE_SECONDS = IDLE
    page = _concern_form(browser, live_server, people.officer)

    page.get_by_role("button", name="Stay logged in").click(timeout=15_000)
    page.wait_for_timeout(5000)

    assert reverse("outreach:concern_create") in page.url
    assert "/accounts/login/" not in page.url
