"""Performance at five-year scale, measured against baselines in one run: ``make bench``.

    make bench                                    (the database ``outreach``, after seed_demo --scale large)
    .venv/bin/python -m bench.run --database NAME [--allow-small] [--items 1,3] [--seconds 8] [--rounds 3]

Runs the app under gunicorn with production settings (2 workers, DEBUG off, manifest static files,
Redis db 13 for the cache, the rate-limit counters and the Celery broker) on the data set in the
database, and measures, in one run:

1–2. the public survey POST and GET at 16 and 64 connections against the minimal view (bench/survey.py);
3.   every list page, the dashboard, the results and report pages as a sergeant, a commander and the
     chief: p50/p95 and queries (bench/pages.py);
4.   the monthly area-command and the annual PDF: total, build and render seconds (bench/pdfs.py);
5.   the CSV of every survey response: time, bytes and the serving worker's memory (bench/export.py);
6.   a Celery worker's memory while it compiles the annual report (bench/pdfs.py).

It refuses a database with fewer than 100,000 survey responses (``--allow-small`` to develop on the
demo's). Nothing is deleted: the POSTs add responses (counted before and after) and the compiles add
reports. One Markdown table per item goes to bench/results/<date>-<time>.md, and is printed.
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a file: import the package, not bench/'s modules as top-level ones
    sys.path[:1] = [str(ROOT)]
    __package__ = "bench"

from . import export, pages, pdfs, survey  # noqa: E402
from .lib import table, verdict  # noqa: E402
from .stack import PYTHON, REDIS_DB, CeleryWorker, Gunicorn, environment  # noqa: E402

LARGE = 100_000
SUMMARY = {
    "1–2": "public survey POST ≥ 0.7× and GET ≥ 1.0× the minimal view, no errors, rows stored = answers",
    "3": "staff pages p95 < 150 ms, no statement repeated per row",
    "4": "monthly PDF < 3 s, annual PDF < 15 s",
    "5": "the busiest survey's responses CSV complete, streamed (worker grows < 100 MB)",
    "6": "the worker compiles the annual report (its memory is reported, no target)",
}
DATA_SET = (
    ("area commands", "outreach.AreaCommand"),
    ("users", "outreach.User"),
    ("survey responses", "surveys.Response"),
    ("survey answers", "surveys.Answer"),
    ("concerns", "outreach.Concern"),
    ("action plans", "outreach.ActionPlan"),
    ("presentations", "programs.Presentation"),
    ("audit events", "outreach.AuditEvent"),
    ("generated reports", "reports.GeneratedReport"),
)


def options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="outreach", help="the PostgreSQL database (default: outreach)")
    parser.add_argument("--allow-small", action="store_true", help="run on fewer than 100,000 responses (develop)")
    parser.add_argument("--items", default="1,3,4,5,6", help="which items to run (2 comes with 1)")
    parser.add_argument("--survey", default="community", help="the slug of the live survey measured")
    parser.add_argument("--export-survey", help="the survey whose responses CSV item 5 downloads (the busiest)")
    parser.add_argument("--sergeant", default="north.sergeant")
    parser.add_argument("--commander", default="north.commander")
    parser.add_argument("--chief", default="chief")
    parser.add_argument("--password", default="outreach-demo-2026", help="the demo users' password")
    parser.add_argument("--note", default="", help="a line written at the top of the results (what this run is)")
    parser.add_argument("--seconds", type=int, default=8, help="each wrk run (items 1–2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating wrk rounds per figure (the median kept)")
    parser.add_argument("--page-runs", type=int, default=20, help="timed requests per page and role (item 3)")
    parser.add_argument("--page-budget", type=int, default=20, help="seconds per page and role before fewer runs")
    parser.add_argument("--warmups", type=int, default=2, help="untimed requests first (item 3)")
    parser.add_argument("--report-runs", type=int, default=3, help="compiles of each report (item 4)")
    return parser.parse_args()


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


def ready(database):
    """The database answers and has every migration of this checkout applied."""
    from django.db import OperationalError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
    except OperationalError as error:
        raise SystemExit(f"Cannot reach the database {database!r}: {error}") from error
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise SystemExit(f"{database!r} lacks migrations of this checkout: run `manage.py migrate` on it first.")


def data_set():
    from django.apps import apps
    from django.db.models import Max, Min

    from surveys.models import Response

    counts = {label: apps.get_model(model).objects.count() for label, model in DATA_SET}
    span = Response.objects.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    return counts, span


def machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory = next(line.split()[1] for line in meminfo if "MemTotal" in line)
    return (
        f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1024 / 1024:.0f} GB; PostgreSQL {postgres}; "
        f"Python {platform.python_version()}, Django {version('django')}, gunicorn {version('gunicorn')}, "
        f"WeasyPrint {version('weasyprint')}, Celery {version('celery')}"
    )


def flush_redis(env):
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def roles(opts):
    return {"sergeant": opts.sergeant, "commander": opts.commander, "chief": opts.chief}


def main():
    opts = options()
    items = {int(item) for item in opts.items.split(",")}
    env = environment(opts.database)
    env["BENCH_SURVEY"] = opts.survey
    setup_django(env)

    from django.db.models import Count
    from django.urls import reverse

    from outreach import clock
    from outreach.models import User
    from surveys.models import Response, Survey

    ready(opts.database)
    counts, span = data_set()
    if counts["survey responses"] < LARGE and not opts.allow_small:
        raise SystemExit(
            f"{opts.database!r} holds {counts['survey responses']:,} survey responses, not the large data set "
            f"(≥ {LARGE:,}): run `python manage.py seed_demo --scale large` first, or pass --allow-small to develop."
        )
    started, load = datetime.now(), os.getloadavg()
    print(f"[bench] {opts.database}: {counts['survey responses']:,} responses; items {sorted(items)}", flush=True)
    flush_redis(env)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    measured = survey.live_survey(opts.survey)
    env["BENCH_PAGE_BYTES"] = str(survey.page_bytes(measured["path"]))
    users = roles(opts)
    area = User.objects.get(username=opts.sergeant).area_command
    busiest = list(
        Survey.objects.annotate(answered=Count("responses")).filter(answered__gt=0).order_by("-answered")[:3]
    )
    page_list = pages.discover(area=area, surveys=busiest)
    responses_before = Response.objects.count()
    sections, verdicts, plans = [], {}, []

    with Gunicorn(env) as gunicorn:
        if 1 in items:
            print("[bench] 1–2: the public survey, POST and GET", flush=True)
            results = survey.measure(env, measured, seconds=opts.seconds, rounds=opts.rounds)
            lines, verdicts["1–2"] = survey.report(
                results, seconds=opts.seconds, rounds=opts.rounds, size=env["BENCH_PAGE_BYTES"]
            )
            sections.append(("1–2. The public survey against a minimal Django view", lines))
        if items & {3, 5}:
            print("[bench] logging in: " + ", ".join(users.values()), flush=True)
            browsers = pages.log_in(users, opts.password)
        if 3 in items:
            print(f"[bench] 3: {len(page_list)} pages × {len(users)} roles", flush=True)
            sessions = {role: browser.cookie("sessionid") for role, browser in browsers.items()}
            counted = pages.count_queries(page_list, sessions)
            timed = pages.time_pages(
                page_list, browsers, runs=opts.page_runs, warmups=opts.warmups, budget=opts.page_budget
            )
            lines, verdicts["3"], over = pages.report(
                page_list, users, timed, counted, runs=opts.page_runs, warmups=opts.warmups
            )
            sections.append(("3. Staff pages as a sergeant, a commander and the chief", lines))
            for role, label in over:
                page = counted[(role, label)]
                note = (
                    f"p95 {timed[(role, label)]['p95']:.0f} ms; its {page['queries']} queries took "
                    f"{page['sql_ms']:.0f} ms in-process"
                )
                plans.append((f"{label} as {role}", note, pages.explain(page["statements"])))
        if 5 in items:
            print("[bench] 5: the responses CSV", flush=True)
            exported = Survey.objects.get(slug=opts.export_survey) if opts.export_survey else busiest[0]
            expected = Response.objects.counted().filter(survey=exported).count()
            path = reverse("surveys:survey_results", args=[exported.pk]) + "?format=csv"
            figures = export.download(gunicorn, path, browsers["chief"].cookie("sessionid"))
            lines, verdicts["5"] = export.report(figures, path=path, survey=exported, responses=expected)
            sections.append(("5. CSV export of every survey response", lines))

    month = clock.previous_month(clock.today().replace(day=1))
    year = clock.today().year - 1
    if 4 in items:
        print("[bench] 4: the monthly and annual PDFs", flush=True)
        compiled = pdfs.compile_times(area=area, month=month, year=year, runs=opts.report_runs)
        lines, verdicts["4"] = pdfs.compile_report(compiled, area=area, month=month, year=year, runs=opts.report_runs)
        sections.append(("4. Report compile times", lines))
        for kind, worst in pdfs.over_target(compiled):
            note = (
                f"{worst['total']:.1f} s, of which build {worst['build'] or 0:.1f} s; its {worst['queries']} "
                f"queries took {worst['sql']:.1f} s"
            )
            plans.append((f"the {kind} report", note, pages.explain(worst["statements"], limit=3)))
    if 6 in items:
        print("[bench] 6: a Celery worker compiling the annual report", flush=True)
        with CeleryWorker(env, Path(tempfile.gettempdir()) / "outreach-bench-celery.log") as worker:
            figures = pdfs.worker_memory(worker, year=year)
        lines, verdicts["6"] = pdfs.memory_report(figures, year=year)
        sections.append(("6. Worker memory while compiling the annual report", lines))

    responses_after = Response.objects.count()
    text = document(opts, counts, span, sections, verdicts, started, load, responses_before, responses_after, plans)
    print(text)
    out = ROOT / "bench" / "results" / f"{started:%Y%m%d-%H%M%S}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"Written to {out.relative_to(ROOT)}")
    return 0 if all(verdicts.values()) else 1


def document(opts, counts, span, sections, verdicts, started, load, before, after, plans):
    minutes = (datetime.now() - started).total_seconds() / 60
    small = counts["survey responses"] < LARGE
    lines = [
        f"# Benchmark — {started:%Y-%m-%d %H:%M} — database `{opts.database}`",
        "",
        *(["**Development figures: not the large data set (--allow-small).**", ""] if small else []),
        *([f"**{opts.note}**", ""] if opts.note else []),
        f"Machine: {machine()}.",
        f"App: gunicorn, 2 sync workers, timeout 60 s (the Procfile's), production settings (DEBUG off), "
        f"Redis db {REDIS_DB}. The run took {minutes:.1f} minutes; the load average (1 min) was "
        f"{load[0]:.1f} at the start and {os.getloadavg()[0]:.1f} at the end"
        + (" (above the cores before it began: something else was running)." if load[0] > os.cpu_count() else "."),
        "",
        "Data set when the run started"
        + (f" (survey responses from {span['first']:%Y-%m-%d} to {span['last']:%Y-%m-%d})" if span["first"] else "")
        + ":",
        "",
        *table(["records", "rows"], [[label, f"{count:,}"] for label, count in counts.items()]),
        "",
        f"Survey responses before the run {before:,}, after {after:,}: the run stored {after - before:,} "
        "(the POSTs of item 1).",
        "",
        "Summary:",
        "",
        *table(["item", "what", "targets"], [[item, SUMMARY[item], verdict(ok)] for item, ok in verdicts.items()]),
    ]
    for title, body in sections:
        lines += ["", f"## {title}", "", *body]
    if plans:
        lines += [
            "",
            "## Appendix: what missed its time target, with the EXPLAIN ANALYZE of its slowest statements",
            "",
            f"Statements of {pages.EXPLAIN_FROM_MS} ms or more only: where there is none, the time is spent outside "
            "the database (Python, templates, WeasyPrint) or lost to the machine's load.",
        ]
        for what, note, explained in plans:
            lines += ["", f"### {what}", "", note + ("." if explained else "; no statement to explain.")]
            for ms, sql, plan in explained:
                lines += ["", f"{ms:.1f} ms:", "", "```sql", sql, "```", "", "```", plan, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
