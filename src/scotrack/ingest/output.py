"""The `sco-extract/1` JSON object of one document, and the file it is written to.

Items keep their `evidence` ([[start, end], ...] offsets into the cleaned text);
the scorer ignores fields it does not know. The two list-of-string types,
`states` and `areas`, print as plain lists, with their evidence in a top-level
`evidence` block: `{"states": {"CHN": [[s, e], ...]}, "areas": {...}}`.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from scotrack.ingest.document import CleanDocument, Item
from scotrack.ingest.read import output_name

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
    return out


def write_extract(
    doc: CleanDocument, out_dir: Path, *, with_evidence: bool = True
) -> Path:
    """Write OUT_DIR/<doc id>.json (UTF-8, indented) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{output_name(doc.id)}.json"
    payload = to_extract_json(doc, with_evidence=with_evidence)
    path.write_text(json_text(payload) + "\n", encoding="utf-8")
    return path


class _NotPlain(Exception):
    """A value `json_text` leaves to the json module."""


def json_text(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, faster.

    The json module writes indented JSON with its pure-Python encoder; this
    writes the same characters for plain data (dicts with string keys, lists,
    strings, ints, floats, booleans, None) and hands anything else to it.
    """
    try:
        return _text(value, "\n")
    except (_NotPlain, TypeError, RecursionError):  # a non-string key, a cycle
        return json.dumps(value, ensure_ascii=False, indent=2)


def _text(value: Any, newline: str) -> str:
    """`value` as indented JSON; `newline` is a line end and the current indent.

    Strings and None, half the values, are written in the loops without a call.
    """
    kind = type(value)
    if kind is list:
        if not value:
            return "[]"
        inner = newline + "  "
        if type(value[0]) is int and all(type(item) is int for item in value):
            body = ("," + inner).join(map(int.__repr__, value))  # one span
        elif type(value[0]) is list and all(map(_is_span, value)):
            deeper = inner + "  "  # evidence: [[start, end], ...]
            body = ("," + inner).join(
                [f"[{deeper}{a!r},{deeper}{b!r}{inner}]" for a, b in value]
            )
        else:
            body = ("," + inner).join(
                [
                    quoted(item)
                    if type(item) is str
                    else ("null" if item is None else _text(item, inner))
                    for item in value
                ]
            )
        return f"[{inner}{body}{newline}]"
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + "  "
        body = ("," + inner).join(
            [
                f"{quoted(key)}: "
                + (
                    quoted(item)
                    if type(item) is str
                    else ("null" if item is None else _text(item, inner))
                )
                for key, item in value.items()
            ]
        )
        return f"{{{inner}{body}{newline}}}"
    return _scalar(value)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return quoted(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if kind is float and value == value and value not in _INFINITE:
        return float.__repr__(value)
    raise _NotPlain  # subclasses, tuples, NaN, objects: as the json module does


def _is_span(item: Any) -> bool:
    return (
        type(item) is list
        and len(item) == 2
        and type(item[0]) is int
        and type(item[1]) is int
    )


quoted = encode_basestring
_INFINITE = (float("inf"), float("-inf"))
