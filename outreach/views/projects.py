"""Problem-oriented policing projects: led by the area's lieutenant, with a monthly note to the commander."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import clock
from ..filters import ProjectFilter
from ..forms.projects import ProjectForm, ProjectNoteForm
from ..lib.lists import paginate
from ..models import ActionPlan, Project
from ..scope import get_object_for_user


def _projects():
    return Project.objects.select_related("area_command", "lieutenant")


def get_project_for_user(user, pk, perm="outreach.view_project"):
    return get_object_for_user(user, _projects(), perm=perm, pk=pk)


@login_required
@permission_required("outreach.view_project", raise_exception=True)
def project_list(request):
    filterset = ProjectFilter(
        request.GET, queryset=_projects().for_user(request.user).order_by("-starts_on", "pk"), request=request
    )
    return render(
        request, "outreach/projects/list.html", {"filter": filterset, "page": paginate(request, filterset.qs)}
    )


@login_required
@permission_required("outreach.add_project", raise_exception=True)
@require_http_methods(["GET", "POST"])
def project_create(request):
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            project = form.save()
            messages.success(request, _("The project was created. Write its progress note each month."))
            return redirect(project)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/projects/form.html", {"form": form})


@login_required
def project_detail(request, pk, note_form=None, status=200):
    project = get_project_for_user(request.user, pk)
    context = {
        "project": project,
        "officers": project.officers.order_by("last_name", "first_name"),
        "partners": project.partners.order_by("name"),
        "concerns": project.concerns.select_related("category").order_by("-received_on"),
        "plans": ActionPlan.objects.for_user(request.user).filter(project=project).select_related("officer"),
        "notes": project.notes.select_related("by"),
        "note_form": note_form or ProjectNoteForm(project=project),
        "can_change": request.user.has_perm("outreach.change_project"),
        "can_note": request.user.has_perm("outreach.add_projectnote"),
        "last_month_missing": project.status == Project.Status.ACTIVE
        and not project.notes.filter(month=clock.previous_month(clock.today().replace(day=1))).exists(),
    }
    return render(request, "outreach/projects/detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk):
    project = get_project_for_user(request.user, pk, perm="outreach.change_project")
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, _("The project was saved."))
            return redirect(project)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/projects/form.html", {"form": form, "project": project})


@login_required
@require_POST
def project_note_add(request, pk):
    project = get_project_for_user(request.user, pk, perm="outreach.add_projectnote")
    form = ProjectNoteForm(request.POST, project=project)
    if not form.is_valid():
        messages.error(request, _("The note was not saved: see below."))
        return project_detail(request, pk, note_form=form, status=400)
    note = form.save(commit=False)
    note.project, note.by = project, request.user
    note.save()
    messages.success(
        request, _("The note for %(month)s was saved.") % {"month": date_format(note.month, "YEAR_MONTH_FORMAT")}
    )
    return redirect(project)
