"""The `sco-extract/1` JSON object of one document, and the file it is written to.

Items keep their `evidence` ([[start, end], ...] offsets into the cleaned text);
the scorer ignores fields it does not know. The two list-of-string types,
`states` and `areas`, print as plain lists, with their evidence in a top-level
`evidence` block: `{"states": {"CHN": [[s, e], ...]}, "areas": {...}}`.
"""

from __future__ import annotations

import json
import os
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from scotrack.errors import InputError
from scotrack.ingest.document import CleanDocument, Item
from scotrack.ingest.read.files import output_name

SCHEMA = "sco-extract/1"
LIST_TYPES = ("states", "areas")
ITEM_TYPES = (
    "people",
    "meetings",
    "agreements",
    "commitments",
    "projects",
    "membership",
)
_KEYS = ("code", "area", "value", "name")


def _label(item: Item | str) -> str | None:
    """The string a states/areas item stands for (a code or an area name)."""
    if isinstance(item, str):
        return item
    for key in _KEYS:
        if isinstance(item.get(key), str):
            return str(item[key])
    return None


def _listed(items: list[Any]) -> tuple[list[str], dict[str, list[list[int]]]]:
    labels: list[str] = []
    evidence: dict[str, list[list[int]]] = {}
    for item in items:
        label = _label(item)
        if label is None or label in evidence:
            continue
        labels.append(label)
        spans = item.get("evidence", []) if isinstance(item, dict) else []
        evidence[label] = [list(span) for span in spans]
    return labels, evidence


def to_extract_json(
    doc: CleanDocument, *, with_evidence: bool = True
) -> dict[str, Any]:
    """The sco-extract/1 object for `doc` (evidence kept unless told otherwise)."""
    meta = doc.metadata
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "id": doc.id,
        "document": {
            "title": meta.title,
            "published": meta.published,
            "source": meta.source,
            "dateline": meta.dateline,
        },
    }
    evidence: dict[str, Any] = {}
    for name in LIST_TYPES:
        out[name], evidence[name] = _listed(doc.facts.get(name, []))
    for name in ITEM_TYPES:
        items = doc.facts.get(name, [])
        out[name] = [
            item
            if with_evidence
            else {k: v for k, v in item.items() if k != "evidence"}
            for item in items
        ]
    if with_evidence:
        out["evidence"] = evidence
    out["language"] = doc.language
    if doc.warnings:
        out["warnings"] = list(doc.warnings)
    return out


@dataclass(slots=True)
class Extracted:
    """One document's `sco-extract/1` file, made where it was extracted: what a
    worker process or a cluster task sends back instead of the whole cleaned
    document (#16)."""

    id: str
    path: str
    data: bytes
    warnings: list[str]


def extracted(doc: CleanDocument, *, with_evidence: bool = True) -> Extracted:
    """`doc`'s file, as `ExtractWriter.write` would make it."""
    data = json_bytes(to_extract_json(doc, with_evidence=with_evidence))
    return Extracted(doc.id, doc.path, data, list(doc.warnings))


def write_extract(
    doc: CleanDocument, out_dir: Path, *, with_evidence: bool = True
) -> Path:
    """Write OUT_DIR/<doc id>.json (UTF-8, indented) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{output_name(doc.id)}.json"
    path.write_bytes(json_bytes(to_extract_json(doc, with_evidence=with_evidence)))
    return path


def writable_folder(out_dir: Path) -> None:
    """Create `out_dir` if missing; InputError naming it when it is not a folder
    or cannot be written (#18)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(
            f"--out {out_dir}: exists and is not a directory; give a folder"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(
            f"--out {out_dir}: cannot create the folder ({err.strerror or err}); "
            "choose a writable folder"
        ) from err
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(
            f"--out {out_dir}: the folder is not writable; choose a writable folder"
        )


class ExtractWriter:
    """Writes OUT_DIR/<doc id>.json files, as `write_extract` does, from a thread.

    Creating a file costs the kernel about as much as extracting a small page
    (half a millisecond on an ext4 disk); the thread lets it happen while the
    next page is extracted. The JSON is made in the caller's thread, so the
    files are the same bytes; they are written one at a time in the order
    given. Two documents of one run never share a file: a later one whose name
    is taken (the same id, or ids that differ only by case or by a character a
    file name cannot hold) gets `-2`, `-3`, ... after it, in input order, and
    `renamed` says so (#18). An error writing a file is raised, as an
    InputError naming the file, by the next `write` or by `close`; the files
    given after it are not written.
    """

    def __init__(
        self, out_dir: Path, *, with_evidence: bool = True, ahead: int = 256
    ) -> None:
        self.out_dir = out_dir
        self.with_evidence = with_evidence
        self._pending: queue.Queue[tuple[Path, bytes] | None] = queue.Queue(ahead)
        self._thread: threading.Thread | None = None
        self._error: tuple[Path, OSError] | None = None
        self._taken: set[str] = set()
        self.renamed: str | None = None
        """Set by `write` when the file's name was taken: why it has another."""
        self.written = 0
        """Files queued so far, each a file of its own."""

    def write(self, doc: CleanDocument | Extracted) -> Path:
        """Queue `doc`'s file (made now, or already by `extracted`); the path
        it is written to."""
        self._raise_error()
        if self._thread is None:
            writable_folder(self.out_dir)
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        if isinstance(doc, Extracted):
            data = doc.data
        else:
            data = json_bytes(to_extract_json(doc, with_evidence=self.with_evidence))
        path = self._free_path(doc.id)
        self._pending.put((path, data))
        self.written += 1
        return path

    def _free_path(self, doc_id: str) -> Path:
        """OUT_DIR/<name>.json for `doc_id`, its name made unique in this run."""
        name = output_name(doc_id)
        unique, count = name, 1
        while unique.casefold() in self._taken:
            count += 1
            unique = f"{name}-{count}"
        self._taken.add(unique.casefold())
        self.renamed = (
            None
            if unique == name
            else f"id {doc_id!r} is the file name of an earlier document: "
            f"written to {unique}.json"
        )
        return self.out_dir / f"{unique}.json"

    def close(self) -> None:
        """Wait until every queued file is written; raise the error that
        stopped the writing, if one did."""
        if self._thread is not None:
            self._pending.put(None)
            self._thread.join()
            self._thread = None
        self._raise_error()

    def __enter__(self) -> ExtractWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        elif self._thread is not None:  # the caller's error wins
            self._pending.put(None)
            self._thread.join()

    def _run(self) -> None:
        while (item := self._pending.get()) is not None:
            if self._error is not None:
                continue  # drained, not written, once one file failed
            path, data = item
            try:
                path.write_bytes(data)
            except OSError as err:
                self._error = (path, err)

    def _raise_error(self) -> None:
        if self._error is not None:
            path, err = self._error
            raise InputError(
                f"--out {self.out_dir}: cannot write {path.name} "
                f"({err.strerror or err}); choose a writable folder"
            ) from err


_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def json_bytes(value: Any) -> bytes:
    """`json.dumps(value, ensure_ascii=False, indent=2)` and a newline, as UTF-8.

    orjson writes the same bytes, about seven times faster than Python code can,
    for what an extract holds: dicts with string keys, lists, strings, ints,
    booleans and None. What orjson refuses (a non-string key, a huge int, a
    cycle, an unknown type) goes to the json module, which writes it or raises
    as it always did. Floats, which no extract holds, are written as orjson
    writes them: the same digits, but 0.00001 for 1e-05 and null for NaN.
    """
    try:
        return orjson.dumps(value, option=_INDENTED)
    except orjson.JSONEncodeError:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
