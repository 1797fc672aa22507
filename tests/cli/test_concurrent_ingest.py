"""Two `scotrack ingest` runs on one database at once store every document of
both, exactly once, on SQLite and PostgreSQL (#18: two runs stored 1,007 of 2,005).

Each run reads a folder of its own; a third of the documents are in both folders,
so both runs try to store the same content hash. Before the fix, on SQLite a
deferred transaction that had read had to upgrade its lock and failed at once
("database is locked"), and on PostgreSQL the second insert of one document
failed on the primary key; either way the document was reported as failed and
lost to that run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from scotrack.store import make_engine

pytestmark = [pytest.mark.slow, pytest.mark.issue(18)]

ROOT = Path(__file__).resolve().parents[2]
DOCS = 90
"""Documents in the corpus: each run gets 60, the middle 30 go to both."""
TIMEOUT = 600.0


def _corpus(folder: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location(
        "extract_bench", ROOT / "bench" / "extract_bench.py"
    )
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.build_corpus(folder, DOCS, 18)
    files = sorted(folder.glob("*.txt"))
    assert len({path.read_bytes() for path in files}) == DOCS, "duplicates"
    return files


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Folders `one` (documents 0-59), `two` (30-89) and `both` (all 90)."""
    root = tmp_path_factory.mktemp("two-ingests")
    (root / "corpus").mkdir()
    files = _corpus(root / "corpus")
    one, two, both = root / "one", root / "two", root / "both"
    for folder, chosen in ((one, files[:60]), (two, files[30:]), (both, files)):
        folder.mkdir()
        for path in chosen:
            shutil.copy(path, folder / path.name)
    return one, two, both


def _env() -> dict[str, str]:
    """No SCOTRACK_ settings; this checkout's code first (as pytest's `pythonpath`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return {**env, "PYTHONPATH": path, "COLUMNS": "200", "NO_COLOR": "1"}


def _command(*args: str, url: str) -> list[str]:
    return [sys.executable, "-m", "scotrack", *args, "--db", url]


def _ingest_at_once(folders: list[Path], url: str) -> list[dict[str, Any]]:
    """`scotrack ingest FOLDER` for each folder, all running at the same time."""
    runs = [
        subprocess.Popen(
            _command("ingest", str(folder), "--format", "json", url=url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for folder in folders
    ]
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=TIMEOUT)
        assert run.returncode == 0, err
        summaries.append(json.loads(out))
    return summaries


def _claims_per_document(url: str) -> dict[str, int]:
    engine = make_engine(url)
    query = text(
        "SELECT d.id, count(c.id) FROM document d "
        "LEFT JOIN claim c ON c.document_id = d.id GROUP BY d.id"
    )
    try:
        with engine.connect() as connection:
            return {row[0]: int(row[1]) for row in connection.execute(query)}
    finally:
        engine.dispose()


def _groups(url: str) -> frozenset[frozenset[str]]:
    """The claim groups, as sets of claim ids (group keys depend on the order)."""
    engine = make_engine(url)
    groups: dict[str, set[str]] = {}
    try:
        with engine.connect() as connection:
            for claim_id, group in connection.execute(
                text("SELECT id, group_key FROM claim")
            ):
                groups.setdefault(group, set()).add(claim_id)
    finally:
        engine.dispose()
    return frozenset(frozenset(members) for members in groups.values())


def test_two_ingests_at_once_store_every_document_once(
    folders: tuple[Path, Path, Path], initialised_db_url: str, templates: Any
) -> None:
    one, two, both = folders
    first, second = _ingest_at_once([one, two], initialised_db_url)

    assert first["failed"] == 0, first["failures"]
    assert second["failed"] == 0, second["failures"]
    assert first["documents"] == second["documents"] == 60
    # each shared document is new to exactly one of the runs
    assert first["new"] + second["new"] == DOCS
    assert first["unchanged"] + second["unchanged"] == 30
    stored = _claims_per_document(initialised_db_url)
    assert len(stored) == DOCS

    # the same documents, claims and claim groups as one run over all of them
    reference_url = templates.copy("scotrack_two_ingests_reference")
    try:
        (alone,) = _ingest_at_once([both], reference_url)
        assert alone["new"] == DOCS
        assert stored == _claims_per_document(reference_url)
        assert _groups(initialised_db_url) == _groups(reference_url)
    finally:
        templates.databases.drop("scotrack_two_ingests_reference")
