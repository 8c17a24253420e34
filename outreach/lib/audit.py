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

    step = {"step": "second factor"} if credentials.get("second_factor") else {}
    record(AuditEvent.Action.LOGIN_FAILED, request=request, username=str(credentials.get("username", "")), **step)


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


def _current_request():
    """The request being served, if any (django-simple-history's middleware keeps it), for receivers."""
    from simple_history.models import HistoricalRecords

    return getattr(HistoricalRecords.context, "request", None)


def on_user_saved(sender, instance, created, **kwargs):
    """A user's role or area command changed (or a new user got one): who did it, from where."""
    from outreach.models import AuditEvent

    before = getattr(instance, "_audited_access", None)
    now = (instance.role, instance.area_command_id)
    if created or (before is not None and before != now):
        record(
            AuditEvent.Action.ROLE_CHANGED,
            request=_current_request(),
            obj=instance,
            role=instance.role,
            area=instance.area_command_id,
            before={"role": before[0], "area": before[1]} if before and not created else None,
        )
    instance._audited_access = now


def on_user_loaded(sender, instance, **kwargs):
    instance._audited_access = (instance.role, instance.area_command_id)


def on_group_permissions_changed(sender, instance, action, pk_set, **kwargs):
    """Permissions added to or taken from a role's group (in the admin, or by a data migration)."""
    from django.contrib.auth.models import Group, Permission

    from outreach.models import AuditEvent

    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, Group):
        return
    codenames = sorted(
        f"{app}.{codename}"
        for app, codename in Permission.objects.filter(pk__in=pk_set or ()).values_list(
            "content_type__app_label", "codename"
        )
    )
    record(
        AuditEvent.Action.PERMISSIONS_CHANGED,
        request=_current_request(),
        obj=instance,
        change=action.removeprefix("post_"),
        permissions=codenames,
    )
