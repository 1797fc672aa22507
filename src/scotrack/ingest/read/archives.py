"""Archive inputs, read as streams: WARC, gzipped JSON Lines and Parquet (#16).

- `.warc` and `.warc.gz` (read with warcio): each `response` or `resource` record
  whose content is HTML (and, for a response, whose HTTP status is 2xx) is one
  HTML document with the record's target URI as its `url`. The record's date is
  when the page was crawled, not when it was published, so it is not taken as
  `published` (the page's own markup gives that, as for any HTML page).
- `.jsonl.gz` and `.ndjson.gz`: JSON Lines (see `files.jsonl_file`), decompressed
  a line at a time.
- `.parquet`: one document per row, from a `text` or `html` column and the
  optional `id`, `url`, `published`, `source`, `title` columns (the fields a JSON
  Lines record has), read a batch of rows at a time.

A document is named `FILE:N` in errors (N: the record's or row's number, from 1)
and gets the id `STEM:N` unless it carries one. A record or row that is wrong is
reported alone and the file goes on; a file that breaks off (a truncated gzip
stream, a damaged record) reports where it broke, after what came before it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.decoding import decode

Result = RawDocument | DocumentError

WARC_NAMES = (".warc", ".warc.gz")
JSONL_GZ_NAMES = (".jsonl.gz", ".ndjson.gz")
PARQUET_NAMES = (".parquet",)
ARCHIVE_NAMES = WARC_NAMES + JSONL_GZ_NAMES + PARQUET_NAMES
"""The names (endings) of the archive files a folder walk picks up."""

PARQUET_MISSING = (
    "reading Parquet needs pyarrow: pip install 'scotrack[parquet]' (or pyarrow)"
)
PARQUET_COLUMNS = ("text", "html", "id", "url", "published", "source", "title")
_BATCH_ROWS = 64
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def archive_kind(path: Path) -> str | None:
    """ "warc", "jsonl.gz" or "parquet" for an archive file's name, else None."""
    name = path.name.lower()
    if name.endswith(WARC_NAMES):
        return "warc"
    if name.endswith(JSONL_GZ_NAMES):
        return "jsonl.gz"
    if name.endswith(PARQUET_NAMES):
        return "parquet"
    return None


def archive_stem(path: Path) -> str:
    """The file's name without its archive ending ("crawl" for crawl.warc.gz)."""
    name = path.name
    for ending in sorted(ARCHIVE_NAMES, key=len, reverse=True):
        if name.lower().endswith(ending):
            return name[: -len(ending)] or name
    return path.stem


def check_file_size(path: Path, handle: BinaryIO, options: ExtractOptions) -> None:
    """DocumentError when the file on disk is over `max_file_bytes`."""
    size = os.fstat(handle.fileno()).st_size
    if size > options.max_file_bytes:
        raise DocumentError(
            str(path),
            f"file too large ({size:,} bytes; the limit is "
            f"{options.max_file_bytes:,}, set SCOTRACK_MAX_FILE_BYTES to change it)",
        )


def gunzipped(path: Path, handle: BinaryIO) -> BinaryIO:
    """`handle` decompressed as it is read from where it is; DocumentError
    unless it is gzip."""
    at = handle.tell()
    if handle.read(2) != b"\x1f\x8b":
        raise DocumentError(str(path), "not a gzip file (its name ends .gz)")
    handle.seek(at)
    return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]


def broken_stream(path: Path, where: int, err: Exception) -> DocumentError:
    """The error for a compressed stream that breaks off after `where` items."""
    if isinstance(err, EOFError):
        reason = "the compressed file ends too early (truncated)"
    elif isinstance(err, gzip.BadGzipFile | zlib.error):
        reason = f"damaged gzip data ({err})"
    else:
        reason = f"unreadable ({type(err).__name__}: {err})"
    return DocumentError(f"{path}:{where + 1}", f"{reason}; the rest of it is skipped")


