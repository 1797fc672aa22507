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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scotrack.ingest.claims import resolve, summaries
from scotrack.ingest.claims.catalogue import Catalogue, Resolution
from scotrack.ingest.claims.claim import Claim, claims_from_extract
from scotrack.ingest.document import CleanDocument, Item
from scotrack.ingest.output import to_extract_json

ELLIPSIS = "\u2026"
SENTENCE_CONTEXT = 300
"""At most this many characters of a claim's sentence either side of its evidence."""


def content_id(raw_text: str) -> str:
    """A document's id: the SHA-256 of its raw content (64 hex digits)."""
    return hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedClaim:
    claim: Claim
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
        context = evidence_context(doc.text, claim.evidence)
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
    )
    statements = tuple(doc.facts.get("implementations", ()))
    return PreparedDocument(slim, doc_id, extract, tuple(claims), statements)


def evidence_context(text_: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence(s) of `text_` around `spans`, joined by " … ".

    A span grows back to the previous ". " or newline and forward to the next,
    at most SENTENCE_CONTEXT characters each way; overlapping sentences merge.
    """
    ranges: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        start = max(0, min(span_start, len(text_)))
        end = max(start, min(span_end, len(text_)))
        floor = max(0, start - SENTENCE_CONTEXT)
        ceiling = min(len(text_), end + SENTENCE_CONTEXT)
        full_stop = text_.rfind(". ", floor, start)
        newline = text_.rfind("\n", floor, start)
        if full_stop < 0 and newline < 0:
            begin = floor
        else:
            begin = max(full_stop + 2, newline + 1)
        # through the next "." of ". ", or up to the next newline
        ends = [
            found + offset
            for found, offset in (
                (text_.find(". ", max(begin, end - 1), ceiling), 1),
                (text_.find("\n", end, ceiling), 0),
            )
            if found >= 0
        ]
        finish = min(ends) if ends else ceiling
        if ranges and begin <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(finish, ranges[-1][1]))
        else:
            ranges.append((begin, finish))
    parts = (" ".join(text_[a:b].split()) for a, b in ranges)
    return f" {ELLIPSIS} ".join(part for part in parts if part)
