"""Paths in, `RawDocument`s out: files and directories (recursive).

A `.txt` (or any other) file is one text document, `.html`/`.htm` one HTML page,
and `.jsonl` (or `.jsonl.gz`) one document per non-blank line (see `jsonl`);
WARC and Parquet files hold many documents each (see `archives`); a file's bytes
become text in `decoding`. Every problem is a `DocumentError` naming the path and
the reason in one line, so a batch can report it and go on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from pathlib import Path

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.lexicon import markup
from scotrack.ingest.lexicon import pages as page_rules
from scotrack.ingest.read.archives import (
    ARCHIVE_NAMES,
    archive_kind,
    check_file_size,
    parquet_file,
    warc_file,
)
from scotrack.ingest.read.decoding import (
    opened_file,
    os_reason,
    read_text,
    special_reason,
)
from scotrack.ingest.read.jsonl import jsonl_file, jsonl_stream
from scotrack.ingest.read.ranges import Piece, window

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
DOCUMENT_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES
"""What a directory walk picks up (and `ARCHIVE_NAMES`); a file named on its own is
read whatever its name."""


def is_document_name(path: Path) -> bool:
    """Whether a directory walk reads the file `path` names."""
    return path.suffix.lower() in DOCUMENT_SUFFIXES or path.name.lower().endswith(
        ARCHIVE_NAMES
    )


def holds_many(path: Path) -> bool:
    """Whether the file `path` names may hold many documents (an archive or JSON
    Lines), so that it is a task of its own (`workers.chunks`)."""
    return archive_kind(path) is not None or path.suffix.lower() in JSONL_SUFFIXES


Result = RawDocument | DocumentError


def document_files(paths: Iterable[str | Path]) -> Iterator[Path | DocumentError]:
    """Each file the paths name, directories walked in sorted order, in input order.

    A path that does not exist, a folder or file that cannot be read and a special
    file (a FIFO, a device, a socket: reading one could hang or never end) give a
    DocumentError in their place (#18).
    """
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as err:
            yield DocumentError(str(path), os_reason(err))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield DocumentError(str(path), special_reason(mode))


def _walk(folder: Path) -> list[Path | DocumentError]:
    """The document files under `folder`, sorted, and a DocumentError for each
    folder that cannot be read and each special file with a document's name."""
    found: list[Path | DocumentError] = []

    def unreadable(err: OSError) -> None:
        found.append(DocumentError(str(err.filename or folder), os_reason(err)))

    for top, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(top, name)
            if not is_document_name(path):
                continue
            try:
                mode = path.stat().st_mode
            except OSError as err:
                found.append(DocumentError(str(path), os_reason(err)))
                continue
            found.append(
                path
                if stat.S_ISREG(mode)
                else DocumentError(str(path), special_reason(mode))
            )
    return sorted(
        found, key=lambda item: item if isinstance(item, Path) else Path(item.path)
    )


def read_documents(
    paths: Iterable[str | Path], options: ExtractOptions | None = None
) -> Iterator[Result]:
    """Every document the paths hold, or the error that stopped each one."""
    for item in document_files(paths):
        if isinstance(item, DocumentError):
            yield item
        else:
            yield from read_file(item, options)


def read_file(path: Path, options: ExtractOptions | None = None) -> Iterator[Result]:
    """The document(s) in one file: one, or one per line of a JSON Lines file,
    record of a WARC file or row of a Parquet file (read one at a time, so a
    large file is never held whole)."""
    options = options or ExtractOptions()
    suffix = path.suffix.lower()
    kind = archive_kind(path)
    if suffix in JSONL_SUFFIXES or kind == "jsonl.gz":
        yield from jsonl_file(path, options)
        return
    if kind == "warc":
        yield from _warc(path, options)
        return
    if kind == "parquet":
        yield from _checked_file(path, options, parquet_file)
        return
    try:
        text = read_text(path, max_bytes=options.max_bytes)
    except DocumentError as err:
        yield err
        return
    if suffix in HTML_SUFFIXES:
        yield RawDocument(id=path.stem, path=str(path), html=text)
    else:
        yield RawDocument(id=path.stem, path=str(path), text=text)


def read_piece(piece: Piece, options: ExtractOptions | None = None) -> Iterator[Result]:
    """The documents of a piece of a large file (`ranges`), numbered as in the
    whole file."""
    options = options or ExtractOptions()
    if piece.kind == "parquet":
        groups = range(piece.start, piece.end)
        yield from parquet_file(piece.path, options, groups=groups, first=piece.first)
        return
    try:
        with opened_file(piece.path) as handle:
            whole = piece.kind == "jsonl.gz"  # start and end count lines
            stream = handle if whole else window(handle, piece)
            if piece.kind in ("jsonl", "jsonl.gz"):
                yield from jsonl_stream(piece.path, stream, options, piece=piece)
            else:
                yield from warc_file(
                    piece.path, stream, options, first=piece.first, whole=False
                )
    except DocumentError as err:
        yield err


def _warc(path: Path, options: ExtractOptions) -> Iterator[Result]:
    try:
        with opened_file(path) as handle:
            check_file_size(path, handle, options)
            yield from warc_file(path, handle, options)
    except DocumentError as err:
        yield err


def _checked_file(
    path: Path,
    options: ExtractOptions,
    read: Callable[[Path, ExtractOptions], Iterator[Result]],
) -> Iterator[Result]:
    """`read(path, options)` once `path` is known to be a regular file within
    the size limit."""
    try:
        with opened_file(path) as handle:
            check_file_size(path, handle, options)
    except DocumentError as err:
        yield err
        return
    yield from read(path, options)


_TAG_STEP = {"": 1, "/": -1}


def html_too_deep(html: str, limit: int) -> bool:
    """Whether the elements of `html` nest deeper than `limit` (counted from its
    tags, without parsing); a page with no more tags than `limit` is not
    measured."""
    if html.count("<") <= limit:
        return False
    return (
        max(
            accumulate(map(_TAG_STEP.__getitem__, markup.NESTING_TAG.findall(html))),
            default=0,
        )
        > limit
    )


def is_page(raw: RawDocument) -> bool:
    """Whether `raw` is a web page, decided once, from how it arrived: given as
    HTML (a .html/.htm/.xhtml file, a WARC HTML response, an `html` field or
    column, an HTML upload), or given as text that opens with HTML markup (a page
    saved as .txt). Every later stage reads `CleanDocument.html` (#15)."""
    if raw.html is not None:
        return True
    return page_rules.HTML_START.match((raw.text or "")[:1024]) is not None


def check_limits(raw: RawDocument, options: ExtractOptions) -> None:
    """DocumentError when `raw` is over a limit of `options`: its size (a JSON
    Lines record or an upload is not a file, whose size was checked on disk)
    or the nesting of its HTML (#18)."""
    size = len(raw.html if raw.html is not None else raw.text or "")
    if size > options.max_bytes:
        raise DocumentError(
            raw.path,
            f"document too large ({size:,} characters; the limit is "
            f"{options.max_bytes:,}, set SCOTRACK_MAX_DOCUMENT_BYTES to change it)",
        )
    if is_page(raw) and html_too_deep(
        raw.html or raw.text or "", options.max_html_depth
    ):
        raise DocumentError(
            raw.path,
            f"HTML nested too deeply (over {options.max_html_depth} levels; set "
            "SCOTRACK_MAX_HTML_DEPTH to change the limit)",
        )


def output_name(doc_id: str) -> str:
    """A file name for `doc_id` that stays inside the output directory."""
    cleaned = "".join("_" if ch in "/\\" or ch < " " else ch for ch in doc_id)
    return cleaned.lstrip(".") or "document"


__all__ = [
    "DOCUMENT_SUFFIXES",
    "Result",
    "check_limits",
    "document_files",
    "holds_many",
    "html_too_deep",
    "is_page",
    "output_name",
    "read_documents",
    "read_file",
    "read_piece",
]
