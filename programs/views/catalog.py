from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from outreach.lib.lists import paginate, wants_csv
from outreach.models import CrimeType

from ..exports import ProgramExport
from ..filters import ProgramFilter
from ..forms import ProgramForm
from ..models import Program


def _programs():
    return Program.objects.prefetch_related(
        Prefetch("crime_types", queryset=CrimeType.objects.order_by("sort_order", "name"))
    )


@login_required
@permission_required("programs.view_program", raise_exception=True)
def program_list(request):
    filterset = ProgramFilter(request.GET, queryset=_programs())
    programs = filterset.qs
    if wants_csv(request):
        return ProgramExport(programs).response()
    return render(request, "programs/catalog/list.html", {"filter": filterset, "page": paginate(request, programs)})


@login_required
@permission_required("programs.view_program", raise_exception=True)
def program_detail(request, pk):
    program = get_object_or_404(_programs(), pk=pk)
    return render(request, "programs/catalog/detail.html", {"program": program})


@login_required
@permission_required("programs.add_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def program_create(request):
    form = ProgramForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            program = form.save()
            messages.success(request, _("%(name)s was added to the catalog.") % {"name": program.name})
            return redirect(program)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "programs/catalog/form.html", {"form": form})


@login_required
@permission_required("programs.change_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def program_edit(request, pk):
    program = get_object_or_404(Program, pk=pk)
    form = ProgramForm(request.POST or None, instance=program)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("%(name)s was saved.") % {"name": program.name})
            return redirect(program)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "programs/catalog/form.html", {"form": form, "program": program})


@login_required
@permission_required("programs.change_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def program_retire(request, pk):
    program = get_object_or_404(Program, pk=pk, is_active=True)
    if request.method == "POST":
        program.retire()
        messages.success(
            request, _("%(name)s was retired. It stays on record and can be reinstated.") % {"name": program.name}
        )
        return redirect(program)
    return render(request, "programs/catalog/confirm_retire.html", {"program": program})


@login_required
@permission_required("programs.change_program", raise_exception=True)
@require_POST
def program_reinstate(request, pk):
    program = get_object_or_404(Program, pk=pk, is_active=False)
    program.reinstate()
    messages.success(request, _("%(name)s is offered again.") % {"name": program.name})
    return redirect(program)
