"""`scotrack ingest` killed with SIGKILL part-way leaves no half-stored document.

Each document is stored in one transaction, so after a crash every document is
either wholly stored or absent; running the same ingest again stores the rest and
reports the stored ones as unchanged. The end state must equal that of a run that
was never interrupted (document ids are content hashes, so they match across
databases).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from scotrack.store import make_engine

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOCS = 1_000
KILL_AT = 100
"""Kill the ingest once at least this many documents are stored."""
TIMEOUT = 600.0
"""Seconds any one ingest may take before the test gives up."""


def _build_corpus(folder: Path, docs: int, seed: int) -> int:
    """bench/extract_bench.py's corpus: seed-sized pages recombined from the seeds."""
    spec = importlib.util.spec_from_file_location(
        "extract_bench", ROOT / "bench" / "extract_bench.py"
    )
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    size: int = bench.build_corpus(folder, docs, seed)
    return size


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    _build_corpus(folder, DOCS, seed=11)
    files = sorted(folder.glob("*.txt"))
    assert len(files) == DOCS
    assert len({path.read_bytes() for path in files}) == DOCS, "corpus has duplicates"
    return folder


@pytest.fixture
def second_db_url(templates: Any) -> Iterator[str]:
    """Another initialised knowledge base (a copy, as `initialised_db_url`)."""
    name = f"scotrack_{uuid.uuid4().hex[:12]}"
    yield templates.copy(name)
    templates.databases.drop(name)


def _env() -> dict[str, str]:
    """No SCOTRACK_ settings; this checkout's code first (as pytest's `pythonpath`),
    not whatever the venv's editable install points at."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return {
        **env,
        "PYTHONPATH": path,
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }


def _scotrack(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scotrack", *args, "--db", url],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
        timeout=TIMEOUT,
    )


def _ingest(corpus: Path, url: str) -> dict[str, Any]:
    done = _scotrack("ingest", str(corpus), "--format", "json", url=url)
    assert done.returncode == 0, done.stderr
    summary: dict[str, Any] = json.loads(done.stdout)
    return summary


@contextlib.contextmanager
def _ingesting(corpus: Path, url: str, log: Path) -> Iterator[subprocess.Popen[str]]:
    """`scotrack ingest CORPUS --format json` running (stdout piped, stderr to
    `log`) in a process group of its own; on leaving, whatever of that group is
    left (the ingest, the workers a kill orphaned) is killed."""
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "scotrack", "ingest", str(corpus)),
                *("--format", "json", "--db", url),
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=_env(),
            start_new_session=True,
        )
        try:
            yield process
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # only our own group
            process.communicate()


def _finished(process: subprocess.Popen[str], log: Path) -> dict[str, Any]:
    out, _ = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, log.read_text(encoding="utf-8")
    summary: dict[str, Any] = json.loads(out)
    return summary


def _count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT count(*) FROM document")) or 0)


def _claims_per_document(engine: Engine) -> dict[str, int]:
    query = text(
        "SELECT d.id, count(c.id) FROM document d "
        "LEFT JOIN claim c ON c.document_id = d.id GROUP BY d.id"
    )
    with engine.connect() as connection:
        return {row[0]: int(row[1]) for row in connection.execute(query)}


def _kill_part_way(process: subprocess.Popen[str], engine: Engine) -> None:
    """SIGKILL `process` once at least KILL_AT documents are stored."""
    deadline = time.monotonic() + TIMEOUT
    while _count(engine) < KILL_AT:
        code = process.poll()
        assert code is None, f"ingest ended ({code}) before the kill"
        assert time.monotonic() < deadline, "ingest too slow to reach the kill"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


def test_ingest_killed_then_rerun_matches_uninterrupted_run(
    corpus: Path, initialised_db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(initialised_db_url)
    reference_log = tmp_path / "reference.log"
    try:
        # the uninterrupted reference run goes on alongside the killed one
        with _ingesting(corpus, second_db_url, reference_log) as reference_run:
            with _ingesting(
                corpus, initialised_db_url, tmp_path / "killed.log"
            ) as killed:
                _kill_part_way(killed, engine)
            at_kill = _count(engine)
            assert KILL_AT <= at_kill < DOCS, "the killed run was not interrupted"

            summary = _ingest(corpus, initialised_db_url)
            reference = _finished(reference_run, reference_log)

        assert summary["failed"] == 0, summary["failures"]
        assert summary["unchanged"] == at_kill
        assert summary["new"] == DOCS - at_kill
        with engine.connect() as connection:
            ids = connection.execute(text("SELECT id FROM document")).scalars().all()
            orphan_claims = connection.scalar(
                text(
                    "SELECT count(*) FROM claim c "
                    "LEFT JOIN document d ON d.id = c.document_id WHERE d.id IS NULL"
                )
            )
            orphan_candidates = connection.scalar(
                text(
                    "SELECT count(*) FROM claim_candidate k "
                    "LEFT JOIN claim c ON c.id = k.claim_id WHERE c.id IS NULL"
                )
            )
        assert len(ids) == DOCS
        assert len(set(ids)) == DOCS
        assert orphan_claims == 0
        assert orphan_candidates == 0
        after_rerun = _claims_per_document(engine)
    finally:
        engine.dispose()

    assert reference["new"] == DOCS
    assert reference["failed"] == 0, reference["failures"]
    reference_engine = make_engine(second_db_url)
    try:
        expected = _claims_per_document(reference_engine)
    finally:
        reference_engine.dispose()
    assert after_rerun == expected
    assert sum(expected.values()) == reference["claims"]


# fault injection: a write killed at every step of its transaction (#18)

CHILD = """
import json, os, signal, sys
import psycopg
from sqlalchemy import event
from scotrack.ingest.claims.prepared import prepared_document
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.pipeline import extract
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.ingestion import catalogue, ingest_results

