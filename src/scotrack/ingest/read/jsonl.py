"""JSON Lines in, `RawDocument`s out: one document per non-blank line (`text` or
`html`, optional `id`, `url`, `published`, `source`, `title`), of a `.jsonl` file
or a gzipped one, read a line at a time; and one JSON object (a line, a Parquet
row, an upload) as a document. The date, source and title a record gives are
kept, whatever its page shows (#15).
"""

from __future__ import annotations

import codecs
import itertools
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from scotrack.domain.documents import DocumentFields, document_fields, document_json
from scotrack.errors import DocumentError, InputError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.archives import Result, archive_kind, broken_stream, gunzipped
from scotrack.ingest.read.decoding import BOMS, decode, opened_file
from scotrack.ingest.read.ranges import Piece


def jsonl_file(path: Path, options: ExtractOptions) -> Iterator[Result]:
    """One RawDocument (or DocumentError) per non-blank line of a JSON Lines file
    (gzipped if its name ends .gz), read a line at a time; a line that fails in
    any way is reported alone (#18)."""
    too_large = (
        "file too large ({size:,} bytes; the limit is {limit:,}, "
        "set SCOTRACK_MAX_FILE_BYTES to change it)"
    )
    try:
        with opened_file(path) as opened:
            size = os.fstat(opened.fileno()).st_size
            if size > options.max_file_bytes:
                raise DocumentError(
                    str(path), too_large.format(size=size, limit=options.max_file_bytes)
                )
            yield from jsonl_stream(path, opened, options)
    except DocumentError as err:
        yield err


def jsonl_stream(
    path: Path, opened: BinaryIO, options: ExtractOptions, piece: Piece | None = None
) -> Iterator[Result]:
    """The documents of an open JSON Lines file (or of the lines of `piece`,
    whose file was found plain by `ranges.split_kind`); a gzip stream that
    breaks off is reported where it broke, after the lines before it (#16)."""
    if piece is not None:
        ranged: Iterable[bytes | None]
        if piece.kind == "jsonl.gz":  # the lines before it inflated and skipped
            every = _byte_lines(gunzipped(path, opened), options.max_line_bytes)
            ranged = itertools.islice(every, piece.start, piece.end)
        else:
            ranged = _byte_lines(opened, options.max_line_bytes, bom=piece.start == 0)
        yield from _jsonl_lines(path, ranged, options, start=piece.first)
        return
    counted = _Counted(())
    try:
        packed = archive_kind(path) == "jsonl.gz"
        handle = gunzipped(path, opened) if packed else opened
        head = handle.read(8192)
        handle.seek(0)
        wide = any(head.startswith(bom) for bom, _ in BOMS[:2] + BOMS[3:])
        if b"\x00" in head and not wide:
            raise DocumentError(str(path), "binary file (NUL bytes), not text")
        if wide:
            # UTF-16 or UTF-32: its lines are not split at b"\n"
            text = decode(handle.read(options.max_file_bytes + 1), str(path))
            lines: Iterable[bytes | str | None] = text.split("\n")
        else:
            lines = _byte_lines(handle, options.max_line_bytes)
        counted = _Counted(lines)
        yield from _jsonl_lines(path, counted, options)
        if counted.texts == 0:
            raise DocumentError(str(path), "empty file (no text)")
    except (EOFError, OSError, zlib.error) as err:  # a gzip stream that breaks off
        yield broken_stream(path, counted.count, err)


class _Counted:
    """The lines of a file, counting those read (where a stream broke off) and
    those that hold text (none: an empty file)."""

    def __init__(self, lines: Iterable[bytes | str | None]) -> None:
        self.lines = iter(lines)
        self.count = 0
        self.texts = 0

    def __iter__(self) -> Iterator[bytes | str | None]:
        for line in self.lines:
            self.count += 1
            if line is not None and line.strip():
                self.texts += 1
            yield line


def _jsonl_lines(
    path: Path,
    lines: Iterable[bytes | str | None],
    options: ExtractOptions,
    *,
    start: int = 0,
) -> Iterator[Result]:
    """A result per non-blank line, the first numbered `start + 1`."""
    for lineno, line in enumerate(lines, start=start + 1):
        if line is None:
            yield DocumentError(
                f"{path}:{lineno}",
                f"line too long (over {options.max_line_bytes:,} bytes; set "
                "SCOTRACK_MAX_LINE_BYTES to change the limit)",
            )
            continue
        if line.strip():
            yield jsonl_line(line, path, lineno, options)


def _byte_lines(
    handle: BinaryIO, limit: int, *, bom: bool = True
) -> Iterator[bytes | None]:
    """The lines of `handle` (their ends removed), None for one over `limit`
    bytes (the rest of it skipped, a chunk at a time); a UTF-8 byte-order mark
    dropped from the first when `bom` (the file's start)."""
    first = bom
    while line := handle.readline(limit + 1):
        if first:
            line = line.removeprefix(codecs.BOM_UTF8)
            first = False
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.rstrip(b"\r\n")


def jsonl_line(
    line: bytes | str, path: Path, lineno: int, options: ExtractOptions
) -> Result:
    """The document one JSON Lines line holds, or the DocumentError naming
    `path:lineno` and why not (the reasons `POST /api/v1/documents` gives);
    never raises (#18)."""
    where = f"{path}:{lineno}"
    try:
        text = line if isinstance(line, str) else _line_text(line, where)
        fields = document_json(text, max_depth=options.max_json_depth)
    except DocumentError as err:
        return err
    except InputError as err:
        return DocumentError(where, str(err).removeprefix("document: "))
    except Exception as err:  # the batch goes on whatever one line does (#18)
        return DocumentError(where, f"unreadable line ({type(err).__name__}: {err})")
    return _document(fields, where, default_id=f"{path.stem}:{lineno}")


def _line_text(line: bytes, where: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode(line, where)  # a legacy encoding, detected


def record_document(record: Any, where: str, *, default_id: str) -> Result:
    """One JSON object as a document, checked by `document_fields` (the check
    the API and JSON Lines share: `text` or `html`, optional `id`, `url`,
    `published`, `source`, `title`); `where` names it in errors."""
    try:
        fields = document_fields(record)
    except InputError as err:
        return DocumentError(where, str(err))
    return _document(fields, where, default_id=default_id)


def _document(fields: DocumentFields, where: str, *, default_id: str) -> RawDocument:
    return RawDocument(
        id=fields.id or default_id,
        path=where,
        text=_lines(fields.text),
        html=fields.html,
        url=fields.url,
        published=fields.published,
        source=fields.source,
        title=fields.title,
    )


def _lines(text: str | None) -> str | None:
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


__all__ = ["jsonl_file", "jsonl_line", "jsonl_stream", "record_document"]
