"""Paths in, `RawDocument`s out: files, directories (recursive) and JSON Lines.

A `.txt` (or any other) file is one text document, `.html`/`.htm` one HTML page,
and `.jsonl` (or `.jsonl.gz`) one document per non-blank line (`text` or `html`,
optional `id`, `url`, `published`, `source`); WARC and Parquet files hold many
documents each (see `archives`). Bytes are decoded as UTF-8 when they are UTF-8,
else with the encoding charset-normalizer detects; a byte-order mark is honoured
and dropped, and line ends become `\\n`. Every problem is a `DocumentError` naming
the path and the reason in one line, so a batch can report it and go on.
"""

from __future__ import annotations

import codecs
import itertools
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO

from scotrack.domain.documents import DocumentFields, document_fields, document_json
from scotrack.errors import DocumentError, InputError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.lexicon import markup
from scotrack.ingest.lexicon import pages as rules
from scotrack.ingest.read.archives import (
    ARCHIVE_NAMES,
    archive_kind,
    broken_stream,
    check_file_size,
    gunzipped,
    parquet_file,
    warc_file,
)
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


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROLS = 8

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
            yield DocumentError(str(path), _os_reason(err))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield DocumentError(str(path), _special(mode))


def _walk(folder: Path) -> list[Path | DocumentError]:
    """The document files under `folder`, sorted, and a DocumentError for each
    folder that cannot be read and each special file with a document's name."""
    found: list[Path | DocumentError] = []

    def unreadable(err: OSError) -> None:
        found.append(DocumentError(str(err.filename or folder), _os_reason(err)))

    for top, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(top, name)
            if not is_document_name(path):
                continue
            try:
                mode = path.stat().st_mode
            except OSError as err:
                found.append(DocumentError(str(path), _os_reason(err)))
                continue
            found.append(
                path if stat.S_ISREG(mode) else DocumentError(str(path), _special(mode))
            )
    return sorted(
        found, key=lambda item: item if isinstance(item, Path) else Path(item.path)
    )


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {err.strerror or err}"


def _special(mode: int) -> str:
    """Why a file that is neither a regular file nor a folder is refused."""
    kind = (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a character device"
        if stat.S_ISCHR(mode)
        else "a block device"
        if stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a special file"
    )
    return f"not a regular file ({kind}); give a file or a folder"


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
        with _opened(piece.path) as handle:
            whole = piece.kind == "jsonl.gz"  # start and end count lines
            stream = handle if whole else window(handle, piece)
            if piece.kind in ("jsonl", "jsonl.gz"):
                yield from _jsonl_stream(piece.path, stream, options, piece=piece)
            else:
                yield from warc_file(
                    piece.path, stream, options, first=piece.first, whole=False
                )
    except DocumentError as err:
        yield err


def _warc(path: Path, options: ExtractOptions) -> Iterator[Result]:
    try:
        with _opened(path) as handle:
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
        with _opened(path) as handle:
            check_file_size(path, handle, options)
    except DocumentError as err:
        yield err
        return
    yield from read(path, options)


def read_text(path: Path, *, max_bytes: int) -> str:
    """The decoded text of `path`; DocumentError if it can't be a document."""
    name = str(path)
    data = read_bytes(
        path,
        max_bytes=max_bytes,
        too_large="file too large ({size:,} bytes; the limit is {limit:,}, "
        "set SCOTRACK_MAX_DOCUMENT_BYTES to change it)",
    )
    text = decode(data, name)
    if not text or text.isspace():
        raise DocumentError(name, "empty file (no text)")
    return text


def read_bytes(path: Path, *, max_bytes: int, too_large: str) -> bytes:
    """The bytes of the regular file `path`, at most `max_bytes` of them;
    DocumentError (`too_large` formatted with `size` and `limit`) beyond."""
    with _opened(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise DocumentError(str(path), too_large.format(size=size, limit=max_bytes))
        data = handle.read(max_bytes + 1)  # a file that grows is cut, not followed
    if len(data) > max_bytes:
        raise DocumentError(
            str(path), too_large.format(size=len(data), limit=max_bytes)
        )
    return data


@contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    """`path` open for reading, refused unless a regular file (a FIFO is opened
    without blocking, so naming one never hangs)."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError as err:
        raise DocumentError(name, "is a directory, not a file") from err
    except OSError as err:
        raise DocumentError(name, _os_reason(err)) from err
    handle = os.fdopen(fd, "rb")
    with handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(name, "is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise DocumentError(name, _special(mode))
        try:
            yield handle
        except OSError as err:
            raise DocumentError(name, _os_reason(err)) from err


def decode(data: bytes, name: str) -> str:
    """`data` as text with `\\n` line ends; BOM, UTF-8, else the detected encoding."""
    if not data or data.isspace():
        raise DocumentError(name, "empty file (no text)")
    text, utf8 = _decode_bytes(data, name)
    # UTF-8 writes each control character as that byte alone, so bytes without
    # one are a text without one: a test on the bytes, cheaper than the regex
    if (not utf8 or len(data.translate(None, rules.CONTROL_BYTES)) < len(data)) and (
        len(rules.CONTROL.findall(text, 0, 4096)) > _MAX_CONTROLS
    ):
        raise DocumentError(name, "binary file (control characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_bytes(data: bytes, name: str) -> tuple[str, bool]:
    """The text of `data`, and whether it was read as UTF-8 without a BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), False
            except UnicodeDecodeError as err:
                raise DocumentError(
                    name, f"not valid {encoding} despite its byte-order mark"
                ) from err
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError as err:
        position = err.start
    # imported here: a slow import that only non-UTF-8 input needs
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(
            name,
            f"invalid UTF-8 at byte {position} and no other encoding fits; "
            "convert the file to UTF-8",
        )
    return str(best), False


def jsonl_file(path: Path, options: ExtractOptions) -> Iterator[Result]:
    """One RawDocument (or DocumentError) per non-blank line of a JSON Lines file
    (gzipped if its name ends .gz), read a line at a time; a line that fails in
    any way is reported alone (#18)."""
    too_large = (
        "file too large ({size:,} bytes; the limit is {limit:,}, "
        "set SCOTRACK_MAX_FILE_BYTES to change it)"
    )
    try:
        with _opened(path) as opened:
            size = os.fstat(opened.fileno()).st_size
            if size > options.max_file_bytes:
                raise DocumentError(
                    str(path), too_large.format(size=size, limit=options.max_file_bytes)
                )
            yield from _jsonl_stream(path, opened, options)
    except DocumentError as err:
        yield err


def _jsonl_stream(
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
        wide = any(head.startswith(bom) for bom, _ in _BOMS[:2] + _BOMS[3:])
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
    if raw.html is not None and html_too_deep(raw.html, options.max_html_depth):
        raise DocumentError(
            raw.path,
            f"HTML nested too deeply (over {options.max_html_depth} levels; set "
            "SCOTRACK_MAX_HTML_DEPTH to change the limit)",
        )


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
    )


def _lines(text: str | None) -> str | None:
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


def output_name(doc_id: str) -> str:
    """A file name for `doc_id` that stays inside the output directory."""
    cleaned = "".join("_" if ch in "/\\" or ch < " " else ch for ch in doc_id)
    return cleaned.lstrip(".") or "document"


__all__ = [
    "DOCUMENT_SUFFIXES",
    "Result",
    "check_limits",
    "decode",
    "document_files",
    "holds_many",
    "html_too_deep",
    "jsonl_file",
    "jsonl_line",
    "output_name",
    "read_bytes",
    "read_documents",
    "read_file",
    "read_piece",
    "read_text",
    "record_document",
]
