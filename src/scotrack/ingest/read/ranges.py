"""A large archive as several tasks: ranges of its records (#16).

A file is one task unless it holds more than `ExtractOptions.range_records`
records, in which case it is cut into `Piece`s of about that many, each read
alone by a worker, so that what a worker holds (a task's results until the
caller takes them) no longer grows with the largest file. Where a piece starts
is found without the caller reading the file:

- **Parquet**: ranges of row groups, from the file's metadata (a row group
  larger than the range is one piece: write files with smaller row groups).
- **Plain WARC** (`.warc`): the caller hops from record to record by their
  headers' `Content-Length`, reading a few hundred bytes a record.
- **WARC.gz** (a gzip member a record, as CC-NEWS and warcio write them) and
  **JSON Lines** (`.jsonl`, `.ndjson`): windows of `SCAN_BYTES` are scanned by
  the workers (`record_starts`) for the records that start in them, a gzip
  member trusted only once it inflates to `WARC/` and ends where the next
  begins; the caller checks that the windows' chains meet, then cuts.
- **`.jsonl.gz`**: a worker counts its lines (inflating it once), and each
  piece inflates the lines before it again and skips them: a gzip stream
  cannot be entered in the middle. Inflating costs about 10 µs a line against
  some 15 ms to extract one, so the quadratic skipping is cheap up to hundreds
  of thousands of lines a file.

A piece's records keep their number in the file (`first` are before it), so
ids (`STEM:N`) and error names (`FILE:N`) are those of a whole-file read. A
file whose scan finds anything amiss (a damaged gzip member, a record that is
not where its header says, a window that does not meet the next) is read whole,
so its errors are those of today.
"""

from __future__ import annotations

import gzip
import io
import itertools
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.read.partitions import partition_table
from scotrack.ingest.read.scans import (
    READ,
    Window,
    line_count,
    record_starts,
    warc_starts,
)

SCAN_BYTES = 64 * 2**20
"""The window a worker scans for record starts."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Records of one file: those starting at bytes `start` to `end` (row
    groups `start` to `end` for Parquet), `first` records before them and
    `last` before its end; the `index`-th of the file's `pieces`."""

    path: Path
    kind: str
    start: int
    end: int
    first: int
    last: int
    index: int
    pieces: int

    def where(self) -> str:
        """How errors name the piece: the file and its first record."""
        return f"{self.path}:{self.first + 1}"


Unit = Path | Piece
"""What a task reads: a whole file or a piece of one."""


def unit_path(unit: Unit) -> Path:
    return unit.path if isinstance(unit, Piece) else unit


def nothing_found(piece: Piece) -> DocumentError:
    """The whole-file error for a cut file whose pieces gave nothing."""
    if piece.kind in ("warc", "warc.gz"):
        return DocumentError(str(piece.path), "no HTML page in this WARC file")
    return DocumentError(str(piece.path), "empty file (no text)")


def split_kind(path: Path, options: ExtractOptions) -> str | None:
    """ "parquet", "warc", "warc.gz" or "jsonl" when `path` may be cut, else None
    (too small to be worth it, over the size limit, or a kind that is not cut)."""
    from scotrack.ingest.read.archives import archive_kind

    name = path.name.lower()
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if options.range_records <= 0 or size > options.max_file_bytes or size == 0:
        return None
    kind = archive_kind(path)
    if kind == "parquet":
        return kind
    if kind == "warc":
        return "warc.gz" if name.endswith(".gz") else "warc"
    if name.endswith((".jsonl", ".ndjson")) and _plain_jsonl(path):
        return "jsonl"
    if kind == "jsonl.gz" and _plain_jsonl(path, packed=True):
        return "jsonl.gz"
    return None


def _plain_jsonl(path: Path, *, packed: bool = False) -> bool:
    """Whether a JSON Lines file's lines are split at b"\\n": no UTF-16/32
    byte-order mark, no NUL byte in its head (such a file is read whole)."""
    try:
        with gzip.open(path) if packed else path.open("rb") as handle:
            head = handle.read(8192)
    except (OSError, EOFError, zlib.error):
        return False  # not gzip, or broken: read whole, which says so
    wide = head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
    return not wide and b"\x00" not in head


Submit = Callable[..., Any]
"""`submit(function, *args)`: a future (`.result()`), on a worker."""


def pieces(path: Path, kind: str, records: int, submit: Submit) -> list[Piece] | None:
    """`path` cut into pieces of about `records` records; None when it is one."""
    if kind == "parquet":
        rows = parquet_groups(path)
        return None if rows is None else _cut_groups(path, rows, records)
    if kind == "warc":
        return _cut(path, kind, warc_starts(path), records)
    if kind == "jsonl.gz":
        return _cut_lines(path, submit, records)
    size = path.stat().st_size
    windows = [(at, min(at + SCAN_BYTES, size)) for at in range(0, size, SCAN_BYTES)]
    try:
        futures = [submit(record_starts, path, kind, a, b) for a, b in windows]
    except Exception:  # a pool that cannot take the scan: the file is read whole
        return None
    return _cut(path, kind, _chained(futures, windows, size), records)


