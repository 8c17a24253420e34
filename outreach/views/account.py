"""The staff member's own profile (log-in, log-out and password are Django's auth views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.people import ProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("outreach:profile")
    return render(request, "outreach/account/profile.html", {"form": form})


def say_logged_out(sender, request, user, **kwargs):
    """After logging out, the log-in page says so (connected in OutreachConfig.ready)."""
    if request is not None and user is not None:
        messages.info(request, _("You are logged out."), fail_silently=True)
