"""Memory of `scotrack ingest`'s writer: what it keeps as it stores (#16).

extract_bench's pages (seed 7) are extracted and prepared once (`--workers`
spawned processes), as `ingest`'s workers or Dask tasks would, then stored by
`ingest_results` in this process into a throwaway PostgreSQL (the tests'
server; batches of `--batch`) or a SQLite file, with tracemalloc on: every
`--every` documents the traced memory of the process (and its peak since the
last line: what a batch holds for a moment) and the claims the writer keeps
for grouping (`GroupIndex.held`, its blocks, and how many it has read from
the database) are printed.
Extraction is left out, so the figures are the writer's alone and a run of a
few thousand pages shows a growth that a full `ingest` shows over 100,000.
`--sorted` stores the pages in the order of their dates, as an archive read
by date would arrive; `--limit N` sets the claims kept for grouping
(`DocumentStore.group_members`), `--recent N` the documents whose blocks are
never forgotten (`group_recent`). The CPU seconds of storing are printed at the
end: the writer's (this process, the reports left out) and, on PostgreSQL, the
server's (its backends, reaped once the engine is disposed); `--untraced`
leaves tracemalloc off, which otherwise adds its own cost to the writer's.

Usage: python bench/writer_bench.py [--docs 2000] [--every 500] [--batch 200]
           [--backend postgresql|sqlite] [--sorted] [--limit N] [--recent N]
           [--workers 2] [--untraced]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import pickle
import subprocess
import sys
import tempfile
import time
import tracemalloc
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from scotrack.ingest.claims.group_index import GroupIndex
from scotrack.ingest.claims.prepared import PreparedDocument, prepared_document
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.pipeline import extract_paths
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write import documents, ingestion
from scotrack.store.write.ingestion import catalogue

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def held() -> tuple[int, int]:
    """The claims and blocks the writer's GroupIndex holds (0, 0: none yet)."""
    for obj in gc.get_objects():
        if isinstance(obj, GroupIndex):  # `held` counted since #16's fix
            members = sum(len(block.members) for block in obj.blocks.values())
            return members, len(obj.blocks)
    return 0, 0


READ = [0]
"""Claims the writer's GroupIndex has read from the database so far."""


def count_reads() -> None:
    """Make `DocumentStore.load_blocks` count the claims it reads into READ."""
    load = documents.DocumentStore.load_blocks

    def counted(store: documents.DocumentStore, blocks: Any) -> None:
        before = store.groups.held
        load(store, blocks)
        READ[0] += store.groups.held - before

    documents.DocumentStore.load_blocks = counted  # type: ignore[method-assign]


def reaped_cpu(postmaster: int | None) -> float:
    """CPU seconds of the children `postmaster` has reaped (0 without one)."""
    if postmaster is None:
        return 0.0
    fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def store(
    url: str, args: argparse.Namespace, tmp: Path, postmaster: int | None = None
) -> None:
    subprocess.run(
        [sys.executable, "-m", "scotrack", "init", "--db", url],
        check=True,
        capture_output=True,
    )
    engine = make_engine(url)
    try:
        sessions = session_factory(engine, write=True)
        with sessions() as session:
            known = catalogue(session)
        corpus = tmp / "corpus"
        corpus.mkdir()
        _load("extract_bench", ROOT / "bench" / "extract_bench.py").build_corpus(
            corpus, args.docs, 7
        )
        started = time.process_time()
        prepared: list[Any] = list(
            extract_paths(
                [corpus],
                ExtractOptions(),
                workers=args.workers,
                then=partial(prepared_document, catalogue=known),
                separate=True,
            )
        )
        print(f"prepared {len(prepared)} pages ({time.process_time() - started:.0f} s)")
        if args.sorted:
            prepared.sort(key=_date)
        if args.limit:  # the store ingest_results makes keeps at most this many
            ingestion.DocumentStore = partial(  # type: ignore[misc]
                documents.DocumentStore,
                group_members=args.limit,
                group_recent=args.recent,
            )
        # pickled, as the documents come from a pool: each arrives as a copy
        blobs = [pickle.dumps(item) for item in prepared]
        del prepared
        done = 0
        reporting = 0.0

        def on_result(_result: object, _error: str | None) -> None:
            nonlocal done, reporting
            done += 1
            if done % args.every == 0:
                began = time.process_time()
                gc.collect()
                traced, peak = (x / 1e6 for x in tracemalloc.get_traced_memory())
                tracemalloc.reset_peak()
                claims, blocks = held()
                print(
                    f"{done:6d} documents: traced {traced:6.1f} MB "
                    f"(peak since the last line {peak:6.1f} MB), "
                    f"grouping keeps {claims} claims in {blocks} blocks "
                    f"({READ[0]} read from the database so far), "
                    f"writer CPU {time.process_time() - writing - reporting:.1f} s",
                    flush=True,
                )
                reporting += time.process_time() - began

        count_reads()
        if not args.untraced:
            tracemalloc.start()
        server_before = reaped_cpu(postmaster)
        writing = time.process_time()
        report = ingestion.ingest_results(
            sessions,
            (pickle.loads(blob) for blob in blobs),
            catalogue=known,
            on_result=on_result,
            batch=args.batch if url.startswith("postgresql") else 1,
        )
        writer_cpu = time.process_time() - writing - reporting
        tracemalloc.stop()
        print(f"stored: new {report.new}, failed {len(report.failures)}")
    finally:
        engine.dispose()
    time.sleep(1.0)  # the backends' exit, reaped by the postmaster
    server = ""
    if postmaster is not None:
        server = f", server {reaped_cpu(postmaster) - server_before:.1f} s"
    print(f"CPU of storing: writer {writer_cpu:.1f} s{server}")


def _date(prepared: object) -> str:
    if isinstance(prepared, PreparedDocument):
        return prepared.document.metadata.published or ""
    return ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument(
        "--backend", choices=("postgresql", "sqlite"), default="postgresql"
    )
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sorted", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--untraced", action="store_true")
    recent = getattr(documents, "GROUP_RECENT", 0)  # 0: the code before #16's fix
    parser.add_argument("--recent", type=int, default=recent)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scotrack-writer-bench-") as name:
        tmp = Path(name)
        if args.backend == "sqlite":
            store(f"sqlite:///{tmp / 'bench.db'}", args, tmp)
            return
        conftest = _load("scotrack_test_conftest", ROOT / "tests" / "conftest.py")
        bindir = conftest._postgres_bindir()
        if bindir is None:
            raise SystemExit("postgresql: initdb/pg_ctl not found")
        server = conftest.PostgresServer(bindir, conftest._server_owner())
        try:
            server.start()
            url = server.create("scotrack_bench")
            pid = int((server.data / "postmaster.pid").read_text().split()[0])
            store(url, args, tmp, pid)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
