"""PACT action plans: written for a concern, a partnership or a project, approved, carried out, watched, closed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import clock
from ..exports import ActionPlanExport
from ..filters import ActionPlanFilter
from ..forms.plans import (
    ActionDoneForm,
    ActionPlanForm,
    AssessmentForm,
    ImplementationEntryForm,
    MonitorForm,
    PlanCommentForm,
    PlannedActionFormSet,
)
from ..lib.lists import paginate, wants_csv
from ..models import ActionPlan, Concern, Partnership, PlanReminder, Project
from ..scope import get_object_for_user
from ..services import plans as services

CHANGE = "outreach.change_actionplan"


def _plans():
    return ActionPlan.objects.select_related(
        "area_command", "officer", "concern__category", "partnership__organization", "project"
    )


def get_plan_for_user(user, pk, perm="outreach.view_actionplan"):
    return get_object_for_user(user, _plans(), perm=perm, pk=pk)


def _error_text(error):
    return " ".join(error.messages)


@login_required
@permission_required("outreach.view_actionplan", raise_exception=True)
def plan_list(request):
    plans = _plans().for_user(request.user).order_by("due_on", "pk")
    filterset = ActionPlanFilter(request.GET, queryset=plans, request=request)
    if wants_csv(request):
        return ActionPlanExport(filterset.qs).response()
    return render(
        request,
        "outreach/plans/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs), "today": clock.today()},
    )


SUBJECTS = {
    "concern": (Concern, "outreach.view_concern", ("category",)),
    "partnership": (Partnership, "outreach.view_partnership", ("organization",)),
    "project": (Project, "outreach.view_project", ()),
}


def _subject(request):
    """The concern, partnership or project a new plan answers, from ``?concern=`` (or the others), in scope."""
    for name, (model, perm, related) in SUBJECTS.items():
        value = request.GET.get(name)
        if value is None:
            continue
        if not value.isdigit():
            raise Http404
        return name, get_object_for_user(request.user, model.objects.select_related(*related), perm=perm, pk=value)
    raise Http404


def _area_of(name, subject):
    return subject.organization.area_command_id if name == "partnership" else subject.area_command_id


@login_required
@permission_required("outreach.add_actionplan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def plan_create(request):
    name, subject = _subject(request)
    if name == "concern":
        if hasattr(subject, "plan"):
            messages.info(request, _("This concern already has its action plan."))
            return redirect(subject.plan)
        if subject.assigned_to_id != request.user.pk and not request.user.has_perm(Concern.ASSIGN_PERMISSION):
            # The concern's officer writes its plan; a supervisor may write it for them.
            raise PermissionDenied
    area_id = _area_of(name, subject)
    plan = ActionPlan(**{name: subject})
    if name == "concern":
        plan.title = str(subject.category) + (f": {subject.location}" if subject.location else "")
        plan.problem = subject.description
        plan.places = subject.location
        plan.officer_id = subject.assigned_to_id
    form = ActionPlanForm(request.POST or None, instance=plan, area_command_id=area_id, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                plan = services.plan_start(plan=form.save(commit=False), by=request.user)
            except ValidationError as error:
                messages.error(request, _error_text(error))
                return redirect(subject)
            messages.success(
                request,
                _("The plan was started. Add its planned actions and submit it by %(date)s.")
                % {"date": date_format(plan.due_on, "DATE_FORMAT")},
            )
            return redirect("outreach:plan_edit", plan.pk)
        messages.error(request, _("Please correct the errors below."))
    due_on = ActionPlan.due_for(subject.received_on if name == "concern" else subject.starts_on)
    return render(
        request, "outreach/plans/create.html", {"form": form, "subject": subject, "kind": name, "due_on": due_on}
    )


@login_required
def plan_detail(request, pk, *, forms=None, status=200):
    plan = get_plan_for_user(request.user, pk)
    user = request.user
    forms = forms or {}
    context = {
        "plan": plan,
        "actions": plan.actions.select_related("owner"),
        "entries": plan.entries.select_related("by"),
        "events": plan.events.select_related("by"),
        "reminders": plan.reminders.all()
        if not plan.concern_id
        else PlanReminder.objects.filter(concern=plan.concern_id),
        "totals": plan.enforcement_totals(),
        "can_work": plan.can_be_worked_by(user) and user.has_perm(CHANGE),
        "can_review": plan.can_be_reviewed_by(user),
        "today": clock.today(),
        "return_form": forms.get("return") or PlanCommentForm(),
        "entry_form": forms.get("entry") or ImplementationEntryForm(),
        "assessment_form": forms.get("assessment") or AssessmentForm(instance=plan),
        "monitor_form": forms.get("monitor") or MonitorForm(),
        "reopen_form": forms.get("reopen") or PlanCommentForm(),
        "done_form": ActionDoneForm(),
    }
    return render(request, "outreach/plans/detail.html", context, status=status)


def _worked_plan(request, pk):
    plan = get_plan_for_user(request.user, pk, perm=CHANGE)
    if not plan.can_be_worked_by(request.user):
        raise PermissionDenied
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = _worked_plan(request, pk)
    if not plan.is_editable():
        messages.error(
            request,
            _("The plan can no longer be edited: it is %(status)s.") % {"status": plan.get_status_display().lower()},
        )
        return redirect(plan)
    area_id = plan.area_command_id
    form = ActionPlanForm(request.POST or None, instance=plan, area_command_id=area_id, user=request.user)
    formset = PlannedActionFormSet(request.POST or None, instance=plan, area_command_id=area_id, prefix="actions")
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            try:
                with transaction.atomic():
                    services.plan_save(plan=form.save(commit=False), by=request.user)
                    formset.save()
                    if "submit" in request.POST:
                        services.plan_submit(plan=plan, by=request.user)
            except ValidationError as error:
                messages.error(request, _error_text(error))
                return render(request, "outreach/plans/edit.html", {"form": form, "formset": formset, "plan": plan})
            if "submit" in request.POST:
                messages.success(request, _("The plan was submitted; the area's supervisors were e-mailed."))
            else:
                messages.success(request, _("The plan was saved."))
            return redirect(plan)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/plans/edit.html", {"form": form, "formset": formset, "plan": plan})


def _step(request, pk, service, success, *, form_class=None, form_key=None, perm=CHANGE, **fixed):
    """Run one state-changing service from the plan's page; a bad form or a refused step says why, there."""
    plan = get_plan_for_user(request.user, pk, perm=perm)
    kwargs = dict(fixed)
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            if not any(request.POST.get(name, "").strip() for name in form.fields):
                # Nothing was typed, so nothing is lost: back to the plan, where a refresh posts nothing again.
                messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
                return redirect(plan)
            messages.error(request, _("Nothing was changed: see below."))
            return plan_detail(request, pk, forms={form_key: form}, status=400)
        kwargs.update(form.cleaned_data)
    try:
        service(plan=plan, by=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(plan)
    messages.success(request, success)
    return redirect(plan)


@login_required
@require_POST
def plan_submit(request, pk):
    return _step(request, pk, services.plan_submit, _("The plan was submitted; the area's supervisors were e-mailed."))


@login_required
@require_POST
def plan_approve(request, pk):
    return _step(
        request,
        pk,
        services.plan_approve,
        _("The plan was approved; the officer was e-mailed."),
        perm=ActionPlan.REVIEW_PERMISSION,
    )


@login_required
@require_POST
def plan_return(request, pk):
    return _step(
        request,
        pk,
        services.plan_return,
        _("The plan was returned to the officer with your comment."),
        form_class=PlanCommentForm,
        form_key="return",
        perm=ActionPlan.REVIEW_PERMISSION,
    )


@login_required
@require_POST
def plan_log_add(request, pk):
    plan = get_plan_for_user(request.user, pk, perm=CHANGE)
    form = ImplementationEntryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The entry was not saved: see below."))
        return plan_detail(request, pk, forms={"entry": form}, status=400)
    try:
        services.plan_log_entry(plan=plan, entry=form.save(commit=False), by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field, errors)
            return plan_detail(request, pk, forms={"entry": form}, status=400)
        return redirect(plan)
    messages.success(request, _("The entry was added to the implementation log."))
    return redirect(plan)


@login_required
@require_POST
def plan_action_done(request, pk, action_pk):
    plan = get_plan_for_user(request.user, pk, perm=CHANGE)
    action = get_object_or_404(plan.actions, pk=action_pk)
    form = ActionDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["done_on"]))
        return redirect(plan)
    try:
        services.plan_action_done(action=action, done_on=form.cleaned_data["done_on"], by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(plan)
    messages.success(request, _("“%(action)s” is marked done.") % {"action": action.description})
    return redirect(plan)


@login_required
@require_POST
def plan_assess(request, pk):
    plan = get_plan_for_user(request.user, pk, perm=CHANGE)
    form = AssessmentForm(request.POST, instance=plan)
    if not form.is_valid():
        messages.error(request, _("The assessment was not saved: see below."))
        return plan_detail(request, pk, forms={"assessment": form}, status=400)
    try:
        services.plan_assess(plan=form.save(commit=False), by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(plan)
    messages.success(request, _("The assessment was saved."))
    return redirect(plan)


@login_required
@require_POST
def plan_resolve(request, pk):
    return _step(request, pk, services.plan_resolve, _("The plan is marked resolved. Keep watch, then close it."))


@login_required
@require_POST
def plan_monitor(request, pk):
    return _step(
        request,
        pk,
        services.plan_monitor,
        _("Monitoring began; the plan comes back on the re-check date."),
        form_class=MonitorForm,
        form_key="monitor",
    )


@login_required
@require_POST
def plan_reopen(request, pk):
    return _step(
        request,
        pk,
        services.plan_reopen,
        _("The plan is worked again."),
        form_class=PlanCommentForm,
        form_key="reopen",
    )


@login_required
@require_POST
def plan_close(request, pk):
    plan = get_plan_for_user(request.user, pk, perm=CHANGE)
    try:
        services.plan_close(plan=plan, by=request.user)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            messages.error(request, _error_text(error))
            return redirect(plan)
        # Refused for want of an assessment: the message goes to the assessment's field, with what is written.
        written = {name: getattr(plan, name) for name in AssessmentForm.Meta.fields}
        form = AssessmentForm({name: "" if value is None else value for name, value in written.items()}, instance=plan)
        form.is_valid()
        for field, errors in error.message_dict.items():
            form.add_error(field, errors)
        messages.error(request, _("The plan was not closed: see the assessment."))
        return plan_detail(request, pk, forms={"assessment": form}, status=400)
    messages.success(request, _("The plan is closed."))
    return redirect(plan)
