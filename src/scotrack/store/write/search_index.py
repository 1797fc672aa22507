"""The full-text search index: written when documents are stored, rebuilt whole.

The index is the `search_entry` table the provenance migration makes (outside the
ORM): on SQLite an FTS5 virtual table, on PostgreSQL a table with a generated,
weighted tsvector and a GIN index. Each document has one entry (kind `document`,
ref = document id, title, body = its clean text) and each claim one (kind = claim
kind, ref = claim id, title = its summary, body = the passage around its evidence,
`domain.passages`).

Entries are added and removed only here: `index_document` or `index_prepared`
when a document is stored, `reindex` to rebuild everything. Claim status, document
id and published date are not indexed but joined at query time
(`store.read.search`), so review decisions need no reindex.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from scotrack.domain.passages import passage
from scotrack.ingest.claims.prepared import PreparedClaim
from scotrack.store.provenance import Claim, Document, evidence_spans
from scotrack.store.read.search_query import DOCUMENT

BATCH = 200
"""Documents per round trip when rebuilding the index."""

_INSERT = text(
    "INSERT INTO search_entry (kind, ref, title, body) "
    "VALUES (:kind, :ref, :title, :body)"
)


def index_document(
    session: Session, document: Document, claims: Sequence[Claim]
) -> None:
    """Add the entries of a newly stored document and its claims (does not commit).

    Call once per document: entries are not deduplicated (`reindex` rebuilds).
    """
    rows = [_document_entry(document.id, document.title, document.clean_text)]
    rows.extend(
        _claim_entry(
            claim.id, claim.kind, claim.summary, claim.evidence, document.clean_text
        )
        for claim in claims
    )
    session.execute(_INSERT, rows)


def reindex(session: Session) -> int:
    """Rebuild the whole index from the documents and claims; returns the entry
    count. Does not commit. Reads columns, not ORM objects, BATCH documents at a
    time, so the session's identity map does not grow with the corpus."""
    session.flush()
    session.execute(text("DELETE FROM search_entry"))
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    count = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        documents = session.execute(
            select(Document.id, Document.title, Document.clean_text)
            .where(Document.id.in_(batch))
            .order_by(Document.id)
        ).all()
        claims = session.execute(
            select(
                Claim.document_id, Claim.id, Claim.kind, Claim.summary, Claim.evidence
            )
            .where(Claim.document_id.in_(batch))
            .order_by(Claim.document_id, Claim.id)
        ).all()
        texts = {document.id: document.clean_text for document in documents}
        rows = [_document_entry(d.id, d.title, d.clean_text) for d in documents]
        rows.extend(
            _claim_entry(c.id, c.kind, c.summary, c.evidence, texts[c.document_id])
            for c in claims
        )
        session.execute(_INSERT, rows)
        count += len(rows)
    return count


def _document_entry(ref: str, title: str | None, clean_text: str) -> dict[str, str]:
    return {"kind": DOCUMENT, "ref": ref, "title": title or "", "body": clean_text}


def _claim_entry(
    ref: str, kind: str, summary: str, evidence: str, clean_text: str
) -> dict[str, str]:
    return {
        "kind": kind,
        "ref": ref,
        "title": summary,
        "body": passage(clean_text, list(evidence_spans(evidence))).text,
    }


def index_prepared(
    session: Session, document: Mapping[str, Any], claims: Sequence[PreparedClaim]
) -> None:
    """The entries of a newly stored document whose claims' contexts were
    worked out beforehand (`ingest.prepared`)."""
    session.execute(_INSERT, prepared_entries(document, claims))


def prepared_entries(
    document: Mapping[str, Any], claims: Sequence[PreparedClaim]
) -> list[dict[str, str]]:
    """`index_prepared`'s rows (kind, ref, title, body), for a bulk load."""
    rows = [_document_entry(document["id"], document["title"], document["clean_text"])]
    rows.extend(
        {
            "kind": c.claim.kind,
            "ref": c.claim.key,
            "title": c.summary,
            "body": c.context,
        }
        for c in claims
    )
    return rows
