"""Keying paper forms and water-bill inserts: a batch, one paper after another, keyed once or twice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..forms.channels import BatchForm
from ..forms.public import PaperSheetForm
from ..models import PaperBatch
from ..selectors.questions import answer_choices, version_questions
from ..services import paper
from .surveys import get_survey_for_user

PERM = "surveys.add_paperbatch"


def get_batch_for_user(user, pk):
    batch = get_object_or_404(PaperBatch.objects.select_related("survey", "version"), pk=pk)
    get_survey_for_user(user, batch.survey_id, perm=PERM)
    return batch


@login_required
@require_http_methods(["GET", "POST"])
def batch_list(request, pk):
    survey = get_survey_for_user(request.user, pk, perm=PERM)
    form = BatchForm(request.POST or None, survey=survey)
    if request.method == "POST":
        if survey.live_version is None or survey.status == survey.Status.CLOSED:
            messages.error(request, _("Paper is keyed into an approved survey that is not closed."))
            return redirect(survey)
        if form.is_valid():
            batch = form.save(commit=False)
            batch.survey, batch.version, batch.created_by = survey, survey.live_version, request.user
            batch.save()
            messages.success(request, _("The batch was created: key its first paper."))
            return redirect("surveys:batch_key", batch.pk, 1)
        messages.error(request, _("Please correct the errors below."))
    batches = survey.batches.select_related("version", "created_by").annotate(
        first=Count("responses", filter=Q(responses__keying=1)),
        second=Count("responses", filter=Q(responses__keying=2)),
    )
    rows = [(batch, {1: batch.first, 2: batch.second}) for batch in batches]
    return render(request, "surveys/batches/list.html", {"survey": survey, "form": form, "rows": rows})


@login_required
def batch_detail(request, pk):
    batch = get_batch_for_user(request.user, pk)
    differences = paper.batch_differences(batch) if batch.double_keyed else []
    questions = {question.pk: question for question in version_questions(batch.version)}
    shown = [
        (sheet, [(questions.get(question), question == "code", first, second) for question, first, second in rows])
        for sheet, rows in differences
    ]
    context = {
        "batch": batch,
        "survey": batch.survey,
        "progress": paper.batch_progress(batch),
        "differences": shown,
        "may_key": {keying: paper.may_key(batch, keying, request.user) for keying in (1, 2)},
    }
    return render(request, "surveys/batches/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def batch_key(request, pk, keying):
    """The next paper of this keying: keyboard only, the batch's name and count always in view."""
    batch = get_batch_for_user(request.user, pk)
    if not paper.may_key(batch, keying, request.user):
        messages.error(request, _("This keying is not open to you: a batch keyed twice is keyed by two people."))
        return redirect(batch)
    sheet = paper.next_sheet(batch, keying)
    if sheet > batch.sheets:
        messages.info(request, _("Every paper of this keying is in."))
        return redirect(batch)
    questions = version_questions(batch.version)
    sectors, categories = answer_choices(questions)
    form = PaperSheetForm(
        request.POST or None,
        survey=batch.survey,
        questions=questions,
        sectors=sectors,
        categories=categories,
        first_keying=keying == 1,
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                paper.batch_key_sheet(
                    batch=batch,
                    keying=keying,
                    form=form,
                    sector_areas={sector.pk: sector.area_command_id for sector in sectors},
                    by=request.user,
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect(batch)
            messages.success(request, _("Paper %(sheet)s is in.") % {"sheet": sheet})
            return redirect("surveys:batch_key", batch.pk, keying)
        messages.error(request, _("Please correct the errors below."))
    context = {"batch": batch, "survey": batch.survey, "form": form, "sheet": sheet, "keying": keying}
    return render(request, "surveys/batches/key.html", context)


@login_required
@require_POST
def batch_count(request, pk):
    batch = get_batch_for_user(request.user, pk)
    keep = {}
    for name, value in request.POST.items():
        if name.startswith("keep-") and name[5:].isdigit() and value in ("1", "2"):
            keep[int(name[5:])] = int(value)
    try:
        counted = paper.batch_count(batch=batch, keep=keep, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(batch)
    messages.success(request, _("The batch counts: %(count)s papers are in the results.") % {"count": counted})
    return redirect(batch)
