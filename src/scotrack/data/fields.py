"""The fields of the baseline records and their types: the first pass of the data
check (`check.problems`), and what the rules between records may take for granted.
"""

from __future__ import annotations

from typing import Any

from scotrack.domain.agreements import RuleKind
from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

BODY_KINDS = ("council", "meeting", "permanent body", "non-governmental")
"""What a body is: `Body.kind` (domain/meetings.py) takes one of these."""

RULE_KINDS: tuple[RuleKind, ...] = ("nth-instrument", "all-instruments", "on-signature")

# Field types: "text" a non-empty string, "texts" a list of them, "date" a
# PartialDate string, "count" an int >= 1, "days" an int >= 0, "object" a JSON
# object, "objects" a list of them. A trailing "?" means the field may be null or
# absent; "texts" and "objects" may always be absent.
_NOTE = " source:text note:text?"
SPECS = {
    "sources": "id:text title:text publisher:text? url:text? date:date? note:text?",
    "states": "code:text name:text official_name:text? aliases:texts adjectives:texts"
    " capital:text?" + _NOTE,
    "cities": "name:text state:text aliases:texts" + _NOTE,
    "bodies": "code:text name:text schema_body:text aliases:texts kind:text"
    " founded:date? seat:text? founding_source:text? predecessor_of:text?" + _NOTE,
    "membership": "state:text status:text start:date? end:date?" + _NOTE,
    "meetings": "id:text body:text number:count? start_date:date? end_date:date?"
    " city:text? host:text? chair:text? format:text? participants:texts name:text?"
    + _NOTE,
    "agreements": "id:text title:text kind:text aliases:texts signed_date:date?"
    " place:text? depositary:text? rule:object? parties:objects declarations:objects"
    " entry_into_force:date? entry_into_force_source:text? body:text?" + _NOTE,
    "initiatives": "code:text name:text proposed_by:text? proposed_on:date?"
    " aliases:texts" + _NOTE,
    # a person's source may be absent only while the name is on the allow-list
    "people": "name:text state:text aliases:texts roles:objects source:text?"
    " note:text?",
    "role": "role:text from:date to:date? source:text? note:text?",
    "rule": "kind:text n:count? days:days? later_days:days?",
    "party": "state:text signed:date? ratified:date? acceded:date? deposited:date?"
    " withdrew:date? source:text? note:text?",
    "declaration": "state:text date:date? text:text source:text?",
}


FIELDS: dict[str, dict[str, str]] = {
    name: dict(pair.split(":") for pair in spec.split()) for name, spec in SPECS.items()
}
"""Each file's (and nested object's) fields and their types."""
KEYS = {
    "sources": "id",
    "states": "code",
    "bodies": "code",
    "meetings": "id",
    "agreements": "id",
    "initiatives": "code",
    "people": "name",
}


def type_problem(kind: str, value: Any) -> str | None:
    """Why `value` is not of field type `kind` (None: it is)."""
    if kind == "text":
        ok = isinstance(value, str) and bool(value.strip())
        return None if ok else f"expected a non-empty string, got {value!r}"
    if kind == "texts":
        ok = isinstance(value, list) and all(
            isinstance(item, str) and item.strip() for item in value
        )
        return None if ok else f"expected a list of non-empty strings, got {value!r}"
    if kind == "date":
        if not isinstance(value, str):
            return f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}"
        try:
            PartialDate.parse(value)
        except InputError as err:
            return str(err)
        return None
    if kind in ("count", "days"):
        least = 1 if kind == "count" else 0
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= least
        return None if ok else f"expected a whole number >= {least}, got {value!r}"
    if kind == "object":
        return None if isinstance(value, dict) else f"expected an object, got {value!r}"
    ok = isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return None if ok else f"expected a list of objects, got {value!r}"
