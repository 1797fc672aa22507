"""Speed, memory and database size of `scotrack ingest` on a synthetic corpus.

The corpus is extract_bench's: seed-sized pages recombined from the seeds' and dev
set's paragraphs with a fixed random seed, every page distinct. For each back end
a new database gets `scotrack init` (not timed), then `scotrack ingest CORPUS
--workers 2 --format json` runs in a fresh process, timed from start to exit.
SQLite is a file in a temporary directory; PostgreSQL is a throwaway server
started like the tests' (tests/conftest.py PostgresServer: fsync and
synchronous_commit off, so its figures are optimistic for a real server).

CPU time is reported beside the wall-clock time, which a machine shared with
other work makes noise of: the ingest process's own (the writer: start-up,
reading results, grouping claims, storing; the extraction workers are not
counted) and on PostgreSQL the server's backends' (the children the postmaster
reaped during the run, read from /proc). Documents per CPU-second of writer
and server is what bounds the store, whatever the number of extraction workers.
`--batch N` sets SCOTRACK_INGEST_BATCH (documents per transaction on
PostgreSQL; 1: one transaction per document, as before #16's bulk loading);
`--cluster SPEC` runs `ingest --cluster SPEC` (a Dask cluster) instead of
`--workers N`. `--per-file N` stores the corpus as Parquet files of N pages
(scale_bench's archives) instead of a file a page. The CPU time of everything
the run started is reported too: the ingest process and every worker it
reaped (on a Dask cluster, the nannies and workers), plus the server's
backends, so the end-to-end cost to a queryable knowledge base is known on a
loaded machine.

Usage: python bench/ingest_bench.py [--docs 10000] [--backend sqlite|postgresql|both]
                                    [--workers 2] [--seed 7] [--every 60]
                                    [--batch N] [--cluster local:2] [--per-file N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import psutil
from sqlalchemy import Engine, text

from scotrack.store import make_engine

ROOT = Path(__file__).resolve().parents[1]

INGEST_CODE = """\
import os, resource, sys
from scotrack.cli import main
rss = sys.argv[1]
if os.environ.get("INGEST_BENCH_TRACE"):
    sys.path.insert(0, os.environ["INGEST_BENCH_DIR"])
    from ingest_trace import start_tracing
    start_tracing(os.environ["INGEST_BENCH_TRACE"])
sys.argv = ["scotrack", *sys.argv[2:]]
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
own = resource.getrusage(resource.RUSAGE_SELF)
with open("/proc/self/status") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
with open(rss, "w") as out:
    out.write(f"{peak} {own.ru_utime + own.ru_stime}")
raise SystemExit(code)
"""
"""`scotrack ...` in this process, then its own peak RSS (KB) and its CPU
seconds, written to the file named first. With INGEST_BENCH_TRACE=FILE,
tracemalloc runs in the process and what grew is written to FILE as it goes
(`ingest_trace.py`).

The peak is the process's VmHWM, not `getrusage`'s `ru_maxrss`: a process
started by fork and exec keeps in `ru_maxrss` the resident set its parent had
at the fork (Linux saves the old image's high-water mark at exec), so the
bench's own memory, the generated corpus included, was reported as the
ingest's: the "parent peak" of 661-686 MB at 100,000 pages was this bench's,
the ingest's own was 430 MB (#16, 2026-12-08)."""


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # for its dataclasses
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True, slots=True)
class Run:
    backend: str
    seconds: float
    parent_mb: float
    worker_mb: float
    size_mb: float
    writer_cpu: float
    server_cpu: float | None
    tree_cpu: float
    """User + system seconds of the ingest process and all it reaped."""
    documents: int
    claims: int
    summary: dict[str, Any]


