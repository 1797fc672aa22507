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
def second_db_url(databases: Any) -> Iterator[str]:
    name = f"scotrack_{uuid.uuid4().hex[:12]}"
    yield databases.create(name)
    databases.drop(name)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    return {**env, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def _scotrack(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scotrack", *args, "--db", url],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
        timeout=TIMEOUT,
    )


def _init(url: str) -> None:
    done = _scotrack("init", url=url)
    assert done.returncode == 0, done.stderr


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
    corpus: Path, fresh_db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    _init(fresh_db_url)
    _init(second_db_url)
    engine = make_engine(fresh_db_url)
    reference_log = tmp_path / "reference.log"
    try:
        # the uninterrupted reference run goes on alongside the killed one
        with _ingesting(corpus, second_db_url, reference_log) as reference_run:
            with _ingesting(corpus, fresh_db_url, tmp_path / "killed.log") as killed:
                _kill_part_way(killed, engine)
            at_kill = _count(engine)
            assert KILL_AT <= at_kill < DOCS, "the killed run was not interrupted"

            summary = _ingest(corpus, fresh_db_url)
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
