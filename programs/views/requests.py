"""Staff queue of public presentation requests: accept (schedule) or decline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from outreach.lib import audit
from outreach.lib.lists import paginate, wants_csv
from outreach.models import AuditEvent
from outreach.scope import get_object_for_user

from .. import services
from ..exports import PresentationRequestExport
from ..filters import PresentationRequestFilter
from ..forms import RequestAcceptForm, RequestDeclineForm
from ..models import PresentationRequest


def _requests():
    return PresentationRequest.objects.select_related("program", "area_command", "presentation", "handled_by")


def get_request_for_user(user, pk, perm="programs.view_presentationrequest"):
    return get_object_for_user(user, _requests(), perm=perm, pk=pk)


@login_required
@permission_required("programs.view_presentationrequest", raise_exception=True)
def request_list(request):
    status = request.GET.get("status", PresentationRequest.Status.PENDING)
    requests = _requests().for_user(request.user)
    if status in PresentationRequest.Status.values:
        requests = requests.filter(status=status)
    pending_first = Case(
        When(status=PresentationRequest.Status.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    filterset = PresentationRequestFilter(request.GET, queryset=requests, request=request)
    requests = filterset.qs.annotate(pending_first=pending_first).order_by("pending_first", "created_at")
    if wants_csv(request):
        return PresentationRequestExport(requests).response()
    return render(
        request,
        "programs/requests/list.html",
        {
            "filter": filterset,
            "page": paginate(request, requests),
            "status": status,
            "statuses": PresentationRequest.Status.choices,
            "keep_params": {"status": status},
        },
    )


@login_required
def request_detail(request, pk, accept_form=None, decline_form=None, status=200):
    request_obj = get_request_for_user(request.user, pk)
    audit.record(AuditEvent.Action.CONTACT_VIEWED, request=request, obj=request_obj)
    context = {
        "request_obj": request_obj,
        "can_handle": request_obj.can_be_handled_by(request.user),
        "accept_form": accept_form or RequestAcceptForm(user=request.user, request_obj=request_obj),
        "decline_form": decline_form or RequestDeclineForm(),
    }
    return render(request, "programs/requests/detail.html", context, status=status)


def _handled_request(request, pk):
    return get_request_for_user(request.user, pk, perm=PresentationRequest.HANDLE_PERMISSION)


@login_required
@require_POST
def request_accept(request, pk):
    request_obj = _handled_request(request, pk)
    form = RequestAcceptForm(request.POST, user=request.user, request_obj=request_obj)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return request_detail(request, pk, accept_form=form, status=400)
    try:
        presentation = services.presentation_request_accept(
            request_obj=request_obj, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(request_obj)
    messages.success(request, _("The presentation is scheduled and the requester was e-mailed."))
    return redirect(presentation)


@login_required
@require_POST
def request_decline(request, pk):
    request_obj = _handled_request(request, pk)
    form = RequestDeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tell the requester why before declining."))
        return request_detail(request, pk, decline_form=form, status=400)
    try:
        services.presentation_request_decline(
            request_obj=request_obj, by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(request_obj)
    messages.success(request, _("The request was declined and the requester was e-mailed."))
    return redirect("programs:request_list")