def _env(batch: int | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    if batch is not None:
        env["SCOTRACK_INGEST_BATCH"] = str(batch)
    return {
        **env,
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "INGEST_BENCH_DIR": str(ROOT / "bench"),
    }


def reaped_cpu(postmaster: int | None) -> float:
    """CPU seconds of the children `postmaster` has reaped (its backends that
    ended), from /proc; 0 without a postmaster."""
    if postmaster is None:
        return 0.0
    fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    # after the name: state is field 3, cutime and cstime fields 16 and 17
    ticks = int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def ingest(
    backend: str,
    url: str,
    corpus: Path,
    workers: int,
    tmp: Path,
    every: float,
    *,
    batch: int | None = None,
    postmaster: int | None = None,
    cluster: str | None = None,
) -> Run:
    subprocess.run(
        [sys.executable, "-m", "scotrack", "init", "--db", url],
        check=True,
        capture_output=True,
        env=_env(),
    )
    rss, out, err = (tmp / f"{name}-{backend}" for name in ("rss", "out", "err"))
    spread = ["--cluster", cluster] if cluster else ["--workers", str(workers)]
    args = ["ingest", str(corpus), *spread, "--format", "json"]
    engine = make_engine(url)
    server_before = reaped_cpu(postmaster)
    tree_before = _children_cpu()
    try:
        with out.open("w") as stdout, err.open("w") as stderr:
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-c", INGEST_CODE, str(rss), *args, "--db", url],
                stdout=stdout,
                stderr=stderr,
                env=_env(batch),
            )
            worker_kb = 0
            printed = started
            while True:
                try:
                    process.wait(timeout=WATCH_SECONDS)
                    break
                except subprocess.TimeoutExpired:
                    worker_kb = max(worker_kb, _workers_peak_kb(process.pid))
                if time.perf_counter() - printed >= every:
                    printed = time.perf_counter()
                    print(
                        f"  {backend} {printed - started:6.0f} s: "
                        f"{_count(engine)} documents, "
                        f"parent RSS {_rss_mb(process.pid):.0f} MB "
                        f"(peak so far {_rss_mb(process.pid, 'VmHWM'):.0f}), "
                        f"largest worker's peak so far {worker_kb / 1024:.0f} MB",
                        flush=True,
                    )
            seconds = time.perf_counter() - started
        tree_cpu = _children_cpu() - tree_before
        if process.returncode != 0:
            raise SystemExit(f"ingest into {backend} failed:\n{err.read_text()}")
        parent, writer_cpu = rss.read_text().split()
        parent_kb = int(parent)
        with engine.connect() as connection:
            documents = connection.scalar(text("SELECT count(*) FROM document"))
            claims = connection.scalar(text("SELECT count(*) FROM claim"))
            if backend == "postgresql":
                size = connection.scalar(
                    text("SELECT pg_database_size(current_database())")
                )
    finally:
        engine.dispose()
    time.sleep(1.0)  # the backends' exit, reaped by the postmaster
    server_cpu = reaped_cpu(postmaster) - server_before if postmaster else None
    if backend == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        size = sum(
            p.stat().st_size
            for p in (path, path.with_name(path.name + "-wal"))
            if p.exists()
        )
    return Run(
        backend,
        seconds,
        parent_kb / 1024,
        worker_kb / 1024,
        int(size or 0) / 1e6,
        float(writer_cpu),
        server_cpu,
        tree_cpu,
        int(documents or 0),
        int(claims or 0),
        json.loads(out.read_text()),
    )


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


WATCH_SECONDS = 0.25
"""How often the ingest's workers are looked at for their peaks."""


