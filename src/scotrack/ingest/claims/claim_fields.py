"""Claim fields: the payload fields of each claim kind and the checks of their values.

A check returns None for a good value and a one-line problem otherwise, so that
`claims_from_extract` (`scotrack.ingest.claims.claim`) can list every problem of a
document at once; the value sets are the schema's (`scotrack.domain.vocab`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from scotrack.domain import vocab
from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import ClaimKind
from scotrack.errors import InputError
from scotrack.ingest.lexicon import claims as rules

FIELDS: dict[ClaimKind, tuple[str, ...]] = {
    "meeting": ("body", "number", "date", "city", "country", "format"),
    "agreement": ("title", "action", "date", "place", "parties"),
    "commitment": ("actor", "speaker", "kind", "area", "text", "target"),
    "project": ("name", "sector", "countries", "status"),
    "membership": ("state", "event", "date"),
    "assessment": ("score", "date"),
    "project-status": ("status", "date"),
}
EDITABLE_EXTRA: dict[ClaimKind, tuple[str, ...]] = {"commitment": ("meeting",)}
"""Fields a reviewer may add that extraction never gives (keys stay as they were):
the meeting a commitment was made at (#13)."""
"""The payload fields of each kind (SCHEMA.md); other fields of an item are dropped
so that a field added to the extractor's output does not change every key."""

SET_FIELDS = ("parties", "countries")
"""List fields whose order means nothing: sorted (and deduplicated) in payloads."""

Check = Callable[[Any], str | None]


def _one_of(values: tuple[str, ...], *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if value in values:
            return None
        null = " or null" if optional else ""
        return f"{value!r} is not one of {', '.join(values)}{null}"

    return check


def _text(*, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, str) and value.strip():
            return None
        return f"{value!r} is not a non-empty string" + (" or null" if optional else "")

    return check


def _state_code(*, optional: bool = False) -> Check:
    """A code's form only (three capitals, `SCO` too): which codes exist is the
    catalogue's business, at resolution."""

    def check(value: Any) -> str | None:
        if (value is None and optional) or is_state_code(value):
            return None
        return f"{value!r} is not a state code (ISO 3166-1 alpha-3, e.g. CHN)"

    return check


def date_problem(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{value!r} is not a date string (YYYY, YYYY-MM or YYYY-MM-DD) or null"
    try:
        PartialDate.parse(value)
    except InputError as err:
        return str(err)
    return None


def _number(value: Any) -> str | None:
    # at most what an INTEGER column holds on PostgreSQL: accepting more was a 500
    if value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31
    ):
        return None
    return f"{repr(value)[:40]} is not a positive whole number below 2**31, or null"


def _codes(value: Any) -> str | None:
    if not isinstance(value, list | tuple):
        return f"{value!r} is not a list of state codes"
    bad = [code for code in value if not is_state_code(code)]
    return (
        None if not bad else f"{', '.join(map(repr, bad))} not state codes (e.g. CHN)"
    )


def _target(value: Any) -> str | None:
    if value is None:
        return None
    number = value.get("value") if isinstance(value, Mapping) else None
    unit = value.get("unit") if isinstance(value, Mapping) else None
    if (
        isinstance(number, int | float)
        and not isinstance(number, bool)
        and (unit is None or isinstance(unit, str))
    ):
        return None
    return f'{value!r} is not {{"value": <number>, "unit": <string>}} or null'


def _score(value: Any) -> str | None:
    """1, 0 or -1; as typed by a reviewer (`review edit --set score=-1`) too."""
    if isinstance(value, bool):
        return f"{value!r} is not a score (1, 0 or -1)"
    if value in (1, 0, -1) or value in ("1", "+1", "0", "-1"):
        return None
    return f"{value!r} is not a score (1, 0 or -1)"


def _required_date(value: Any) -> str | None:
    return (
        "missing: give the date (YYYY[-MM[-DD]])"
        if value is None
        else date_problem(value)
    )


PROJECT_LIFECYCLE = ("agreed", "under way", "completed", "suspended", "cancelled")
"""The statuses a project-status suggestion may propose (domain.projects)."""

CHECKS: dict[ClaimKind, dict[str, Check]] = {
    "meeting": {
        "body": _one_of(vocab.MEETING_BODIES),
        "number": _number,
        "date": date_problem,
        "city": _text(optional=True),
        "country": _state_code(optional=True),
        "format": _one_of(vocab.MEETING_FORMATS, optional=True),
    },
    "agreement": {
        "title": _text(),
        "action": _one_of(vocab.AGREEMENT_ACTIONS),
        "date": date_problem,
        "place": _text(optional=True),
        "parties": _codes,
    },
    "commitment": {
        "actor": _state_code(),
        "speaker": _text(optional=True),
        "kind": _one_of(vocab.COMMITMENT_KINDS),
        "area": _one_of(vocab.AREAS, optional=True),
        "text": _text(),
        "target": _target,
        "meeting": _text(optional=True),
    },
    "project": {
        "name": _text(),
        "sector": _one_of(vocab.SECTORS, optional=True),
        "countries": _codes,
        "status": _one_of(vocab.PROJECT_STATUSES, optional=True),
    },
    "membership": {
        "state": _state_code(),
        "event": _one_of(vocab.MEMBERSHIP_EVENTS),
        "date": date_problem,
    },
    "assessment": {
        "score": _score,
        "date": _required_date,
    },
    "project-status": {
        "status": _one_of(PROJECT_LIFECYCLE),
        "date": date_problem,
    },
}
"""One check per payload field; a missing list field counts as an empty list."""


def item_problems(kind: ClaimKind, item: Mapping[str, Any]) -> list[str]:
    """`<field>: <problem>` for each field of `item` outside the schema's value sets."""
    problems = []
    for name, check in CHECKS[kind].items():
        value = item.get(name, [] if name in SET_FIELDS else None)
        problem = check(value)
        if problem is not None:
            problems.append(f"{name}: {problem}")
    return problems


def evidence_problems(item: Mapping[str, Any]) -> list[str]:
    if "evidence" not in item:
        return ["missing; write the extract with evidence (to_extract_json)"]
    spans = item["evidence"]
    if not isinstance(spans, list | tuple):
        return [f"{spans!r} is not a list of [start, end] spans"]
    return [
        f"{span!r} is not a [start, end] span with 0 <= start <= end"
        for span in spans
        if not _span(span)
    ]


def _span(span: Any) -> bool:
    return (
        isinstance(span, list | tuple)
        and len(span) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
        and 0 <= span[0] <= span[1]
    )


def person_problems(person: Mapping[str, Any]) -> list[str]:
    checks = {
        "name": _text(),
        "role": _text(optional=True),
        "state": _state_code(optional=True),
    }
    found = ((name, check(person.get(name))) for name, check in checks.items())
    return [f"{name}: {problem}" for name, problem in found if problem is not None]


def is_state_code(value: Any) -> bool:
    return isinstance(value, str) and rules.STATE_CODE.match(value) is not None
