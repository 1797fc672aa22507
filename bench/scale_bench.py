"""Scaling of extraction: one machine's paths against a local Dask cluster (#16).

Builds a corpus of pages (`--docs`, default 20,000; the issue's figure is 100,000)
from the same recombined paragraphs as `extract_bench.py`, stored as archives the
way a crawl arrives: Parquet files and gzipped WARC files of `--per-file` pages
each. Then runs `scotrack extract` over the Parquet folder with `--workers 1`,
`--workers 2`, `--cluster local:1` and `--cluster local:2`, and reports for each:
wall time, documents a second, and the peak resident memory of the parent
process (the one that writes the files) and of the largest of its children (worker
processes; with `--cluster local:N`, Dask's workers and their nannies), sampled every
0.2 s, checking that every run wrote the same files. Beside the wall time, the CPU
seconds (user + system) of the run's whole process tree, as the kernel counts them
for reaped children, and the load average after the run: on a machine shared with
other work the wall time is noise and the CPU time is not. `--warc` runs the same
over the WARC folder as well, `--warc-only` over the WARC folder alone; `--only`
picks runs (e.g. `--only cluster:2`).

Usage: python bench/scale_bench.py [--docs 20000] [--per-file 1000] [--warc]
                                   [--warc-only] [--only RUN ...]
"""

from __future__ import annotations

import argparse
import hashlib
import io
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

import psutil
import pyarrow as pa
import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_bench import build_corpus

ROOT = Path(__file__).resolve().parents[1]
RUNS = {
    "workers:1": ["--workers", "1"],
    "workers:2": ["--workers", "2"],
    "cluster:1": ["--cluster", "local:1"],
    "cluster:2": ["--cluster", "local:2"],
}


def pages(folder: Path, docs: int) -> list[tuple[str, str]]:
    """(id, text) of `docs` generated pages, the extract bench's corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    build_corpus(folder, docs, seed=7)
    return [
        (path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]


def write_parquet(items: list[tuple[str, str]], folder: Path, per_file: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(items), per_file):
        part = items[start : start + per_file]
        table = pa.table({"id": [i for i, _ in part], "text": [t for _, t in part]})
        pq.write_table(table, folder / f"part{start // per_file:05d}.parquet")


def write_warc(items: list[tuple[str, str]], folder: Path, per_file: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(items), per_file):
        with (folder / f"crawl{start // per_file:05d}.warc.gz").open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for doc_id, text in items[start : start + per_file]:
                body = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
                data = f"<html><body><article>{body}</article></body></html>".encode()
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        f"https://bench.example/{doc_id}",
                        "response",
                        payload=io.BytesIO(data),
                        length=len(data),
                        http_headers=headers,
                    )
                )


@dataclass(frozen=True, slots=True)
class Measured:
    seconds: float
    cpu: float
    """User + system seconds of the run's processes (all reaped by the end)."""
    parent_mb: float
    worker_mb: float


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(corpus: Path, out: Path, extra: list[str]) -> Measured:
    """Wall and CPU seconds, and the peak RSS (MB) of the parent and of its
    largest child, of one run."""
    command = [sys.executable, "-m", "scotrack", "extract", str(corpus)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "120"}
    cpu = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--out", str(out), "--format", "json", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    watched = psutil.Process(process.pid)
    parent = worker = 0
    while process.poll() is None:
        try:
            parent = max(parent, watched.memory_info().rss)
            for child in watched.children(recursive=True):
                if child.is_running():
                    worker = max(worker, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{extra}: exit {process.returncode}")
    return Measured(seconds, children_cpu() - cpu, parent / 2**20, worker / 2**20)


def digest(folder: Path) -> str:
    total = hashlib.sha256()
    for path in sorted(folder.glob("*.json")):
        total.update(path.name.encode())
        total.update(path.read_bytes())
    return total.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--per-file", type=int, default=1_000)
    parser.add_argument("--warc", action="store_true")
    parser.add_argument("--warc-only", action="store_true")
    parser.add_argument("--only", nargs="*", choices=sorted(RUNS), default=None)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        items = pages(work / "txt", args.docs)
        folders = {}
        if not args.warc_only:
            write_parquet(items, work / "parquet", args.per_file)
            folders["parquet"] = work / "parquet"
        if args.warc or args.warc_only:
            write_warc(items, work / "warc", args.per_file)
            folders["warc"] = work / "warc"
        for kind, corpus in folders.items():
            digests = set()
            for name in args.only or RUNS:
                out = work / f"out-{kind}-{name.replace(':', '')}"
                measured = run(corpus, out, RUNS[name])
                digests.add(digest(out))
                results.append(
                    {
                        "input": kind,
                        "run": name,
                        "docs": args.docs,
                        "seconds": round(measured.seconds, 1),
                        "docs_per_s": round(args.docs / measured.seconds, 1),
                        "cpu_s": round(measured.cpu, 1),
                        "docs_per_cpu_s": round(args.docs / measured.cpu, 1),
                        "peak_rss_mb": round(
                            max(measured.parent_mb, measured.worker_mb)
                        ),
                        "parent_peak_mb": round(measured.parent_mb),
                        "worker_peak_mb": round(measured.worker_mb),
                        "load": [round(x, 2) for x in os.getloadavg()],
                    }
                )
                print(json.dumps(results[-1]), flush=True)
            if len(digests) != 1:
                raise SystemExit(f"{kind}: the runs wrote different files")
    print(
        json.dumps(
            {
                "machine": platform.machine(),
                "cores": os.cpu_count(),
                "load": os.getloadavg(),
                "python": platform.python_version(),
            }
        )
    )


if __name__ == "__main__":
    main()
