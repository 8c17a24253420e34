from django.conf import settings


def department(request):
    """The department on every page header, when the request went through the middleware; the idle limit."""
    return {"department": getattr(request, "department", None), "session_idle_seconds": settings.SESSION_IDLE_SECONDS}
