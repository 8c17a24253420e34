"""The benchmark's pure parts (bench/lib.py): wrk's output, the percentile, /proc, the Markdown table.

The benchmark itself (``make bench``) never runs here.
"""

import os

import pytest

from bench.lib import children, cpu_ticks, median_round, memory_kb, parse_wrk, percentile, table

WRK = """Running 8s test @ http://127.0.0.1:8765/s/community/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    35.62ms    6.01ms  80.11ms   75.00%
    Req/Sec   221.50     20.12   270.00     70.00%
  Latency Distribution
     50%   35.10ms
     75%   38.20ms
     90%   42.00ms
     99%    1.02s
  3529 requests in 8.01s, 2.10MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:    440.57
Transfer/sec:    268.44KB
"""


def test_wrk_output_gives_rate_latencies_in_ms_and_every_kind_of_error():
    assert parse_wrk(WRK) == {"rps": 440.57, "total": 3529, "errors": 12, "p50": 35.1, "p99": 1020.0}


def test_wrk_output_without_errors_or_in_microseconds():
    clean = WRK.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
    clean = clean.replace("  Non-2xx or 3xx responses: 7\n", "").replace("35.10ms", "640.00us")
    figures = parse_wrk(clean)
    assert figures["errors"] == 0
    assert figures["p50"] == 0.6


def test_the_median_round_keeps_its_rate_and_sums_requests_errors_and_rows():
    rounds = [
        {"rps": 300, "total": 10, "errors": 1, "stored": 9},
        {"rps": 100, "total": 20, "errors": 0, "stored": 20},
        {"rps": 200, "total": 30, "errors": 2, "stored": 28},
    ]
    assert median_round(rounds) == {"rps": 200, "total": 60, "errors": 3, "stored": 57, "rounds": 3}


def test_percentile_interpolates_between_ranks():
    values = list(range(1, 21))
    assert percentile(values, 50) == 10.5
    assert percentile([30, 10, 20, 40], 25) == 17.5  # sorted first
    assert percentile(values, 95) == pytest.approx(19.05)
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 20
    assert percentile([7], 95) == 7
    with pytest.raises(ValueError):
        percentile([], 50)


def test_memory_and_cpu_of_a_process_from_proc(tmp_path):
    (tmp_path / "42").mkdir()
    (tmp_path / "42" / "status").write_text("Name:\tgunicorn\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n")
    (tmp_path / "42" / "stat").write_text("42 (gunicorn: worker) S 7 42 42 0 -1 0 0 0 0 0 150 25 0 0\n")
    (tmp_path / "43").mkdir()
    (tmp_path / "43" / "stat").write_text("43 (other) S 1 43 43 0 -1 0 0 0 0 0 1 1 0 0\n")
    assert memory_kb(42, proc=tmp_path) == {"rss": 102400, "hwm": 204800}
    assert memory_kb(44, proc=tmp_path) is None
    assert cpu_ticks(42, proc=tmp_path) == 175
    assert children(7, proc=tmp_path) == [42]


def test_this_process_is_found_in_proc():
    assert memory_kb(os.getpid())["rss"] > 0
    assert os.getpid() in children(os.getppid())


def test_a_markdown_table_escapes_the_pipe():
    assert table(["page", "ms"], [["a|b", 12]]) == ["| page | ms |", "|---|---|", "| a\\|b | 12 |"]
