from django.conf import settings

from . import two_factor


def department(request):
    """The department on every page header, when the request went through the middleware; the idle limit;
    whether the session still owes its second factor (the menus wait for it)."""
    user = getattr(request, "user", None)
    return {
        "department": getattr(request, "department", None),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "awaiting_second_factor": bool(
            user is not None and two_factor.is_required(user) and not two_factor.is_verified(request)
        ),
    }
