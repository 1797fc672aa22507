"""`extract --out-format parquet` and `ingest` from its partitions (#16): the
same knowledge base as ingesting the documents themselves, on SQLite and
PostgreSQL, and a re-run that stores nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "documents"
DEV = ROOT / "tests" / "data" / "dev" / "docs"
pytestmark = pytest.mark.issue(16)


def _run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _extract(out: Path, *more: str) -> dict:
    result = _run(
        "extract",
        str(DEV),
        "--out",
        str(out),
        "--out-format",
        "parquet",
        "-f",
        "json",
        *more,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingesting_partitions_builds_the_knowledge_base_the_documents_build(
    tmp_path: Path, fresh_db_url: str, knowledge
) -> None:
    summary = _extract(tmp_path / "parts")
    documents = len(list(DEV.iterdir()))
    assert summary["written"] == documents
    direct = f"sqlite:///{tmp_path / 'direct.db'}"
    for db in (direct, fresh_db_url):
        assert _run("init", "--db", db).exit_code == 0
    alone = _run("ingest", str(DEV), "--db", direct)
    assert alone.exit_code == 0, alone.output
    loaded = _run("ingest", str(tmp_path / "parts"), "--db", fresh_db_url, "-f", "json")
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["new"] == documents
    expected = knowledge(direct)
    assert expected["claim"]
    assert knowledge(fresh_db_url) == expected
    again = _run("ingest", str(tmp_path / "parts"), "--db", fresh_db_url, "-f", "json")
    assert json.loads(again.stdout)["unchanged"] == documents
    assert knowledge(fresh_db_url) == expected


def test_parquet_output_without_pyarrow_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = _run(
        "extract", str(EXAMPLES), "--out", str(tmp_path), "--out-format", "parquet"
    )
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "pip install 'scotrack[parquet]'" in line


@pytest.mark.slow
def test_worker_processes_write_the_partitions_one_process_writes(
    tmp_path: Path,
) -> None:
    _extract(tmp_path / "one")
    _extract(tmp_path / "two", "--workers", "2")
    import pyarrow.parquet as pq

    for table in ("documents", "items"):
        one = pq.read_table(tmp_path / "one" / table).to_pylist()
        two = pq.read_table(tmp_path / "two" / table).to_pylist()
        # chunks, and so a document's number in its partition, differ
        assert sorted(map(_unnumbered, one)) == sorted(map(_unnumbered, two))


def _unnumbered(row: dict) -> str:
    return repr({k: v for k, v in row.items() if k != "doc_seq"})


@pytest.mark.slow
def test_cluster_tasks_write_the_partitions_one_process_writes(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _extract(tmp_path / "one")
    spread = _extract(tmp_path / "many", "--cluster", "local:2")
    assert spread["failed"] == 0
    for table in ("documents", "items"):
        one = pq.read_table(tmp_path / "one" / table).to_pylist()
        many = pq.read_table(tmp_path / "many" / table).to_pylist()
        assert sorted(map(_unnumbered, one)) == sorted(map(_unnumbered, many))
    assert not list((tmp_path / "many").rglob(".part-*"))
