"""Presentations and their reports: schedule, write, submit, review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from outreach.lib.lists import paginate, wants_csv
from outreach.lib.panels import panels_for
from outreach.scope import get_object_for_user

from .. import services
from ..exports import PresentationExport
from ..filters import PresentationFilter
from ..forms import AttachmentForm, CancelForm, ConcernFormSet, PresentationForm, ReturnForm
from ..models import Presentation
from ..selectors import changes_since_return

Status = Presentation.Status


def _presentations():
    return Presentation.objects.select_related("program", "area_command", "sector", "organization", "author", "request")


def get_presentation_for_user(user, pk, perm="programs.view_presentation"):
    return get_object_for_user(user, _presentations(), perm=perm, pk=pk)


def _error_text(error):
    return " ".join(error.messages)


def _add_service_errors(form, error):
    """A service's refusal shown where it belongs: at its field when it names one, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@permission_required("programs.view_presentation", raise_exception=True)
def presentation_list(request):
    queryset = _presentations().for_user(request.user)
    filterset = PresentationFilter(request.GET, queryset=queryset, request=request)
    presentations = filterset.qs
    if wants_csv(request):
        return PresentationExport(presentations).response()
    return render(
        request, "programs/presentations/list.html", {"filter": filterset, "page": paginate(request, presentations)}
    )


@login_required
@permission_required("programs.view_presentation", raise_exception=True)
def my_reports(request):
    """The officer's own presentations: returned reports and drafts first."""
    urgency = Case(
        When(status=Status.RETURNED, then=Value(0)),
        When(status=Status.DRAFT, then=Value(1)),
        When(status=Status.SCHEDULED, then=Value(2)),
        When(status=Status.SUBMITTED, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    presentations = (
        _presentations()
        .for_user(request.user)
        .authored_or_presented_by(request.user)
        .annotate(urgency=urgency)
        .order_by("urgency", "-starts_at")
    )
    return render(request, "programs/presentations/mine.html", {"page": paginate(request, presentations)})


@login_required
@permission_required("programs.review_presentation", raise_exception=True)
def review_queue(request):
    """Reports submitted in my area command, oldest first."""
    presentations = (
        _presentations()
        .for_user(request.user)
        .awaiting_review()
        .not_involving(request.user)
        .order_by("submitted_at", "pk")
    )
    return render(request, "programs/presentations/review_queue.html", {"page": paginate(request, presentations)})


@login_required
@permission_required("programs.add_presentation", raise_exception=True)
@require_http_methods(["GET", "POST"])
def presentation_create(request):
    # "Schedule one" links (an area's page) name the program and the area command.
    initial = {name: request.GET[name] for name in ("program", "area_command") if request.GET.get(name, "").isdigit()}
    form = PresentationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            presentation = services.presentation_create(
                presentation=form.save(commit=False),
                presenters=form.cleaned_data["presenters"],
                command_staff=form.cleaned_data["command_staff"],
                by=request.user,
            )
            if presentation.status == Status.SCHEDULED:
                messages.success(request, _("The presentation is scheduled."))
            else:
                messages.success(request, _("The report was started: add the concerns raised, then submit it."))
            return redirect(presentation)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "programs/presentations/form.html", {"form": form})


@login_required
def presentation_detail(request, pk, return_form=None, attachment_form=None, status=200):
    presentation = get_presentation_for_user(request.user, pk)
    can_review = presentation.can_be_reviewed_by(request.user)
    context = {
        "presentation": presentation,
        "concerns": presentation.concerns.select_related("category"),
        "events": presentation.events.select_related("by"),
        "attachments": presentation.attachments.all(),
        "presenters": presentation.presenters.all(),
        "command_staff": presentation.command_staff.all(),
        "can_edit": request.user.has_perm("programs.change_presentation") and presentation.is_editable_by(request.user),
        "can_submit": presentation.can_submit(),
        "changes": changes_since_return(presentation) if can_review else [],
        "can_review": can_review,
        "return_form": return_form or ReturnForm(),
        "attachment_form": attachment_form or AttachmentForm(),
        "panels": panels_for("presentation", presentation, request),
    }
    return render(request, "programs/presentations/detail.html", context, status=status)


def _editable_presentation(request, pk):
    presentation = get_presentation_for_user(request.user, pk, perm="programs.change_presentation")
    if not presentation.is_editable_by(request.user):
        raise PermissionDenied
    return presentation


@login_required
@require_http_methods(["GET", "POST"])
def presentation_edit(request, pk):
    presentation = _editable_presentation(request, pk)
    form = PresentationForm(request.POST or None, instance=presentation, user=request.user)
    concerns = ConcernFormSet(request.POST or None, queryset=presentation.concerns.all(), prefix="concerns")
    if request.method == "POST":
        if form.is_valid() and concerns.is_valid():
            try:
                presentation = services.presentation_save_report(
                    presentation=form.save(commit=False),
                    presenters=form.cleaned_data["presenters"],
                    command_staff=form.cleaned_data["command_staff"],
                    concerns=concerns,
                    by=request.user,
                )
                if "submit" in request.POST:
                    services.presentation_submit(
                        presentation=presentation, by=request.user, answer=form.cleaned_data.get("answer", "")
                    )
                    messages.success(request, _("The report was submitted to your supervisor."))
                else:
                    messages.success(request, _("The report was saved."))
                return redirect(presentation)
            except ValidationError as error:
                _add_service_errors(form, error)
                messages.error(request, _("Please correct the errors below."))
        else:
            messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "programs/presentations/form.html",
        {"form": form, "concerns": concerns, "presentation": presentation},
    )


