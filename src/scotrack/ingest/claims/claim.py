"""Claims: the facts one `sco-extract/1` object asserts, ready for the knowledge base.

One claim per meeting, agreement (per action), commitment, project and membership
item; states, people and areas are tags of the whole document, not claims
(`document_tags`). A claim's `key` hashes its document id, kind and canonical
payload, so re-ingesting the same document yields the same keys: the order of the
items, of the keys inside an item and of set-like lists (`parties`, `countries`)
does not change a key, and neither does evidence (re-cleaning may shift offsets).

A malformed item fails the whole document with one InputError listing every problem
as `<list>[<index>].<field>: ...`: the extractor only writes the schema's value
sets, so a bad value means a broken or hand-edited file, and ingesting the rest of
it would leave a document half in the knowledge base.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scotrack.domain import vocab
from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import ClaimKind
from scotrack.errors import InputError

SCHEMA = "sco-extract/1"

SUGGESTION_KINDS: tuple[ClaimKind, ...] = ("assessment", "project-status")
"""Claims the store suggests from statements of implementation (#13), not
sco-extract/1 lists: an assessment of a commitment, a project's next status."""
SUGGESTION_ENTITIES: dict[str, str] = {
    "assessment": "commitment",
    "project-status": "project",
}
"""The entity kind a suggestion changes."""
Span = tuple[int, int]
Payload = dict[str, Any]

CLAIM_LISTS: dict[str, ClaimKind] = {
    "meetings": "meeting",
    "agreements": "agreement",
    "commitments": "commitment",
    "projects": "project",
    "membership": "membership",
}
"""The sco-extract/1 lists that become claims, and the claim kind of each."""

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

_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as one document states it; `key` is computed, never passed."""

    document_id: str
    kind: ClaimKind
    payload: Payload = field(compare=False)
    evidence: tuple[Span, ...]
    published: str | None = None
    """The document's publication date (YYYY[-MM[-DD]]), context for resolution."""
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "key", claim_key(self.document_id, self.kind, self.payload)
        )


@dataclass(frozen=True, slots=True)
class PersonTag:
    name: str
    role: str | None = None
    state: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentTags:
    """What a document is about, as a whole: tags, not claims."""

    states: tuple[str, ...] = ()
    people: tuple[PersonTag, ...] = ()
    areas: tuple[str, ...] = ()


