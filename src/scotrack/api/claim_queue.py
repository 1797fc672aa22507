"""/api/v1/claims/groups: the review queue as a table (#14), one item per group
of claims, the largest first, paged with totals; sorted by any column, filtered
(status, kind, document, source, size and score bands, a publication date
range), with facet counts. Its router comes before the claims' own, so that
`groups` is not read as a claim id."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.claim_schemas import (
    ClaimBrief,
    claim_brief,
    claim_summary,
)
from scotrack.api.database import DbSession
from scotrack.api.paging import (
    BY_DOCUMENT,
    FacetCount,
    FacetsParam,
    FromParam,
    LimitParam,
    SortParam,
    ToParam,
    check_dates,
    facets_public,
)
from scotrack.domain.vocab import ClaimKind, ClaimStatus
from scotrack.store.read import queue
from scotrack.store.read.tables import date_range

router = APIRouter(prefix="/claims", tags=["claims"])


class QueueRowPublic(ClaimBrief):
    claims: int = Field(description="How many claims the group holds.")
    documents: int = Field(description="How many documents they come from.")
    score: int | None = Field(description="The best link score (null: none).")
    document_title: str | None = Field(
        default=None, description="The title of this claim's document."
    )
    source: str | None = Field(default=None, description="Its outlet.")
    published_date: str | None = Field(default=None, description="Its date.")


class QueuePage(BaseModel):
    """A page of the review queue, and what the whole queue holds."""

    items: list[QueueRowPublic]
    total: int = Field(description="How many groups the queue holds.")
    claims: int = Field(description="How many claims they hold.")
    offset: int
    limit: int
    facets: dict[str, list[FacetCount]] | None = Field(
        default=None,
        description="With `facets=true`: the groups counted by kind, status (every "
        "status, whatever `status` says), document, source, size and score band.",
    )


@router.get(
    "/groups",
    response_model=QueuePage,
    summary="The review queue: one item per group of claims",
    description="Each group (the claims of many documents about one fact) once, by "
    "its claim with the best link score; the largest groups first, then by score, "
    "unless `sort` says otherwise: claims, documents, score, kind, summary, "
    "proposal, status, document (its title), published, source or id, `-` for "
    "descending (ties: the larger group, the better score, the id). `total` "
    "counts the groups, `claims` their claims. `from`/`to` keep the claims of "
    "documents published in that range.",
    responses=BY_DOCUMENT,
)
@readable
def list_claim_groups(
    session: DbSession,
    status: Annotated[
        ClaimStatus | Literal["all"], Query(description="The status (or all).")
    ] = "pending",
    kind: Annotated[ClaimKind | None, Query(description="The kind of fact.")] = None,
    document: Annotated[
        str | None,
        Query(max_length=64, description="Only this document's claims (id or 6+)."),
    ] = None,
    source: Annotated[
        str | None,
        Query(max_length=300, description="Only claims of this outlet's documents."),
    ] = None,
    size: Annotated[
        queue.SizeBand | None, Query(description="Only groups of this size band.")
    ] = None,
    score: Annotated[
        queue.ScoreBand | None,
        Query(description="Only groups of this link-score band."),
    ] = None,
    start: FromParam = None,
    end: ToParam = None,
    sort: SortParam = None,
    facets: FacetsParam = False,
    limit: LimitParam = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> QueuePage:
    check_dates({"from": start, "to": end})
    query = queue.QueueQuery(
        status=None if status == "all" else status,
        kind=kind,
        document=document,
        source=source,
        size=size,
        score=score,
        dates=date_range(start, end),
        sort=queue.queue_sort(sort),
    )
    found = queue.review_queue(
        session, query=query, limit=limit, offset=offset, facets=facets
    )
    items = [
        QueueRowPublic(
            **claim_brief(claim_summary(row.claim)).model_dump(),
            claims=row.claims,
            documents=row.documents,
            score=row.score,
            document_title=row.document_title,
            source=row.outlet,
            published_date=row.published_date,
        )
        for row in found.rows
    ]
    return QueuePage(
        items=items,
        total=found.groups,
        claims=found.claims,
        offset=offset,
        limit=limit,
        facets=facets_public(found.facets) if facets else None,
    )
