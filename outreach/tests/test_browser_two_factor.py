"""In Chromium: the chief enrols an authenticator app and logs in with it; an officer locked out after five
failed log-ins sees the lockout page, from a second address too. The pages are accessible and valid."""

import re
import time
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from outreach.tests.browser import DESKTOP, PHONE, html_errors, log_in, screenshot, serious_axe_violations
from outreach.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


def _phone_code(secret, *, later=0):
    """What an authenticator app shows for the typed-in key, ``later`` seconds from now."""
    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() + later
    return f"{totp.token():06d}"


def test_the_chief_enrols_an_authenticator_app_and_logs_in_with_it(browser, live_server, people):
    context = browser.new_context(viewport=PHONE, locale="en-US")
    page = context.new_page()
    problems, pages = [], {}

    log_in(page, live_server, people.chief.username, PASSWORD, second_factor=False)
    page.wait_for_url("**/accounts/two-factor/setup/**")
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    page.get_by_text("Cannot scan? Type the key instead").click()
    secret = page.locator("main code").inner_text()
    problems += serious_axe_violations(page)
    pages["setup"] = page.content()
    screenshot(page, "two-factor-setup-phone")

    page.get_by_label("Code").fill("000000" if _phone_code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    assert page.get_by_text("That code is not right").is_visible()
    pages["setup-error"] = page.content()
    problems += serious_axe_violations(page)

    page.wait_for_timeout(1100)  # django-otp refuses any code for a second after a wrong one
    page.get_by_label("Code").fill(_phone_code(secret))
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.wait_for_url("**/accounts/two-factor/recovery/**")
    codes = page.get_by_role("list", name="Your recovery codes").locator("code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    problems += serious_axe_violations(page)
    pages["recovery"] = page.content()
    screenshot(page, "two-factor-recovery-phone")
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url("**/dashboard/")

    page.set_viewport_size(DESKTOP)
    page.get_by_role("button", name=re.compile(people.chief.get_full_name())).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/**")
    page.locator("#id_username").fill(people.chief.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/accounts/two-factor/?**")
    assert page.get_by_role("navigation", name="Main").get_by_text("Dashboard").count() == 0  # no menus yet
    problems += serious_axe_violations(page)
    pages["verify"] = page.content()
    screenshot(page, "two-factor-verify")
    # The code of the enrolment's 30 seconds is spent: the app's next one (accepted a step early).
    page.get_by_label("Code").fill(_phone_code(secret, later=30))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/dashboard/")
    assert page.get_by_role("heading", level=1).is_visible()

    problems += html_errors(pages)
    assert problems == []


def test_an_officer_locked_out_sees_the_lockout_page_from_a_second_address_too(browser, live_server, people, settings):
    settings.PROXY_COUNT = 1  # the addresses come from the proxy's header
    first = browser.new_context(viewport=PHONE, extra_http_headers={"X-Forwarded-For": "203.0.113.10"}).new_page()
    for _ in range(5):
        log_in(first, live_server, people.officer.username, "not the password", second_factor=False)
    assert first.get_by_role("heading", name="Too many failed log-in attempts").is_visible()
    problems = serious_axe_violations(first)
    screenshot(first, "locked-out-phone")

    second = browser.new_context(viewport=DESKTOP, extra_http_headers={"X-Forwarded-For": "198.51.100.20"}).new_page()
    log_in(second, live_server, people.officer.username, PASSWORD, second_factor=False)
    assert second.get_by_role("heading", name="Too many failed log-in attempts").is_visible()
    assert reverse("outreach:dashboard") not in second.url
    assert problems == []
