"""What each line of a meeting's outcomes rests on (`outcomes.meeting_outcomes`):
a source of the curated record, or an accepted claim with its document and the
sentence(s) around its evidence; and the line, agreement or participant, while it is
gathered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.domain.passages import passage
from scotrack.domain.sources import Source
from scotrack.store.provenance import Claim, Document, evidence_spans

QUOTE_CHARS = 300
"""At most this much of the passage around a claim's evidence is quoted."""


@dataclass(frozen=True, slots=True)
class Basis:
    """What one line rests on: a source of the record, or an accepted claim with
    the document it comes from and the sentence(s) around its evidence."""

    source: Source | None = None
    claim_id: str | None = None
    document_id: str | None = None
    document_title: str | None = None
    quote: str | None = None


@dataclass(slots=True)
class Line:
    """An agreement or a participant while it is being gathered."""

    title: str
    action: str = "signed"
    date: PartialDate | None = None
    place: str | None = None
    roles: list[str] = field(default_factory=list)
    basis: list[Basis] = field(default_factory=list)

    def add(self, role: str | None, basis: Basis) -> None:
        if role is not None and role not in self.roles:
            self.roles.append(role)
        if basis not in self.basis:
            self.basis.append(basis)


Gathered = dict[str, tuple[Line, dict[str, list[Basis]]]]
"""Agreement key -> the line, and the states that signed it at the meeting with
what says so."""


def claim_bases(session: Session, claims: Iterable[Claim]) -> dict[str, Basis]:
    """Each claim's basis: its document and the passage around its evidence
    (`domain.passages.passage`, the text the review shows), cut at QUOTE_CHARS."""
    wanted = list(claims)
    ids = {claim.document_id for claim in wanted}
    documents = {
        row.id: (row.title, row.clean_text)
        for row in session.execute(
            select(Document.id, Document.title, Document.clean_text).where(
                Document.id.in_(ids)
            )
        )
    }
    found = {}
    for claim in wanted:
        title, text = documents.get(claim.document_id, (None, ""))
        words = passage(text, evidence_spans(claim.evidence)).text
        found[claim.id] = Basis(
            claim_id=claim.id,
            document_id=claim.document_id,
            document_title=title or claim.document_id[:12],
            quote=words[:QUOTE_CHARS] or None,
        )
    return found
