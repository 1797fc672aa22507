"""/api/v1/search: the curated record (agreements, meetings, bodies,
initiatives) and full-text search over documents and claims (#12).

Snippets come as a list of parts, `{"text", "hit"}`, where `hit` marks the words
that matched: structured text, never HTML, so a client renders it safely.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.app import API_PREFIX
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.paging import (
    CursorParam,
    LimitParam,
    Page,
    decode_cursor,
    encode_cursor,
)
from scotrack.domain.vocab import FoundKind
from scotrack.store.read import record_search, search_query
from scotrack.store.read.search import SearchHit

router = APIRouter(prefix="/search", tags=["search"])


class TextPart(BaseModel):
    text: str
    hit: bool = Field(description="True for the parts that matched (highlight them).")


class SearchHitPublic(BaseModel):
    kind: str = Field(
        description="document, the kind of a claim, or of a record entry: "
        "agreement, meeting, body, initiative."
    )
    ref: str = Field(description="The document's, claim's or record entry's id.")
    title: str
    snippet: list[TextPart]
    score: float = Field(description="Higher is better; only comparable in one list.")
    status: str | None = Field(description="A claim's status.")
    document_id: str | None
    published_date: str | None = Field(
        description="The document's date; a record entry's (signed, held, proposed)."
    )
    record: bool = Field(description="True for an entry of the curated record.")
    link: str = Field(description="Its resource in this API.")
    page: str = Field(description="Its page on the web app.")


def text_parts(parts: Iterable[tuple[str, bool]]) -> list[TextPart]:
    return [TextPart(text=text, hit=hit) for text, hit in parts]


@router.get(
    "",
    response_model=Page[SearchHitPublic],
    summary="Search the curated record, documents and claims",
    description='Every word must match; "quoted phrases" and a trailing `*` for a '
    "prefix work. The record's agreements, meetings, bodies and initiatives (by "
    "title, alias, code or city) come first, then documents and claims, best "
    "first.",
)
@readable
def search(
    session: DbSession,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The query.")],
    type: Annotated[
        FoundKind | None,
        Query(description="Only documents, claims or record entries of one kind."),
    ] = None,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> Page[SearchHitPublic]:
    offset = 0
    if cursor is not None:
        (offset,) = decode_cursor(cursor, 1)
        if not isinstance(offset, int) or not 0 <= offset <= 10_000:
            raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
    hits = record_search.search_results(
        session,
        q,
        kinds=None if type is None else [type],
        limit=limit + 1,
        offset=offset,
    )
    shown = hits[:limit]
    more = len(hits) > limit
    return Page(
        items=[
            SearchHitPublic(
                kind=h.kind,
                ref=h.ref,
                title=h.title,
                snippet=text_parts(search_query.snippet_parts(h.snippet)),
                score=h.score,
                status=h.status,
                document_id=h.document_id,
                published_date=h.published_date,
                record=h.record,
                link=api_link(h),
                page=record_search.hit_page(h),
            )
            for h in shown
        ],
        next=encode_cursor((offset + limit,)) if more else None,
    )


def api_link(hit: SearchHit) -> str:
    """The hit's resource in this API."""
    ref = quote(hit.ref, safe="")
    if not hit.record:
        kind = "documents" if hit.kind == search_query.DOCUMENT else "claims"
        return f"{API_PREFIX}/{kind}/{ref}"
    return {
        "agreement": f"{API_PREFIX}/agreements/{ref}",
        "meeting": f"{API_PREFIX}/meetings/{ref}",
        "body": f"{API_PREFIX}/meetings?body={ref}",
        "initiative": f"{API_PREFIX}/initiatives",
    }[hit.kind]
