"""Item 3: every list page, the dashboard, the survey results and the report pages, as three roles.

The pages come from the URL configuration: every route without arguments whose name says it is a list
(``*_list``, ``*_mine``, ``*_queue``, ``*_coverage``, the calendar, the dashboard), plus the pages that
take a record, given real ones of the database (the busiest surveys' results and paper batches, the
area command's page, its latest monthly report, last year's annual report).

Each role logs in once over HTTP (the password, then the demo's two-factor code) and keeps its session.
Two passes, with the same settings and the same session:

- timings: each page asked of gunicorn ``runs`` times after ``warmups``, one at a time, to the last byte;
- queries: each page asked in-process through django.test.Client (gunicorn cannot say how many queries a
  page made), once to warm, then counted with CaptureQueriesContext: the number, the time they took, and
  the most times one statement (its literals blanked) repeats, the mark of a query per row shown.

A page over the target gets the EXPLAIN ANALYZE of its slowest statements in the results' appendix.
"""

import logging
import re
import time
from collections import Counter

from .lib import percentile, table, verdict
from .stack import Browser

P95_TARGET_MS = 150
# A statement repeated this often in one page is a query per row: the count grows with the data.
REPEATS_LIMIT = 10
SLOW_WARMUP_S = 2
LIST_NAMES = re.compile(r"(_list|_mine|_queue|_coverage|^dashboard|^calendar_month)$")


def _routes(patterns, namespace=""):
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, (namespace, pattern.namespace)))
            yield from _routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            takes_args = bool(getattr(pattern.pattern, "converters", None)) or "(?P<" in str(pattern.pattern)
            yield ":".join(filter(None, (namespace, pattern.name))), takes_args


def discover(*, area, surveys):
    """``[(label, path)]``: the list pages of the URL configuration, then the pages of real records."""
    from django.urls import get_resolver, reverse

    from outreach import clock
    from reports.models import GeneratedReport

    pages = []
    for name, takes_args in _routes(get_resolver().url_patterns):
        if not takes_args and not name.startswith("admin:") and LIST_NAMES.search(name.rsplit(":", 1)[-1]):
            pages.append((name, reverse(name)))
    pages.append(("outreach:area_detail", reverse("outreach:area_detail", args=[area.code])))
    for survey in surveys:
        pages.append((f"surveys:survey_results ({survey.slug})", reverse("surveys:survey_results", args=[survey.pk])))
        pages.append((f"surveys:batch_list ({survey.slug})", reverse("surveys:batch_list", args=[survey.pk])))
    monthly = (
        GeneratedReport.objects.done()
        .filter(kind=GeneratedReport.Kind.MONTHLY, level=GeneratedReport.Level.AREA, area_command=area)
        .order_by("-period", "-pk")
        .first()
    )
    if monthly is not None:
        pages.append(("reports:report_detail (monthly, area)", monthly.get_absolute_url()))
    year = clock.today().year - 1
    pages.append((f"reports:annual_detail ({year})", reverse("reports:annual_detail", args=[year])))
    return pages


def _wait_for_fresh_code(username):
    """A code is taken once per user and 30-second step: wait out a step an earlier run used."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).order_by("-pk").first()
    if device is None:
        raise SystemExit(f"{username} has no authenticator: is this the demo's data set?")
    while device.last_t >= (int(time.time()) - device.t0) // device.step:
        time.sleep(1)


def log_in(users, password):
    """``{role: Browser}``, each logged in with both factors."""
    from outreach.demo.two_factor import demo_code

    browsers = {}
    for role, username in users.items():
        _wait_for_fresh_code(username)
        browser = Browser()
        if not browser.log_in(username, password, demo_code()):
            raise SystemExit(f"{username}: the demo's two-factor code was refused")
        browsers[role] = browser
    return browsers


def _shape(sql):
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"\(\?(?:, \?)*\)", "(…)", sql)


def count_queries(pages, session_ids):
    """``{(role, label): figures}`` from the in-process pass: status, queries, SQL ms, most repeats, statements."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # A refused page is an answer here, not a warning to print; a server error is still logged.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    figures = {}
    for role, session_id in session_ids.items():
        client = Client(raise_request_exception=False)
        client.cookies[settings.SESSION_COOKIE_NAME] = session_id
        for label, path in pages:
            client.get(path)  # warm: the first answer of a process fills caches the next ones read
            with CaptureQueriesContext(connection) as captured:
                answer = client.get(path)
                if getattr(answer, "streaming", False):
                    b"".join(answer.streaming_content)
            statements = [(query["sql"], float(query["time"]) * 1000) for query in captured.captured_queries]
            repeats = Counter(_shape(sql) for sql, _ in statements)
            figures[(role, label)] = {
                "status": answer.status_code,
                "queries": len(statements),
                "sql_ms": sum(ms for _, ms in statements),
                "repeats": max(repeats.values(), default=0),
                "statements": statements,
            }
    return figures


