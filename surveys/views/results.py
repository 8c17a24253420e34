"""A survey's results, month by month, sent to the chief for review and action (policy 000 §V.B, 001 §III.C.4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from outreach import clock
from outreach.lib.lists import paginate, wants_csv
from outreach.models import AreaCommand, CrimeType

from ..exports import aggregates_csv, responses_csv
from ..forms.results import ResultsActionForm, ResultsFilterForm
from ..models import Answer, Question, ResultsAction
from ..selectors.results import labelled_questions, survey_results, survey_trend, text_answers, typed_count
from ..services.responses import answer_concern, default_category_id
from ..services.results import finding_concern
from .surveys import get_survey_for_user


@login_required
def survey_results_page(request, pk, action_form=None, status=200):
    survey = get_survey_for_user(request.user, pk, perm="surveys.view_survey_results")
    form = ResultsFilterForm(request.GET or None if request.method == "GET" else None, survey=survey, user=request.user)
    filters = form.filters()
    if wants_csv(request):
        return responses_csv(survey, filters)
    results = survey_results(survey, filters)
    if request.GET.get("format") == "aggregates":
        return aggregates_csv(survey, results)
    search = request.GET.get("q", "").strip()[:100]
    # Without a search the tally knows how many typed answers there are: no count over the answers.
    texts = paginate(
        request,
        text_answers(survey, filters, search=search),
        per_page=20,
        count=None if search else typed_count(results),
    )
    until = filters.month or clock.today().replace(day=1)
    context = {
        "survey": survey,
        "filter_holder": {"form": form},
        "filters": filters,
        "results": results,
        "trend": survey_trend(
            survey, filters, until=until, questions=[result.question for result in results["questions"]]
        ),
        "concern_areas": AreaCommand.objects.active().for_user(request.user),
        "opens_findings": request.user.has_perm("surveys.act_on_results")
        and request.user.has_perm("outreach.add_concern"),
        "filter_values": _filter_values(form, request.GET).items(),
        "texts": texts,
        "search": search,
        "actions": ResultsAction.objects.filter(survey=survey).select_related("by", "concern__category", "plan")[:20],
        "action_form": action_form
        or (
            ResultsActionForm(
                survey=survey,
                user=request.user,
                month_choices=_month_choices(form),
                prefix="action",
                initial={"month": (filters.month or clock.today().replace(day=1)).strftime("%Y-%m")},
            )
            if request.user.has_perm("surveys.act_on_results")
            else None
        ),
    }
    return render(request, "surveys/results/page.html", context, status=status)


def _filter_values(filter_form, data):
    """The filters asked for, as given, to carry through a form posted from the page."""
    return {name: data[name] for name in filter_form.fields if data.get(name)}


def _month_choices(filter_form):
    return [choice for choice in filter_form.fields["month"].choices if choice[0]]


@login_required
@require_POST
def results_action_add(request, pk):
    """The chief records what was done about a month's results (policy 001 §III.C.4 "for review and action")."""
    survey = get_survey_for_user(request.user, pk, perm="surveys.act_on_results")
    filter_form = ResultsFilterForm(None, survey=survey, user=request.user)
    form = ResultsActionForm(
        request.POST, survey=survey, user=request.user, month_choices=_month_choices(filter_form), prefix="action"
    )
    if form.is_valid():
        action = form.save(commit=False)
        action.survey, action.by = survey, request.user
        action.save()
        messages.success(request, _("The action taken on these results was recorded."))
        return redirect(survey.get_results_url() + f"?month={action.month:%Y-%m}#actions")
    messages.error(request, _("The action was not recorded: see below."))
    return survey_results_page(request, pk, action_form=form, status=400)


@login_required
@permission_required("outreach.add_concern", raise_exception=True)
@require_POST
def answer_concern_create(request, pk):
    """One click: a typed answer becomes a PACT concern (source "survey"), in the area it speaks for."""
    answer = get_object_or_404(
        Answer.objects.select_related("response__survey", "question"), pk=pk, question__kind__in=Question.TEXT_KINDS
    )
    survey = get_survey_for_user(request.user, answer.response.survey_id, perm="surveys.view_survey_results")
    if answer.concern_id:
        messages.info(request, _("This answer is already a concern."))
        return redirect(answer.concern)
    areas = AreaCommand.objects.active().for_user(request.user)
    area_id = answer.response.area_command_id or request.user.area_command_id
    if area_id is None:
        chosen = areas.filter(pk=request.POST.get("area_command") or 0).first()
        area_id = chosen.pk if chosen else None
    if area_id is None or not areas.filter(pk=area_id).exists():
        messages.error(request, _("Choose the area command the concern belongs to."))
        return redirect("surveys:survey_results", survey.pk)
    category = answer.response.answers.filter(category__isnull=False).values_list("category", flat=True).first()
    sector = answer.response.answers.filter(sector__isnull=False).values_list("sector", flat=True).first()
    concern = answer_concern(
        answer=answer,
        category_id=category or default_category_id(),
        description=answer.text,
        area_command_id=area_id,
        sector_id=sector if area_id == answer.response.area_command_id else None,
        by=request.user,
    )
    messages.success(request, _("The answer was recorded as a concern: check its category and assign it."))
    return redirect(concern)


@login_required
@permission_required("outreach.add_concern", raise_exception=True)
@require_POST
def finding_concern_create(request, pk):
    """One click: a concern category the citizens named becomes a concern, recorded as the action taken."""
    survey = get_survey_for_user(request.user, pk, perm="surveys.act_on_results")
    filter_form = ResultsFilterForm(request.POST, survey=survey, user=request.user)
    filters = filter_form.filters()
    back = f"{survey.get_results_url()}?{urlencode(_filter_values(filter_form, request.POST))}"
    question = next(
        (
            question
            for question in labelled_questions(survey, filters.version)
            if question.kind == Question.Kind.CATEGORY and str(question.key) == request.POST.get("question")
        ),
        None,
    )
    category = CrimeType.objects.filter(pk=request.POST.get("category") or 0).first() if question else None
    area = filters.area_command or (
        AreaCommand.objects.active().for_user(request.user).filter(pk=request.POST.get("area_command_for") or 0).first()
    )
    if question is None or category is None:
        messages.error(request, _("Choose the category to open a concern about."))
        return redirect(back)
    if area is None:
        messages.error(request, _("Choose the area command the concern belongs to."))
        return redirect(back)
    concern = finding_concern(
        survey=survey, filters=filters, question=question, category=category, area_command=area, by=request.user
    )
    messages.success(
        request,
        _("The finding was opened as a concern and recorded as the action taken on these results: assign it."),
    )
    return redirect(concern)
