"""A claim, its document and its candidate entities as the surfaces get them:
read models built from the rows, so no ORM row reaches a surface (#15), and the
one lookup of a claim by id or prefix.

They are here, not beside `write.review.ClaimView` that carries them, because a
read carries them too (`queue.QueueRow`, the queue's representative claims) and a
read may not use a write. Their attributes are the columns' names, with the JSON
columns parsed: a claim's payloads as dicts, a candidate's reasons as a tuple.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from scotrack.store import identity
from scotrack.store.provenance import Claim, ClaimCandidate, Document


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim: what it says, what entity resolution proposed for it, and the
    decision on it (None until decided)."""

    id: str
    document_id: str
    kind: str
    summary: str
    payload: dict[str, Any]
    """The fields as extracted (never changed)."""
    edited_payload: dict[str, Any] | None
    """The reviewer's corrected fields, None when not edited."""
    proposal: str
    entity_kind: str | None
    entity_id: str | None
    group_key: str
    status: str
    decided_by: str | None
    decided_at: str | None
    note: str | None

    @property
    def effective_payload(self) -> dict[str, Any]:
        """The fields accepting uses: the reviewer's edit, else as extracted (a
        copy, like `provenance.effective_payload` gives)."""
        chosen = self.payload if self.edited_payload is None else self.edited_payload
        return dict(chosen)


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """An entity a claim may be about, with its score and the reasons for it."""

    entity_kind: str
    entity_id: str
    label: str
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimDocument:
    """The document a claim comes from, as a reviewer sees it named (no text;
    `reader.DocumentRecord` is the whole document)."""

    id: str
    path: str | None
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None


def claim_record(row: Claim) -> ClaimRecord:
    """The read model of one claim row."""
    return ClaimRecord(
        id=row.id,
        document_id=row.document_id,
        kind=row.kind,
        summary=row.summary,
        payload=json.loads(row.payload),
        edited_payload=(
            None if row.edited_payload is None else json.loads(row.edited_payload)
        ),
        proposal=row.proposal,
        entity_kind=row.entity_kind,
        entity_id=row.entity_id,
        group_key=row.group_key,
        status=row.status,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        note=row.note,
    )


def candidate_record(row: ClaimCandidate) -> CandidateRecord:
    """The read model of one candidate row, its JSON list of reasons parsed."""
    return CandidateRecord(
        entity_kind=row.entity_kind,
        entity_id=row.entity_id,
        label=row.label,
        score=row.score,
        reasons=tuple(json.loads(row.reasons)),
    )


def claim_document(row: Document) -> ClaimDocument:
    """The read model of the document row a claim comes from."""
    return ClaimDocument(
        id=row.id,
        path=row.path,
        title=row.title,
        outlet=row.outlet,
        published_date=row.published_date,
        url=row.url,
    )


def claim_row(session: Session, ref: str) -> Claim:
    """The claim row whose id is `ref`, or the one whose id starts with it, for
    the store's writes (see `identity`); the surfaces take `find_claim`."""
    return identity.by_id_or_prefix(session, Claim, "claim", ref)


def find_claim(session: Session, ref: str) -> ClaimRecord:
    """The claim whose id is `ref`, or the one claim whose id starts with it (the
    one lookup of a claim for the CLI, the API and the web app)."""
    return claim_record(claim_row(session, ref))
