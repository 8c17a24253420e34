"""Item 5: a survey's responses CSV (every response, as the chief), downloaded from gunicorn.

The export is per survey: the busiest survey's (``--export-survey`` for another). Where it holds fewer
than a million responses, the rate it was sent at says how long a million would take.

The time to the first and the last byte, the bytes and lines, and the resident set of the gunicorn
workers sampled from /proc while it downloads: the worker that served it is the one whose CPU time grew.
A streamed export holds one chunk of responses at a time; a worker that loads them all grows with them.
"""

from .lib import MemorySampler, children, cpu_ticks, mb, table, verdict
from .stack import stream

# What "streams" means here: the serving worker grows by less than this while sending every response.
GROWTH_LIMIT_MB = 100


def download(gunicorn, path, session_id):
    workers = children(gunicorn.pid)
    ticks = {pid: cpu_ticks(pid) for pid in workers}
    with MemorySampler(workers) as sampler:
        figures = stream(path, f"sessionid={session_id}")
    # The worker that served it used the CPU; one gunicorn killed at its timeout has gone (and sent it).
    gone = [pid for pid in workers if sampler.after[pid] is None]
    served = gone[0] if gone else max(workers, key=lambda pid: cpu_ticks(pid) - ticks[pid])
    return {
        **figures,
        "worker": served,
        "worker_gone": bool(gone),
        "before": sampler.before[served],
        "peak": sampler.peak[served],
        "after": sampler.after[served],
    }


def report(figures, *, path, survey, responses):
    before, after = figures["before"] or {}, figures["after"] or {}
    growth_mb = (figures["peak"] - before.get("rss", 0)) / 1024
    rows_sent = max(0, figures["lines"] - 1)
    rate = rows_sent / figures["last"] if figures["last"] else 0
    complete = figures["complete"] and figures["status"] == 200 and rows_sent >= responses
    ok = complete and growth_mb < GROWTH_LIMIT_MB
    lines = [
        f"GET {path} as the chief: every response of “{survey}” ({responses:,} in the database when it "
        "started). Rows sent = the CSV's lines less the header (a text answer with a line break would count "
        "twice); 1,000,000 rows s = a million at the rate they were sent. Target: every response sent, the "
        f"serving worker growing by less than {GROWTH_LIMIT_MB} MB (it streams); gunicorn's 60 s timeout (the "
        "Procfile's) applies.",
        "",
    ]
    lines += table(
        [
            *("HTTP", "complete", "rows sent", "MB sent", "first byte s", "last byte s", "rows/s", "1,000,000 rows s"),
            "worker RSS before MB",
            *("peak RSS MB", "growth MB", "high-water MB", "target"),
        ],
        [
            [
                figures["status"],
                "yes" if figures["complete"] and rows_sent >= responses else "**cut short**",
                f"{rows_sent:,}",
                f"{figures['bytes'] / 1e6:.1f}",
                f"{figures['first']:.2f}" if figures["first"] is not None else "—",
                f"{figures['last']:.2f}",
                f"{rate:,.0f}",
                f"{1_000_000 / rate:,.0f}" if rate else "—",
                mb(before.get("rss")),
                mb(figures["peak"]),
                f"{growth_mb:.0f}",
                mb(after.get("hwm")),
                verdict(ok),
            ]
        ],
    )
    if figures["worker_gone"]:
        lines += ["", "**The serving worker was gone at the end**: gunicorn kills a worker busy past its timeout."]
    return lines, ok