def claim_key(document_id: str, kind: str, payload: Mapping[str, Any]) -> str:
    """A stable hash of the document id, kind and canonical payload (32 hex digits)."""
    canonical = json.dumps(
        [document_id, kind, canonical_payload(payload)],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def canonical_payload(payload: Mapping[str, Any]) -> Payload:
    """`payload` with stripped strings, sorted set-like lists, whole numbers as int."""
    return {name: _canonical(name, value) for name, value in payload.items()}


def _canonical(name: str, value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        items = [_canonical(name, item) for item in value]
        return sorted(set(items)) if name in SET_FIELDS else items
    if isinstance(value, Mapping):
        return canonical_payload(value)
    return value


def claims_from_extract(document_id: str, extract: Mapping[str, Any]) -> list[Claim]:
    """The claims of one sco-extract/1 object, in schema order then item order.

    Items with the same payload (the extractor listed one fact twice) become one
    claim with the evidence of both. Raises InputError listing every bad item.
    """
    problems = _schema_problems(extract)
    claims: dict[str, Claim] = {}
    for list_name, kind in CLAIM_LISTS.items():
        for index, item in enumerate(_items(extract, list_name, problems)):
            where = f"{list_name}[{index}]"
            found = item_problems(kind, item)
            found += [f"evidence: {p}" for p in _evidence_problems(item)]
            if found:
                problems += [f"{where}.{problem}" for problem in found]
                continue
            claim = Claim(
                document_id,
                kind,
                canonical_payload(_payload(kind, item)),
                _evidence(item),
                published=_published(extract),
            )
            claims[claim.key] = _merged(claims.get(claim.key), claim)
    if problems:
        _raise(document_id, problems)
    return list(claims.values())


def document_tags(extract: Mapping[str, Any]) -> DocumentTags:
    """The states, people and areas a sco-extract/1 object tags its document with."""
    problems = _schema_problems(extract)
    states = _strings(extract, "states", problems)
    areas = _strings(extract, "areas", problems)
    problems += [f"states: {s!r} is not a state code" for s in states if not _code(s)]
    problems += [
        f"areas: {a!r} is not one of {', '.join(vocab.AREAS)}"
        for a in areas
        if a not in vocab.AREAS
    ]
    people = []
    for index, person in enumerate(_items(extract, "people", problems)):
        found = _person_problems(person)
        problems += [f"people[{index}].{problem}" for problem in found]
        if not found:
            people.append(
                PersonTag(person["name"], person.get("role"), person.get("state"))
            )
    if problems:
        _raise(str(extract.get("id", "?")), problems)
    return DocumentTags(
        tuple(dict.fromkeys(states)), tuple(people), tuple(dict.fromkeys(areas))
    )


# validation


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
        if (value is None and optional) or _code(value):
            return None
        return f"{value!r} is not a state code (ISO 3166-1 alpha-3, e.g. CHN)"

    return check


def _date(value: Any) -> str | None:
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
    bad = [code for code in value if not _code(code)]
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
    return "missing: give the date (YYYY[-MM[-DD]])" if value is None else _date(value)


PROJECT_LIFECYCLE = ("agreed", "under way", "completed", "suspended", "cancelled")
"""The statuses a project-status suggestion may propose (domain.projects)."""

CHECKS: dict[ClaimKind, dict[str, Check]] = {
    "meeting": {
        "body": _one_of(vocab.MEETING_BODIES),
        "number": _number,
        "date": _date,
        "city": _text(optional=True),
        "country": _state_code(optional=True),
        "format": _one_of(vocab.MEETING_FORMATS, optional=True),
    },
    "agreement": {
        "title": _text(),
        "action": _one_of(vocab.AGREEMENT_ACTIONS),
        "date": _date,
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
        "date": _date,
    },
    "assessment": {
        "score": _score,
        "date": _required_date,
    },
    "project-status": {
        "status": _one_of(PROJECT_LIFECYCLE),
        "date": _date,
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


def _evidence_problems(item: Mapping[str, Any]) -> list[str]:
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


def _person_problems(person: Mapping[str, Any]) -> list[str]:
    checks = {
        "name": _text(),
        "role": _text(optional=True),
        "state": _state_code(optional=True),
    }
    found = ((name, check(person.get(name))) for name, check in checks.items())
    return [f"{name}: {problem}" for name, problem in found if problem is not None]


def _code(value: Any) -> bool:
    return isinstance(value, str) and _CODE.match(value) is not None


# plumbing


def _schema_problems(extract: Mapping[str, Any]) -> list[str]:
    schema = extract.get("schema")
    if schema == SCHEMA:
        return []
    return [f"schema: {schema!r} is not {SCHEMA!r}; is this an extract file?"]


def _items(
    extract: Mapping[str, Any], name: str, problems: list[str]
) -> list[Mapping[str, Any]]:
    items = extract.get(name) or []
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        problems.append(f"{name}: expected a list of objects")
        return []
    return items


def _strings(extract: Mapping[str, Any], name: str, problems: list[str]) -> list[str]:
    values = extract.get(name) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        problems.append(f"{name}: expected a list of strings")
        return []
    return values


def _payload(kind: ClaimKind, item: Mapping[str, Any]) -> Payload:
    """The kind's fields of `item`; a missing field is null, or [] for a list."""
    return {
        name: item.get(name, [] if name in SET_FIELDS else None)
        for name in FIELDS[kind]
    }


def _evidence(item: Mapping[str, Any]) -> tuple[Span, ...]:
    return tuple(sorted({(int(start), int(end)) for start, end in item["evidence"]}))


def _published(extract: Mapping[str, Any]) -> str | None:
    document = extract.get("document")
    published = document.get("published") if isinstance(document, Mapping) else None
    return (
        published if isinstance(published, str) and _date(published) is None else None
    )


def _merged(earlier: Claim | None, claim: Claim) -> Claim:
    if earlier is None:
        return claim
    spans = tuple(sorted({*earlier.evidence, *claim.evidence}))
    return Claim(claim.document_id, claim.kind, claim.payload, spans, claim.published)


def _raise(document_id: str, problems: list[str]) -> None:
    listed = "\n  ".join(problems)
    raise InputError(
        f"extract of document {document_id!r} has {len(problems)} problem"
        f"{'s' if len(problems) != 1 else ''} (fix the file or re-extract):\n  {listed}"
    )
