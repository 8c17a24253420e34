"""Two-factor authentication (CJIS 6.0 IA-2): enrolment with a QR code, the code after the password,
recovery codes, the lockout counting wrong codes, exempt roles, and a removed app ending sessions."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from outreach.lib import two_factor
from outreach.models import AuditEvent, User
from outreach.services import two_factor as enrolment
from outreach.tests.factories import PASSWORD, UserFactory, authenticator_for, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
VERIFY = reverse("outreach:two_factor_verify")
SETUP = reverse("outreach:two_factor_setup")
DASHBOARD = reverse("outreach:dashboard")


@pytest.fixture(autouse=True)
def _no_throttle_delay(settings):
    """django-otp refuses codes for 1, 2, 4… seconds after wrong ones; the throttle has its own test."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def _password(client, user, address="198.51.100.7"):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR=address)


def _code(client, code, next_url=""):
    return client.post(VERIFY, {"code": code, "next": next_url})


def test_a_staff_member_without_an_app_is_walked_through_enrolment(client, people):
    chief = people.chief
    assert _password(client, chief).status_code == 302

    page = client.get(DASHBOARD)
    assert page.status_code == 302 and page.url.startswith(SETUP)
    assert client.get(reverse("outreach:concern_list")).url.startswith(SETUP)

    setup = client.get(SETUP)
    html = setup.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=chief, confirmed=False)
    assert two_factor.secret_for_typing(device).replace(" ", "") in html.replace(" ", "")
    assert "otpauth://" not in html  # only inside the QR code, not as a link to copy

    wrong = client.post(SETUP, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=chief, confirmed=True).exists()

    done = client.post(SETUP, {"code": totp_code(device)})
    assert done.status_code == 302 and done.url.startswith(reverse("outreach:two_factor_recovery"))
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", client.get(done.url).content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.filter(device__user=chief).values_list("token", flat=True))
    assert re.findall(r"<code>([a-z2-7]{8})</code>", client.get(done.url).content.decode()) == []  # shown once
    assert client.get(DASHBOARD).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TWO_FACTOR_ENROLLED, user=chief).exists()


def test_after_the_password_the_session_reaches_only_the_code_page(client, people):
    officer = people.officer
    device = authenticator_for(officer)
    _password(client, officer)

    for url in (DASHBOARD, reverse("outreach:profile"), reverse("outreach:concern_create"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(VERIFY), url
    assert client.post(reverse("outreach:concern_create"), {}).url == VERIFY
    # An unverified session cannot enrol an app of its own in place of the user's.
    assert client.get(SETUP).url == VERIFY
    # Citizens' pages stay open to it.
    assert client.get(reverse("programs:request_create")).status_code == 200

    session_key = client.session.session_key
    assert client.post(VERIFY, {"code": totp_code(device), "next": DASHBOARD}).url == DASHBOARD
    assert client.session.session_key != session_key  # a new key once the second factor is given
    assert client.get(DASHBOARD).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TWO_FACTOR_VERIFIED, user=officer).exists()


def test_a_wrong_code_is_refused_at_the_field_and_recorded(client, people):
    device = authenticator_for(people.sergeant)
    _password(client, people.sergeant)
    wrong = "123456" if totp_code(device) != "123456" else "654321"

    response = _code(client, wrong)

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get(DASHBOARD).url.startswith(VERIFY)
    failure = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED, username=people.sergeant.username)
    assert failure.data == {"step": "second factor"}


def test_a_code_is_good_once(client, people, django_user_model):
    device = authenticator_for(people.officer)
    code = totp_code(device)
    _password(client, people.officer)
    _code(client, code)
    client.post(reverse("logout"))

    _password(client, people.officer)
    assert _code(client, code).status_code == 200  # replayed: refused
    assert client.get(DASHBOARD).url.startswith(VERIFY)


def test_a_recovery_code_logs_in_once(client, people):
    officer = people.officer
    authenticator_for(officer)
    codes = enrolment.new_recovery_codes(officer)

    _password(client, officer)
    assert _code(client, codes[0].upper()).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    client.post(reverse("logout"))

    _password(client, officer)
    assert _code(client, codes[0]).status_code == 200
    assert StaticToken.objects.filter(device__user=officer).count() == 9


