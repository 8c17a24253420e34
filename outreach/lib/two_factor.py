"""Two-factor authentication (CJIS 6.0 IA-2, ASVS V2.7-V2.8), on django-otp's devices.

A staff member enrols an authenticator app (a TOTP device) at the first log-in, and is given
``TWO_FACTOR_RECOVERY_CODES`` one-time recovery codes (a static device). From then on the password
opens a session that can only reach the code page, until a code from the app or a recovery code
verifies it; ``django_otp.login`` then keeps the device's id in the session, which is the mark this
middleware reads. It reads the session, never the device: django-otp's own middleware would load
the device row on every request. A removed device ends its owner's sessions instead (``services.two_factor``).

Every role needs it unless the department names the role in ``TWO_FACTOR_EXEMPT_ROLES``; the system
administrator never (a system check refuses that setting).
"""

from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.core import checks
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
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
