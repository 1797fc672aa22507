"""Extraction output as Parquet partitions: `extract --out-format parquet` (#16).

The input files are cut into the chunks worker processes and Dask tasks run
(`workers.chunks`), and each chunk is written, where it is extracted, as one
partition: `OUT/documents/part-NNNNN.parquet` and `OUT/items/part-NNNNN.parquet`
(the tables are described in `read.partitions`). Only a line per document
(its id, path and warnings) or its error travels back to the caller, which
reports them in input order. Rows are written a row group at a time, at most
`GROUP_DOCUMENTS` documents or `GROUP_BYTES` of text, so memory stays flat
whatever the size of a file.

A partition is written under a hidden temporary name and renamed when whole,
so a worker that dies leaves no half partition; the task run again writes it
anew, and the files of a chunk run again a file at a time (its worker kept
dying) are partitions `NNNNN-KKK` that replace the chunk's own. A run first
removes the partitions an earlier run left in OUT, so a folder holds one run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from scotrack.errors import DocumentError, InputError
from scotrack.ingest.claims.prepared import content_id
from scotrack.ingest.document import CleanDocument, ExtractOptions
from scotrack.ingest.output import writable_folder
from scotrack.ingest.pipeline import file_results, in_order, pooled
from scotrack.ingest.read.files import document_files
from scotrack.ingest.read.partitions import (
    DOCUMENTS,
    ITEMS,
    PYARROW_MISSING,
    TABLES,
    schemas,
)
from scotrack.ingest.read.ranges import Unit
from scotrack.ingest.workers import FileResults, chunk_name, chunks

GROUP_DOCUMENTS = 256
"""Documents per row group, at most."""
GROUP_BYTES = 32_000_000
"""Characters of raw and cleaned text per row group, at most (about)."""
PART = "part-{name}.parquet"
Row = dict[str, Any]


@dataclass(slots=True)
class Written:
    """A document written to a partition: what the caller reports of it."""

    id: str
    path: str
    warnings: list[str]


def document_rows(doc: CleanDocument, seq: int) -> tuple[Row, list[Row]]:
    """`doc`'s row of the documents table and its rows of the items table."""
    meta = doc.metadata
    key = {"content_id": content_id(doc.raw_text), "id": doc.id, "doc_seq": seq}
    document = {
        **key,
        "path": doc.path,
        "url": doc.url,
        "title": meta.title,
        "published": meta.published,
        "source": meta.source,
        "dateline": meta.dateline,
        "dateline_date": meta.dateline_date,
        "language": doc.language,
        "warnings": list(doc.warnings),
        "html": doc.html,
        "raw_text": doc.raw_text,
        "text": doc.text,
    }
    items = []
    for kind, found in doc.facts.items():
        for number, item in enumerate(found):
            evidence = item.get("evidence") if isinstance(item, dict) else None
            rest = (
                {k: v for k, v in item.items() if k != "evidence"}
                if isinstance(item, dict)
                else item
            )
            items.append(
                {
                    **key,
                    "type": kind,
                    "item_seq": number,
                    "item": orjson.dumps(rest).decode("utf-8"),
                    "evidence": None
                    if evidence is None
                    else [[int(a), int(b)] for a, b in evidence],
                }
            )
    return document, items


