"""The public survey page (no login): one page, in the citizen's language, on any phone.

A live survey is at ``/s/<slug>/`` (an unlisted one at ``/s/<slug>/<secret>/``); a forum's or a
post's short link ``/q/<code>/`` leads there with its tag. Unknown, unapproved or not yet open:
404. Closed or past its dates: a polite page with 410. Never a 500.
"""

import os
import re
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
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

# The blank page of a frozen version is the same for every citizen but for its CSRF token and one-time
# key: it is rendered once per version, language and link per process, and those two filled in per visit.
# A change to the department (its name, address, phone or logo in the footer) drops this process's pages
# at once (apps.py connects forget_pages to its save) and the other processes' within PAGE_SECONDS.
PAGE_SECONDS = 10
_PAGES = {}
_PAGES_LIMIT = 256
_KEY_MARK = "00000000-0000-4000-8000-000000000000"
_KEY_MARK_BYTES = _KEY_MARK.encode()
_TOKEN_MARK = b"\x00csrf\x00"
_VIA = re.compile(r"^[A-Z0-9]{1,12}$")


# A survey's row, and whether it is live, over or not open yet, are read at most every PAGE_SECONDS per
# process: a survey closed or re-dated by staff answers so on the public page within that time.
_SURVEYS = {}
LIVE, OVER, NOT_OPEN = "live", "over", "not open"


def _public_survey(slug, secret):
    cached = _SURVEYS.get(slug)
    if cached is None or cached[0] < time.monotonic():
        found = (
            Survey.objects.select_related("live_version").filter(slug=slug).exclude(status=Survey.Status.NEW).first()
        )
        state = None if found is None else OVER if found.is_over() else LIVE if found.is_live() else NOT_OPEN
        if len(_SURVEYS) >= _PAGES_LIMIT:
            _SURVEYS.clear()
        cached = _SURVEYS[slug] = (time.monotonic() + PAGE_SECONDS, found, state)
    survey = cached[1]
    if survey is None or (secret is None and not survey.listed) or (secret is not None and secret != survey.secret):
        raise Http404
    return survey, cached[2]


def _link(survey, code):
    if not code:
        return None
    return (
        SurveyLink.objects.select_related("presentation", "watch_meeting__group")
        .filter(survey=survey, code=code.upper())
        .first()
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def public_survey(request, slug, secret=None):
    survey, state = _public_survey(slug, secret)
    if state == OVER:
        return render(request, "surveys/public/closed.html", {"survey": survey}, status=410)
    if state == NOT_OPEN:
        return render(request, "surveys/public/not_open.html", {"survey": survey}, status=404)
    if request.method == "GET":
        return _blank_page(request, survey)
    return _answer(request, survey)


def _answer(request, survey, submission_key=None):
    version = survey.live_version
    questions = version_questions(version)
    sectors, categories = answer_choices(questions)
    form = SurveyResponseForm(
        request.POST or None,
        survey=survey,
        questions=questions,
        sectors=sectors,
        categories=categories,
        initial={
            "via": request.GET.get("via", "")[:12],
            **({"submission_key": submission_key} if submission_key else {}),
        },
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


def _blank_page(request, survey):
    via = request.GET.get("via", "").upper() if request.META.get("QUERY_STRING") else ""
    via = via if _VIA.match(via) else ""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.COOKIES.get("messages"):
        return _answer(request, survey)  # staff see their own menu; a pending message must be shown
    key = (survey.pk, survey.live_version_id, get_language(), via)
    token = get_token(request).encode()
    cached = _PAGES.get(key)
    if cached is None or cached[0] < time.monotonic():
        response = _answer(request, survey, submission_key=_KEY_MARK)
        if response.status_code != 200:
            return response
        if len(_PAGES) >= _PAGES_LIMIT:
            _PAGES.clear()
        cached = _PAGES[key] = (time.monotonic() + PAGE_SECONDS, response.content.replace(token, _TOKEN_MARK))
    # The one-time key: 128 random bits, written as 32 hex digits (a UUID to the form).
    return HttpResponse(cached[1].replace(_TOKEN_MARK, token).replace(_KEY_MARK_BYTES, os.urandom(16).hex().encode()))


def forget_pages(**kwargs):
    """Drop this process's pages and survey rows; others drop theirs within PAGE_SECONDS."""
    _PAGES.clear()
    _SURVEYS.clear()


@login_not_required
def public_thanks(request, slug):
    survey = get_object_or_404(Survey.objects.exclude(status=Survey.Status.NEW), slug=slug)
    return render(
        request, "surveys/public/thanks.html", {"survey": survey, "contact": request.GET.get("contact") == "1"}
    )


@login_not_required
@require_GET
def short_link(request, code):
    """A forum's QR code or a post's link: to the survey, carrying its tag."""
    link = get_object_or_404(SurveyLink.objects.select_related("survey"), code=code.upper())
    return redirect(link.survey.get_public_url() + "?" + urlencode({"via": link.code}))
