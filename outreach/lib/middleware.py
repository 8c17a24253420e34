import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from outreach import clock


class DepartmentMiddleware:
    """Load the department once per request and count time in its zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/healthz"):
            # The health check must answer even when the database does not.
            return self.get_response(request)
        request.department = SimpleLazyObject(clock.department)
        timezone.activate(request.department.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def start_session_clock(sender, request, user, **kwargs):
    """At log-in (a user_logged_in receiver): the session's age and idle time count from now."""
    now = int(time.time())
    request.session[SessionTimeoutMiddleware.STARTED] = request.session[SessionTimeoutMiddleware.SEEN] = now


class SessionTimeoutMiddleware:
    """End a staff session idle for ``SESSION_IDLE_SECONDS`` and any session older than ``SESSION_COOKIE_AGE``.

    CJIS 5.5.5 (AC-11, AC-12): a session left alone locks, and none outlives a shift. The time of the
    last request is kept in the session, written at most once a minute. Staff pages and exports are
    never stored by a browser or a proxy (``Cache-Control: private, no-store``): they carry names,
    addresses and phone numbers.
    """

    SEEN, STARTED = "seen_at", "started_at"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            seen = request.session.get(self.SEEN, now)
            started = request.session.setdefault(self.STARTED, now)
            idle = now - seen > settings.SESSION_IDLE_SECONDS
            if idle or now - started > settings.SESSION_COOKIE_AGE:
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(minutes)s minutes without activity: log in again.")
                    % {"minutes": settings.SESSION_IDLE_SECONDS // 60}
                    if idle
                    else _("Your session reached its limit of %(hours)s hours: log in again.")
                    % {"hours": settings.SESSION_COOKIE_AGE // 3600},
                )
                return redirect_to_login(request.get_full_path())
            if (
                now - seen >= min(self.WRITE_EVERY, settings.SESSION_IDLE_SECONDS // 10)
                or self.SEEN not in request.session
            ):
                request.session[self.SEEN] = now
        response = self.get_response(request)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
