"""Documents: the table, keyset-paginated in any sort, latest published first by
default, with facets and a date range (/documents), and the reader
(/documents/{id}) with every claim's evidence highlighted.

The text is untrusted: the highlighted HTML is built here from escaped pieces,
and the claim panel is filled by static/reader.js from the claim list below the
text (which is also what readers without JavaScript use).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup, escape

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.paging import LimitParam, encode_cursor, table_key
from scotrack.store.read import document_tables, reader
from scotrack.store.read.reader import ClaimMark, TextSegment
from scotrack.store.read.tables import date_range
from scotrack.web.charts import kinds, slug
from scotrack.web.exports import FormatParam, respond
from scotrack.web.tables import FacetFilter, facet_boxes, sort_header

router = APIRouter(include_in_schema=False)


@router.get("/documents")
@readable
def documents_page(
    request: Request,
    session: DbSession,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    sort: Annotated[str | None, Query(max_length=40)] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: LimitParam = 50,
    format: FormatParam = "html",
) -> Response:
    query = document_tables.DocumentQuery(
        outlet=outlet or None,
        dates=date_range(start, end),
        sort=document_tables.document_sort(sort),
    )
    after = table_key(cursor, 4, lambda key: document_tables.key_fits(key, query.sort))
    table = document_tables.document_table(
        session,
        query,
        after=after,
        limit=limit,
        facets=True,
        summaries=request.app.state.summaries,
    )
    rows = [
        {
            "id": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published_date,
            "ingested_at": d.ingested_at,
            "claims": d.claims,
            "pending": d.pending,
        }
        for d in table.rows
    ]
    params = dict(request.query_params)
    headers = [
        sort_header(label, column, table.sort, params, "/documents")
        for label, column in SORTED_BY
    ]
    return respond(
        request,
        "documents.html",
        rows,
        format,
        name="documents",
        title="Documents",
        table=table,
        headers=headers,
        facets=facet_boxes(table.facets, params, "/documents", FACET_FILTERS, TITLES),
        following=None if table.next is None else encode_cursor(table.next),
        first_page=cursor is None,
        # a count over every document, kept until the knowledge base changes (#18)
        by_month=None
        if cursor
        else request.app.state.summaries.get(
            session, "documents-by-month", lambda: kinds.months_figure(session)
        ),
    )


SORTED_BY = (
    ("Title", "title"),
    ("Outlet", "outlet"),
    ("Published", "published"),
    ("Ingested", "ingested"),
)
FACET_FILTERS: dict[str, FacetFilter] = {
    "outlet": lambda value: {"outlet": value},
    "year": lambda value: {"from": value, "to": value},
}
TITLES = {"outlet": "Outlet", "year": "Year published"}


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
    full = reader.document_id(session, document_id)
    if full != document_id:  # a prefix, as the CLI prints: the page's one address
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/documents/{full}{query}", status_code=308)
    found = reader.reading(session, full)
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
