"""Extraction output as Parquet partitions (#16): what is written is what was
extracted, read back whole, a row group at a time, and only once per chunk."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from scotrack.errors import DocumentError
from scotrack.ingest import partitions
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.output import to_extract_json
from scotrack.ingest.pipeline import extract_paths
from scotrack.ingest.read.partitions import (
    partition_documents,
    partition_table,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "documents"
pytestmark = pytest.mark.issue(16)


def _written(out: Path, paths: list[Path], **given) -> list:
    return list(partitions.write_partitions(paths, out, ExtractOptions(), **given))


def _read_back(out: Path) -> list:
    found = []
    for path in sorted((out / "documents").glob("*.parquet")):
        found += list(partition_documents(path))
    return found


def test_partitions_hold_what_was_extracted(tmp_path: Path) -> None:
    results = _written(tmp_path, [EXAMPLES])
    assert [type(r) for r in results] == [partitions.Written] * 5
    direct = list(extract_paths([EXAMPLES]))
    again = _read_back(tmp_path)
    assert [doc.path for doc in again] == [doc.path for doc in direct]
    for doc, back in zip(direct, again, strict=True):
        assert (back.raw_text, back.text, back.url) == (doc.raw_text, doc.text, doc.url)
        assert back.metadata == doc.metadata
        assert to_extract_json(back) == json.loads(json.dumps(to_extract_json(doc)))
        assert back.facts.get("implementations", []) == json.loads(
            json.dumps(doc.facts.get("implementations", []))
        )


def test_partition_tables_are_typed_and_marked(tmp_path: Path) -> None:
    _written(tmp_path, [EXAMPLES])
    items = pq.read_table(tmp_path / "items").to_pylist()
    documents = pq.read_table(tmp_path / "documents")
    assert documents.num_rows == 5
    assert documents.schema.field("warnings").type == pa.list_(pa.string())
    meeting = next(row for row in items if row["type"] == "meetings")
    assert "evidence" not in json.loads(meeting["item"])
    assert all(len(span) == 2 for span in meeting["evidence"])
    ids = set(documents.column("content_id").to_pylist())
    assert {row["content_id"] for row in items} <= ids
    first = sorted((tmp_path / "documents").glob("*.parquet"))[0]
    assert partition_table(first) == "documents"
    assert partition_table(tmp_path / "items" / first.name) == "items"


def test_a_parquet_input_is_not_taken_for_a_partition(tmp_path: Path) -> None:
    pages = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"text": ["The SCO met in Astana."]}), pages)
    assert partition_table(pages) is None
    assert partition_table(tmp_path / "missing.parquet") is None


def test_rows_are_written_a_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(partitions, "GROUP_DOCUMENTS", 2)
    texts = [path.read_text() for path in sorted(EXAMPLES.glob("*.txt"))]
    lines = tmp_path / "pages.jsonl.gz"
    records = (json.dumps({"id": str(n), "text": t}) for n, t in enumerate(texts))
    lines.write_bytes(gzip.compress("\n".join(records).encode()))
    _written(tmp_path / "out", [lines])
    (part,) = (tmp_path / "out" / "documents").glob("*.parquet")
    assert pq.ParquetFile(part).num_row_groups == 3
    assert [doc.id for doc in _read_back(tmp_path / "out")] == [
        str(n) for n in range(5)
    ]


def test_a_run_replaces_an_earlier_runs_partitions(tmp_path: Path) -> None:
    _written(tmp_path, [EXAMPLES])
    assert len(list((tmp_path / "items").glob("*.parquet"))) > 1
    _written(tmp_path, [sorted(EXAMPLES.glob("*.txt"))[0]])
    assert [p.name for p in (tmp_path / "documents").iterdir()] == [
        "part-00000.parquet"
    ]
    assert len(_read_back(tmp_path)) == 1


def test_a_file_run_again_replaces_its_chunks_partition(tmp_path: Path) -> None:
    files = sorted(EXAMPLES.glob("*.txt"))[:2]
    options = ExtractOptions()
    for table in ("documents", "items"):
        (tmp_path / table).mkdir()
    partitions.write_partition("00000", files, out=tmp_path, options=options)
    partitions.write_partition("00000-001", files[1:], out=tmp_path, options=options)
    names = sorted(p.name for p in (tmp_path / "items").iterdir())
    assert names == ["part-00000-001.parquet"]


def test_a_partition_without_its_items_is_reported(tmp_path: Path) -> None:
    _written(tmp_path, [sorted(EXAMPLES.glob("*.txt"))[0]])
    (tmp_path / "items" / "part-00000.parquet").unlink()
    (error,) = _read_back(tmp_path)
    assert isinstance(error, DocumentError)
    assert "items partition" in error.reason


def test_failed_documents_are_reported_and_the_rest_written(tmp_path: Path) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.parent.mkdir()
    empty.write_text("  \n")
    good = tmp_path / "in" / "good.txt"
    good.write_text(sorted(EXAMPLES.glob("*.txt"))[0].read_text())
    results = _written(tmp_path / "out", [empty, good])
    assert isinstance(results[0], DocumentError)
    assert isinstance(results[1], partitions.Written)
    assert [doc.path for doc in _read_back(tmp_path / "out")] == [str(good)]
