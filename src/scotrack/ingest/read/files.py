"""Paths in, `RawDocument`s out: files, directories (recursive) and JSON Lines.

A `.txt` (or any other) file is one text document, `.html`/`.htm` one HTML page,
and `.jsonl` one document per non-blank line (`text` or `html`, optional `id`,
`url`, `published`, `source`). Bytes are decoded as UTF-8 when they are UTF-8,
else with the encoding charset-normalizer detects; a byte-order mark is honoured
and dropped, and line ends become `\\n`. Every problem is a `DocumentError` naming
the path and the reason in one line, so a batch can report it and go on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.lexicon import pages as rules

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
DOCUMENT_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES
"""What a directory walk picks up; a file named on its own is read whatever its name."""

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

    A path that does not exist gives a DocumentError in its place.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = (
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file()
            )
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            yield DocumentError(str(path), "no such file or directory")


def read_documents(
    paths: Iterable[str | Path], options: ExtractOptions | None = None
) -> Iterator[Result]:
    """Every document the paths hold, or the error that stopped each one."""
    for item in document_files(paths):
        if isinstance(item, DocumentError):
            yield item
        else:
            yield from read_file(item, options)


def read_file(path: Path, options: ExtractOptions | None = None) -> list[Result]:
    """The document(s) in one file: one, or one per line of a JSON Lines file."""
    options = options or ExtractOptions()
    try:
        text = read_text(path, max_bytes=options.max_bytes)
    except DocumentError as err:
        return [err]
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return list(jsonl_documents(path, text))
    if suffix in HTML_SUFFIXES:
        return [RawDocument(id=path.stem, path=str(path), html=text)]
    return [RawDocument(id=path.stem, path=str(path), text=text)]


def read_text(path: Path, *, max_bytes: int) -> str:
    """The decoded text of `path`; DocumentError if it can't be a document."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as err:
        raise DocumentError(name, "no such file or directory") from err
    if size > max_bytes:
        raise DocumentError(
            name,
            f"file too large ({size:,} bytes; the limit is {max_bytes:,}, "
            "set SCOTRACK_MAX_DOCUMENT_BYTES to change it)",
        )
    try:
        data = path.read_bytes()
    except PermissionError as err:
        raise DocumentError(name, "unreadable: permission denied") from err
    except IsADirectoryError as err:
        raise DocumentError(name, "is a directory, not a file") from err
    except OSError as err:
        raise DocumentError(name, f"unreadable: {err.strerror or err}") from err
    text = decode(data, name)
    if not text or text.isspace():
        raise DocumentError(name, "empty file (no text)")
    return text


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


def jsonl_documents(path: Path, text: str) -> Iterator[Result]:
    """One RawDocument (or DocumentError) per non-blank line of a JSON Lines file."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield DocumentError(where, f"malformed JSON line ({err.msg})")
            continue
        yield _record_document(record, path, lineno, where)


def _record_document(record: Any, path: Path, lineno: int, where: str) -> Result:
    return record_document(record, where, default_id=f"{path.stem}:{lineno}")


def record_document(record: Any, where: str, *, default_id: str) -> Result:
    """One JSON object as a document: a line of a JSON Lines file, or a document
    posted to the API (`text` or `html`, optional `id`, `url`, `published`,
    `source`); `where` names it in errors."""
    if not isinstance(record, dict):
        return DocumentError(where, "malformed JSON line (not an object)")
    text, html = record.get("text"), record.get("html")
    body = text if isinstance(text, str) and text.strip() else None
    page = html if isinstance(html, str) and html.strip() else None
    if body is None and page is None:
        return DocumentError(where, "no non-empty `text` or `html` field")
    given_id = record.get("id")
    doc_id = str(given_id) if given_id not in (None, "") else default_id
    return RawDocument(
        id=doc_id,
        path=where,
        text=None if page is not None and body is None else _lines(body),
        html=None if body is not None else page,
        url=_optional(record.get("url")),
        published=_optional(record.get("published")),
        source=_optional(record.get("source")),
    )


def _lines(text: str | None) -> str | None:
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


def _optional(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def output_name(doc_id: str) -> str:
    """A file name for `doc_id` that stays inside the output directory."""
    cleaned = "".join("_" if ch in "/\\" or ch < " " else ch for ch in doc_id)
    return cleaned.lstrip(".") or "document"


__all__ = [
    "DOCUMENT_SUFFIXES",
    "Result",
    "decode",
    "document_files",
    "jsonl_documents",
    "output_name",
    "read_documents",
    "read_file",
    "read_text",
    "record_document",
]