def _chained(
    futures: list[Any], windows: list[tuple[int, int]], size: int
) -> list[int] | None:
    """The record starts of every window, once each window's chain is seen to
    begin where the one before it ended; None when any does not."""
    found = array("q")
    expected = 0
    for future, (_, end) in zip(futures, windows, strict=True):
        try:
            scan = future.result()
        except Exception:  # a scan that fails: the file is read whole
            scan = None
        if scan is None:
            return None
        starts, after = scan
        if after is None:  # lines: no chain to check, a window's are its own
            found.frombytes(starts.tobytes())
            expected = size
            continue
        if expected >= end:
            if starts:
                return None  # a start inside a record the chain crossed
            continue
        if not starts or starts[0] != expected:
            return None
        found.frombytes(starts.tobytes())
        expected = after
    return list(found) if expected == size else None


def _cut(
    path: Path, kind: str, starts: list[int] | None, records: int
) -> list[Piece] | None:
    """Pieces of `records` records from the offsets where records start, None
    for one."""
    if starts is None or len(starts) <= records:
        return None
    size = path.stat().st_size
    cuts = [*range(0, len(starts), records), len(starts)]
    ends = [*starts, size]
    return [
        Piece(path, kind, starts[at], ends[to], at, to, n, len(cuts) - 1)
        for n, (at, to) in enumerate(itertools.pairwise(cuts))
    ]


def _cut_lines(path: Path, submit: Submit, records: int) -> list[Piece] | None:
    """A gzipped JSON Lines file in pieces of `records` lines, counted by a
    worker; a piece skips the lines before it by inflating them (about 10 µs a
    line: a 40,000-line file's pieces inflate 20 times its start, 8 CPU seconds
    against some 600 to extract it)."""
    try:
        lines = submit(line_count, path).result()
    except Exception:  # a scan that fails: the file is read whole
        return None
    if lines is None or lines <= records:
        return None
    cuts = [*range(0, lines, records), lines]
    return [
        Piece(path, "jsonl.gz", at, to, at, to, n, len(cuts) - 1)
        for n, (at, to) in enumerate(itertools.pairwise(cuts))
    ]


def _cut_groups(path: Path, rows: list[int], records: int) -> list[Piece] | None:
    """Ranges of row groups (rows: each group's row count) of about `records`."""
    bounds: list[tuple[int, int, int]] = []  # start group, end group, rows before
    start = before = held = 0
    for group, count in enumerate(rows):
        held += count
        if held >= records:
            bounds.append((start, group + 1, before))
            start, before, held = group + 1, before + held, 0
    if held:
        bounds.append((start, len(rows), before))
    if len(bounds) <= 1:
        return None
    lasts = [first for _, _, first in bounds[1:]] + [sum(rows)]
    return [
        Piece(path, "parquet", a, b, first, last, n, len(bounds))
        for n, ((a, b, first), last) in enumerate(zip(bounds, lasts, strict=True))
    ]


def parquet_groups(path: Path) -> list[int] | None:
    """Each row group's row count, from the metadata (a record a row); None for
    a file that is read whole (unreadable, or no `text`/`html` column)."""
    try:
        import pyarrow.parquet as pq
        from pyarrow import ArrowException
    except ImportError:
        return None
    try:
        table = pq.ParquetFile(path)
    except (ArrowException, OSError):
        return None
    if not set(table.schema_arrow.names) & {"text", "html"}:
        return None
    if partition_table(path) is not None:
        return None  # a partition `extract` wrote: read whole, with its items
    meta = table.metadata
    rows = [meta.row_group(group).num_rows for group in range(meta.num_row_groups)]
    # a row a record: `_cut` compares the count of rows with `records`
    return rows if sum(rows) > 0 else None


def window(handle: BinaryIO, piece: Piece) -> BinaryIO:
    """The piece's bytes of the open file, buffered."""
    return io.BufferedReader(Window(handle, piece.start, piece.end), READ)


def plan(files: list[Path], options: ExtractOptions, submit: Submit) -> list[Unit]:
    """`files` as the units tasks read: a file, or its pieces when it holds
    more than `options.range_records` records (`pieces`)."""
    found: list[Unit] = []
    for path in files:
        kind = split_kind(path, options)
        records = options.range_records
        cut = None if kind is None else pieces(path, kind, records, submit)
        found += cut or [path]
    return found


def units_results(
    units: list[Unit], batches: Iterator[list[Any]]
) -> Iterator[Iterable[Any]]:
    """Each file's results, from each unit's in turn (a whole file's as its
    task gave them; a cut file's pieces' chained, read as they are taken, and
    the whole-file error when they gave nothing)."""
    for unit in units:
        if isinstance(unit, Path):
            yield next(batches)
        elif unit.index == 0:
            yield _chained_pieces(unit, batches)
    for _ in batches:  # run to its end, so that the pool behind it shuts down
        raise AssertionError("more results than units")


def _chained_pieces(piece: Piece, batches: Iterator[list[Any]]) -> Iterator[Any]:
    found = False
    for _ in range(piece.pieces):
        for result in next(batches):
            found = True
            yield result
    if not found:
        yield nothing_found(piece)


__all__ = [
    "SCAN_BYTES",
    "Piece",
    "Unit",
    "nothing_found",
    "parquet_groups",
    "pieces",
    "plan",
    "record_starts",
    "split_kind",
    "unit_path",
    "units_results",
    "warc_starts",
    "window",
]