class _Guarded(io.RawIOBase):
    """A decompressing stream that ends, instead of raising, where its data
    breaks off, and keeps the error: warcio reads past a truncated gzip member
    without a word, so the reader must ask (`error`) after the last record."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.error: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.error is not None:
            return 0
        try:
            data = self.stream.read1(len(buffer))  # type: ignore[attr-defined]
        except (EOFError, OSError, zlib.error) as err:
            self.error = err
            return 0
        buffer[: len(data)] = data
        return len(data)


def warc_file(
    path: Path,
    handle: BinaryIO,
    options: ExtractOptions,
    *,
    first: int = 0,
    whole: bool = True,
) -> Iterator[Result]:
    """The HTML pages of a WARC file (plain or gzipped), one at a time; of a
    piece of one (`ranges.Piece`) when `handle` holds only its records, `first`
    records before them, not `whole` (a piece without a page is no error)."""
    # imported here: only WARC input needs it
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stem = archive_stem(path)
    packed = path.name.lower().endswith(".gz")
    stream = _Guarded(gunzipped(path, handle)) if packed else None
    number = first
    found = truncated = False
    records = ArchiveIterator(stream or handle)
    records.INC_RECORD = ""  # a misplaced record is reported here, not on stderr
    try:
        for record in records:
            number += 1
            if record.format != "warc" or records.err_count:
                yield _misread(path, number)
                return
            page = _warc_page(record, path, stem, number, options)
            if isinstance(page, _Truncated):
                truncated = True  # the file ends inside this record
                break
            if page is not None:
                found = True
                yield page
    except ArchiveLoadFailed as err:
        where = str(path) if number == first == 0 else f"{path}:{number + 1}"
        reason = str(err).strip().splitlines()[0] if str(err).strip() else "damaged"
        yield DocumentError(where, f"not a readable WARC record ({reason})")
        return
    except (EOFError, OSError, zlib.error) as err:
        yield broken_stream(path, number, err)
        return
    error = stream.error if stream is not None else None
    if error is not None:
        yield broken_stream(path, number - truncated, error)
    elif truncated:
        yield DocumentError(
            f"{path}:{number}",
            "a WARC record cut short (the file ends inside it, or its length is "
            "wrong); the rest of it is skipped",
        )
    elif not whole:
        return
    elif number == 0:
        yield DocumentError(str(path), "not a WARC file (no WARC record in it)")
    elif not found:
        yield DocumentError(str(path), "no HTML page in this WARC file")


def _misread(path: Path, number: int) -> DocumentError:
    """The error for a record that is not where or what a WARC record is."""
    if number == 1:
        return DocumentError(str(path), "not a WARC file (no WARC record at its start)")
    return DocumentError(
        f"{path}:{number}",
        "damaged WARC file (a record's length does not match its content); "
        "the rest of it is skipped",
    )


class _Truncated:
    """A record whose content ends before the length its header gives."""


def _warc_page(
    record: Any, path: Path, stem: str, number: int, options: ExtractOptions
) -> Result | _Truncated | None:
    """The HTML document one WARC record holds, None for a record that holds
    none (a request, metadata, an image, a redirect), `_Truncated` for one cut
    short, or its DocumentError."""
    if record.rec_type not in ("response", "resource"):
        return None
    where = f"{path}:{number}"
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return None
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return DocumentError(
            where,
            f"page too large (over {options.max_bytes:,} bytes; set "
            "SCOTRACK_MAX_DOCUMENT_BYTES to change the limit)",
        )
    if getattr(record.raw_stream, "limit", 0):
        return _Truncated()
    try:
        html = decode(data, where)
    except DocumentError as err:
        return err
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(id=f"{stem}:{number}", path=where, html=html, url=url or None)


def parquet_file(
    path: Path, options: ExtractOptions, *, groups: range | None = None, first: int = 0
) -> Iterator[Result]:
    """One document per row of a Parquet file, a batch of rows at a time; of
    its row groups `groups` only, `first` rows before them, when given."""
    del options  # a row's limits are checked with every document's
    try:  # imported here: only Parquet input needs it, an optional extra
        import pyarrow.parquet as pq
        from pyarrow import ArrowException
    except ImportError:
        yield DocumentError(str(path), PARQUET_MISSING)
        return

    from scotrack.ingest.read.jsonl import record_document

    try:
        table = pq.ParquetFile(path)
    except (ArrowException, OSError) as err:
        yield DocumentError(str(path), f"not a readable Parquet file ({err})")
        return
    names = set(table.schema_arrow.names)
    if not names & {"text", "html"}:
        yield DocumentError(
            str(path), "no `text` or `html` column: one of them holds the documents"
        )
        return
    columns = [name for name in PARQUET_COLUMNS if name in names]
    stem = archive_stem(path)
    row = first
    try:
        for batch in table.iter_batches(
            batch_size=_BATCH_ROWS,
            columns=columns,
            row_groups=None if groups is None else list(groups),
        ):
            for record in batch.to_pylist():
                row += 1
                yield record_document(
                    _plain(record), f"{path}:{row}", default_id=f"{stem}:{row}"
                )
    except (ArrowException, OSError) as err:
        yield DocumentError(
            f"{path}:{row + 1}", f"unreadable rows ({err}); the rest of it is skipped"
        )


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSON Lines record would give it: dates as ISO text,
    nulls dropped."""
    plain: dict[str, Any] = {}
    for name, value in record.items():
        if value is None:
            continue
        if isinstance(value, dt.datetime):
            value = value.date().isoformat()
        elif isinstance(value, dt.date):
            value = value.isoformat()
        plain[name] = value
    return plain


__all__ = [
    "ARCHIVE_NAMES",
    "archive_kind",
    "archive_stem",
    "broken_stream",
    "check_file_size",
    "gunzipped",
    "parquet_file",
    "warc_file",
]
