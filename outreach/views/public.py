"""Pages for citizens (no login): the start page and the neighborhood watch request."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programs.models import Presentation, PresentationRequest

from ..forms.public import RequestStatusForm
from ..forms.watch import WatchRequestForm
from ..lib.public_forms import count_accepted, handle_public_form, over_rate_limit, rate_limit_message
from ..models import WatchGroup
from ..services.watch import watch_group_request

UPCOMING_PUBLIC_EVENTS = 5


@login_not_required
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


@login_not_required
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


@login_not_required
def watch_request_done(request, code):
    group = get_object_or_404(WatchGroup, code=code, started_by=WatchGroup.StartedBy.CITIZENS)
    return render(request, "outreach/public/watch/request_done.html", {"group": group, "Status": WatchGroup.Status})


@login_not_required
@require_http_methods(["GET", "POST"])
def request_status(request):
    """A citizen finds their request again with its reference and the e-mail address they gave."""
    form = RequestStatusForm(request.POST or None)
    if request.method == "POST":
        if over_rate_limit(request, STATUS_LOOKUPS):
            form.is_valid()
            form.add_error(None, rate_limit_message(request))
            return render(request, "outreach/public/request_status.html", {"form": form}, status=429)
        if form.is_valid():
            found = _find_request(form.cleaned_data["reference"], form.cleaned_data["email"])
            if found is not None:
                return redirect(found)
            # Only a failed look-up counts: guessing references is what the limit stops.
            count_accepted(request, STATUS_LOOKUPS)
            form.add_error(None, _("No request has this reference and e-mail address. Check both and try again."))
    return render(request, "outreach/public/request_status.html", {"form": form})


STATUS_LOOKUPS = "public-status-lookup"


def _find_request(reference, email):
    """The status page of the request with this reference and e-mail address, or None."""
    request_obj = PresentationRequest.objects.filter(reference=reference, email__iexact=email).first()
    if request_obj is not None:
        return reverse("programs:request_done", args=[request_obj.code])
    group = WatchGroup.objects.filter(
        reference=reference, requester_email__iexact=email, started_by=WatchGroup.StartedBy.CITIZENS
    ).first()
    if group is not None:
        return reverse("outreach:watch_request_done", args=[group.code])
    return None


@login_not_required
def request_thanks(request):
    return render(request, "public/thanks.html")
