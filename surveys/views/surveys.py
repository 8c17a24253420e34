"""Building a survey and the chief's approval of its questions (policy 001 §III.A.5)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from outreach.lib.lists import paginate
from outreach.lib.notifications import absolute_url
from outreach.lib.qr import qr_data_uri
from outreach.scope import get_object_for_user

from ..filters import SurveyFilter
from ..forms.channels import CampaignForm, PaperForm
from ..forms.surveys import QuestionForm, ReturnForm, SurveyForm, VersionForm, option_formset
from ..models import Question, Response, Survey, SurveyTally, SurveyVersion
from ..selectors.questions import version_questions
from ..services import surveys as builder


def _surveys():
    return Survey.objects.select_related("area_command", "live_version")


def get_survey_for_user(user, pk, perm="surveys.view_survey"):
    return get_object_for_user(user, _surveys(), perm=perm, pk=pk)


def links_with_counts(survey):
    return (
        survey.links.select_related("presentation__program", "watch_meeting__group")
        .annotate(response_count=Count("responses"))
        .order_by("channel", "-created_at")
    )


def get_question_for_user(user, pk):
    question = get_object_or_404(Question.objects.select_related("version__survey"), pk=pk)
    get_survey_for_user(user, question.version.survey_id, perm="surveys.change_survey")
    return question


def _error_messages(request, error):
    for message in error.messages:
        messages.error(request, message)


@login_required
@permission_required("surveys.view_survey", raise_exception=True)
def survey_list(request):
    # Each count its own subquery, run for the page's surveys only: joined together, the responses and
    # the versions multiplied each other. The responses are the tally's month rows (a survey's whole
    # run in a few rows) and those counted since, not tallied yet (docs/architecture.md).
    tallied = SurveyTally.objects.filter(
        survey=OuterRef("pk"), span=SurveyTally.Span.MONTH, question_key__isnull=True
    ).order_by()
    untallied = Response.objects.filter(survey=OuterRef("pk"), counted=True, tallied=False).order_by()
    surveys = (
        _surveys()
        .for_user(request.user)
        .annotate(
            response_count=Coalesce(Subquery(tallied.values("survey").annotate(n=Sum("n")).values("n")), 0)
            + Coalesce(Subquery(untallied.values("survey").annotate(n=Count("pk")).values("n")), 0),
            awaiting=Exists(
                SurveyVersion.objects.filter(survey=OuterRef("pk"), status=SurveyVersion.Status.AWAITING_APPROVAL)
            ),
        )
    )
    filterset = SurveyFilter(request.GET, queryset=surveys.order_by("-opens_on", "pk"), request=request)
    page = paginate(request, filterset.qs)
    return render(request, "surveys/surveys/list.html", {"filter": filterset, "page": page})


@login_required
@permission_required("surveys.add_survey", raise_exception=True)
@require_http_methods(["GET", "POST"])
def survey_create(request):
    form = SurveyForm(request.POST or None, user=request.user, prefix="survey")
    version_form = VersionForm(request.POST or None, prefix="texts")
    if request.method == "POST":
        if form.is_valid() and version_form.is_valid():
            survey = builder.survey_create(
                survey=form.save(commit=False), version=version_form.save(commit=False), by=request.user
            )
            messages.success(request, _("The survey was created. Add its questions, then send it for approval."))
            return redirect(survey)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "surveys/surveys/form.html", {"form": form, "version_form": version_form})


@login_required
def survey_detail(request, pk):
    survey = get_survey_for_user(request.user, pk)
    versions = list(survey.versions.select_related("submitted_by", "decided_by").order_by("-number"))
    draft = next((version for version in versions if version.status in SurveyVersion.OPEN_STATUSES), None)
    shown = draft or survey.live_version or versions[0]
    requested = request.GET.get("version")
    if requested and requested.isdigit():
        shown = next((version for version in versions if version.number == int(requested)), shown)
    can_change = request.user.has_perm("surveys.change_survey") and survey.status != Survey.Status.CLOSED
    can_approve = request.user.has_perm("surveys.approve_survey")
    context = {
        "survey": survey,
        "versions": versions,
        "draft": draft,
        "shown": shown,
        "questions": version_questions(shown),
        "missing": shown.missing_for_approval() if shown.status in SurveyVersion.OPEN_STATUSES else [],
        "can_change": can_change,
        "can_edit_shown": can_change and shown.is_editable(),
        "can_approve": can_approve and shown.status == SurveyVersion.Status.AWAITING_APPROVAL,
        "return_form": ReturnForm(),
        "public_url": absolute_url(survey.get_public_url()),
        "kinds": Question.Kind.choices,
        "links": links_with_counts(survey) if survey.status != Survey.Status.NEW else [],
        "campaign_form": CampaignForm(),
        "paper_form": PaperForm(),
        "public_qr": qr_data_uri(absolute_url(survey.get_public_url())) if survey.status != Survey.Status.NEW else "",
        "batches": survey.batches.all()[:5],
    }
    return render(request, "surveys/surveys/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def survey_settings(request, pk):
    survey = get_survey_for_user(request.user, pk, perm="surveys.change_survey")
    form = SurveyForm(request.POST or None, instance=survey, user=request.user, prefix="survey")
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The survey's address and dates were saved."))
            return redirect(survey)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "surveys/surveys/form.html", {"form": form, "survey": survey})


@login_required
@require_http_methods(["GET", "POST"])
def survey_texts(request, pk):
    """The draft's title and introduction (a live survey's are changed in a new version)."""
    survey = get_survey_for_user(request.user, pk, perm="surveys.change_survey")
    draft = survey.draft_version()
    if draft is None or not draft.is_editable():
        messages.error(request, _("Only a draft version can be changed; make a new version first."))
        return redirect(survey)
    form = VersionForm(request.POST or None, instance=draft, prefix="texts")
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The title and introduction were saved."))
            return redirect(survey)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "surveys/surveys/form.html", {"version_form": form, "survey": survey, "draft": draft})


@login_required
@require_POST
def survey_new_version(request, pk):
    survey = get_survey_for_user(request.user, pk, perm="surveys.change_survey")
    try:
        draft = builder.survey_version_for_edit(survey=survey, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
        return redirect(survey)
    messages.success(
        request,
        _(
            "Version %(number)s is a draft to change. The approved version keeps collecting answers "
            "until this one is approved."
        )
        % {"number": draft.number},
    )
    return redirect(survey)


def _draft_for_questions(request, survey):
    draft = survey.draft_version()
    if draft is None or not draft.is_editable():
        messages.error(request, _("Only a draft version can be changed; make a new version first."))
        return None
    return draft


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request, pk):
    survey = get_survey_for_user(request.user, pk, perm="surveys.change_survey")
    draft = _draft_for_questions(request, survey)
    if draft is None:
        return redirect(survey)
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in Question.Kind.values else None
    question = Question(version=draft)
    form = QuestionForm(request.POST or None, initial=initial, instance=question)
    options = option_formset(request.POST or None)
    return _question_form(request, survey, draft, form, options, question)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = get_question_for_user(request.user, pk)
    survey, draft = question.version.survey, question.version
    if not draft.is_editable():
        messages.error(request, _("Only a draft version can be changed; make a new version first."))
        return redirect(survey)
    form = QuestionForm(request.POST or None, instance=question)
    options = option_formset(request.POST or None, question=question)
    return _question_form(request, survey, draft, form, options, question)


def _question_form(request, survey, draft, form, options, question):
    if request.method == "POST":
        if form.is_valid() and options.is_valid():
            question = form.save(commit=False)
            chosen = options.options()
            if question.has_options() and len(chosen) < 2:
                form.add_error(None, _("Give at least two options to choose from."))
            else:
                try:
                    builder.question_save(question=question, options=chosen)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    if "more_options" in request.POST:
                        messages.success(request, _("The question was saved: add more options below."))
                        return redirect("surveys:question_edit", question.pk)
                    messages.success(request, _("The question was saved."))
                    return redirect(survey.get_absolute_url() + f"#question-{question.pk}")
        messages.error(request, _("Please correct the errors below."))
    context = {"survey": survey, "draft": draft, "form": form, "options": options, "question": question}
    return render(request, "surveys/questions/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def question_delete(request, pk):
    question = get_question_for_user(request.user, pk)
    survey = question.version.survey
    if request.method == "POST":
        try:
            builder.question_delete(question=question)
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The question was deleted."))
        return redirect(survey)
    return render(
        request,
        "confirm_delete.html",
        {
            "question": _("Delete this question?"),
            "explanation": _("“%(question)s” is deleted from this draft, with its options.")
            % {"question": question.text_en},
            "confirm_label": _("Delete the question"),
            "back_url": survey.get_absolute_url(),
        },
    )


@login_required
@require_POST
def question_move(request, pk):
    question = get_question_for_user(request.user, pk)
    step = -1 if request.POST.get("direction") == "up" else 1
    try:
        moved = builder.question_move(question=question, step=step)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        if moved:
            messages.success(request, _("The question was moved."))
    return redirect(question.version.survey.get_absolute_url() + f"#question-{question.pk}")


def _version_step(request, pk, step, done, perm="surveys.change_survey"):
    """A version's move (submit, withdraw, approve); what stops it is listed on the survey's page."""
    survey = get_survey_for_user(request.user, pk, perm=perm)
    version = survey.draft_version()
    if version is None:
        messages.error(request, _("There is no version waiting for this step."))
        return redirect(survey)
    try:
        step(version)
    except ValidationError as error:
        if len(error.messages) > 1:
            messages.error(request, _("Not yet: the list of what is missing is below."))
        else:
            messages.error(request, error.messages[0])
        return redirect(survey)
    messages.success(request, done)
    return redirect(survey)


@login_required
@require_POST
def version_submit(request, pk):
    return _version_step(
        request,
        pk,
        lambda version: builder.version_submit(version=version, by=request.user),
        _("The survey was sent to the chief for approval."),
    )


@login_required
@require_POST
def version_withdraw(request, pk):
    return _version_step(
        request,
        pk,
        lambda version: builder.version_withdraw(version=version, by=request.user),
        _("The version was withdrawn: it is a draft again."),
    )


@login_required
@require_POST
def version_approve(request, pk):
    return _version_step(
        request,
        pk,
        lambda version: builder.version_approve(version=version, by=request.user),
        _("The questions were approved. The survey takes answers between its dates."),
        perm="surveys.approve_survey",
    )


@login_required
@require_POST
def version_return(request, pk):
    survey = get_survey_for_user(request.user, pk, perm="surveys.approve_survey")
    form = ReturnForm(request.POST)
    version = survey.draft_version()
    if version is None:
        messages.error(request, _("There is no version waiting for this step."))
        return redirect(survey)
    if not form.is_valid():
        messages.error(request, _("Say what needs to change."))
        return redirect(survey)
    try:
        builder.version_return(version=version, by=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        _error_messages(request, error)
        return redirect(survey)
    messages.success(request, _("The survey was returned with your comment."))
    return redirect(survey)


@login_required
@require_http_methods(["GET", "POST"])
def survey_close(request, pk):
    survey = get_survey_for_user(request.user, pk, perm="surveys.change_survey")
    if request.method == "POST":
        try:
            builder.survey_close(survey=survey, by=request.user)
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The survey was closed: its address now says so, and its results stay."))
        return redirect(survey)
    return render(
        request,
        "confirm_delete.html",
        {
            "question": _("Close this survey?"),
            "explanation": _(
                "“%(title)s” stops taking answers now, whatever its closing date; its results stay. "
                "This cannot be undone."
            )
            % {"title": survey.title},
            "confirm_label": _("Close the survey"),
            "back_url": survey.get_absolute_url(),
        },
    )
