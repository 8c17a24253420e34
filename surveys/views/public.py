"""The public survey page (no login): one page, in the citizen's language, on any phone.

A live survey is at ``/s/<slug>/`` (an unlisted one at ``/s/<slug>/<secret>/``); a forum's or a
post's short link ``/q/<code>/`` leads there with its tag. Unknown, unapproved or not yet open:
404. Closed or past its dates: a polite page with 410. Never a 500.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from outreach.lib.public_forms import handle_public_form

from ..forms.public import SurveyResponseForm
from ..models import Survey, SurveyLink
from ..models.responses import Channel
from ..selectors.questions import answer_choices, version_questions
from ..services.responses import response_submit

RATE_GROUP = "public-survey"


def _public_survey(slug, secret):
    survey = Survey.objects.select_related("live_version").filter(slug=slug).exclude(status=Survey.Status.NEW).first()
    if survey is None or (secret is None and not survey.listed) or (secret is not None and secret != survey.secret):
        raise Http404
    return survey


def _link(survey, code):
    if not code:
        return None
    return (
        SurveyLink.objects.select_related("presentation", "watch_meeting__group")
        .filter(survey=survey, code=code.upper())
        .first()
    )


@require_http_methods(["GET", "POST"])
def public_survey(request, slug, secret=None):
    survey = _public_survey(slug, secret)
    if survey.is_over():
        return render(request, "surveys/public/closed.html", {"survey": survey}, status=410)
    if not survey.is_live():
        return render(request, "surveys/public/not_open.html", {"survey": survey}, status=404)
    version = survey.live_version
    questions = version_questions(version)
    sectors, categories = answer_choices(questions)
    form = SurveyResponseForm(
        request.POST or None,
        survey=survey,
        questions=questions,
        sectors=sectors,
        categories=categories,
        initial={"via": request.GET.get("via", "")[:12]},
    )

    def save(form):
        link = _link(survey, form.cleaned_data["via"])
        response_submit(
            survey=survey,
            version=version,
            answers=form.answers(),
            channel=link.channel if link else Channel.WEB,
            language=(get_language() or "en")[:2],
            sector_areas={sector.pk: sector.area_command_id for sector in sectors},
            link=link,
            submission_key=form.cleaned_data["submission_key"],
            one_time_code=form.cleaned_data.get("one_time_code"),
            contact=form.contact(),
        )
        thanks = reverse("surveys:public_thanks", args=[survey.slug])
        if form.contact():
            thanks += "?" + urlencode({"contact": 1})
        return redirect(thanks)

    return handle_public_form(
        request,
        form,
        template="surveys/public/survey.html",
        save=save,
        rate_group=RATE_GROUP,
        context={"survey": survey, "version": version},
    )


def public_thanks(request, slug):
    survey = get_object_or_404(Survey.objects.exclude(status=Survey.Status.NEW), slug=slug)
    return render(
        request, "surveys/public/thanks.html", {"survey": survey, "contact": request.GET.get("contact") == "1"}
    )


@require_GET
def short_link(request, code):
    """A forum's QR code or a post's link: to the survey, carrying its tag."""
    link = get_object_or_404(SurveyLink.objects.select_related("survey"), code=code.upper())
    return redirect(link.survey.get_public_url() + "?" + urlencode({"via": link.code}))
