"""Search across the curated record (agreements, meetings, bodies, initiatives),
documents and claims (/search?q=...), with highlighted snippets (#12)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store.read import record_search, search_query
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)

PAGE = 20


@router.get("/search")
@readable
def search_page(
    request: Request,
    session: DbSession,
    q: Annotated[str, Query(max_length=300)] = "",
    kind: Annotated[str | None, Query(max_length=32)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    format: FormatParam = "html",
) -> Response:
    hits = []
    if q.strip():
        hits = record_search.search_results(
            session, q, kinds=[kind] if kind else None, limit=PAGE + 1, offset=offset
        )
    shown = hits[:PAGE]
    rows = [
        {
            "kind": h.kind,
            "ref": h.ref,
            "title": h.title,
            "snippet": h.snippet.replace(search_query.HIGHLIGHT[0], "").replace(
                search_query.HIGHLIGHT[1], ""
            ),
            "status": h.status,
            "document": h.document_id,
            "published": h.published_date,
            "record": h.record,
            "page": record_search.hit_page(h),
        }
        for h in shown
    ]
    return respond(
        request,
        "search.html",
        rows,
        format,
        name="search",
        title=f"Search: {q}" if q else "Search",
        q=q,
        kind=kind,
        kinds=record_search.KINDS,
        record_kinds=record_search.RECORD_KINDS,
        hits=[
            (h, search_query.snippet_parts(h.snippet), record_search.hit_page(h))
            for h in shown
        ],
        offset=offset,
        more=len(hits) > PAGE,
        page_size=PAGE,
    )