def test_new_recovery_codes_replace_the_old(client, people):
    officer = people.officer
    authenticator_for(officer)
    old = enrolment.new_recovery_codes(officer)
    client.force_login(officer)

    response = client.post(reverse("outreach:two_factor_recovery_renew"))
    new = re.findall(r"<code>([a-z2-7]{8})</code>", client.get(response.url).content.decode())

    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True)) == set(new)


def test_five_wrong_codes_lock_the_user_name(client, people):
    """A stolen password does not buy unlimited guesses at the code: wrong codes count with wrong passwords."""
    officer = people.officer
    device = authenticator_for(officer)
    wrong = "000001" if totp_code(device) != "000001" else "000002"
    _password(client, officer)
    for _ in range(4):
        assert _code(client, wrong).status_code == 200

    locked = _code(client, wrong)

    assert locked.status_code == 429
    assert "locked after repeated failed log-ins" in locked.content.decode()
    assert client.get(DASHBOARD).url.startswith(LOGIN)  # logged out
    assert _password(client, officer, address="203.0.113.80").status_code == 429  # from anywhere


def test_the_throttle_refuses_codes_right_after_a_wrong_one(client, people, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    device = authenticator_for(people.officer)
    _password(client, people.officer)
    _code(client, "000000" if totp_code(device) != "000000" else "111111")

    response = _code(client, totp_code(device))

    assert "Too many wrong codes: wait" in response.content.decode()
    assert client.get(DASHBOARD).url.startswith(VERIFY)


def test_a_department_may_exempt_roles_but_never_the_system_administrator(client, people, settings):
    settings.TWO_FACTOR_EXEMPT_ROLES = ["records", "admin"]
    _password(client, people.records)
    assert client.get(DASHBOARD).status_code == 200
    client.post(reverse("logout"))

    _password(client, people.sysadmin)
    assert client.get(DASHBOARD).url.startswith(SETUP)
    errors = [e.id for e in two_factor.check_exempt_roles(None)]
    assert errors == ["outreach.E201"]


def test_every_staff_account_needs_it_unless_the_department_says_otherwise(settings):
    from django.conf import settings as live

    assert live.TWO_FACTOR_REQUIRED is True  # pytest.ini leaves DJANGO_TWO_FACTOR_REQUIRED unset
    assert live.TWO_FACTOR_EXEMPT_ROLES == []
    settings.TWO_FACTOR_REQUIRED = False
    assert [w.id for w in two_factor.check_required(None)] == ["outreach.W201"]


def test_an_unknown_exempt_role_is_refused(settings):
    settings.TWO_FACTOR_EXEMPT_ROLES = ["officers"]
    assert [e.id for e in two_factor.check_exempt_roles(None)] == ["outreach.E202"]


def test_removing_the_app_ends_the_users_sessions(client, people, django_capture_on_commit_callbacks):
    officer = people.officer
    device = authenticator_for(officer)
    _password(client, officer)
    _code(client, totp_code(device))
    assert client.get(DASHBOARD).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        device.delete()

    assert client.get(DASHBOARD).url.startswith(LOGIN)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TWO_FACTOR_RESET, object_id=str(officer.pk)).exists()
    _password(client, officer)
    assert client.get(DASHBOARD).url.startswith(SETUP)  # the next log-in enrols a new app


def test_the_admin_shows_no_device_secret(client, people):
    device = authenticator_for(people.officer)
    client.force_login(UserFactory(role=User.Role.ADMIN, is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.content.decode()


def test_the_profile_says_whether_it_is_on(client, people):
    client.force_login(people.officer)
    assert "Set up an authenticator app" in client.get(reverse("outreach:profile")).content.decode()
    authenticator_for(people.officer)
    enrolment.new_recovery_codes(people.officer)
    page = client.get(reverse("outreach:profile")).content.decode()
    assert "10 recovery codes left" in page


def test_the_check_command_refuses_an_exempt_administrator(settings):
    from django.core.management.base import SystemCheckError

    settings.TWO_FACTOR_EXEMPT_ROLES = ["admin"]
    with pytest.raises(SystemCheckError):
        call_command("check")
