"""Extraction output as Parquet partitions, read back (#16).

`scotrack extract --out DIR --out-format parquet` writes two partition sets
(`ingest.partitions`), one file pair per chunk of input files:

- `DIR/documents/part-NNNNN.parquet`: one row per document: `content_id` (the
  SHA-256 of its raw content, the knowledge base's document id), `id` (as in
  `sco-extract/1`), `doc_seq` (its number in the partition, from 0), `path`,
  `url`, `title`, `published`, `source`, `dateline`, `dateline_date`,
  `language`, `warnings` (a list), `html` (whether `raw_text` is a web page),
  `raw_text` (the page as read) and `text`
  (the cleaned text that evidence offsets point into).
- `DIR/items/part-NNNNN.parquet`: one row per extracted item: `content_id`,
  `id` and `doc_seq` of its document, `type` (the `sco-extract/1` list:
  `meetings`, `states`, ..., and `implementations`), `item_seq` (its number in
  that list), `item` (the item as JSON, without its evidence) and `evidence`
  (a list of `[start, end]` offsets into `text`).

Each file carries the key `scotrack.table` (`documents` or `items`) in its
Parquet metadata, which is how `scotrack ingest DIR` tells them from Parquet
inputs: a documents partition gives its documents back, extracted, with the
items of its sibling items partition (read alongside, a batch at a time); an
items partition gives nothing of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from scotrack.errors import DocumentError
from scotrack.ingest.document import CleanDocument, Item, Metadata

SCHEMA_KEY = b"scotrack.schema"
TABLE_KEY = b"scotrack.table"
SCHEMA = b"sco-extract/1"
DOCUMENTS = "documents"
ITEMS = "items"
TABLES = (DOCUMENTS, ITEMS)
PYARROW_MISSING = "Parquet output needs pyarrow: pip install 'scotrack[parquet]'"
_BATCH_ROWS = 64

Result = CleanDocument | DocumentError


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table, by name (pyarrow imported here: an
    optional extra)."""
    import pyarrow as pa

    def with_key(fields: list[Any], table: str) -> Any:
        return pa.schema(fields, metadata={SCHEMA_KEY: SCHEMA, TABLE_KEY: table})

    text = [pa.field(name, pa.string()) for name in ("content_id", "id")]
    meta = [
        pa.field(name, pa.string())
        for name in (
            "path",
            "url",
            "title",
            "published",
            "source",
            "dateline",
            "dateline_date",
            "language",
        )
    ]
    seq = pa.field("doc_seq", pa.int32())
    documents = [
        *text,
        seq,
        *meta,
        pa.field("warnings", pa.list_(pa.string())),
        pa.field("html", pa.bool_()),
        pa.field("raw_text", pa.large_string()),
        pa.field("text", pa.large_string()),
    ]
    items = [
        *text,
        seq,
        pa.field("type", pa.string()),
        pa.field("item_seq", pa.int32()),
        pa.field("item", pa.large_string()),
        pa.field("evidence", pa.list_(pa.list_(pa.int64()))),
    ]
    return {
        DOCUMENTS: with_key(documents, DOCUMENTS),
        ITEMS: with_key(items, ITEMS),
    }


def partition_table(path: Path) -> str | None:
    """`documents` or `items` when `path` is a partition `extract` wrote, else
    None (another Parquet file, an unreadable one, or no pyarrow: the Parquet
    reader says why)."""
    try:
        import pyarrow.parquet as pq
        from pyarrow import ArrowException
    except ImportError:
        return None
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (ArrowException, OSError):
        return None
    if metadata.get(SCHEMA_KEY) != SCHEMA:
        return None
    table = metadata.get(TABLE_KEY, b"").decode("utf-8", "replace")
    return table if table in TABLES else None


def items_partition(path: Path) -> Path:
    """The items partition beside the documents partition `path`."""
    return path.parent.parent / ITEMS / path.name


def partition_documents(path: Path) -> Iterator[Result]:
    """The extracted documents of a documents partition, with their items, in
    order; a DocumentError naming the partition when its items partition is
    missing or a row is malformed (the others go on)."""
    import pyarrow.parquet as pq
    from pyarrow import ArrowException

    items_path = items_partition(path)
    if partition_table(items_path) != ITEMS:
        yield DocumentError(
            str(path),
            f"its items partition {items_path} is missing or unreadable; "
            "run scotrack extract again",
        )
        return
    try:
        documents = pq.ParquetFile(path).iter_batches(_BATCH_ROWS)
        items = _rows(pq.ParquetFile(items_path).iter_batches(_BATCH_ROWS))
        pending = next(items, None)
        for batch in documents:
            for row in batch.to_pylist():
                found: list[dict[str, Any]] = []
                while pending is not None and pending["doc_seq"] == row["doc_seq"]:
                    found.append(pending)
                    pending = next(items, None)
                yield _document(path, row, found)
    except (ArrowException, OSError) as err:
        yield DocumentError(str(path), f"not a readable partition ({err})")


def _rows(batches: Iterator[Any]) -> Iterator[dict[str, Any]]:
    for batch in batches:
        yield from batch.to_pylist()


def _document(path: Path, row: dict[str, Any], items: list[dict[str, Any]]) -> Result:
    where = f"{path}:{row.get('doc_seq')}"
    if not isinstance(row.get("raw_text"), str) or not isinstance(row.get("text"), str):
        return DocumentError(where, "malformed partition row (no raw_text or text)")
    try:
        facts: dict[str, list[Item]] = {}
        for found in items:
            item = orjson.loads(found["item"])
            if found["evidence"] is not None:
                item["evidence"] = [list(span) for span in found["evidence"]]
            facts.setdefault(found["type"], []).append(item)
        return CleanDocument(
            id=row["id"],
            path=row["path"],
            raw_text=row["raw_text"],
            text=row["text"],
            url=row["url"],
            metadata=Metadata(
                title=row["title"],
                published=row["published"],
                source=row["source"],
                dateline=row["dateline"],
                dateline_date=row["dateline_date"],
            ),
            facts=facts,
            language=row["language"],
            warnings=list(row["warnings"] or []),
            html=bool(row.get("html")),
        )
    except (KeyError, TypeError, orjson.JSONDecodeError) as err:
        return DocumentError(where, f"malformed partition row ({err})")


__all__ = [
    "DOCUMENTS",
    "ITEMS",
    "PYARROW_MISSING",
    "items_partition",
    "partition_documents",
    "partition_table",
    "schemas",
]
