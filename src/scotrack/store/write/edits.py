"""Manual edits of facts (`scotrack edit`), checked and logged like any change,
and the reading of what a reviewer types into a claim's field (`claim_value`)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Double, Integer, inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import ENTITY_KINDS
from scotrack.errors import InputError
from scotrack.ingest.claims.claim_fields import SET_FIELDS
from scotrack.store import history, models
from scotrack.store.history import ChangeRecord, Recorder

NULL_WORDS = ("", "null", "none")
"""Values that clear a field, in `scotrack edit` and in a claim's edit alike."""

CLAIM_DATE_FIELDS = ("date",)
CLAIM_NUMBER_FIELDS = ("number",)
CLAIM_CODE_LISTS = SET_FIELDS
CLAIM_OBJECT_FIELDS = ("target",)
"""The claim fields that are not text (sco-extract/1): how a typed value is read."""


def claim_value(name: str, text: str) -> Any:
    """A claim field's value as a reviewer typed it, read by the field's type.

    Blank, `null` or `none` clears the field; a date is a partial date (`2017`,
    `2017-06`, `2017-06-09`) kept as text; `number` a whole number; `parties` and
    `countries` state codes separated by commas or spaces (or a JSON list);
    `target` a JSON object; any other field the text as typed. The one reader of
    `scotrack review edit --set`, the interactive `scotrack review` and the web's
    edit form, so `2017-06-09` is a date and `0` a number everywhere (#14).
    """
    text = text.strip()
    if text.casefold() in NULL_WORDS:
        return None
    if name in CLAIM_DATE_FIELDS:
        return _partial_date(name, text)
    if name in CLAIM_NUMBER_FIELDS:
        return _whole_number(name, text)
    if name in CLAIM_CODE_LISTS:
        return _codes(name, text)
    if name in CLAIM_OBJECT_FIELDS:
        return _json_object(name, text)
    return text


def _partial_date(label: str, text: str) -> str:
    try:
        return str(PartialDate.parse(text))
    except InputError as err:
        raise InputError(f"{label}: {err}") from None


def _whole_number(label: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(f"{label}: {text!r} is not a whole number") from None


def _codes(label: str, text: str) -> list[str]:
    if text.startswith("["):
        found = _json(label, text, "a list of state codes")
        if not isinstance(found, list):
            raise InputError(f"{label}: {text!r} is not a list of state codes")
        return [str(code).strip().upper() for code in found]
    return [code.upper() for code in re.split(r"[\s,;]+", text) if code]


def _json_object(label: str, text: str) -> dict[str, Any]:
    wanted = 'JSON such as {"value": 10, "unit": "billion yuan"}'
    found = _json(label, text, wanted)
    if not isinstance(found, dict):
        raise InputError(f"{label}: {text!r} is not {wanted}")
    return found


def _json(label: str, text: str, wanted: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise InputError(f"{label}: {text[:80]!r} is not {wanted}") from None
    except RecursionError:  # a 100,000-deep value (#18)
        raise InputError(f"{label}: the value is nested too deeply") from None


def editable_fields(kind: str) -> list[str]:
    """The columns of a fact that `edit` may set (not its id)."""
    model = history.model_of(kind)
    return [c.key for c in inspect(model).columns if not c.primary_key]


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`field=value` strings as a mapping; InputError for a pair without `=`."""
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--set {pair!r}: write FIELD=VALUE")
        found[name.strip()] = value.strip()
    return found


def _value(kind: str, name: str, text: str) -> Any:
    column = inspect(history.model_of(kind)).columns[name]
    if text.casefold() in NULL_WORDS:
        if not column.nullable:
            raise InputError(f"{kind} {name}: cannot be empty")
        return None
    if isinstance(column.type, Integer):
        return _whole_number(f"{kind} {name}", text)
    if isinstance(column.type, Double):
        try:
            return float(text)
        except ValueError:
            raise InputError(f"{kind} {name}: {text!r} is not a number") from None
    if name.endswith("_date"):
        return _partial_date(f"{kind} {name}", text)
    return text


def edit_entity(
    session: Session,
    spec: str,
    assignments: Mapping[str, str],
    *,
    actor: str,
    reason: str,
    source_id: str | None = None,
) -> list[ChangeRecord]:
    """Set fields of the fact `spec` (KIND:ID) and log the change with its reason."""
    kind, _, entity_id = spec.partition(":")
    if kind not in ENTITY_KINDS or not entity_id:
        raise InputError(
            f"{spec!r}: give KIND:ID with KIND one of {', '.join(ENTITY_KINDS)}"
        )
    if not reason.strip():
        raise InputError("--reason: say why (it is kept in the history)")
    row = history.entity_row(session, kind, entity_id)
    if row is None:
        raise InputError(f"{spec}: no such {kind}")
    allowed = editable_fields(kind)
    unknown = sorted(set(assignments) - set(allowed))
    if unknown:
        raise InputError(
            f"{spec}: no field {', '.join(unknown)} (fields: {', '.join(allowed)})"
        )
    values = {name: _value(kind, name, text) for name, text in assignments.items()}
    if source_id is not None and session.get(models.Source, source_id) is None:
        raise InputError(f"--source {source_id!r}: no such source")
    recorder = Recorder(session, actor, "edit", reason=reason, source_id=source_id)
    try:
        with session.begin_nested(), recorder.tracking(kind, entity_id):
            for name, value in values.items():
                setattr(row, name, value)
            if kind == "meeting" and "start_date" in values:
                start = values["start_date"]
                row.year = None if start is None else PartialDate.parse(start).year  # type: ignore[attr-defined]
    except IntegrityError as err:
        raise InputError(
            f"{spec}: {', '.join(values)} refers to something not in the knowledge "
            f"base ({str(err.orig).splitlines()[0]})"
        ) from None
    if not recorder.changes:
        raise InputError(f"{spec}: nothing changed (the values are already so)")
    return recorder.records()
