"""Random and hostile input to every public form and to the staff forms: never a response of 500 or more.

Each form's fields are read from its page (every input, select and textarea it renders), then
hypothesis posts values drawn from text, numbers, dates that are not dates, markup, SQL, null and
control characters, very long strings, repeated values and fields nobody asked for.
"""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach.tests.factories import ConcernFactory, OrganizationFactory, PartnershipFactory, WatchGroupFactory
from surveys.tests.factories import live_survey

FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.I)
HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "9" * 40,
    "1e309",
    "NaN",
    "2026-02-30",
    "9999-12-31",
    "0000-00-00",
    "12:99",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "ﷺ" * 50,
    "x" * 100_000,
    "true",
    "on",
    "[]",
    "{}",
]
VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200), st.integers().map(str))
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


def _fields(client, url):
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    return sorted(set(FIELD.findall(page.content.decode())) - {"csrfmiddlewaretoken"})


def _payload(data, names):
    """For each field: nothing, one value or several; and sometimes a field the form never had."""
    payload = {}
    for name in names:
        choice = data.draw(st.integers(min_value=0, max_value=3))
        if choice == 1:
            payload[name] = data.draw(VALUES)
        elif choice >= 2:
            payload[name] = data.draw(st.lists(VALUES, min_size=1, max_size=3))
    if data.draw(st.booleans()):
        payload[data.draw(st.sampled_from(["id", "pk", "status", "area_command", "__proto__"]))] = data.draw(VALUES)
    return payload


def _post_everything(client, url, data):
    names = _fields(client, url)
    payload = _payload(data, names)
    response = client.post(url, payload)
    assert response.status_code < 500, (url, payload)


@pytest.fixture
def public_urls(people, area):
    survey = live_survey(by=people.records)
    return [
        reverse("programs:request_create"),
        reverse("outreach:watch_request"),
        reverse("outreach:request_status"),
        survey.get_public_url(),
    ]


@FUZZ
@given(data=st.data())
def test_no_public_form_answers_500_whatever_is_posted(client, public_urls, settings, data):
    settings.PUBLIC_FORM_RATE = "100000/h"
    for url in public_urls:
        _post_everything(client, url, data)


@pytest.fixture
def staff_forms(people, area):
    """(persona, url) of the staff forms, each with a record of its own area where it needs one."""
    concern = ConcernFactory(area_command=area)
    organization = OrganizationFactory(area_command=area)
    partnership = PartnershipFactory(organization=organization, responsible_officer=people.officer)
    group = WatchGroupFactory(area_command=area)
    return [
        ("officer", reverse("outreach:concern_create")),
        ("officer", reverse("outreach:concern_edit", args=[concern.pk])),
        ("officer", reverse("outreach:referral_create")),
        ("officer", reverse("outreach:organization_create")),
        ("officer", reverse("outreach:partnership_create")),
        ("officer", reverse("outreach:partnership_detail", args=[partnership.pk])),
        ("officer", reverse("outreach:watch_create")),
        ("officer", reverse("outreach:watch_edit", args=[group.pk])),
        ("officer", reverse("outreach:profile")),
        ("officer", reverse("password_change")),
        ("officer", reverse("programs:presentation_create")),
        ("records", reverse("programs:program_create")),
        ("records", reverse("surveys:survey_create")),
        ("chief", reverse("outreach:department_settings")),
        ("commander", reverse("reports:report_list")),
        ("lieutenant", reverse("outreach:project_create")),
    ]


@FUZZ
@given(data=st.data())
def test_no_staff_form_answers_500_whatever_is_posted(client, people, staff_forms, data):
    for persona, url in staff_forms:
        client.force_login(getattr(people, persona))
        _post_everything(client, url, data)
