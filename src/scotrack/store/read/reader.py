"""A stored document, the one read of it for every surface (#15): its metadata,
clean text and claims with their evidence (`reading`, which the CLI's `document`,
the API's /documents/{id} and the web's reader all call), its original content,
the one lookup of a document by id or prefix, and claim counts for the documents
table (`document_tables.document_table`).

A document's claims come in reading order: by where their first evidence span
starts in the text (a claim without one first), then by id. Evidence spans are
the claim's spans that cover text (start before end), clipped to the text.

`text_segments` only cuts: it never escapes or marks up, so whoever renders the
segments escapes every piece.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from scotrack.store import identity
from scotrack.store.provenance import Claim, Document, evidence_spans


@dataclass(frozen=True, slots=True)
class Span:
    """One evidence span of a claim: offsets into the clean text, and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """A claim of a document with the spans of its text that support it."""

    id: str
    kind: str
    summary: str
    status: str
    proposal: str
    entity_kind: str | None
    entity_id: str | None
    evidence: tuple[Span, ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The evidence as (start, end) pairs."""
        return tuple((span.start, span.end) for span in self.evidence)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A stored document's metadata and clean text (not the raw text)."""

    id: str
    url: str | None
    version: int
    previous_id: str | None
    title: str | None
    outlet: str | None
    published_date: str | None
    dateline: str | None
    ingested_at: str
    tags: dict[str, Any]
    clean_text: str


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A piece of the text and the claims whose evidence covers it (maybe none)."""

    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """A document, its claims in reading order and its text in segments."""

    document: DocumentRecord
    claims: tuple[ClaimMark, ...]
    segments: tuple[TextSegment, ...]


@dataclass(frozen=True, slots=True)
class Original:
    """A document's raw content as it was ingested, and whether it is HTML."""

    id: str
    raw_text: str
    html: bool


def claim_counts(session: Session, ids: list[str]) -> dict[str, tuple[int, int]]:
    """Document id -> (claims, pending claims), for the given documents only."""
    if not ids:
        return {}
    pending = func.sum(case((Claim.status == "pending", 1), else_=0))
    query = (
        select(Claim.document_id, func.count(), pending)
        .where(Claim.document_id.in_(ids))
        .group_by(Claim.document_id)
    )
    return {
        doc: (int(total), int(waiting or 0))
        for doc, total, waiting in session.execute(query)
    }


def text_segments(text: str, claims: tuple[ClaimMark, ...]) -> list[TextSegment]:
    """`text` cut at every span boundary; each piece lists the claims covering it.

    Spans outside the text are clipped; overlapping spans give pieces covered by
    several claims.
    """
    bounds = {0, len(text)}
    for claim in claims:
        for start, end in claim.spans:
            bounds.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    cuts = sorted(bounds)
    segments = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        covering = tuple(
            claim.id
            for claim in claims
            if any(a <= start and end <= b for a, b in claim.spans)
        )
        segments.append(TextSegment(text[start:end], covering))
    return segments


def find_document(session: Session, ref: str) -> Document:
    """The document whose id is `ref`, or the one document whose id starts with it
    (the one lookup of a document; see `identity`). The row is the store's: a
    surface takes `document_id` or `reading`."""
    return identity.by_id_or_prefix(session, Document, "document", ref)


def document_id(session: Session, ref: str) -> str:
    """The full id of the document `ref` names (its id or a unique prefix), as
    `find_document` finds it: all a surface needs of the lookup (#15)."""
    return find_document(session, ref).id


def reading(session: Session, ref: str) -> Reading:
    """The document (its id or a unique prefix) with its claims in reading order
    and its text in segments; NotFound or Ambiguous otherwise."""
    document = find_document(session, ref)
    text = document.clean_text
    found = session.scalars(
        select(Claim).where(Claim.document_id == document.id).order_by(Claim.id)
    )
    claims = (
        ClaimMark(
            c.id,
            c.kind,
            c.summary,
            c.status,
            c.proposal,
            c.entity_kind,
            c.entity_id,
            tuple(
                Span(a, b, text[a:b])
                for a, b in _clipped(evidence_spans(c.evidence), len(text))
            ),
        )
        for c in found
    )
    ordered = tuple(sorted(claims, key=lambda c: (c.spans[:1] or ((0, 0),), c.id)))
    return Reading(_record(document), ordered, tuple(text_segments(text, ordered)))


def original(session: Session, ref: str) -> Original:
    """The raw content of a document (its id or a unique prefix); `html` when it
    was read as a web page (as extraction decided, stored with it: #15)."""
    document = find_document(session, ref)
    return Original(document.id, document.raw_text, document.html)


def _clipped(spans: tuple[tuple[int, int], ...], length: int) -> list[tuple[int, int]]:
    """The spans that cover some of a text of `length` characters, clipped to it."""
    found = []
    for start, end in spans:
        a, b = max(0, start), min(end, length)
        if a < b:
            found.append((a, b))
    return found


def _record(document: Document) -> DocumentRecord:
    return DocumentRecord(
        id=document.id,
        url=document.url,
        version=document.version,
        previous_id=document.previous_id,
        title=document.title,
        outlet=document.outlet,
        published_date=document.published_date,
        dateline=document.dateline,
        ingested_at=document.ingested_at,
        tags=json.loads(document.tags or "{}"),
        clean_text=document.clean_text,
    )
