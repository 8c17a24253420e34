"""Writing the audit log: one call, ``record(action, request=…, obj=…)``, from views, receivers and middleware."""

import logging

from django.db import DatabaseError

from .addresses import client_address

logger = logging.getLogger(__name__)


def record(action, *, request=None, user=None, username="", obj=None, area_command=None, **data):
    """Write one audit event; the user and address come from ``request`` unless given."""
    from outreach.models import AuditEvent

    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    event = AuditEvent(
        action=action,
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        address=(client_address(request) or None) if request is not None else None,
        area_command=area_command or getattr(obj, "area_command", None),
        data=data,
    )
    if obj is not None:
        event.object_type = obj._meta.label_lower
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:200]
    try:
        event.save()
    except DatabaseError:
        # Never a lost page for a lost audit row; but loudly, for the system administrator.
        logger.exception("The audit event %s could not be written", action)
    return event


def on_login(sender, request, user, **kwargs):
    from outreach.models import AuditEvent

    record(AuditEvent.Action.LOGIN, request=request, user=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    from outreach.models import AuditEvent

    record(AuditEvent.Action.LOGIN_FAILED, request=request, username=str(credentials.get("username", "")))


def on_logout(sender, request, user, **kwargs):
    from outreach.models import AuditEvent

    if user is not None:
        record(AuditEvent.Action.LOGOUT, request=request, user=user)


def on_locked_out(sender, request, username, ip_address, **kwargs):
    from outreach.models import AuditEvent

    record(AuditEvent.Action.LOCKED_OUT, request=request, user=None, username=username or "")


class ExportAuditMiddleware:
    """Every CSV a staff member downloads is written to the audit log: who, when, which list and filters."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.get("Content-Type", "").startswith("text/csv")
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            from outreach.models import AuditEvent

            record(
                AuditEvent.Action.EXPORTED,
                request=request,
                path=request.path,
                query=request.META.get("QUERY_STRING", "")[:500],
                file=response.get("Content-Disposition", "")[:200],
            )
        return response
