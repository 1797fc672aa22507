"""Documents for reading: the one lookup of a document by id or prefix, claim
counts for the documents table (`listings.document_table`), one document's text
cut into segments at its claims' evidence spans, and the queue of claims waiting
for review.

`text_segments` only cuts: it never escapes or marks up, so whoever renders the
segments escapes every piece.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store import identity
from scotrack.store.provenance import Claim, Document, evidence_spans
from scotrack.store.review import KINDS


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """A claim as the reader shows it."""

    id: str
    kind: str
    summary: str
    status: str
    entity_kind: str | None
    entity_id: str | None
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A piece of the text and the claims whose evidence covers it (maybe none)."""

    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    document: Document
    claims: tuple[ClaimMark, ...]
    segments: tuple[TextSegment, ...]


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
    (the one lookup of a document for every surface; see `identity`)."""
    return identity.by_id_or_prefix(session, Document, "document", ref)


def reading(session: Session, document_id: str) -> Reading:
    """The document (its id or a unique prefix) with its claims and its text in
    segments; NotFound otherwise."""
    document = find_document(session, document_id)
    found = session.scalars(
        select(Claim).where(Claim.document_id == document.id).order_by(Claim.id)
    )
    claims = tuple(
        ClaimMark(
            c.id,
            c.kind,
            c.summary,
            c.status,
            c.entity_kind,
            c.entity_id,
            tuple((a, b) for a, b in evidence_spans(c.evidence) if a < b),
        )
        for c in found
    )
    ordered = tuple(sorted(claims, key=lambda c: (c.spans[:1] or ((0, 0),), c.id)))
    return Reading(
        document, ordered, tuple(text_segments(document.clean_text, ordered))
    )


@dataclass(frozen=True, slots=True)
class QueuedClaim:
    id: str
    kind: str
    summary: str
    proposal: str
    entity_kind: str | None
    entity_id: str | None
    document_id: str
    document_title: str | None


def review_queue(
    session: Session,
    *,
    kind: str | None = None,
    document: str | None = None,
    after: str | None = None,
    limit: int = 50,
) -> list[QueuedClaim]:
    """Up to `limit` + 1 pending claims after claim id `after`, by id (the extra
    one says whether there is a next page)."""
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind {kind!r}: choose one of {', '.join(KINDS)}")
    query = (
        select(
            Claim.id,
            Claim.kind,
            Claim.summary,
            Claim.proposal,
            Claim.entity_kind,
            Claim.entity_id,
            Claim.document_id,
            Document.title,
        )
        .join(Document, Document.id == Claim.document_id)
        .where(Claim.status == "pending")
    )
    if kind is not None:
        query = query.where(Claim.kind == kind)
    if document is not None:
        query = query.where(Claim.document_id == document)
    if after is not None:
        query = query.where(Claim.id > after)
    query = query.order_by(Claim.id).limit(limit + 1)
    return [QueuedClaim(*row) for row in session.execute(query)]