class PartitionWriter:
    """Writes one partition (both tables) under OUT, a row group at a time."""

    def __init__(self, out: Path, name: str) -> None:
        self.out = out
        self.file = PART.format(name=name)
        self.documents = 0
        self._schemas = schemas()
        self._rows: dict[str, list[Row]] = {table: [] for table in TABLES}
        self._size = 0
        self._writers: dict[str, Any] = {}

    def add(self, doc: CleanDocument) -> None:
        document, items = document_rows(doc, self.documents)
        self.documents += 1
        self._rows[DOCUMENTS].append(document)
        self._rows[ITEMS] += items
        self._size += len(doc.raw_text) + len(doc.text)
        if len(self._rows[DOCUMENTS]) >= GROUP_DOCUMENTS or self._size >= GROUP_BYTES:
            self._flush()

    def close(self) -> None:
        """Write what is left and give both files their names (none when the
        partition holds no document)."""
        self._flush()
        for table, writer in self._writers.items():
            writer.close()
            self._temporary(table).replace(self.out / table / self.file)
        self._writers = {}

    def abort(self) -> None:
        """Drop what was written."""
        for table, writer in self._writers.items():
            with contextlib.suppress(OSError):
                writer.close()
            self._temporary(table).unlink(missing_ok=True)
        self._writers = {}

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows[DOCUMENTS]:
            return
        for table in TABLES:
            schema = self._schemas[table]
            if table not in self._writers:
                self._writers[table] = pq.ParquetWriter(
                    self._temporary(table), schema, compression="zstd"
                )
            rows = pa.Table.from_pylist(self._rows[table], schema=schema)
            self._writers[table].write_table(rows)
            self._rows[table] = []
        self._size = 0

    def _temporary(self, table: str) -> Path:
        return self.out / table / f".{self.file}.tmp"


def write_partition(
    name: str, paths: list[Unit], *, out: Path, options: ExtractOptions
) -> list[FileResults]:
    """Extract the documents of `paths` into partition `name` under `out`; each
    file's results (`Written` or DocumentError), in order. Runs in a worker."""
    if "-" in name:  # a file of a chunk run again: it replaces the chunk's own
        for table in TABLES:
            chunk = PART.format(name=name.split("-", 1)[0])
            (out / table / chunk).unlink(missing_ok=True)
    writer = PartitionWriter(out, name)
    found: list[FileResults] = []
    try:
        for path in paths:
            results: FileResults = []
            for doc in file_results(path, options):
                if isinstance(doc, DocumentError):
                    results.append(doc)
                    continue
                writer.add(doc)
                results.append(Written(doc.id, doc.path, list(doc.warnings)))
            found.append(results)
        writer.close()
    except OSError as err:
        writer.abort()
        raise InputError(
            f"--out {out}: cannot write partition {writer.file} "
            f"({err.strerror or err}); choose a writable folder"
        ) from err
    except BaseException:
        writer.abort()
        raise
    return found


def write_partitions(
    paths: list[Path],
    out: Path,
    options: ExtractOptions,
    *,
    workers: int = 1,
    cluster: str | None = None,
) -> Iterator[Written | DocumentError]:
    """Extract every document under `paths` into partitions under `out`; one
    result per document, in input order. On `workers` spawned processes or the
    Dask cluster `cluster`, each task writes its own partition (so on a real
    cluster `out` must be a folder every worker sees at the same path)."""
    try:
        import pyarrow  # noqa: F401  (checked now: the run needs it throughout)
    except ImportError as err:
        raise InputError(PYARROW_MISSING) from err
    out = out.resolve()
    writable_folder(out)
    for table in TABLES:
        writable_folder(out / table)
        for old in (out / table).glob("part-*.parquet"):
            old.unlink()
    items = list(document_files(paths))
    files = [item for item in items if isinstance(item, Path)]
    run_part = partial(write_partition, out=out, options=options)
    try:
        if cluster is None and workers <= 1:
            batches: Iterator[Iterable[Any]] = (
                results
                for number, part in enumerate(chunks(files, 1))
                for results in run_part(chunk_name(number), part)
            )
        else:
            batches = pooled(
                files, run_part, workers=workers, cluster=cluster, options=options
            )
        yield from in_order(items, batches)
    finally:
        for table in TABLES:  # what workers that died left
            for left in (out / table).glob(".part-*.tmp"):
                left.unlink(missing_ok=True)


__all__ = [
    "GROUP_BYTES",
    "GROUP_DOCUMENTS",
    "PartitionWriter",
    "Written",
    "document_rows",
    "write_partition",
    "write_partitions",
]
