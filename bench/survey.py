"""Items 1 and 2: the public survey page against the minimal Django view (bench/views.py), POST and GET.

Measured with wrk at 16 and 64 connections on the live survey of the database measured. POST: the real
page (CSRF, honeypot, per-address rate limit counted in Redis, the one-time key, every answer validated,
stored with its answers in one transaction) against ``bench/views.minimal``, which stores the same
answers in one transaction and does nothing else; rows stored are counted in the database and compared
with the successful requests. GET: the survey's page against the minimal view's GET (the survey's
questions read from the database, written out as a bare form of the same size with a CSRF token), and,
for the record, ``bench/views.fixed``: the same bytes and a token, nothing read.

Rounds alternate the views, so a drift of the machine weighs on both; each figure is the median round.
"""

import re
import secrets
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from .lib import median_round, parse_wrk, table, verdict
from .stack import BASE

CONNECTIONS = (16, 64)
TARGETS = {"POST": 0.7, "GET": 1.0}


def live_survey(slug):
    """The survey measured, its public address, and one full set of answers to its live version."""
    from outreach.models import CrimeType, Sector
    from surveys.models import Question, Survey

    survey = Survey.objects.select_related("live_version").filter(slug=slug, live_version__isnull=False).first()
    if survey is None:
        raise SystemExit(f"No live survey {slug!r} in this database (--survey SLUG)")
    sector = Sector.objects.filter(area_command__is_active=True).order_by("pk").first()
    answers = {}
    for question in survey.live_version.questions.order_by("position"):
        name = f"q{question.pk}"
        if question.kind == Question.Kind.RATING:
            answers[name] = ["4"]
        elif question.kind == Question.Kind.YES_NO:
            answers[name] = ["1"]
        elif question.kind == Question.Kind.SINGLE:
            answers[name] = [str(question.options.order_by("pk").first().pk)]
        elif question.kind == Question.Kind.CATEGORY:
            answers[name] = [str(pk) for pk in CrimeType.objects.order_by("pk").values_list("pk", flat=True)[:2]]
        elif question.kind == Question.Kind.AREA:
            answers[name] = [str(sector.pk)]
        else:
            answers[name] = ["The park lights on Elm Street have been out for weeks."]
    return {"survey": survey, "path": survey.get_public_url(), "answers": answers}


def page_bytes(path):
    """The survey page's size (the same settings, in-process): the minimal GET is padded to as many bytes."""
    from django.test import Client

    return len(Client().get(path).content)


def last_response_id():
    from surveys.models import Response

    return Response.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def stored_since(pk):
    """Responses and answers stored since response ``pk``."""
    from surveys.models import Answer, Response

    return Response.objects.filter(pk__gt=pk).count(), Answer.objects.filter(response_id__gt=pk).count()


def csrf_for(path):
    """A CSRF cookie and a form token from the survey page, as a browser gets them."""
    with urllib.request.urlopen(BASE + path) as page:  # nosec B310
        html = page.read().decode()
        cookie = next(
            header.split(";")[0]
            for name, header in page.headers.items()
            if name.lower() == "set-cookie" and "csrftoken" in header
        )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def wrk(env, path, connections, seconds, script=None, extra_env=None):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        args += ["-s", str(Path(__file__).with_name(script))]
    result = subprocess.run(
        [*args, BASE + path], env={**env, **(extra_env or {})}, capture_output=True, text=True, check=True
    )
    return parse_wrk(result.stdout)


