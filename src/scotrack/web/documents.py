"""Documents: the list, keyset-paginated (/documents), and the reader
(/documents/{id}) with every claim's evidence highlighted.

The text is untrusted: the highlighted HTML is built here from escaped pieces,
and the claim panel is filled by static/reader.js from the claim list below the
text (which is also what readers without JavaScript use).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.paging import LimitParam, decode_cursor, encode_cursor
from scotrack.store import reader
from scotrack.store.reader import ClaimMark, TextSegment
from scotrack.web.charts import slug
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


@router.get("/documents")
@readable
def documents_page(
    request: Request,
    session: DbSession,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: LimitParam = 50,
    format: FormatParam = "html",
) -> Response:
    after = None
    if cursor:
        at, doc = decode_cursor(cursor, 2)
        after = (str(at), str(doc))
    found = reader.documents(session, after=after, limit=limit)
    shown = found[:limit]
    following = encode_cursor(shown[-1].key) if len(found) > limit else None
    rows = [
        {
            "id": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published,
            "ingested_at": d.ingested_at,
            "claims": d.claims,
            "pending": d.pending,
        }
        for d in shown
    ]
    return respond(
        request,
        "documents.html",
        rows,
        format,
        name="documents",
        title="Documents",
        documents=shown,
        following=following,
        first_page=cursor is None,
    )


def highlighted(
    segments: tuple[TextSegment, ...], claims: tuple[ClaimMark, ...]
) -> Markup:
    """The text as HTML: every piece escaped, evidence in <mark> elements."""
    status = {claim.id: claim.status for claim in claims}
    parts = []
    for segment in segments:
        text = escape(segment.text)
        if not segment.claims:
            parts.append(str(text))
            continue
        first = segment.claims[0]
        parts.append(
            f'<mark class="claim status-{slug(status[first])}" '
            f'data-claim="{escape(first)}" '
            f'data-claims="{escape(" ".join(segment.claims))}" '
            f'tabindex="0" title="claim {escape(first[:12])}">{text}</mark>'
        )
    return Markup("".join(parts))  # every piece is escaped above


@router.get("/documents/{document_id}")
@readable
def reader_page(
    request: Request, session: DbSession, document_id: str, format: FormatParam = "html"
) -> Response:
    found = reader.reading(session, document_id)
    rows = [
        {
            "claim": c.id,
            "kind": c.kind,
            "summary": c.summary,
            "status": c.status,
            "entity_kind": c.entity_kind,
            "entity_id": c.entity_id,
            "evidence": [f"{a}-{b}" for a, b in c.spans],
        }
        for c in found.claims
    ]
    return respond(
        request,
        "reader.html",
        rows,
        format,
        name=f"document-{found.document.id[:16]}",
        title=found.document.title or "Untitled document",
        reading=found,
        document=found.document,
        text=highlighted(found.segments, found.claims),
    )
