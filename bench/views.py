"""The ceiling: a minimal Django view that stores one response with its answers in one transaction.

It runs in the same project, behind the same middleware, and does nothing else: no form, no
validation, no rate limit, no one-time key. GET answers a fixed page as long as the survey's
(``BENCH_PAGE_BYTES``, measured by the benchmark) carrying a CSRF token, as any Django page with a
form must: both GETs send the same bytes and give a first-time visitor a token, so the ratio
measures the app, not the network or Django's CSRF protection. The survey benchmark
(bench/survey_public.py) compares the real public survey page against it.
"""

import os

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.views.decorators.csrf import csrf_exempt

from surveys.models import Answer, Question, Response, Survey

_SURVEY = {}


def _survey():
    if not _SURVEY:
        survey = Survey.objects.select_related("live_version").get(slug="community")
        questions = {f"q{question.pk}": question for question in Question.objects.filter(version=survey.live_version)}
        _SURVEY.update(survey=survey, questions=questions)
    return _SURVEY


_PAGE = []


TOKEN_MARK = "\x00token\x00"


def _page():
    if not _PAGE:
        size = int(os.environ.get("BENCH_PAGE_BYTES", "64"))
        head = "<!doctype html><html lang=en><title>ok</title>"
        head += f"<input name=csrfmiddlewaretoken value={TOKEN_MARK}><p>"
        _PAGE.append(head + "x" * max(0, size - len(head) - 11 + len(TOKEN_MARK) - 64) + "</p></html>")
    return _PAGE[0]


@csrf_exempt
def minimal(request):
    if request.method != "POST":
        return HttpResponse(_page().replace(TOKEN_MARK, get_token(request)))
    known = _survey()
    survey, questions = known["survey"], known["questions"]
    with transaction.atomic():
        response = Response.objects.create(survey=survey, version=survey.live_version, language="en", channel="web")
        rows = []
        for name, values in request.POST.lists():
            question = questions.get(name)
            if question is None:
                continue
            for value in values:
                if question.kind in Question.TEXT_KINDS:
                    rows.append(Answer(response=response, question=question, text=value))
                elif question.kind == Question.Kind.CATEGORY:
                    rows.append(Answer(response=response, question=question, category_id=int(value)))
                elif question.kind == Question.Kind.AREA:
                    rows.append(Answer(response=response, question=question, sector_id=int(value)))
                elif question.kind == Question.Kind.SINGLE:
                    rows.append(Answer(response=response, question=question, option_id=int(value)))
                else:
                    rows.append(Answer(response=response, question=question, number=int(value)))
        Answer.objects.bulk_create(rows)
    return HttpResponseRedirect("/bench/minimal/")
