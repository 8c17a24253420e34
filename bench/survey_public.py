"""The public survey page against a minimal Django view, in one run, under gunicorn with production settings.

    make bench            (or: .venv/bin/python bench/survey_public.py [--seconds 15])

Builds a throw-away database (``outreach_bench``) holding the demo's community survey, starts gunicorn
(2 workers, production settings: DEBUG off, manifest static files, Redis cache and rate-limit counter),
and measures with wrk, at 16 and 64 connections:

- POST: the real page (CSRF, honeypot, per-address rate limit counted in Redis, the one-time key,
  every answer validated, stored with its answers in one transaction) against ``bench/views.minimal``,
  which stores the same answers in one transaction and does nothing else. Rows stored are counted in
  the database and compared with the successful requests.
- GET: the live survey's page against the minimal view's GET, which reads the survey's questions and
  options from the database and writes them out as a bare form of the same size with a CSRF token;
  and, for the record, against ``bench/views.fixed``, the floor: the same bytes and a token, nothing
  read (a first visit creates a token on every page; without it the floor is about 20 % faster, all
  of it Django's token).

The rate limit is raised for the run (every request comes from 127.0.0.1): the limiter still counts
each accepted answer in Redis, as in production. A table goes to bench/results/ and is printed.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
PYTHON = str(VENV / "python") if (VENV / "python").exists() else sys.executable
DATABASE = "outreach_bench"
PORT = 8765
# A local address: every urlopen below reads it (bandit's B310 is silenced there).
BASE = f"http://127.0.0.1:{PORT}"
CONNECTIONS = (16, 64)
TARGETS = {"post": 0.7, "get": 1.0}

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_HSTS_SECONDS": "0",
    "DATABASE_URL": f"postgres://root@127.0.0.1:5432/{DATABASE}",
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "PUBLIC_FORM_RATE": "100000000/h",
    "DJANGO_LOG_LEVEL": "WARNING",
    "PYTHONPATH": str(ROOT),
}

SETUP = """
import json
from datetime import timedelta
from outreach import clock, roles
from django.apps import apps
from outreach.models import AreaCommand, CrimeType, Department, Sector, User
from surveys.demo import community_survey
from surveys.models import Question
department = Department.load()
department.name, department.phone = "Fairview Police Department", "(555) 010-4400"
department.address = "400 Civic Center Plaza, Fairview"
department.save()
area = AreaCommand.objects.create(name="North Area Command", code="north")
sector = Sector.objects.create(area_command=area, name="Hillcrest", code="HC")
records = User.objects.create_user("records", role="records", first_name="Alicia", last_name="Romero")
chief = User.objects.create_user("chief", role="chief", first_name="Dana", last_name="Whitfield")
today = clock.today()
survey = community_survey(
    builder=records, chief=chief, opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=30)
)
answers = {}
for question in survey.live_version.questions.all():
    name = f"q{question.pk}"
    if question.kind == "rating":
        answers[name] = ["4"]
    elif question.kind == "yes_no":
        answers[name] = ["1"]
    elif question.kind == "single":
        answers[name] = [str(question.options.first().pk)]
    elif question.kind == "category":
        answers[name] = [str(pk) for pk in CrimeType.objects.order_by("pk").values_list("pk", flat=True)[:2]]
    elif question.kind == "area":
        answers[name] = [str(sector.pk)]
    else:
        answers[name] = ["The park lights on Elm Street have been out for weeks."]
print(json.dumps({"path": survey.get_public_url(), "answers": answers}))
"""

COUNT = "from surveys.models import Response; print(Response.objects.count())"


def run(*args, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=ENV, check=True, capture_output=True, text=True, **kwargs)


def manage(*args):
    return run(PYTHON, "manage.py", *args)


def prepare():
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "root", "--if-exists", DATABASE], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", DATABASE], check=True)
    subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=False, capture_output=True)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    return json.loads(manage("shell", "-c", SETUP).stdout.strip().splitlines()[-1])


def rows():
    return int(manage("shell", "-c", COUNT).stdout.strip().splitlines()[-1])


def start_gunicorn():
    server = subprocess.Popen(
        [
            str(VENV / "gunicorn"),
            "outreach.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz/live", timeout=1)  # nosec B310
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz/live")


def page_bytes(path):
    """The survey page's size, measured once with a throw-away server: the minimal GET sends as many bytes."""
    server = start_gunicorn()
    try:
        with urllib.request.urlopen(BASE + path) as page:  # nosec B310
            return len(page.read())
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


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


LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)", re.M)


def wrk(path, connections, seconds, script=None, extra_env=None):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        args += ["-s", str(Path(__file__).with_name(script))]
    result = subprocess.run(
        [*args, BASE + path], env={**ENV, **(extra_env or {})}, capture_output=True, text=True, check=True
    )
    out = result.stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = (
        sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", m.group(0)))
        if (m := re.search(r"Socket errors:.*", out))
        else 0
    )
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    latency = {pct: round(float(value) * scale[unit], 1) for pct, value, unit in LATENCY.findall(out)}
    return {"rps": rps, "total": total, "errors": non_2xx + errors, "p50": latency.get("50"), "p99": latency.get("99")}


