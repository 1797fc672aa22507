"""CPU time of storing prepared documents into PostgreSQL, a document at a time
and in batches (#16).

The corpus is extract_bench's (seed 7). Its documents are extracted and
prepared once (not measured), then stored into a new knowledge base for each
batch size given, by `store.write.ingestion.ingest_results` in this process: the
writer alone, with no extraction workers to share the machine with. Measured:
this process's CPU time while storing (`time.process_time`) and the PostgreSQL
backend's (the postmaster's reaped children, from /proc, once the engine is
disposed). Wall-clock time is printed too, but on a machine shared with other
work it measures the load. The server is a throwaway one started like the
tests' (fsync and synchronous_commit off).

Usage: python bench/store_bench.py [--docs 2000] [--batch 1 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pickle
import platform
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from scotrack.ingest.claims.prepared import prepared_document
from scotrack.ingest.pipeline import extract_paths
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.ingestion import catalogue, ingest_results

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def store(url: str, corpus: Path, batch: int, postmaster: int) -> None:
    ingest_bench = _load("ingest_bench", ROOT / "bench" / "ingest_bench.py")
    init_knowledge_base(url)
    engine = make_engine(url)
    sessions = session_factory(engine, write=True)
    with sessions() as session:
        known = catalogue(session)
    # pickled, as they come from the extraction workers
    blobs = [pickle.dumps(prepared_document(d, known)) for d in extract_paths([corpus])]
    server = ingest_bench.reaped_cpu(postmaster)
    cpu, wall = time.process_time(), time.perf_counter()
    report = ingest_results(
        sessions, (pickle.loads(b) for b in blobs), catalogue=known, batch=batch
    )
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    engine.dispose()
    time.sleep(1.0)  # the backend's exit, reaped by the postmaster
    server = ingest_bench.reaped_cpu(postmaster) - server
    docs = len(blobs)
    print(
        f"batch {batch}: {report.new} new, {report.claims} claims; CPU writer "
        f"{cpu:.2f} s ({1000 * cpu / docs:.2f} ms a document), server {server:.2f} s"
        f" ({1000 * server / docs:.2f} ms); {docs / (cpu + server):.0f} documents "
        f"per CPU-second of writer and server; wall {wall:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch", type=int, nargs="+", default=[1, 200])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    extract_bench = _load("extract_bench", ROOT / "bench" / "extract_bench.py")
    conftest = _load("scotrack_test_conftest", ROOT / "tests" / "conftest.py")
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()}"
    )
    bindir = conftest._postgres_bindir()
    if bindir is None:
        raise SystemExit("initdb/pg_ctl not found")
    with tempfile.TemporaryDirectory(prefix="scotrack-store-bench-") as name:
        corpus = Path(name) / "corpus"
        corpus.mkdir()
        size = extract_bench.build_corpus(corpus, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {size / 1e6:.2f} MB, seed {args.seed}")
        server = conftest.PostgresServer(bindir, conftest._server_owner())
        try:
            server.start()
            pid = int((server.data / "postmaster.pid").read_text().split()[0])
            for batch in args.batch:
                store(server.create(f"scotrack_store_{batch}"), corpus, batch, pid)
        finally:
            server.stop()
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
