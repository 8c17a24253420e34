"""Items 4 and 6: the monthly area-command report and the annual report, compiled as the app compiles them.

Item 4 asks for each report through ``reports.services.report_request`` with Celery eager in this
process, so the task (``reports.tasks.compile_report``) runs here: claim, build the figures, WeasyPrint,
keep the file. The GeneratedReport row records the build (the data and the HTML) and the render
(WeasyPrint) seconds; the total is the wall time of the whole task. Queries are counted around it.

Item 6 starts a Celery worker (the solo pool: the compile runs in the worker's own process), asks for the
annual report with the task sent through Redis, and samples the worker's resident set from /proc while
it compiles: before, the peak, and the kernel's high-water mark.

Each compile is a real, kept report (a draft for the annual): the run adds them to the reports page.
"""

import time
from datetime import date

from .lib import MemorySampler, mb, table, verdict

TARGETS_S = {"monthly": 3, "annual": 15}


def _ask(kind, *, area, month, year):
    from reports.models import GeneratedReport
    from reports.services import report_request

    if kind == "monthly":
        scope = {"kind": GeneratedReport.Kind.MONTHLY, "level": GeneratedReport.Level.AREA, "area_command": area}
        return report_request(**scope, period=month)[0]
    scope = {"kind": GeneratedReport.Kind.ANNUAL, "level": GeneratedReport.Level.DEPARTMENT, "is_draft": True}
    return report_request(**scope, period=date(year, 1, 1))[0]


def compile_times(*, area, month, year, runs):
    """``{kind: [figures]}``, each compile's total, build and render seconds, pages and queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from outreach.celery import app

    app.conf.task_always_eager = True
    measured = {}
    try:
        for kind in ("monthly", "annual"):
            for _ in range(runs):
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    report = _ask(kind, area=area, month=month, year=year)
                total = time.perf_counter() - started
                report.refresh_from_db()
                measured.setdefault(kind, []).append(
                    {
                        "status": report.status,
                        "error": report.error,
                        "total": total,
                        "build": report.build_seconds,
                        "render": report.render_seconds,
                        "pages": report.page_count,
                        "queries": len(captured.captured_queries),
                        "sql": sum(float(query["time"]) for query in captured.captured_queries),
                        "statements": [
                            (query["sql"], float(query["time"]) * 1000) for query in captured.captured_queries
                        ],
                    }
                )
    finally:
        app.conf.task_always_eager = False
    return measured


def over_target(measured):
    """``[(kind, figures)]``: the slowest compile of each report over its target."""
    slow = []
    for kind, figures in measured.items():
        worst = max(figures, key=lambda run: run["total"])
        if worst["total"] >= TARGETS_S[kind]:
            slow.append((kind, worst))
    return slow


def compile_report(measured, *, area, month, year, runs):
    lines = [
        f"Through report_request and the compile_report task (Celery eager, in one process), {runs} times each: "
        f"the monthly report of {area.name} for {month:%B %Y}, the annual report of {year} (a draft). "
        "Build = the figures and the HTML; render = WeasyPrint; total = the whole task (claim, build, render, "
        "file kept); SQL = the time the build's queries took, part of the build. Target on the slowest total.",
        "",
    ]
    rows, verdicts = [], []
    for kind, figures in measured.items():
        failed = [run for run in figures if run["status"] != "done"]
        worst = max(run["total"] for run in figures)
        ok = not failed and worst < TARGETS_S[kind]
        verdicts.append(ok)
        for number, run in enumerate(figures, 1):
            rows.append(
                [
                    f"{kind} #{number}",
                    run["status"] + (f" ({run['error'][:80]})" if run["error"] else ""),
                    f"{run['total']:.2f}",
                    f"{run['build']:.2f}" if run["build"] is not None else "—",
                    f"{run['render']:.2f}" if run["render"] is not None else "—",
                    f"{run['sql']:.2f}",
                    run["queries"],
                    run["pages"] or "—",
                    f"< {TARGETS_S[kind]} s: {verdict(ok)}" if number == len(figures) else "",
                ]
            )
    lines += table(["report", "status", "total s", "build s", "render s", "SQL s", "queries", "pages", "target"], rows)
    return lines, all(verdicts)


def worker_memory(worker, *, year, timeout=600):
    """The Celery worker's resident set before, at its peak and after compiling the annual report."""
    from reports.models import GeneratedReport

    started = time.perf_counter()
    with MemorySampler([worker.pid]) as sampler:
        report = _ask("annual", area=None, month=None, year=year)  # sent through Redis on commit
        while True:
            report.refresh_from_db()
            if report.status in (GeneratedReport.Status.DONE, GeneratedReport.Status.FAILED):
                break
            if time.perf_counter() - started > timeout:
                break
            time.sleep(0.1)
    return {
        "status": report.status,
        "error": report.error,
        "seconds": time.perf_counter() - started,
        "build": report.build_seconds,
        "render": report.render_seconds,
        "before": sampler.before[worker.pid],
        "peak": sampler.peak[worker.pid],
        "after": sampler.after[worker.pid],
    }


def memory_report(figures, *, year):
    before, after = figures["before"] or {}, figures["after"] or {}
    lines = [
        f"A Celery worker (`celery -A outreach worker --pool solo`, production settings, Redis db 13) compiling the "
        f"annual report of {year} (a draft), sent through the broker; its resident set sampled every 20 ms from "
        "/proc. Before = the idle worker, ready; high-water = the kernel's VmHWM.",
        "",
    ]
    lines += table(
        [
            *("status", "compile s (asked → done)", "build s", "render s", "RSS before MB", "peak RSS MB"),
            *("RSS after MB", "high-water MB", "growth MB"),
        ],
        [
            [
                figures["status"] + (f" ({figures['error'][:80]})" if figures["error"] else ""),
                f"{figures['seconds']:.2f}",
                f"{figures['build']:.2f}" if figures["build"] is not None else "—",
                f"{figures['render']:.2f}" if figures["render"] is not None else "—",
                mb(before.get("rss")),
                mb(figures["peak"]),
                mb(after.get("rss")),
                mb(after.get("hwm")),
                mb(figures["peak"] - before.get("rss", 0)),
            ]
        ],
    )
    return lines, figures["status"] == "done"
