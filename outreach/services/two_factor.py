"""Two-factor authentication's changes: enrolling an authenticator app, the recovery codes, checking a code,
and a session given its second factor or ended (outreach/lib/two_factor.py holds the rules the middleware reads)."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..lib import audit
from ..lib.two_factor import authenticator


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

    if instance.confirmed and instance.user_id:
        user = instance.user
        audit.record(AuditEvent.Action.TWO_FACTOR_RESET, request=audit._current_request(), obj=user)
        transaction.on_commit(lambda: end_sessions(user))