def _workers_peak_kb(pid: int) -> int:
    """The largest peak RSS (VmHWM, KB) among the processes under `pid` now
    (worker processes, Dask's nannies and workers); a process's VmHWM is its own
    high-water mark, so the last look before a worker ends sees its peak up to
    that moment."""
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return 0
    return max(
        (int(_rss_mb(child.pid, "VmHWM") * 1024) for child in children), default=0
    )


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    """The resident set of process `pid` now (or, with `field="VmHWM"`, its
    peak so far), in MB; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT count(*) FROM document")) or 0)


def report(run: Run, docs: int, corpus_mb: float) -> None:
    print(
        f"{run.backend}: {run.seconds:.1f} s, {docs / run.seconds:.1f} docs/s, "
        f"{corpus_mb / run.seconds:.3f} MB/s; database {run.size_mb:.1f} MB; "
        f"peak RSS parent {run.parent_mb:.0f} MB, largest worker "
        f"{run.worker_mb:.0f} MB; {run.documents} documents, {run.claims} claims "
        f"(summary: new {run.summary['new']}, unchanged {run.summary['unchanged']}, "
        f"failed {run.summary['failed']}, in-process {run.summary['seconds']} s)"
    )
    store_cpu = run.writer_cpu + (run.server_cpu or 0.0)
    server = "" if run.server_cpu is None else f", server {run.server_cpu:.1f} s"
    print(
        f"  CPU: writer {run.writer_cpu:.1f} s{server}; "
        f"{docs / store_cpu:.0f} docs per CPU-second of writer"
        f"{'' if run.server_cpu is None else ' and server'}"
    )
    total = run.tree_cpu + (run.server_cpu or 0.0)
    print(
        f"  CPU of every process: {total:.1f} s (ingest and its workers "
        f"{run.tree_cpu:.1f} s{server}); {docs / total:.0f} docs per CPU-second"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--backend", choices=("sqlite", "postgresql", "both"), default="both"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--every", type=float, default=60.0, help="seconds between progress lines"
    )
    parser.add_argument(
        "--batch", type=int, default=None, help="SCOTRACK_INGEST_BATCH for ingest"
    )
    parser.add_argument(
        "--cluster", default=None, help="ingest --cluster SPEC instead of --workers"
    )
    parser.add_argument(
        "--per-file",
        type=int,
        default=0,
        help="the corpus as Parquet files of N pages (0: a file a page)",
    )
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    extract_bench = _load("extract_bench", ROOT / "bench" / "extract_bench.py")
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()}"
    )
    with tempfile.TemporaryDirectory(prefix="scotrack-ingest-bench-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus"
        corpus.mkdir()
        size = extract_bench.build_corpus(corpus, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {size / 1e6:.2f} MB, seed {args.seed}")
        if args.per_file:
            scale_bench = _load("scale_bench", ROOT / "bench" / "scale_bench.py")
            pages = [
                (path.stem, path.read_text(encoding="utf-8"))
                for path in sorted(corpus.glob("*.txt"))
            ]
            corpus = tmp / "parquet"
            scale_bench.write_parquet(pages, corpus, args.per_file)
            files = len(list(corpus.glob("*.parquet")))
            print(f"  as {files} Parquet files of {args.per_file} pages")
        for backend in backends:
            if backend == "sqlite":
                url = f"sqlite:///{tmp / 'bench.db'}"
                run = ingest(
                    backend,
                    url,
                    corpus,
                    args.workers,
                    tmp,
                    args.every,
                    batch=args.batch,
                    cluster=args.cluster,
                )
            else:
                conftest = _load(
                    "scotrack_test_conftest", ROOT / "tests" / "conftest.py"
                )
                bindir = conftest._postgres_bindir()
                if bindir is None:
                    print("postgresql: initdb/pg_ctl not found, skipped")
                    continue
                server = conftest.PostgresServer(bindir, conftest._server_owner())
                try:
                    server.start()
                    url = server.create("scotrack_bench")
                    pid = (server.data / "postmaster.pid").read_text().split()[0]
                    run = ingest(
                        backend,
                        url,
                        corpus,
                        args.workers,
                        tmp,
                        args.every,
                        batch=args.batch,
                        postmaster=int(pid),
                        cluster=args.cluster,
                    )
                finally:
                    server.stop()
            report(run, args.docs, size / 1e6)
            print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
