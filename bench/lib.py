"""The benchmark's plumbing with no Django in it: wrk's output, percentiles, /proc memory, Markdown tables.

Tested in outreach/tests/test_bench_harness.py; the benchmark itself never runs in ``make test``.
"""

import math
import re
import threading
import time
from pathlib import Path

# wrk --latency: "     50%    9.60ms"
LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\b", re.M)
UNITS_MS = {"us": 0.001, "ms": 1, "s": 1000}


def parse_wrk(out):
    """wrk's summary as figures: requests/s, requests, errors (non-2xx/3xx and socket errors), p50/p99 ms."""
    total = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = (
        sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", m.group(0)))
        if (m := re.search(r"Socket errors:.*", out))
        else 0
    )
    latency = {pct: round(float(value) * UNITS_MS[unit], 1) for pct, value, unit in LATENCY.findall(out)}
    return {"rps": rps, "total": total, "errors": non_2xx + errors, "p50": latency.get("50"), "p99": latency.get("99")}


def median_round(rounds):
    """The round with the median requests per second; errors, requests and rows stored summed over the rounds."""
    middle = sorted(rounds, key=lambda figures: figures["rps"])[len(rounds) // 2]
    summed = {
        "errors": sum(figures["errors"] for figures in rounds),
        "total": sum(figures["total"] for figures in rounds),
    }
    for key in ("stored", "answers"):
        if key in middle:
            summed[key] = sum(figures[key] for figures in rounds)
    return {**middle, **summed, "rounds": len(rounds)}


def percentile(values, pct):
    """The ``pct``-th percentile, interpolated between the two nearest ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def memory_kb(pid, proc=Path("/proc")):
    """A process's resident set now and its high-water mark, in kB (VmRSS, VmHWM); None once it has gone."""
    try:
        status = (proc / str(pid) / "status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M))
    return {"rss": int(fields.get("VmRSS", 0)), "hwm": int(fields.get("VmHWM", 0))}


def cpu_ticks(pid, proc=Path("/proc")):
    """User plus system CPU time a process has used, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)."""
    try:
        stat = (proc / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def children(pid, proc=Path("/proc")):
    """The ids of a process's children (gunicorn's workers under its master)."""
    found = []
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


class MemorySampler:
    """Samples the resident set of some processes every ``interval`` seconds, in a thread, keeping each one's peak."""

    def __init__(self, pids, interval=0.02):
        self.pids, self.interval = list(pids), interval
        self.before = {pid: memory_kb(pid) for pid in self.pids}
        self.peak = {pid: (figures or {}).get("rss", 0) for pid, figures in self.before.items()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for pid in self.pids:
                figures = memory_kb(pid)
                if figures:
                    self.peak[pid] = max(self.peak[pid], figures["rss"])
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.after = {pid: memory_kb(pid) for pid in self.pids}


def mb(kb):
    return f"{kb / 1024:.0f}" if kb is not None else "—"


def table(headers, rows):
    """A Markdown table: a header row, its rule, one line per row; a ``|`` in a cell is escaped."""

    def line(cells):
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    return [line(headers), "|" + "---|" * len(headers), *(line(row) for row in rows)]


def verdict(ok):
    return "met" if ok else "**NOT met**"
