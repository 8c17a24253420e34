"""The second factor: enrolling an authenticator app, giving its code after the password, and the
recovery codes (outreach/lib/two_factor.py holds the rules, services/two_factor.py the changes)."""

from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..forms.people import TwoFactorCodeForm
from ..lib import audit
from ..lib import two_factor as tf
from ..lib.qr import qr_data_uri
from ..models import AuditEvent
from ..services import two_factor as enrolment

NEW_CODES = "two_factor_new_codes"


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def _continue(request, target):
    return redirect(target or "outreach:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """After the password: the code from the authenticator app, or a recovery code."""
    user = request.user
    target = _next(request)
    if tf.is_verified(request) or not tf.is_required(user):
        return _continue(request, target)
    if tf.authenticator(user) is None:
        return redirect("outreach:two_factor_setup")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, wait = enrolment.check_code(user, form.cleaned_data["code"])
        if device is not None:
            enrolment.verified(request, device)
            recovery = device._meta.model_name == "staticdevice"
            audit.record(AuditEvent.Action.TWO_FACTOR_VERIFIED, request=request, recovery_code=recovery)
            if recovery:
                messages.warning(
                    request,
                    _("You used a recovery code: %(count)s are left. Make new ones from your profile if you need.")
                    % {"count": tf.recovery_codes_left(user)},
                )
            return _continue(request, target)
        credentials = {"username": user.get_username(), "second_factor": True}
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if AxesProxyHandler.is_locked(request, credentials):
            logout(request)
            return get_lockout_response(request, credentials)
        if wait:
            form.add_error(
                "code", _("Too many wrong codes: wait %(seconds)s seconds and try again.") % {"seconds": wait}
            )
        else:
            form.add_error("code", _("That code is not right. Type the six digits your app shows now."))
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": target})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Enrolment: a QR code (drawn here) for the authenticator app, then one code to confirm it."""
    user = request.user
    target = _next(request)
    if tf.authenticator(user) is not None:
        if not tf.is_verified(request):
            # Only a verified session may replace the app: a stolen password must not enrol its own.
            return redirect("outreach:two_factor_verify")
        messages.info(request, _("Your authenticator app is set up already."))
        return redirect("outreach:profile")
    device = enrolment.start_enrolment(user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = enrolment.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            audit.record(AuditEvent.Action.TWO_FACTOR_ENROLLED, request=request)
            request.session[NEW_CODES] = codes
            messages.success(request, _("Two-factor authentication is on. Keep your recovery codes safe."))
            recovery = reverse("outreach:two_factor_recovery")
            return redirect(f"{recovery}?{urlencode({'next': target})}" if target else recovery)
        form.add_error(
            "code", _("That code is not right. Check the app shows this account, and type the code it shows now.")
        )
    context = {
        "form": form,
        "next": target,
        "qr": qr_data_uri(device.config_url, scale=5),
        "secret": tf.secret_for_typing(device),
    }
    return render(request, "registration/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET"])
def two_factor_recovery(request):
    """The recovery codes just made, shown once; afterwards, how many are left."""
    codes = request.session.pop(NEW_CODES, None)
    context = {
        "codes": codes,
        "left": tf.recovery_codes_left(request.user),
        "continue_url": _next(request) or reverse("outreach:dashboard"),
    }
    return render(request, "registration/two_factor_recovery.html", context)


@login_required
@require_POST
def two_factor_recovery_renew(request):
    """New recovery codes replace every old one."""
    request.session[NEW_CODES] = enrolment.new_recovery_codes(request.user)
    audit.record(AuditEvent.Action.TWO_FACTOR_CODES_RENEWED, request=request)
    messages.success(request, _("New recovery codes are made; the old ones no longer work."))
    return redirect("outreach:two_factor_recovery")
