"""Storing extracted documents and their claims, one transaction per document.

`DocumentStore.store(doc)` writes a document (id: SHA-256 of its raw content),
every claim of its extraction with the entity resolution proposed for it and the
candidates behind that, and the search entries, in the caller's session; the caller
commits once per document, so a crash leaves each document either wholly stored or
absent. Identical content is stored once (`unchanged`); new content at a known URL
becomes the next version of that document.

Claims are grouped as they arrive: a claim linked to a known entity joins that
entity's group; an unlinked claim joins the group of an earlier pending claim of
its block that describes the same fact (`facts.claims_agree`), else starts one.
The blocks seen in a run are cached, so each is read from the database once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.ingest import resolve, summaries
from scotrack.ingest.catalogue import Catalogue, Resolution
from scotrack.ingest.claims import Claim, claims_from_extract
from scotrack.ingest.document import CleanDocument
from scotrack.ingest.facts import claims_agree
from scotrack.ingest.output import to_extract_json
from scotrack.store.history import now
from scotrack.store.provenance import Claim as ClaimRow
from scotrack.store.provenance import ClaimCandidate, Document
from scotrack.store.search import index_document

Outcome = Literal["new", "version", "unchanged"]


def content_id(raw_text: str) -> str:
    """A document's id: the SHA-256 of its raw content (64 hex digits)."""
    return hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one document did."""

    document_id: str
    outcome: Outcome
    version: int
    claims: int
    proposals: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentStore:
    """Stores documents into `session`'s database against one catalogue."""

    session: Session
    catalogue: Catalogue
    _blocks: dict[str, list[tuple[Claim, str]]] = field(default_factory=dict)

    def store(self, doc: CleanDocument) -> Stored:
        """Add `doc` and its claims (flushed, not committed)."""
        doc_id = content_id(doc.raw_text)
        existing = self.session.get(Document, doc_id)
        if existing is not None:
            return Stored(doc_id, "unchanged", existing.version, 0)
        extract = to_extract_json(doc, with_evidence=True)
        claims = claims_from_extract(doc_id, extract)
        previous = self._latest_at(doc.url)
        version = 1 if previous is None else previous.version + 1
        row = Document(
            id=doc_id,
            url=doc.url,
            version=version,
            previous_id=None if previous is None else previous.id,
            path=doc.path,
            title=doc.metadata.title,
            outlet=doc.metadata.source,
            published_date=doc.metadata.published,
            dateline=doc.metadata.dateline,
            raw_text=doc.raw_text,
            clean_text=doc.text,
            tags=json.dumps(
                {k: extract.get(k, []) for k in ("states", "people", "areas")},
                ensure_ascii=False,
            ),
            ingested_at=now(),
        )
        self.session.add(row)
        self.session.flush()
        rows = [self._claim_row(claim) for claim in claims]
        self.session.add_all(rows)
        self.session.flush()
        index_document(self.session, row, rows)
        proposals: dict[str, int] = {}
        for claim_row in rows:
            proposals[claim_row.proposal] = proposals.get(claim_row.proposal, 0) + 1
        outcome: Outcome = "new" if previous is None else "version"
        return Stored(doc_id, outcome, version, len(rows), proposals)

    def _latest_at(self, url: str | None) -> Document | None:
        if not url:
            return None
        query = (
            select(Document)
            .where(Document.url == url)
            .order_by(Document.version.desc())
            .limit(1)
        )
        return self.session.scalars(query).first()

    def _claim_row(self, claim: Claim) -> ClaimRow:
        resolution = resolve.candidates(claim, self.catalogue)
        block = summaries.block_key(claim, resolution)
        best = resolution.best
        linked = resolution.proposal == "link" and best is not None
        group = block if linked else self._group(claim, block)
        row = ClaimRow(
            id=claim.key,
            document_id=claim.document_id,
            kind=claim.kind,
            payload=json.dumps(claim.payload, ensure_ascii=False, sort_keys=True),
            evidence=json.dumps([list(span) for span in claim.evidence]),
            summary=summaries.summary(claim),
            proposal=resolution.proposal,
            entity_kind=best.entity_kind if linked and best else None,
            entity_id=best.entity_id if linked and best else None,
            group_key=group,
            block=block,
            status="pending",
        )
        row.candidates = candidate_rows(claim.key, resolution)
        return row

    def _group(self, claim: Claim, block: str) -> str:
        members = self._block(block)
        for other, group in members:
            if claims_agree(claim, other, catalogue=self.catalogue):
                members.append((claim, group))
                return group
        group = f"new:{claim.key}"
        members.append((claim, group))
        return group

    def _block(self, block: str) -> list[tuple[Claim, str]]:
        if block not in self._blocks:
            query = select(ClaimRow, Document.published_date).join(Document)
            query = query.where(ClaimRow.block == block, ClaimRow.proposal != "link")
            self._blocks[block] = [
                (claim_from_row(row, published), row.group_key)
                for row, published in self.session.execute(query)
            ]
        return self._blocks[block]

    def forget_cache(self) -> None:
        """Drop the cached blocks (after a rollback they may hold unstored claims)."""
        self._blocks.clear()


def candidate_rows(claim_id: str, resolution: Resolution) -> list[ClaimCandidate]:
    return [
        ClaimCandidate(
            claim_id=claim_id,
            position=position,
            entity_kind=candidate.entity_kind,
            entity_id=candidate.entity_id,
            label=candidate.label,
            score=candidate.score,
            reasons=json.dumps(list(candidate.reasons), ensure_ascii=False),
        )
        for position, candidate in enumerate(resolution.candidates)
    ]


def claim_from_row(row: ClaimRow, published: str | None) -> Claim:
    """The ingest-side Claim of a stored claim (payload as extracted)."""
    spans: Sequence[Sequence[int]] = json.loads(row.evidence)
    kind = row.kind
    claim = Claim(
        row.document_id,
        kind,  # type: ignore[arg-type]
        json.loads(row.payload),
        tuple((int(a), int(b)) for a, b in spans),
        published=published,
    )
    return claim


def document_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Document)) or 0)
