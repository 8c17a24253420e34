"""Pages for citizens (no login): the start page and the neighborhood watch request."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from programs.models import Presentation

from ..forms.watch import WatchRequestForm
from ..lib.public_forms import handle_public_form
from ..models import WatchGroup
from ..services.watch import watch_group_request

UPCOMING_PUBLIC_EVENTS = 5


def home(request):
    if request.user.is_authenticated:
        return redirect("outreach:dashboard")
    events = (
        Presentation.objects.public()
        .upcoming()
        .select_related("program")
        .order_by("starts_at")[:UPCOMING_PUBLIC_EVENTS]
    )
    return render(request, "public/home.html", {"events": events})


@require_http_methods(["GET", "POST"])
def watch_request(request):
    def save(form):
        group = watch_group_request(group=form.save(commit=False), language=get_language())
        return redirect("outreach:watch_request_done", code=group.code)

    return handle_public_form(
        request,
        WatchRequestForm(request.POST or None),
        template="outreach/public/watch/request_form.html",
        save=save,
        rate_group="public-watch-request",
    )


def watch_request_done(request, code):
    group = get_object_or_404(WatchGroup, code=code, started_by=WatchGroup.StartedBy.CITIZENS)
    return render(request, "outreach/public/watch/request_done.html", {"group": group})


def request_thanks(request):
    return render(request, "public/thanks.html")