@login_required
@require_POST
def presentation_submit(request, pk):
    presentation = _editable_presentation(request, pk)
    try:
        services.presentation_submit(presentation=presentation, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        if "participants" in getattr(error, "error_dict", {}):
            # The report needs a number: take the officer to the field.
            return redirect(reverse("programs:presentation_edit", args=[presentation.pk]) + "#id_participants")
    else:
        messages.success(request, _("The report was submitted to your supervisor."))
    return redirect(presentation)


@login_required
@require_POST
def presentation_approve(request, pk):
    presentation = get_presentation_for_user(request.user, pk, perm="programs.review_presentation")
    try:
        services.presentation_approve(presentation=presentation, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(presentation)
    messages.success(request, _("The report on %(title)s was approved.") % {"title": presentation.title})
    return redirect("programs:presentation_review_queue")


@login_required
@require_POST
def presentation_return(request, pk):
    presentation = get_presentation_for_user(request.user, pk, perm="programs.review_presentation")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what needs to change before returning the report."))
        if not request.POST.get("comment", "").strip():
            # Nothing was typed, so nothing is lost: back to the report, where a refresh posts nothing again.
            return redirect(presentation.get_absolute_url() + "#review")
        return presentation_detail(request, pk, return_form=form, status=400)
    try:
        services.presentation_return(presentation=presentation, by=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(presentation)
    messages.success(request, _("The report was returned to its author with your comment."))
    return redirect("programs:presentation_review_queue")


@login_required
@require_http_methods(["GET", "POST"])
def presentation_cancel(request, pk):
    presentation = _editable_presentation(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.presentation_cancel(presentation=presentation, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The presentation was cancelled."))
        return redirect(presentation)
    context = {"presentation": presentation, "form": form, "request_obj": presentation.accepted_request()}
    return render(request, "programs/presentations/confirm_cancel.html", context)


@login_required
@require_POST
def attachment_upload(request, pk):
    presentation = _editable_presentation(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The file was not attached: see the reason below."))
        return presentation_detail(request, pk, attachment_form=form, status=400)
    services.attachment_add(
        presentation=presentation,
        upload=form.cleaned_data["file"],
        description=form.cleaned_data["description"],
        by=request.user,
    )
    messages.success(request, _("The file was attached."))
    return redirect(presentation)


@login_required
@require_http_methods(["GET", "POST"])
def attachment_remove(request, pk, attachment_pk):
    """A file attached by mistake comes off while the report can still be edited."""
    presentation = _editable_presentation(request, pk)
    attachment = get_object_or_404(presentation.attachments, pk=attachment_pk)
    if request.method == "POST":
        services.attachment_remove(attachment=attachment, by=request.user)
        messages.success(request, _("%(name)s was removed from the report.") % {"name": attachment.original_name})
        return redirect(presentation)
    context = {
        "question": _("Remove %(name)s from the report?") % {"name": attachment.original_name},
        "explanation": _("The file is deleted; attach the right one afterwards if it was a mistake."),
        "confirm_label": _("Remove the file"),
        "back_url": presentation.get_absolute_url(),
    }
    return render(request, "confirm_delete.html", context)


@login_required
def attachment_download(request, pk, attachment_pk):
    presentation = get_presentation_for_user(request.user, pk)
    attachment = get_object_or_404(presentation.attachments, pk=attachment_pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=attachment.content_type == "application/pdf",
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
