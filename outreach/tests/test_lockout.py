"""The login lockout (CJIS 6.0 AC-7): by user name from any address, held until released, and an allowance
of attempts per address. Each test fails when its protection is taken away."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from outreach.tests.factories import PASSWORD

LOGIN = "/accounts/login/"


def _fail(client, username="officer", address="203.0.113.1"):
    return client.post(LOGIN, {"username": username, "password": "wrong guess"}, REMOTE_ADDR=address)


def _log_in(client, username="officer", address="198.51.100.9"):
    return client.post(LOGIN, {"username": username, "password": PASSWORD}, REMOTE_ADDR=address)


def test_five_failures_from_five_addresses_lock_the_user_name_everywhere(client, people):
    for index in range(5):
        _fail(client, address=f"203.0.113.{index + 1}")

    locked = _log_in(client, address="192.0.2.77")

    assert locked.status_code == 429
    assert "locked after repeated failed log-ins" in locked.content.decode()
    assert _log_in(client, username="sergeant").status_code == 302  # other user names are untouched


def test_the_lock_holds_until_a_system_administrator_releases_it(client, people):
    for _index in range(5):
        _fail(client)

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert _log_in(client).status_code == 429

    client.force_login(people.sysadmin)
    page = client.get(reverse("outreach:lockout_list")).content.decode()
    assert "officer" in page
    client.post(reverse("outreach:lockout_release"), {"username": "officer"})
    client.logout()
    assert _log_in(client).status_code == 302


def test_only_the_system_administrator_releases_a_lock(client, people):
    for _index in range(5):
        _fail(client)

    for role in ("chief", "commander", "sergeant"):
        client.force_login(getattr(people, role))
        assert client.get(reverse("outreach:lockout_list")).status_code == 403
        assert client.post(reverse("outreach:lockout_release"), {"username": "officer"}).status_code == 403
    client.logout()
    assert _log_in(client).status_code == 429


def test_failures_spread_wider_than_fifteen_minutes_do_not_add_up(client, people):
    start = timezone.now()
    for index in range(4):
        _fail(client, address=f"203.0.113.{index + 1}")

    with time_machine.travel(start + timedelta(minutes=16)):
        for index in range(4):
            _fail(client, address=f"203.0.113.{index + 10}")
        assert _log_in(client).status_code == 302


def test_a_department_cool_off_lifts_the_lock_after_it(client, people, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    start = timezone.now()
    for _index in range(5):
        _fail(client)

    with time_machine.travel(start + timedelta(minutes=20)):
        assert _log_in(client).status_code == 429
    with time_machine.travel(start + timedelta(minutes=31)):
        assert _log_in(client).status_code == 302


def test_one_address_trying_many_user_names_is_throttled(client, people, settings):
    settings.LOGIN_ADDRESS_RATE = "4/15m"
    for index in range(4):
        _fail(client, username=f"guess{index}", address="203.0.113.50")

    throttled = _log_in(client, address="203.0.113.50")

    assert throttled.status_code == 429
    assert "Too many log-in attempts from this address" in throttled.content.decode()
    assert _log_in(client, address="203.0.113.51").status_code == 302
