"""A Dask worker's memory against the size of the corpus (#16).

Generates scale_bench's pages as Parquet files of `--per-file` pages, once, for the
largest of `--docs`, and for each size extracts the first files that hold it on a
local Dask cluster of 2 workers (`cluster.dask_client("local:2")`, the one `extract
--cluster local:2` starts), through `pipeline.extract_paths` with the `sco-extract/1`
bytes as each document's result, as `extract` makes them. The resident memory of
each worker process is sampled every 0.5 s; reported: the largest worker's peak over
the run and over each quarter of it (by documents done: a worker that grows with the
corpus climbs quarter by quarter), the workers' CPU seconds (user + system, read from
the processes, so other work on the machine does not count), and what the workers and
the scheduler still hold once the run is over (results, tasks, profiler call trees).

`--one-warc N` measures one large file instead: scale_bench's first N pages as a
single gzipped WARC file (a gzip member a record, as CC-NEWS is), extracted with
`--range-records R` (`SCOTRACK_RANGE_RECORDS`: 0 makes the file one task, as
before #16 cut large files; the default 1,000 makes it N / 1,000 tasks). The
workers' CPU then includes their scan of the file for record starts.

Usage: python bench/worker_bench.py [--docs 10000 40000] [--per-file 1000]
                                    [--corpus FOLDER]
       python bench/worker_bench.py --one-warc 20000 [--range-records 0 1000]
                                    [--corpus FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import pages, write_parquet, write_warc

from scotrack.ingest.cluster import dask_client
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.output import extracted
from scotrack.ingest.pipeline import extract_paths
from scotrack.ingest.workers import chunks

try:  # the code before #16 cut large files has no such option: range 0 there
    from scotrack.ingest.read.ranges import plan
except ImportError:  # pragma: no cover - measuring the code before
    plan = None


def held(dask_worker: Any) -> dict[str, int]:
    """What a worker keeps after a run."""
    return {
        "results": len(dask_worker.data),
        "tasks": len(dask_worker.state.tasks),
        "profiles": len(dask_worker.profile_history),
    }


def scheduled(dask_scheduler: Any) -> int:
    return len(dask_scheduler.tasks)


def measure(files: list[Path], range_records: int | None = None) -> dict[str, Any]:
    """One run over `files` on a fresh local cluster of 2 workers."""
    given = {} if range_records is None else {"range_records": range_records}
    options = ExtractOptions(**given)
    made = partial(extracted, with_evidence=options.with_evidence)
    with dask_client("local:2") as client:
        workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]
        done = 0
        samples: list[tuple[int, float]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                rss = max(worker.memory_info().rss for worker in workers)
                samples.append((done, rss / 2**20))
                time.sleep(0.5)

        def cpu() -> float:
            return sum(sum(worker.cpu_times()[:2]) for worker in workers)

        sampler = threading.Thread(target=sample)
        cpu_before, started = cpu(), time.perf_counter()
        sampler.start()
        for _ in extract_paths(
            files, options, then=made, cluster=client.scheduler.address
        ):
            done += 1
        stop.set()
        sampler.join()
        seconds, worker_cpu = time.perf_counter() - started, cpu() - cpu_before
        kept = client.run(held)
        tasks = client.run_on_scheduler(scheduled)
        end = [worker.memory_info().rss / 2**20 for worker in workers]
    quarters = [
        max([mb for docs, mb in samples if docs <= done * k / 4] or [0.0])
        for k in (1, 2, 3, 4)
    ]
    return {
        "docs": done,
        "files": len(files),
        "range_records": range_records,
        "tasks": len(chunks(units(files, options), 2)),
        "seconds": round(seconds, 1),
        "worker_cpu_s": round(worker_cpu, 1),
        "worker_peak_mb": round(max(mb for _, mb in samples)),
        "peak_by_quarter_mb": [round(mb) for mb in quarters],
        "end_rss_mb": [round(mb) for mb in end],
        "workers_hold": list(kept.values()),
        "scheduler_tasks": tasks,
        "load": [round(x, 2) for x in os.getloadavg()],
    }


def units(files: list[Path], options: ExtractOptions) -> list[Any]:
    """What the run's tasks read: files, or pieces of them."""
    if plan is None:
        return list(files)

    class Done:
        def __init__(self, value: Any) -> None:
            self.value = value

        def result(self) -> Any:
            return self.value

    return list(plan(files, options, lambda f, *args: Done(f(*args))))


def scan_cpu(path: Path) -> float | None:
    """CPU seconds of scanning `path` for record starts, as the workers do."""
    if plan is None:
        return None
    started = time.process_time()
    units([path], ExtractOptions())
    return round(time.process_time() - started, 2)


def one_warc(corpus: Path, docs: int, ranges: list[int]) -> None:
    """Each range size over one gzipped WARC file of `docs` pages."""
    folder = corpus / f"warc-{docs}"
    if not folder.exists():
        write_warc(pages(corpus / "txt", docs), folder, docs)
    (path,) = sorted(folder.glob("*.warc.gz"))
    print(
        json.dumps(
            {
                "file": path.name,
                "bytes": path.stat().st_size,
                "scan_cpu_s": scan_cpu(path),
            }
        ),
        flush=True,
    )
    for size in ranges:
        print(json.dumps(measure([path], size if plan else None)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--per-file", type=int, default=1_000)
    parser.add_argument("--corpus", type=Path, default=None, help="kept between runs")
    parser.add_argument("--one-warc", type=int, default=0, help="pages in one file")
    parser.add_argument("--range-records", type=int, nargs="+", default=[0, 1_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp)
        if args.one_warc:
            one_warc(corpus, args.one_warc, args.range_records)
            return
        folder = corpus / "parquet"
        if not folder.exists():
            write_parquet(pages(corpus / "txt", max(args.docs)), folder, args.per_file)
        files = sorted(folder.glob("*.parquet"))
        for docs in args.docs:
            part = files[: -(-docs // args.per_file)]
            print(json.dumps(measure(part)), flush=True)


if __name__ == "__main__":
    main()
