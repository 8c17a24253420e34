"""The login lockout (CJIS 6.0 AC-7, ASVS V2.2.1), on django-axes.

``AXES_FAILURE_LIMIT`` failures for one user name within ``LOGIN_FAILURE_WINDOW`` lock that user
name, from whichever addresses they came (failures are summed over addresses), and the right
password is refused too. The lock holds until a system administrator releases it (the "Locked
accounts" page), or, where the department sets ``AXES_COOLOFF_MINUTES``, for that long and never
less than 30 minutes. A failure counts within the window while its address has failed again since:
an address that stays quiet for the window is forgotten, unless the user name is locked.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


def locked_usernames():
    """The user names locked now, with their failures and when the last came: for the release page."""
    rows = (
        AccessAttempt.objects.values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    return list(rows)


class LockoutHandler(AxesDatabaseHandler):
    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        username = get_client_username(request, credentials) if request is not None else None
        if username:
            attempts = AccessAttempt.objects.filter(username=username)
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            if failures < get_failure_limit(request, credentials):
                stale = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
                attempts.filter(attempt_time__lt=stale).delete()
        return super().user_login_failed(sender, credentials, request, **kwargs)