def median_of(rounds):
    """The round with the median requests per second; errors and rows are summed over every round."""
    middle = sorted(rounds, key=lambda figures: figures["rps"])[len(rounds) // 2]
    summed = {
        "errors": sum(figures["errors"] for figures in rounds),
        "total": sum(figures["total"] for figures in rounds),
    }
    if "stored" in middle:
        summed["stored"] = sum(figures["stored"] for figures in rounds)
    return {**middle, **summed, "rounds": len(rounds)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per figure (the median is kept)")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench installs it)")
    survey = prepare()
    ENV["BENCH_PAGE_BYTES"] = str(page_bytes(survey["path"]))
    server = start_gunicorn()
    results = []
    try:
        cookie, token = csrf_for(survey["path"])
        body = urlencode({"csrfmiddlewaretoken": token, "submission_key": "KEY", **survey["answers"]}, doseq=True)
        minimal_body = urlencode(survey["answers"], doseq=True)
        # Warm both workers (imports, connections, the frozen version's questions).
        wrk(survey["path"], 4, 2)
        wrk("/bench/minimal/", 4, 2)
        wrk("/bench/fixed/", 4, 2)
        # Rounds alternate the two views so a drift of the machine (the disk's commit time, another
        # process) weighs on both; each figure is the median of its rounds.
        run = 0
        posts = (("minimal", "/bench/minimal/", minimal_body), ("survey", survey["path"], body))
        for connections in CONNECTIONS:
            rounds = {}
            for _round in range(options.rounds):
                for name, path, payload in posts:
                    run += 1
                    before = rows()
                    extra = {"BENCH_BODY": payload, "BENCH_PATH": path, "BENCH_COOKIE": cookie, "BENCH_RUN": str(run)}
                    figures = wrk(path, connections, options.seconds, script="post.lua", extra_env=extra)
                    time.sleep(1)  # the requests still in flight when wrk stopped are stored too
                    figures["stored"] = rows() - before
                    rounds.setdefault(("POST", name), []).append(figures)
                gets = (("minimal", "/bench/minimal/"), ("fixed", "/bench/fixed/"), ("survey", survey["path"]))
                for name, path in gets:
                    rounds.setdefault(("GET", name), []).append(wrk(path, connections, options.seconds))
            for (method, name), measured in rounds.items():
                results.append((method, name, connections, median_of(measured)))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    report(results, options.seconds, options.rounds)


def report(results, seconds, rounds):
    by_key = {(method, name, connections): figures for method, name, connections, figures in results}
    lines = [
        f"# Public survey page against a minimal Django view — {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"gunicorn, 2 workers, production settings; wrk -t2, {seconds} s per run, the median of {rounds} "
        f"alternating rounds; {os.cpu_count()} cores; "
        f"the minimal GET reads the survey from the database and sends a bare form as long as the survey's page "
        f"({ENV['BENCH_PAGE_BYTES']} bytes) with a CSRF token.",
        "Errors, successful requests and rows stored are summed over the rounds; rows stored = successful",
        "requests, plus at most one per connection and round still in flight when wrk stopped.",
        "",
        "| request | connections | minimal req/s | survey req/s | ratio (target) | survey p50 / p99 ms "
        "| minimal p50 / p99 ms | errors | successful | rows stored |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    verdicts = []
    for method in ("POST", "GET"):
        for connections in CONNECTIONS:
            base, real = by_key[(method, "minimal", connections)], by_key[(method, "survey", connections)]
            ratio = real["rps"] / base["rps"] if base["rps"] else 0
            target = TARGETS[method.lower()]
            successful = real["total"] - real["errors"]
            stored = real.get("stored", "—")
            # wrk stops counting with requests still in flight; the server stores them: at most one per connection.
            in_flight = 0 <= stored - successful <= connections * real["rounds"] if method == "POST" else True
            ok = ratio >= target and real["errors"] == 0 and in_flight
            verdicts.append(ok)
            verdict = "met" if ok else "NOT met"
            lines.append(
                f"| {method} | {connections} | {base['rps']:.0f} | {real['rps']:.0f} "
                f"| {ratio:.2f}× (≥ {target}×) {verdict} | {real['p50']} / {real['p99']} "
                f"| {base['p50']} / {base['p99']} | {real['errors']} | {successful} | {stored} |"
            )
    lines += [
        "",
        "The GET's floor: a fixed page of the same bytes with a CSRF token, nothing read (for the record, no target).",
        "",
        "| connections | fixed page req/s | survey req/s | survey ÷ fixed | fixed p50 / p99 ms |",
        "|---|---|---|---|---|",
    ]
    for connections in CONNECTIONS:
        floor, real = by_key[("GET", "fixed", connections)], by_key[("GET", "survey", connections)]
        lines.append(
            f"| {connections} | {floor['rps']:.0f} | {real['rps']:.0f} "
            f"| {real['rps'] / floor['rps'] if floor['rps'] else 0:.2f}× | {floor['p50']} / {floor['p99']} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results" / f"survey-public-{datetime.now():%Y%m%d-%H%M}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"Written to {out.relative_to(ROOT)}")
    return all(verdicts)


if __name__ == "__main__":
    main()
