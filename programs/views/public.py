"""The public presentation request (no login), in English and Spanish."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from outreach.public import over_rate_limit

from .. import services
from ..forms import PresentationRequestForm
from ..models import PresentationRequest


@require_http_methods(["GET", "POST"])
def presentation_request(request):
    form = PresentationRequestForm(request.POST or None)
    if request.method == "POST":
        if over_rate_limit(request, "public-requests"):
            form.is_valid()
            form.add_error(None, _("Too many requests were sent from this connection. Please try again in an hour."))
            return render(request, "programs/public/request_form.html", {"form": form}, status=429)
        if form.is_valid():
            if form.is_bot():
                return redirect("request_thanks")
            request_obj = services.presentation_request_submit(
                request_obj=form.save(commit=False), language=get_language()
            )
            return redirect("programs_public:request_done", code=request_obj.code)
    return render(request, "programs/public/request_form.html", {"form": form})


def presentation_request_done(request, code):
    request_obj = get_object_or_404(PresentationRequest.objects.select_related("program"), code=code)
    return render(request, "programs/public/request_done.html", {"request_obj": request_obj})
