"""The `sco-extract/1` JSON object of one document, and the file it is written to.

Items keep their `evidence` ([[start, end], ...] offsets into the cleaned text);
the scorer ignores fields it does not know. The two list-of-string types,
`states` and `areas`, print as plain lists, with their evidence in a top-level
`evidence` block: `{"states": {"CHN": [[s, e], ...]}, "areas": {...}}`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

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


def write_extract(
    doc: CleanDocument, out_dir: Path, *, with_evidence: bool = True
) -> Path:
    """Write OUT_DIR/<doc id>.json (UTF-8, indented) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{output_name(doc.id)}.json"
    path.write_bytes(json_bytes(to_extract_json(doc, with_evidence=with_evidence)))
    return path


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
