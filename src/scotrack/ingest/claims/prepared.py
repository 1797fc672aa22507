"""A document made ready for the knowledge base: its claims, resolved.

`prepared_document(doc, catalogue)` does, for one extracted document, everything
storing needs that does not depend on other documents: the content id, the
sco-extract/1 object, the claims and, for each, its resolution against the
catalogue, its block and its summary. It is pure, so `scotrack ingest` runs it in
the extraction workers; the writer only groups the claims and inserts rows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from scotrack.domain.passages import passage
from scotrack.ingest.claims import resolve, summaries
from scotrack.ingest.claims.catalogue import Catalogue, Resolution
from scotrack.ingest.claims.claim import ExtractedClaim, claims_from_extract
from scotrack.ingest.document import CleanDocument, Item
from scotrack.ingest.output import to_extract_json


def content_id(raw_text: str) -> str:
    """A document's id: the SHA-256 of its raw content (64 hex digits)."""
    return hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedClaim:
    claim: ExtractedClaim
    resolution: Resolution
    block: str
    summary: str
    context: str
    """The sentence(s) around the evidence: what search shows for the claim."""
    payload_json: str
    evidence_json: str

    @property
    def linked(self) -> bool:
        return self.resolution.proposal == "link" and self.resolution.best is not None


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    document: CleanDocument
    id: str
    extract: dict[str, Any]
    claims: tuple[PreparedClaim, ...]
    statements: tuple[Item, ...] = ()
    """The implementation statements (`facts.implementations`), which storing
    matches against the knowledge base's commitments and projects (#13)."""


def prepared_document(doc: CleanDocument, catalogue: Catalogue) -> PreparedDocument:
    """`doc` with its claims resolved; InputError if its extract is malformed."""
    doc_id = content_id(doc.raw_text)
    extract = to_extract_json(doc, with_evidence=True)
    claims = []
    for claim in claims_from_extract(doc_id, extract):
        resolution = resolve.candidates(claim, catalogue)
        block = summaries.block_key(claim, resolution)
        context = passage(doc.text, claim.evidence).text
        summary = summaries.summary(claim)
        payload = json.dumps(claim.payload, ensure_ascii=False, sort_keys=True)
        evidence = json.dumps([list(span) for span in claim.evidence])
        claims.append(
            PreparedClaim(claim, resolution, block, summary, context, payload, evidence)
        )
    # what storing reads, without the sentences, mentions and facts (already in
    # `extract`), which would only cost pickling on the way back from a worker
    slim = CleanDocument(
        doc.id,
        doc.path,
        doc.raw_text,
        doc.text,
        doc.url,
        doc.metadata,
        language=doc.language,
        warnings=list(doc.warnings),
        html=doc.html,
    )
    statements = tuple(doc.facts.get("implementations", ()))
    return PreparedDocument(slim, doc_id, extract, tuple(claims), statements)
