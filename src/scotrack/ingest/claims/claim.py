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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scotrack.domain import vocab
from scotrack.domain.vocab import ClaimKind
from scotrack.errors import InputError
from scotrack.ingest.claims.claim_fields import (
    FIELDS,
    SET_FIELDS,
    date_problem,
    evidence_problems,
    is_state_code,
    item_problems,
    person_problems,
)

SCHEMA = "sco-extract/1"

Span = tuple[int, int]
Payload = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
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


def claims_from_extract(
    document_id: str, extract: Mapping[str, Any]
) -> list[ExtractedClaim]:
    """The claims of one sco-extract/1 object, in schema order then item order.

    Items with the same payload (the extractor listed one fact twice) become one
    claim with the evidence of both. Raises InputError listing every bad item.
    """
    problems = _schema_problems(extract)
    claims: dict[str, ExtractedClaim] = {}
    for list_name, kind in vocab.CLAIM_LISTS.items():
        for index, item in enumerate(_items(extract, list_name, problems)):
            where = f"{list_name}[{index}]"
            found = item_problems(kind, item)
            found += [f"evidence: {p}" for p in evidence_problems(item)]
            if found:
                problems += [f"{where}.{problem}" for problem in found]
                continue
            claim = ExtractedClaim(
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
    problems += [
        f"states: {s!r} is not a state code" for s in states if not is_state_code(s)
    ]
    problems += [
        f"areas: {a!r} is not one of {', '.join(vocab.AREAS)}"
        for a in areas
        if a not in vocab.AREAS
    ]
    people = []
    for index, person in enumerate(_items(extract, "people", problems)):
        found = person_problems(person)
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
        published
        if isinstance(published, str) and date_problem(published) is None
        else None
    )


def _merged(earlier: ExtractedClaim | None, claim: ExtractedClaim) -> ExtractedClaim:
    if earlier is None:
        return claim
    spans = tuple(sorted({*earlier.evidence, *claim.evidence}))
    return ExtractedClaim(
        claim.document_id, claim.kind, claim.payload, spans, claim.published
    )


def _raise(document_id: str, problems: list[str]) -> None:
    listed = "\n  ".join(problems)
    raise InputError(
        f"extract of document {document_id!r} has {len(problems)} problem"
        f"{'s' if len(problems) != 1 else ''} (fix the file or re-extract):\n  {listed}"
    )
