"""The public presentation request (no login), in English and Spanish."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from outreach.lib.public_forms import handle_public_form

from .. import services
from ..forms import PresentationRequestForm
from ..models import PresentationRequest


@login_not_required
@require_http_methods(["GET", "POST"])
def presentation_request(request):
    def save(form):
        request_obj = services.presentation_request_submit(request_obj=form.save(commit=False), language=get_language())
        return redirect("programs:request_done", code=request_obj.code)

    return handle_public_form(
        request,
        PresentationRequestForm(request.POST or None),
        template="programs/public/requests/form.html",
        save=save,
        rate_group="public-presentation-request",
    )


@login_not_required
def presentation_request_done(request, code):
    request_obj = get_object_or_404(PresentationRequest.objects.select_related("program", "presentation"), code=code)
    context = {"request_obj": request_obj, "Status": PresentationRequest.Status}
    return render(request, "programs/public/requests/done.html", context)
