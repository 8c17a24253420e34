"""Sessions and passwords as CJIS 5.5–5.6 and ASVS V2–V3 ask: each protection with a test that fails without it."""

import time
from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from outreach.tests.factories import PASSWORD, log_in_with_forms
from programs.models import PresentationRequest
from programs.tests.test_requests import _form


def _log_in(client, user):
    response = log_in_with_forms(client, user)
    assert response.status_code == 302, response.content
    return response


def _age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@pytest.mark.parametrize(("password", "accepted"), [("eleven char", False), ("twelve chars", True)])
def test_a_password_has_at_least_twelve_characters(client, people, password, accepted):
    client.force_login(people.officer)

    client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )

    people.officer.refresh_from_db()
    assert people.officer.check_password(password) is accepted


def test_logging_in_gives_a_new_session_key(client, people):
    client.get(reverse("login"))
    session = client.session
    session["language_seen"] = "en"
    session.save()
    before = session.session_key

    _log_in(client, people.officer)

    assert client.session.session_key != before
    assert client.session["language_seen"] == "en"  # the visitor's session goes on under the new key…
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(before)  # …and the old key is void


def test_changing_the_password_ends_the_users_other_sessions(people):
    here, elsewhere = Client(), Client()
    _log_in(here, people.officer)
    _log_in(elsewhere, people.officer)

    changed = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a new long passphrase", "new_password2": "a new long passphrase"},
    )

    assert changed.url == reverse("password_change_done")
    assert here.get(reverse("outreach:dashboard")).status_code == 200
    sent_away = elsewhere.get(reverse("outreach:dashboard"))
    assert (sent_away.status_code, sent_away.get("Location")) == (
        302,
        f"{reverse('login')}?next={reverse('outreach:dashboard')}",
    )


def test_an_idle_session_ends_after_thirty_minutes_and_says_so(client, people, settings):
    _log_in(client, people.officer)
    _age_session(client, seen_at=settings.SESSION_IDLE_SECONDS - 60)
    assert client.get(reverse("outreach:dashboard")).status_code == 200

    _age_session(client, seen_at=settings.SESSION_IDLE_SECONDS + 1)
    response = client.get(reverse("outreach:concern_list"))

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('outreach:concern_list')}"
    page = client.get(response.url).content.decode()
    assert "logged out after 30 minutes without activity" in page
    assert client.get(reverse("outreach:dashboard")).status_code == 302


def test_no_session_outlives_twelve_hours_however_active(client, people, settings):
    _log_in(client, people.officer)
    _age_session(client, started_at=settings.SESSION_COOKIE_AGE + 1, seen_at=10)

    response = client.get(reverse("outreach:dashboard"))

    assert response.status_code == 302
    assert "limit of 12 hours" in client.get(response.url).content.decode()


def test_the_page_keeps_the_session_alive_while_the_user_types(client, people, settings):
    _log_in(client, people.officer)
    _age_session(client, seen_at=settings.SESSION_IDLE_SECONDS - 30)

    assert client.get(reverse("outreach:session_keepalive")).status_code == 405
    assert client.post(reverse("outreach:session_keepalive")).status_code == 204
    _age_session(client, seen_at=0)  # …as if the time had passed since
    assert client.get(reverse("outreach:dashboard")).status_code == 200
    page = client.get(reverse("outreach:concern_create")).content.decode()
    assert 'data-session-idle="1800"' in page and "js/session-timeout.js" in page


def test_staff_pages_and_exports_are_never_stored(client, people):
    client.force_login(people.chief)

    for url in (reverse("outreach:dashboard"), reverse("outreach:referral_list") + "?format=csv"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url


def test_behind_the_proxy_the_rate_limit_counts_each_citizen_not_the_proxy(client, db, settings):
    settings.PROXY_COUNT = 1
    settings.PUBLIC_FORM_RATE = "2/h"
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    for citizen in ("203.0.113.7", "203.0.113.8", "203.0.113.9"):
        response = client.post(reverse("programs:request_create"), _form(), HTTP_X_FORWARDED_FOR=citizen, **proxy)
        assert response.status_code == 302
    client.post(reverse("programs:request_create"), _form(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    # A forged leftmost entry does not make a new citizen: the proxy's own entry is the one read.
    flood = client.post(
        reverse("programs:request_create"), _form(), HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **proxy
    )

    assert flood.status_code == 429
    assert PresentationRequest.objects.count() == 4


def test_behind_the_proxy_the_lockout_records_the_citizens_address(client, people, settings):
    from axes.models import AccessAttempt

    settings.PROXY_COUNT = 1
    client.post(
        reverse("login"),
        {"username": "officer", "password": "wrong"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_every_free_text_field_has_a_size_limit():
    """ASVS V5.1.4: no text a user types is stored unbounded; the form says the limit at the field."""
    from django.apps import apps
    from django.db import models

    written_by_the_app = {"outreach.PlanReminder.recipients"}  # the reminder task's list of addresses
    unbounded = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in ("outreach", "programs", "surveys", "reports")
        and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and field.editable and not field.max_length
    ]

    assert sorted(set(unbounded) - written_by_the_app) == []
