"""What a document given as a JSON object may hold: one check for every surface.

A line of a JSON Lines file (`scotrack extract`, `scotrack ingest`) and the body
of `POST /api/v1/documents` go through `document_fields`, so what one surface
refuses the other refuses too, with the same reason (#18): `text` or `html` (a
non-empty string, not both), optional `id`, `url`, `published` (YYYY, YYYY-MM
or YYYY-MM-DD, a real day), `source` and `title`, each a string within its
length limit and valid Unicode (no lone surrogate, which no file can store).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

MAX_LENGTHS = {"id": 200, "url": 2000, "published": 10, "source": 300, "title": 1000}
"""The longest value, in characters, of each optional field."""

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class DocumentFields:
    """The checked fields of a document given as a JSON object; exactly one of
    `text` and `html` is set, `published` is normalised (`2017-06-09`)."""

    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None


def document_json(text: str, *, max_depth: int) -> DocumentFields:
    """The checked fields of the JSON object `text`; InputError (with `field`)
    when it is not JSON, is nested deeper than `max_depth` (refused before
    parsing: the parser recurses once a level), or a field is wrong (#18)."""
    if json_too_deep(text, max_depth):
        raise InputError(
            f"document: JSON nested too deeply (over {max_depth} levels; set "
            "SCOTRACK_MAX_JSON_DEPTH to change the limit)",
            field="document",
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"document: malformed JSON ({err.msg})", field="document"
        ) from None
    except RecursionError:
        raise InputError("document: JSON nested too deeply", field="document") from None
    except ValueError:  # Python reads no integer of more than 4,300 digits
        raise InputError(
            "document: malformed JSON (a number too long to read)", field="document"
        ) from None
    return document_fields(record)


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_too_deep(text: str, limit: int) -> bool:
    """Whether the arrays and objects of the JSON `text` nest deeper than `limit`,
    found without parsing it; a text with no more brackets than `limit` is not
    measured."""
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


def document_fields(record: Any) -> DocumentFields:
    """The fields of `record`, checked; InputError naming the field and the reason
    (with `field` set) for the first that is wrong. Unknown keys are ignored."""
    if not isinstance(record, Mapping):
        raise InputError(
            f"document: not a JSON object ({_kind(record)})", field="document"
        )
    body = {name: _string(record, name) for name in ("text", "html")}
    given = [
        name for name, value in body.items() if value is not None and value.strip()
    ]
    if not given:
        raise InputError(
            "text: give the document as a non-empty `text` (plain text) or `html` "
            "(a web page)",
            field="text",
        )
    if len(given) > 1:
        raise InputError("html: give `text` or `html`, not both", field="html")
    identifier = record.get("id")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        record = {**record, "id": str(identifier)}  # a number is a fine id: 7
    optional = {name: _optional(record, name) for name in MAX_LENGTHS}
    published = optional["published"]
    return DocumentFields(
        text=body["text"] if given == ["text"] else None,
        html=body["html"] if given == ["html"] else None,
        id=optional["id"],
        url=optional["url"],
        published=None if published is None else published_date(published),
        source=optional["source"],
        title=optional["title"],
    )


def published_date(value: str, name: str = "published") -> str:
    """`value` as a normalised partial date; InputError naming field `name`."""
    try:
        return str(PartialDate.parse(value))
    except (InputError, ValueError) as err:
        text = str(err)
        reason = (
            text.rpartition("date: ")[2]
            if "date: " in text  # "2017-02 has no day 30"
            else "give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-06-09)"
        )
        raise InputError(
            f"{name}: {value.strip()[:20]!r} is not a date: {reason}", field=name
        ) from None


def _string(record: Mapping[str, Any], name: str) -> str | None:
    """`record[name]`, a string or absent (None); InputError otherwise."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{name}: Input should be a valid string (not {_kind(value)})", field=name
        )
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise InputError(
            f"{name}: not valid Unicode (a lone surrogate, \\u{ord(bad.group()):04x}, "
            f"at character {bad.start()})",
            field=name,
        )
    return value


def _optional(record: Mapping[str, Any], name: str) -> str | None:
    """An optional field: a string of at most its length limit, blank as None."""
    value = _string(record, name)
    if value is None:
        return None
    limit = MAX_LENGTHS[name]
    if len(value) > limit:
        raise InputError(
            f"{name}: String should have at most {limit} characters", field=name
        )
    return value.strip() or None


def _kind(value: Any) -> str:
    """What JSON calls the type of `value`: "an object", "a number", ..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else type(value).__name__
