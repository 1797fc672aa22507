"""Tables of where facts come from and how the knowledge base changed.

- `document`: one stored text. Its id is the SHA-256 of its raw content, so the
  same bytes are stored once; new content at a known URL is a new document whose
  `version` is one more than the latest at that URL and whose `previous_id`
  points at it.
- `claim`: one fact a document asserts (`scotrack.ingest.claims.claim`), with its
  evidence spans, the entity resolution proposed for it and, once reviewed, the
  decision. `group_key` is shared by the claims of many documents that are about
  one fact, so a review shows the fact once with all its documents.
- `claim_candidate`: the entities a claim may be about, with scores and reasons.
- `fact_source`: the documents that support a fact, from accepted claims.
- `change`: the append-only log of every change to the knowledge base (baseline
  loads, review decisions, edits, undos). Each row holds a whole entity before
  and after as JSON; rows sharing a `batch` were made by one action. Database
  triggers refuse UPDATE and DELETE on it (see the migration).

Claims and documents are never deleted: a rejected claim stays, marked rejected.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scotrack.store.models import Base, Id, IsoDate, Name

Timestamp = String(32)
"""UTC time as ISO text with microseconds (`2026-11-23T10:01:02.123456+00:00`)."""


class Document(Base):
    __tablename__ = "document"
    # the documents list, newest first, a page at a time (web/documents.py)
    __table_args__ = (
        Index("ix_document_ingested_at_id", "ingested_at", "id"),
        # the documents list's facets, from the index alone (#18)
        Index("ix_document_outlet_published_date", "outlet", "published_date"),
        # the documents list by date, a page at a time (#18)
        Index("ix_document_published_date_id", "published_date", "id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("document.id"))
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Name)
    published_date: Mapped[str | None] = mapped_column(IsoDate)
    dateline: Mapped[str | None] = mapped_column(Name)
    raw_text: Mapped[str] = mapped_column(Text)
    html: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Whether `raw_text` is a web page, as extraction decided (#15)."""
    clean_text: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)
    """JSON: the states, people and areas of the whole document."""
    ingested_at: Mapped[str] = mapped_column(Timestamp)


class Claim(Base):
    __tablename__ = "claim"
    __table_args__ = (
        Index("ix_claim_status_kind", "status", "kind"),
        # paging a list of claims in id order (GET /api/v1/claims)
        Index("ix_claim_status_id", "status", "id"),
        Index("ix_claim_document_id_id", "document_id", "id"),
        # the dashboard's count of documents with pending claims
        Index("ix_claim_status_document_id", "status", "document_id"),
        # the claims linked to a meeting, agreement or state, on its page (#18)
        Index("ix_claim_entity", "entity_kind", "entity_id"),
        # the documents of a block (a meeting's reports), from the index alone (#18)
        Index("ix_claim_block_document_id", "block", "document_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    """The claim key: a hash of document id, kind and payload."""
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    """JSON: the fields of the claim as extracted (never changed)."""
    evidence: Mapped[str] = mapped_column(Text)
    """JSON: [[start, end], ...] offsets into the document's clean text."""
    summary: Mapped[str] = mapped_column(Text)
    proposal: Mapped[str] = mapped_column(String(16))
    """link, ambiguous or new: what entity resolution proposed."""
    entity_kind: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(Id)
    """The entity the claim is linked to (proposed; once accepted, decided)."""
    group_key: Mapped[str] = mapped_column(String(160), index=True)
    block: Mapped[str] = mapped_column(String(160))
    """Claims that may be about one fact share a block; only they are compared."""
    status: Mapped[str] = mapped_column(String(16), default="pending")
    """pending, accepted or rejected."""
    edited_payload: Mapped[str | None] = mapped_column(Text)
    """JSON: the reviewer's corrected fields, used instead of `payload` on accept."""
    decided_by: Mapped[str | None] = mapped_column(Name)
    decided_at: Mapped[str | None] = mapped_column(Timestamp)
    note: Mapped[str | None] = mapped_column(Text)

    candidates: Mapped[list[ClaimCandidate]] = relationship(
        order_by="ClaimCandidate.position", lazy="selectin"
    )


class ClaimCandidate(Base):
    __tablename__ = "claim_candidate"

    claim_id: Mapped[str] = mapped_column(ForeignKey("claim.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_kind: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Id)
    label: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text)
    """JSON list of strings."""


class FactSource(Base):
    """A source that supports a fact beyond the fact's own `source_id`: the
    documents of the claims accepted for it. Part of the fact's snapshot."""

    __tablename__ = "fact_source"

    entity_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(Id, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"), primary_key=True)
    claim_id: Mapped[str | None] = mapped_column(String(32))


class Change(Base):
    __tablename__ = "change"
    __table_args__ = (Index("ix_change_entity", "entity_kind", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch: Mapped[str] = mapped_column(String(32), index=True)
    """Shared by the changes one action made (a random hex id)."""
    at: Mapped[str] = mapped_column(Timestamp, index=True)
    actor: Mapped[str] = mapped_column(Name)
    action: Mapped[str] = mapped_column(String(16))
    """baseline, accept, reject, edit or undo."""
    entity_kind: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Id)
    before: Mapped[str | None] = mapped_column(Text)
    """JSON of the whole entity before the change; null: it did not exist."""
    after: Mapped[str | None] = mapped_column(Text)
    """JSON of the whole entity after the change; null: it no longer exists."""
    reason: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(Id)
    claim_id: Mapped[str | None] = mapped_column(String(32), index=True)
    undoes: Mapped[str | None] = mapped_column(String(32))
    """For an undo: the batch it reverts."""


def evidence_spans(evidence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) pairs of a claim's `evidence` JSON; malformed ones skipped."""
    try:
        data = json.loads(evidence)
    except (TypeError, ValueError):
        return ()
    if not isinstance(data, list):
        return ()
    return tuple(
        (item[0], item[1])
        for item in data
        if isinstance(item, list | tuple)
        and len(item) == 2
        and all(isinstance(x, int) for x in item)
    )


def effective_payload(claim: Claim) -> dict[str, Any]:
    """The payload accepting uses: the reviewer's edit, else as extracted."""
    data: dict[str, Any] = json.loads(claim.edited_payload or claim.payload)
    return data


def link_score() -> Any:
    """A claim's best candidate score (NULL without candidates), as a column."""
    return (
        select(func.max(ClaimCandidate.score))
        .where(ClaimCandidate.claim_id == Claim.id)
        .correlate(Claim)
        .scalar_subquery()
    )
