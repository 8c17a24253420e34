"""The ceiling: a minimal Django view that stores one response with its answers in one transaction.

It runs in the same project, behind the same middleware, and does nothing else: no form, no
validation, no rate limit, no one-time key. Its GET is the least a Django view does to show the
survey: it reads the live version's questions and options from the database (nothing cached) and
writes them out as a bare form with a CSRF token, padded to as many bytes as the real page
(``BENCH_PAGE_BYTES``, measured by the benchmark) so that both send the same bytes.

``fixed`` is the floor beneath it: the same number of bytes with a CSRF token and no reading at
all, what any Django page with a form costs here. The survey benchmark (bench/survey.py)
compares the real public survey page against both; its target is against ``minimal``.
The survey is the benchmark's (``BENCH_SURVEY``, the community survey by default).
"""

import os

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template import engines
from django.views.decorators.csrf import csrf_exempt

from surveys.models import Answer, Question, Response, Survey

_SURVEY = {}


def _slug():
    """The survey the benchmark measures (bench/run.py --survey)."""
    return os.environ.get("BENCH_SURVEY", "community")


def _survey():
    if not _SURVEY:
        survey = Survey.objects.select_related("live_version").get(slug=_slug())
        questions = {f"q{question.pk}": question for question in Question.objects.filter(version=survey.live_version)}
        _SURVEY.update(survey=survey, questions=questions)
    return _SURVEY


_PAGE = []
_PADDING = []
TOKEN_MARK = "\x00token\x00"

_FORM = engines["django"].from_string(
    "<!doctype html><html lang=en><title>{{ version.title_en }}</title><form method=post>"
    "<input type=hidden name=csrfmiddlewaretoken value={{ token }}>"
    "{% for question in questions %}<fieldset><legend>{{ question.text_en }}</legend>"
    "{% for option in question.options.all %}<label><input type=radio name=q{{ question.pk }} value={{ option.pk }}>"
    "{{ option.text_en }}</label>{% empty %}<input name=q{{ question.pk }}>{% endfor %}</fieldset>{% endfor %}"
    "<button>Send</button></form><p>{{ padding }}</p></html>"
)


def _size():
    return int(os.environ.get("BENCH_PAGE_BYTES", "64"))


def _page():
    if not _PAGE:
        head = "<!doctype html><html lang=en><title>ok</title>"
        head += f"<input name=csrfmiddlewaretoken value={TOKEN_MARK}><p>"
        _PAGE.append(head + "x" * max(0, _size() - len(head) - 11 + len(TOKEN_MARK) - 64) + "</p></html>")
    return _PAGE[0]


def _survey_form(request):
    """The survey read from the database and written out, every time."""
    survey = Survey.objects.select_related("live_version").get(slug=_slug())
    questions = Question.objects.filter(version=survey.live_version).prefetch_related("options").order_by("position")
    context = {"version": survey.live_version, "questions": questions, "token": get_token(request)}
    if not _PADDING:
        _PADDING.append("x" * max(0, _size() - len(_FORM.render({**context, "padding": ""}).encode())))
    return HttpResponse(_FORM.render({**context, "padding": _PADDING[0]}))


def fixed(request):
    return HttpResponse(_page().replace(TOKEN_MARK, get_token(request)))


@csrf_exempt
def minimal(request):
    if request.method != "POST":
        return _survey_form(request)
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
