"""/api/v1/search: full-text search over documents and claims.

Snippets come as a list of parts, `{"text", "hit"}`, where `hit` marks the words
that matched: structured text, never HTML, so a client renders it safely.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.paging import (
    CursorParam,
    LimitParam,
    Page,
    decode_cursor,
    encode_cursor,
)
from scotrack.store import search as store_search

router = APIRouter(prefix="/search", tags=["search"])

EntryKind = Literal[
    "document", "meeting", "agreement", "commitment", "project", "membership"
]


class TextPart(BaseModel):
    text: str
    hit: bool = Field(description="True for the parts that matched (highlight them).")


class SearchHitPublic(BaseModel):
    kind: str = Field(description="document, or the kind of a claim.")
    ref: str = Field(description="The document's or the claim's id.")
    title: str
    snippet: list[TextPart]
    score: float = Field(description="Higher is better; only comparable in one list.")
    status: str | None = Field(description="A claim's status.")
    document_id: str | None
    published_date: str | None


def text_parts(parts: Iterable[tuple[str, bool]]) -> list[TextPart]:
    return [TextPart(text=text, hit=hit) for text, hit in parts]


@router.get(
    "",
    response_model=Page[SearchHitPublic],
    summary="Search documents and claims",
    description='Every word must match; "quoted phrases" and a trailing `*` for a '
    "prefix work. Best hits first.",
)
@readable
def search(
    session: DbSession,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The query.")],
    type: Annotated[
        EntryKind | None, Query(description="Only documents, or claims of one kind.")
    ] = None,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> Page[SearchHitPublic]:
    offset = 0
    if cursor is not None:
        (offset,) = decode_cursor(cursor, 1)
        if not isinstance(offset, int) or not 0 <= offset <= 10_000:
            raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
    hits = store_search.search(
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
                snippet=text_parts(store_search.snippet_parts(h.snippet)),
                score=h.score,
                status=h.status,
                document_id=h.document_id,
                published_date=h.published_date,
            )
            for h in shown
        ],
        next=encode_cursor((offset + limit,)) if more else None,
    )
