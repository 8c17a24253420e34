"""Two-factor authentication (CJIS 6.0 IA-2, ASVS V2.7-V2.8), on django-otp's devices.

A staff member enrols an authenticator app (a TOTP device) at the first log-in, and is given
``TWO_FACTOR_RECOVERY_CODES`` one-time recovery codes (a static device). From then on the password
opens a session that can only reach the code page, until a code from the app or a recovery code
verifies it; ``django_otp.login`` then keeps the device's id in the session, which is the mark this
middleware reads. It reads the session, never the device: django-otp's own middleware would load
the device row on every request. A removed device ends its owner's sessions instead (``end_sessions``).

Every role needs it unless the department names the role in ``TWO_FACTOR_EXEMPT_ROLES``; the system
administrator never (a system check refuses that setting).
"""

from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import checks
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import roles

# The pages an unverified session may reach: the code and enrolment pages, log-out, the keep-alive
# call of the session timeout, and the language switch.
OPEN_VIEWS = {
    "outreach:two_factor_verify",
    "outreach:two_factor_setup",
    "outreach:session_keepalive",
    "login",
    "logout",
    "set_language",
}


def is_required(user):
    if not (settings.TWO_FACTOR_REQUIRED and user.is_authenticated):
        return False
    return user.is_superuser or user.role == roles.Role.ADMIN or user.role not in settings.TWO_FACTOR_EXEMPT_ROLES


def is_verified(request):
    return DEVICE_ID_SESSION_KEY in request.session


def authenticator(user, *, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-pk").first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


class TwoFactorMiddleware:
    """Send a staff session that has not given its second factor to the code page (or to enrolment)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Citizens' pages and the health checks (Django's ``login_not_required``) are open to a
        # half-logged-in session too, and are decided before the session is read.
        if getattr(view_func, "login_required", True) is False:
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        user = request.user
        if not is_required(user) or is_verified(request):
            return None
        target = "outreach:two_factor_verify" if authenticator(user) else "outreach:two_factor_setup"
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{reverse(target)}?{query}" if query else reverse(target))


def secret_for_typing(device):
    """The device's key as an app asks it when typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def start_enrolment(user):
    """The device being enrolled: the user's unconfirmed authenticator, made on the first visit."""
    device = authenticator(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(request, device, code):
    """Confirm the device with a code it shows, and log the session in with it. Returns the new
    recovery codes, or None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    codes = new_recovery_codes(device.user)
    verified(request, device)
    return codes


def new_recovery_codes(user):
    """Replace the user's recovery codes with a fresh set, and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def check_code(user, code):
    """The device that accepts ``code`` (the authenticator's six digits or a recovery code), or None.

    Returns ``(device, wait)``: ``wait`` is the seconds django-otp's throttle still refuses codes for
    after repeated wrong ones (then device is None)."""
    code = "".join(code.split()).lower()
    if code.isdigit():
        devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)
    wait = 0
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            locked_until = (details or {}).get("locked_until")
            wait = max(wait, int((locked_until - timezone.now()).total_seconds()) + 1 if locked_until else 1)
            continue
        if device.verify_token(code):
            return device, 0
    return None, wait


def verified(request, device):
    """The session has given its second factor: a new session key, and the device's mark in it."""
    request.session.cycle_key()
    otp_login(request, device)


def end_sessions(user):
    """End every session of ``user`` (their device was removed by the system administrator)."""
    user_id = str(user.pk)
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def on_device_deleted(sender, instance, **kwargs):
    """A post_delete receiver for the authenticator: removed (by the system administrator, for a lost
    phone), it ends its owner's sessions, and the next log-in enrols a new one."""
    from outreach.models import AuditEvent

    from .audit import _current_request, record

    if instance.confirmed and instance.user_id:
        user = instance.user
        record(AuditEvent.Action.TWO_FACTOR_RESET, request=_current_request(), obj=user)
        transaction.on_commit(lambda: end_sessions(user))


@checks.register(checks.Tags.security)
def check_exempt_roles(app_configs, **kwargs):
    errors = []
    exempt = set(settings.TWO_FACTOR_EXEMPT_ROLES)
    if roles.Role.ADMIN in exempt:
        errors.append(
            checks.Error(
                "TWO_FACTOR_EXEMPT_ROLES names the system administrator, who always needs two factors.",
                hint="Take 'admin' out of DJANGO_TWO_FACTOR_EXEMPT_ROLES.",
                id="outreach.E201",
            )
        )
    unknown = exempt - set(roles.Role.values)
    if unknown:
        errors.append(
            checks.Error(
                f"TWO_FACTOR_EXEMPT_ROLES names roles that do not exist: {', '.join(sorted(unknown))}.",
                hint=f"The roles are {', '.join(roles.Role.values)}.",
                id="outreach.E202",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_required(app_configs, **kwargs):
    if settings.TWO_FACTOR_REQUIRED:
        return []
    return [
        checks.Warning(
            "Two-factor authentication is turned off for every staff account (CJIS 6.0 IA-2).",
            hint="Unset DJANGO_TWO_FACTOR_REQUIRED, or name the exempt roles in DJANGO_TWO_FACTOR_EXEMPT_ROLES.",
            id="outreach.W201",
        )
    ]
