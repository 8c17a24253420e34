"""Log in as each role in Chromium and see its dashboard, at desktop and phone width."""

import pytest
from django.urls import reverse

from outreach.models import User
from outreach.tests.browser import (
    DESKTOP,
    PHONE,
    assert_no_axe_violations,
    log_in,
    screenshot,
)
from outreach.tests.factories import PASSWORD, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


@pytest.fixture
def cast(area, other_area):
    OrganizationFactory(name="Hillcrest Neighborhood Association", area_command=area)
    OrganizationFactory(name="Downtown Business Alliance", area_command=other_area)
    users = {}
    for role in User.Role.values:
        users[role] = UserFactory(
            username=f"demo.{role}",
            first_name=role.title(),
            last_name="Tester",
            role=role,
            area_command=area if role in User.AREA_ROLES else None,
        )
    return users


def test_login_page_is_accessible_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{reverse('login')}")

    assert page.get_by_role("heading", name="Staff log in").is_visible()
    assert_no_axe_violations(page)
    screenshot(page, "login-phone")


def test_wrong_password_is_explained_next_to_the_form(page, live_server, cast):
    log_in(page, live_server, "demo.officer", "not the password", second_factor=False)

    assert page.get_by_role("alert").filter(has_text="correct username and password").is_visible()
    assert page.get_by_label("Username").input_value() == "demo.officer"


@pytest.mark.parametrize("role", User.Role.values)
def test_each_role_logs_in_and_sees_its_dashboard(page, live_server, cast, role):
    page.set_viewport_size(DESKTOP)
    log_in(page, live_server, f"demo.{role}", PASSWORD)

    page.wait_for_url(f"{live_server.url}{reverse('outreach:dashboard')}")
    assert page.get_by_role("heading", name=f"Welcome, {role.title()} Tester").is_visible()
    trends = page.get_by_role("heading", name="Outreach in")
    if cast[role].has_perm("outreach.view_trends"):
        assert trends.is_visible()
        assert page.get_by_role("img", name="Presentations given").is_visible()
    else:
        assert trends.count() == 0
    assert_no_axe_violations(page)
    screenshot(page, f"dashboard-{role}-desktop")

    page.set_viewport_size(PHONE)
    page.reload()
    assert page.get_by_role("button", name="Show navigation").is_visible()
    screenshot(page, f"dashboard-{role}-phone")


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
@pytest.mark.parametrize("path", ["/", "/request/watch/", "/request/presentation/"])
def test_public_pages_work_on_a_phone_in_both_languages(browser, live_server, path, locale):
    page = browser.new_context(viewport=PHONE, locale=locale).new_page()

    response = page.goto(f"{live_server.url}{path}")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == locale[:2]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)
    screenshot(page, f"public{path.replace('/', '-').rstrip('-') or '-home'}-{locale[:2]}-phone")
