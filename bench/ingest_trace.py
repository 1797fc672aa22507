"""What grows in `scotrack ingest`'s process, by tracemalloc (#16), for ingest_bench.

`start_tracing(path)` starts tracemalloc (6 frames a trace) and a daemon thread
that, every INGEST_BENCH_TRACE_EVERY seconds (60), collects garbage, takes a
snapshot and appends to `path` the traced memory, the RSS and the lines (and
tracebacks) that grew most since its first snapshot, taken one interval in so
that start-up is left out. The product never imports it: ingest_bench's child
does when INGEST_BENCH_TRACE names the file.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import tracemalloc
from pathlib import Path

FRAMES = 6
TOP_LINES = 25
TOP_TRACES = 8
IGNORED = (
    tracemalloc.Filter(False, tracemalloc.__file__),
    tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    tracemalloc.Filter(False, "<frozen importlib._bootstrap_external>"),
    tracemalloc.Filter(False, "<unknown>"),
)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _report(out: Path, base: tracemalloc.Snapshot, started: float) -> None:
    gc.collect()
    now = tracemalloc.take_snapshot().filter_traces(IGNORED)
    traced = tracemalloc.get_traced_memory()[0] / 1e6
    lines = [
        f"== {time.perf_counter() - started:.0f} s: traced {traced:.1f} MB, "
        f"RSS {_rss_mb():.0f} MB"
    ]
    lines += [f"  {stat}" for stat in now.compare_to(base, "lineno")[:TOP_LINES]]
    for stat in now.compare_to(base, "traceback")[:TOP_TRACES]:
        lines.append(f"  -- {stat.size_diff / 1e6:+.2f} MB, {stat.count_diff:+d}")
        lines += [f"     {line}" for line in stat.traceback.format()]
    with out.open("a") as file:
        file.write("\n".join(lines) + "\n")


def _watch(out: Path, every: float) -> None:
    started = time.perf_counter()
    time.sleep(every)
    gc.collect()
    base = tracemalloc.take_snapshot().filter_traces(IGNORED)
    while True:
        time.sleep(every)
        _report(out, base, started)


def start_tracing(path: str) -> None:
    """Trace this process's allocations, reporting growth into `path`."""
    every = float(os.environ.get("INGEST_BENCH_TRACE_EVERY", "60"))
    tracemalloc.start(FRAMES)
    thread = threading.Thread(target=_watch, args=(Path(path), every), daemon=True)
    thread.start()
