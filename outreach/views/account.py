"""The staff member's own account: profile, the idle session kept alive, log-in with its allowance per
address, and the system administrator's page of locked user names (log-out and password are Django's)."""

from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..forms.people import ProfileForm
from ..lib import audit, two_factor
from ..lib.lockout import locked_usernames
from ..lib.public_forms import count_accepted, over_rate_limit
from ..models import AuditEvent


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("outreach:profile")
    context = {
        "form": form,
        "authenticator": two_factor.authenticator(request.user),
        "recovery_codes_left": two_factor.recovery_codes_left(request.user),
    }
    return render(request, "outreach/account/profile.html", context)


def say_logged_out(sender, request, user, **kwargs):
    """After logging out, the log-in page says so (connected in OutreachConfig.ready)."""
    if request is not None and user is not None:
        messages.info(request, _("You are logged out."), fail_silently=True)


@login_required
@require_POST
def session_keepalive(request):
    """The page's script says the user is still at work (typing, or "Stay logged in"): the idle clock restarts."""
    return HttpResponse(status=204)


@login_required
@permission_required("axes.delete_accessattempt", raise_exception=True)
def lockout_list(request):
    """The user names locked after repeated failed log-ins, for the system administrator to release."""
    context = {"locked": locked_usernames(), "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "outreach/account/lockouts.html", context)


@login_required
@permission_required("axes.delete_accessattempt", raise_exception=True)
@require_POST
def lockout_release(request):
    username = request.POST.get("username", "")[:150]
    if not reset(username=username):
        messages.info(request, _("%(username)s was not locked.") % {"username": username})
    else:
        audit.record(AuditEvent.Action.RELEASED, request=request, released=username)
        messages.success(request, _("%(username)s can log in again.") % {"username": username})
    return redirect("outreach:lockout_list")


class ThrottledLoginView(LoginView):
    """Django's log-in page, with a per-address allowance of attempts (``LOGIN_ADDRESS_RATE``) beside the
    per-user-name lockout: one address guessing many user names is stopped too."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if over_rate_limit(request, "login", rate=settings.LOGIN_ADDRESS_RATE):
            return render(request, "registration/throttled.html", status=429)
        count_accepted(request, "login", rate=settings.LOGIN_ADDRESS_RATE)
        return super().post(request, *args, **kwargs)