def time_pages(pages, browsers, *, runs, warmups, budget):
    """``{(role, label): figures}`` from gunicorn: status, p50 and p95 ms, bytes, requests timed.

    A page slower than ``budget`` seconds for all its runs is timed fewer times (never fewer than five).
    """
    figures = {}
    for role, browser in browsers.items():
        for label, path in pages:
            for _ in range(warmups):
                if browser.request(path)[2] > SLOW_WARMUP_S:
                    break  # a page this slow is warm after one
            seconds, statuses, size, started = [], set(), 0, time.perf_counter()
            while len(seconds) < runs and (len(seconds) < 5 or time.perf_counter() - started < budget):
                status, content, elapsed = browser.request(path)
                seconds.append(elapsed * 1000)
                statuses.add(status)
                size = len(content)
            figures[(role, label)] = {
                "status": "/".join(str(status) for status in sorted(statuses)),
                "p50": percentile(seconds, 50),
                "p95": percentile(seconds, 95),
                "bytes": size,
                "runs": len(seconds),
            }
    return figures


# A statement quicker than this explains nothing about a slow page.
EXPLAIN_FROM_MS = 5


def explain(statements, limit=2):
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest SELECTs among ``[(sql, ms)]`` taking ``EXPLAIN_FROM_MS`` or
    more, as ``[(ms, sql, plan)]``."""
    from django.db import connection

    selects = [
        (sql, ms)
        for sql, ms in statements
        if ms >= EXPLAIN_FROM_MS and sql.lstrip().upper().startswith(("SELECT", "WITH"))
    ]
    plans = []
    for sql, ms in sorted(selects, key=lambda item: -item[1])[:limit]:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")  # nosec B608: the app's own statement, logged
            plans.append((ms, sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


def report(pages, users, timings, counts, *, runs, warmups):
    """The table, whether every target is met, and the ``(role, label)`` over the time target."""
    lines = [
        f"Each page {runs} times after {warmups} warm-ups (fewer, never under five, for a page slower than the "
        "budget: column n), one request at a time, to the last byte (gunicorn); queries counted in-process on "
        "the same session and settings. A role refused a page (403/404) or sent on (302) is shown with its "
        f"answer. Targets: p95 < {P95_TARGET_MS} ms, and no statement repeated {REPEATS_LIMIT} times or more in "
        "a page (a query per row shown: the count grows with the data). SQL ms: the queries' time in-process.",
        "",
    ]
    rows, verdicts, over, errors, refused = [], [], [], [], []
    for label, _path in pages:
        answers = {role: timings[(role, label)]["status"] for role in users}
        if all(status in ("403", "404") for status in answers.values()):
            refused.append(label)
            continue
        for role in users:
            timed, counted = timings[(role, label)], counts[(role, label)]
            failed = counted["status"] >= 500 or timed["status"].startswith("5") or "/5" in timed["status"]
            if failed:
                errors.append((role, label))
            served = timed["status"] == "200"
            fast, flat = timed["p95"] < P95_TARGET_MS, counted["repeats"] < REPEATS_LIMIT
            ok = fast and flat and not failed
            if served or failed:
                verdicts.append(ok)
            if served and not fast:
                over.append((role, label))
            rows.append(
                [
                    label,
                    f"{role} ({users[role]})",
                    timed["status"],
                    timed["runs"],
                    f"{timed['p50']:.0f}",
                    f"{timed['p95']:.0f}",
                    counted["queries"],
                    f"{counted['sql_ms']:.0f}",
                    counted["repeats"],
                    f"{timed['bytes'] / 1024:.0f}",
                    verdict(ok) if served or failed else "—",
                ]
            )
    lines += table(
        ["page", "as", "HTTP", "n", "p50 ms", "p95 ms", "queries", "SQL ms", "most repeats", "kB", "target"], rows
    )
    if refused:
        lines += ["", "Refused to all three roles (not measured): " + ", ".join(refused) + "."]
    if errors:
        lines += ["", "**Server errors:** " + ", ".join(f"{label} as {role}" for role, label in errors) + "."]
    return lines, all(verdicts), over
