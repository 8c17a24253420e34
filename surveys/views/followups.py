"""The follow-up queue: citizens who asked, in a survey, to be contacted (policy 000 §V.C)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from outreach.lib import audit
from outreach.lib.lists import paginate
from outreach.models import AuditEvent
from outreach.scope import get_object_for_user

from ..filters import ContactRequestFilter
from ..forms.followups import ContactAssignForm, ContactAttemptForm, ContactCloseForm
from ..models import ContactRequest
from ..services import followups


def _requests():
    return ContactRequest.objects.select_related("survey__live_version", "area_command", "assigned_to")


def get_contact_for_user(user, pk, perm="surveys.view_contactrequest"):
    return get_object_for_user(user, _requests(), perm=perm, pk=pk)


@login_required
@permission_required("surveys.view_contactrequest", raise_exception=True)
def contact_list(request):
    queryset = _requests().for_user(request.user).order_by("status", "last_activity_at", "pk")
    filterset = ContactRequestFilter(request.GET, queryset=queryset, request=request)
    page = paginate(request, filterset.qs)
    return render(request, "surveys/followups/list.html", {"filter": filterset, "page": page})


def _error(form, error):
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error)


@login_required
def contact_detail(request, pk, forms=None, status=200):
    contact = get_contact_for_user(request.user, pk)
    audit.record(AuditEvent.Action.CONTACT_VIEWED, request=request, obj=contact)
    forms = forms or {}
    may_assign = request.user.has_perm(ContactRequest.WORK_PERMISSION) and contact.is_open()
    context = {
        "contact": contact,
        "attempts": contact.attempts.select_related("made_by"),
        "assign_form": forms.get("assign")
        or (ContactAssignForm(user=request.user, request_obj=contact) if may_assign else None),
        "attempt_form": forms.get("attempt") or ContactAttemptForm(prefix="attempt"),
        "close_form": forms.get("close") or ContactCloseForm(prefix="close"),
        "can_work": contact.can_be_worked_by(request.user),
        "stale": contact.is_stale(),
    }
    return render(request, "surveys/followups/detail.html", context, status=status)


@login_required
@require_POST
def contact_assign(request, pk):
    contact = get_contact_for_user(request.user, pk, perm=ContactRequest.WORK_PERMISSION)
    form = ContactAssignForm(request.POST, user=request.user, request_obj=contact)
    if form.is_valid():
        try:
            followups.contact_assign(
                request=contact,
                area_command=form.cleaned_data["area_command"],
                officer=form.cleaned_data["officer"],
                by=request.user,
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The request was placed and assigned."))
            return redirect(contact)
    messages.error(request, _("The request was not assigned: see below."))
    return contact_detail(request, pk, forms={"assign": form}, status=400)


@login_required
@require_POST
def contact_attempt(request, pk):
    contact = get_contact_for_user(request.user, pk)
    if not contact.can_be_worked_by(request.user):
        raise PermissionDenied
    form = ContactAttemptForm(request.POST, prefix="attempt")
    if form.is_valid():
        followups.contact_attempt_add(request=contact, attempt=form.save(commit=False), by=request.user)
        messages.success(request, _("The attempt was recorded."))
        return redirect(contact)
    messages.error(request, _("The attempt was not recorded: see below."))
    return contact_detail(request, pk, forms={"attempt": form}, status=400)


@login_required
@require_POST
def contact_close(request, pk):
    contact = get_contact_for_user(request.user, pk)
    if not contact.can_be_worked_by(request.user):
        raise PermissionDenied
    form = ContactCloseForm(request.POST, prefix="close")
    if form.is_valid():
        followups.contact_close(
            request=contact, outcome=form.cleaned_data["outcome"], note=form.cleaned_data["note"], by=request.user
        )
        messages.success(request, _("The follow-up was closed with its outcome."))
        return redirect("surveys:contact_list")
    messages.error(request, _("The follow-up was not closed: see below."))
    return contact_detail(request, pk, forms={"close": form}, status=400)