def measure(env, survey, *, seconds, rounds):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench installs it)")
    cookie, token = csrf_for(survey["path"])
    body = urlencode({"csrfmiddlewaretoken": token, "submission_key": "KEY", **survey["answers"]}, doseq=True)
    minimal_body = urlencode(survey["answers"], doseq=True)
    # Warm both workers (imports, connections, the frozen version's questions).
    for path in (survey["path"], "/bench/minimal/", "/bench/fixed/"):
        wrk(env, path, 4, 2)
    results, run, prefix = [], 0, secrets.token_hex(4)
    posts = (("minimal", "/bench/minimal/", minimal_body), ("survey", survey["path"], body))
    gets = (("minimal", "/bench/minimal/"), ("fixed", "/bench/fixed/"), ("survey", survey["path"]))
    for connections in CONNECTIONS:
        measured = {}
        for _round in range(rounds):
            for name, path, payload in posts:
                run += 1
                before = last_response_id()
                extra = {
                    "BENCH_BODY": payload,
                    "BENCH_PATH": path,
                    "BENCH_COOKIE": cookie,
                    "BENCH_RUN": str(run),
                    "BENCH_PREFIX": prefix,
                }
                figures = wrk(env, path, connections, seconds, script="post.lua", extra_env=extra)
                time.sleep(1)  # the requests still in flight when wrk stopped are stored too
                figures["stored"], figures["answers"] = stored_since(before)
                measured.setdefault(("POST", name), []).append(figures)
            for name, path in gets:
                measured.setdefault(("GET", name), []).append(wrk(env, path, connections, seconds))
        for (method, name), figures in measured.items():
            results.append((method, name, connections, median_round(figures)))
    return results


def _per_row(figures):
    return f"{figures['answers'] / figures['stored']:.1f}" if figures.get("stored") else "—"


def report(results, *, seconds, rounds, size):
    """The two tables (ratio against the minimal view; the GET's floor) and whether every target is met."""
    by_key = {(method, name, connections): figures for method, name, connections, figures in results}
    lines = [
        f"gunicorn, 2 workers; wrk -t2, {seconds} s per run, the median of {rounds} alternating rounds; the "
        f"minimal GET reads the survey from the database and sends a bare form as long as the survey's page "
        f"({size} bytes) with a CSRF token. Errors, successful requests and rows stored are summed over the "
        "rounds; rows stored = successful requests, plus at most one per connection and round still in flight "
        "when wrk stopped.",
        "",
    ]
    rows, verdicts = [], []
    for method in ("POST", "GET"):
        for connections in CONNECTIONS:
            base, real = by_key[(method, "minimal", connections)], by_key[(method, "survey", connections)]
            ratio = real["rps"] / base["rps"] if base["rps"] else 0
            target = TARGETS[method]
            successful = real["total"] - real["errors"]
            stored = real.get("stored", "—")
            # wrk stops counting with requests still in flight; the server stores them: at most one per connection.
            in_flight = 0 <= stored - successful <= connections * real["rounds"] if method == "POST" else True
            ok = ratio >= target and real["errors"] == 0 and in_flight
            verdicts.append(ok)
            rows.append(
                [
                    method,
                    connections,
                    f"{base['rps']:.0f}",
                    f"{real['rps']:.0f}",
                    f"{ratio:.2f}× (≥ {target}×) {verdict(ok)}",
                    f"{real['p50']} / {real['p99']}",
                    f"{base['p50']} / {base['p99']}",
                    real["errors"],
                    successful,
                    stored,
                    _per_row(real) + " / " + _per_row(base) if method == "POST" else "—",
                ]
            )
    lines += table(
        [
            "request",
            "connections",
            "minimal req/s",
            "survey req/s",
            "ratio (target)",
            "survey p50 / p99 ms",
            "minimal p50 / p99 ms",
            "errors",
            "successful",
            "rows stored",
            "answers per row (survey / minimal)",
        ],
        rows,
    )
    floor_rows = []
    for connections in CONNECTIONS:
        floor, real = by_key[("GET", "fixed", connections)], by_key[("GET", "survey", connections)]
        floor_rows.append(
            [
                connections,
                f"{floor['rps']:.0f}",
                f"{real['rps']:.0f}",
                f"{real['rps'] / floor['rps'] if floor['rps'] else 0:.2f}×",
                f"{floor['p50']} / {floor['p99']}",
            ]
        )
    lines += [
        "",
        "The GET's floor: a fixed page of the same bytes with a CSRF token, nothing read (for the record, no target).",
        "",
        *table(["connections", "fixed page req/s", "survey req/s", "survey ÷ fixed", "fixed p50 / p99 ms"], floor_rows),
    ]
    return lines, all(verdicts)