url, path, at, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
engine = make_engine(url)
with session_factory(engine)() as session:
    known = catalogue(session)
with open(path, encoding="utf-8") as text:
    raw = RawDocument(id="doc", path=path, text=text.read(), url="https://x.org/d")
prepared = prepared_document(extract(raw, ExtractOptions()), known)
steps = 0

def step(connection, *_):
    global steps
    steps += 1
    if steps != at:
        return
    if mode == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    backend = connection.connection.dbapi_connection.info.backend_pid
    info = connection.connection.dbapi_connection.info
    admin = f"host={info.host} port={info.port} user={info.user} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", (backend,))

event.listen(engine, "before_cursor_execute", step)
event.listen(engine, "commit", step)
report = ingest_results(session_factory(engine), [prepared], catalogue=known)
print(json.dumps({"steps": steps, "new": report.new, "failed": report.failures}))
"""
TABLES = ("document", "claim", "claim_candidate", "search_entry")
FAULT_DOCUMENT = ROOT / "examples" / "documents" / "000_bac878c7c7f678e0.txt"


def _state(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: int(connection.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
            for table in TABLES
        }


def _integrity(engine: Engine) -> str:
    if engine.dialect.name != "sqlite":
        return "ok"
    with engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA integrity_check").scalar())


def _write_killed_at(
    url: str, step: int, mode: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, url, str(FAULT_DOCUMENT), str(step), mode],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
        timeout=TIMEOUT,
    )


@pytest.mark.issue(18)
@pytest.mark.parametrize("mode", ["kill", "terminate"])
def test_a_write_killed_at_every_step_leaves_before_or_after(
    initialised_db_url: str, backend: str, mode: str
) -> None:
    """The child stores one document and is killed (SIGKILL) before its Nth
    statement or commit, for N = 1, 2, ... until a run gets through; on
    PostgreSQL, `terminate` ends the child's server backend instead. Each time
    the database is intact and holds the state before the document's transaction
    or after it, never in between."""
    if mode == "terminate" and backend != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    engine = make_engine(initialised_db_url)
    try:
        before = _state(engine)
        for step in range(1, 200):
            done = _write_killed_at(initialised_db_url, step, mode)
            assert "Traceback" not in done.stderr, done.stderr
            assert _integrity(engine) == "ok"
            state = _state(engine)
            if mode == "kill" and done.returncode == -signal.SIGKILL:
                if state == before:
                    continue
                break  # killed after the commit: the document is stored
            assert done.returncode in (0, 1), done.stderr
            outcome = json.loads(done.stdout)
            if outcome["new"] == 0:  # the backend went away: nothing stored
                assert outcome["failed"], outcome
                assert state == before
                continue
            assert outcome["steps"] < step  # got through before the fault
            break
        else:
            pytest.fail("the write never got through")
        assert step > 5, "too few steps to inject a fault into"
        after = _state(engine)
        assert after["document"] == before["document"] + 1
        assert after["claim"] > before["claim"]
        assert after["search_entry"] == before["search_entry"] + 1 + (
            after["claim"] - before["claim"]
        )
    finally:
        engine.dispose()
