"""Pages for citizens (no login): the start page and the neighborhood watch request."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programs.models import Presentation

from .. import services
from ..forms import WatchRequestForm
from ..models import WatchGroup
from ..public import over_rate_limit

UPCOMING_PUBLIC_EVENTS = 5


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    events = (
        Presentation.objects.public()
        .upcoming()
        .select_related("program")
        .order_by("starts_at")[:UPCOMING_PUBLIC_EVENTS]
    )
    return render(request, "public/home.html", {"events": events})


@require_http_methods(["GET", "POST"])
def watch_request(request):
    form = WatchRequestForm(request.POST or None)
    if request.method == "POST":
        if over_rate_limit(request, "public-requests"):
            form.is_valid()
            form.add_error(None, _("Too many requests were sent from this connection. Please try again in an hour."))
            return render(request, "outreach/public/watch_request_form.html", {"form": form}, status=429)
        if form.is_valid():
            if form.is_bot():
                return redirect("request_thanks")
            group = services.watch_group_request(group=form.save(commit=False), language=get_language())
            return redirect("watch_request_done", code=group.code)
    return render(request, "outreach/public/watch_request_form.html", {"form": form})


def watch_request_done(request, code):
    group = get_object_or_404(WatchGroup, code=code, started_by=WatchGroup.StartedBy.CITIZENS)
    return render(request, "outreach/public/watch_request_done.html", {"group": group})


def request_thanks(request):
    return render(request, "public/thanks.html")
