"""The review queue: one row per group of claims, the largest groups first.

Ingesting 1,500 near-identical articles must not give 19,500 rows to review
(#14): the queue shows each group once, by its representative (the claim with the
best link score), with how many claims and documents it holds, sorted by group
size then link score (both descending) and paged with totals, for the CLI, the
API and the web app alike.

It is also a table a researcher can work with (#14): sorted by any column
(SORTS), filtered by status, kind, document, source (outlet), publication date
and the bands of group size and link score, with facet counts, in SQL, so it
stays fast at any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Subquery, case, distinct, func, select
from sqlalchemy.orm import Session

from scotrack.domain import vocab
from scotrack.store.provenance import Claim, Document, link_score
from scotrack.store.read.claims import ClaimRecord, claim_record
from scotrack.store.read.reader import find_document
from scotrack.store.read.tables import (
    DateRange,
    Facet,
    Sort,
    check_choice,
    facet_of,
    first_day,
    in_range,
    parse_sort,
    sql_facets,
)

SORTS = (
    "claims",
    "documents",
    "score",
    "kind",
    "summary",
    "proposal",
    "status",
    "document",
    "published",
    "source",
    "id",
)
"""The columns the queue sorts by: the group's claims and documents, its best
link score, and its representative's kind, summary, proposal, status, document
(title), publication date, source (outlet) and id."""
DEFAULT_SORT = Sort("claims", descending=True)
"""The largest groups first (then the best score, then the id)."""
SizeBand = Literal["1", "2-9", "10-99", "100+"]
SIZE_BANDS: tuple[SizeBand, ...] = get_args(SizeBand)
"""The bands of a group's size (its claims, as filtered)."""
ScoreBand = Literal["90-100", "50-89", "0-49", "unscored"]
SCORE_BANDS: tuple[ScoreBand, ...] = get_args(ScoreBand)
"""The bands of a group's best link score (unscored: no candidate)."""


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One group of the queue."""

    claim: ClaimRecord
    """The representative: the group's claim with the best link score."""
    claims: int
    documents: int
    score: int | None
    document_title: str | None
    outlet: str | None = None
    published_date: str | None = None
    """Of the representative's document."""


@dataclass(frozen=True, slots=True)
class Queue:
    """One page of the queue, and what the whole queue holds."""

    rows: list[QueueRow]
    groups: int
    claims: int
    offset: int
    limit: int
    sort: Sort = DEFAULT_SORT
    facets: tuple[Facet, ...] = ()

    @property
    def note(self) -> str:
        """ "showing 1-50 of 812 groups (19,500 claims)" """
        if not self.rows:
            return f"no groups from offset {self.offset}: there are {self.groups}"
        last = self.offset + len(self.rows)
        return (
            f"showing {self.offset + 1}-{last} of {self.groups:,} "
            f"{'group' if self.groups == 1 else 'groups'} "
            f"({self.claims:,} {'claim' if self.claims == 1 else 'claims'})"
        )


LABELS = ("status", "kind")
"""What errors call the status and kind filters (the CLI: --status, --type)."""


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """Which groups the queue holds, and in what order (#14): claims of `status`,
    `kind`, `document` (an id or a unique prefix), `source` (the outlet, any
    case) and published within `dates`, grouped; groups whose size (as filtered)
    is in the band `size` and whose best link score is in the band `score`."""

    status: str | None = "pending"
    kind: str | None = None
    document: str | None = None
    source: str | None = None
    size: str | None = None
    score: str | None = None
    dates: DateRange = field(default_factory=DateRange)
    sort: Sort = DEFAULT_SORT


def queue_sort(text: str | None) -> Sort:
    """`--sort`/`?sort=` for the queue: a column of SORTS, `-` for descending."""
    return parse_sort(text, SORTS, DEFAULT_SORT)


def _filters(
    status: str | None,
    kind: str | None,
    document: str | None,
    labels: tuple[str, str] = LABELS,
) -> list[ColumnElement[bool]]:
    check_choice(labels[0], status, vocab.CLAIM_STATUSES)
    check_choice(labels[1], kind, vocab.CLAIM_KINDS)
    found = []
    if status is not None:
        found.append(Claim.status == status)
    if kind is not None:
        found.append(Claim.kind == kind)
    if document is not None:
        found.append(Claim.document_id == document)
    return found


def review_queue(
    session: Session,
    *,
    status: str | None = "pending",
    kind: str | None = None,
    document: str | None = None,
    limit: int = 50,
    offset: int = 0,
    labels: tuple[str, str] = LABELS,
    query: QueueQuery | None = None,
    facets: bool = False,
) -> Queue:
    """A page of groups of the claims with `status`, `kind` and `document` (its
    id or a unique prefix), or as `query` says (which then takes precedence),
    in its sort (ties: the larger group, the better score, the id), with the
    totals and, if asked, the facets (see `queue_facets`)."""
    query = query or QueueQuery(status=status, kind=kind, document=document)
    check_choice("size", query.size, SIZE_BANDS)
    check_choice("score", query.score, SCORE_BANDS)
    if query.document is not None:
        query = replace(query, document=find_document(session, query.document).id)
    where = _claim_filters(query, labels)
    groups_ = _groups(where, query)
    order = _order(groups_, query.sort)
    page = session.execute(
        select(groups_).order_by(*order).limit(limit).offset(offset)
    ).all()
    claims = {
        claim.id: claim_record(claim)
        for claim in session.scalars(
            select(Claim).where(Claim.id.in_([row.id for row in page]))
        )
    }
    rows = [
        QueueRow(
            claim=claims[row.id],
            claims=int(row.size),
            documents=int(row.documents),
            score=None if row.score < 0 else int(row.score),
            document_title=row.title,
            outlet=row.outlet,
            published_date=row.published,
        )
        for row in page
    ]
    totals = session.execute(
        select(func.count(), func.coalesce(func.sum(groups_.c.size), 0))
    ).one()
    counted = queue_facets(session, query, labels) if facets else ()
    return Queue(
        rows, int(totals[0]), int(totals[1]), offset, limit, query.sort, counted
    )


def _claim_filters(
    query: QueueQuery, labels: tuple[str, str] = LABELS, *, status: bool = True
) -> list[ColumnElement[bool]]:
    """The claim-level filters of `query` (without the status if not `status`)."""
    found = _filters(
        query.status if status else None, query.kind, query.document, labels
    )
    found += in_range(Document.published_date.expression, query.dates)
    if query.source is not None:
        found.append(func.lower(Document.outlet) == query.source.strip().lower())
    return found


def _groups(where: list[ColumnElement[bool]], query: QueueQuery) -> Subquery:
    """One row per group of the claims `where` selects, by its representative:
    id, size, documents, score (-1 without one), and the representative's kind,
    summary, proposal, status and document (title, outlet, published); only the
    groups in the size and score bands of `query`."""
    ranked = _ranked(where)
    documents = (
        select(Claim.group_key, func.count(distinct(Claim.document_id)).label("n"))
        .join(Document, Document.id == Claim.document_id)
        .where(*where)
        .group_by(Claim.group_key)
        .subquery()
    )
    statement = (
        select(
            ranked.c.id,
            ranked.c.group_key,
            ranked.c.size,
            ranked.c.score,
            documents.c.n.label("documents"),
            Claim.kind,
            Claim.summary,
            Claim.proposal,
            Claim.status,
            Claim.document_id,
            Document.title,
            Document.outlet,
            Document.published_date.label("published"),
        )
        .join(documents, documents.c.group_key == ranked.c.group_key)
        .join(Claim, Claim.id == ranked.c.id)
        .join(Document, Document.id == Claim.document_id)
        .where(ranked.c.rank == 1)
    )
    if query.size is not None:
        statement = statement.where(size_band(ranked.c.size) == query.size)
    if query.score is not None:
        statement = statement.where(score_band(ranked.c.score) == query.score)
    return statement.subquery()


def _order(groups_: Subquery, sort: Sort) -> list[ColumnElement[Any]]:
    """ORDER BY for `sort`: the column (missing values last either way), then the
    larger group, the better score and the id, so paging is stable."""
    c = groups_.c
    ties: list[ColumnElement[Any]] = [c.size.desc(), c.score.desc(), c.id.asc()]
    if sort.column == "claims" and sort.descending:
        return ties
    column = {
        "claims": c.size,
        "documents": c.documents,
        "score": c.score,
        "kind": c.kind,
        "summary": func.lower(c.summary),
        "proposal": c.proposal,
        "status": c.status,
        "document": func.lower(c.title),
        "published": first_day(c.published),
        "source": func.lower(c.outlet),
        "id": c.id,
    }[sort.column]
    missing = c.score < 0 if sort.column == "score" else column.is_(None)
    last = case((missing, 1), else_=0)
    return [last.asc(), column.desc() if sort.descending else column.asc(), *ties]


def size_band(size: ColumnElement[Any]) -> ColumnElement[str]:
    """The band of a group's size, in SQL: one of SIZE_BANDS."""
    return case(
        (size >= 100, "100+"), (size >= 10, "10-99"), (size >= 2, "2-9"), else_="1"
    )


def score_band(score: ColumnElement[Any]) -> ColumnElement[str]:
    """The band of a link score (-1: none), in SQL: one of SCORE_BANDS."""
    return case(
        (score >= 90, "90-100"),
        (score >= 50, "50-89"),
        (score >= 0, "0-49"),
        else_="unscored",
    )


def queue_facets(
    session: Session, query: QueueQuery, labels: tuple[str, str] = LABELS
) -> tuple[Facet, ...]:
    """How many groups of the queue `query` selects have each kind, document,
    source (outlet), size band and score band (a group counts once for each
    document and source its claims come from); `status` counts the groups of
    each status with the other filters (so the other statuses can be chosen)."""
    where = _claim_filters(query, labels)
    groups_ = _groups(where, query)
    kept = (
        select(Claim.document_id, Document.outlet, Claim.group_key)
        .join(Document, Document.id == Claim.document_id)
        .where(*where, Claim.group_key.in_(select(groups_.c.group_key)))
        .subquery()
    )
    found = [
        *sql_facets(
            session,
            select(groups_.c.kind, groups_.c.size, groups_.c.score),
            {
                "kind": lambda c: c.kind,
                "size": lambda c: size_band(c.size),
                "score": lambda c: score_band(c.score),
            },
        ),
        _distinct_groups(session, "document", kept.c.document_id, kept),
        _distinct_groups(session, "source", kept.c.outlet, kept),
    ]
    everyone = (
        select(Claim.status, Claim.group_key)
        .join(Document, Document.id == Claim.document_id)
        .where(*_claim_filters(query, labels, status=False))
        .subquery()
    )
    found.append(_distinct_groups(session, "status", everyone.c.status, everyone))
    order = ("kind", "status", "document", "source", "size", "score")
    return tuple(sorted(found, key=lambda f: order.index(f.name)))


def _distinct_groups(
    session: Session, name: str, column: ColumnElement[Any], rows: Subquery
) -> Facet:
    counted = (
        select(column, func.count(distinct(rows.c.group_key)))
        .select_from(rows)
        .group_by(column)
    )
    return facet_of(name, ((v, n) for v, n in session.execute(counted)))


def _ranked(where: list[ColumnElement[bool]]) -> Subquery:
    """Each claim with its rank in its group (1: the representative), its
    group's size and its link score (-1 without one)."""
    scored = (
        select(
            Claim.id,
            Claim.group_key,
            func.coalesce(link_score(), -1).label("score"),
        )
        .join(Document, Document.id == Claim.document_id)
        .where(*where)
        .subquery()
    )
    group = scored.c.group_key
    return select(
        scored.c.id,
        scored.c.group_key,
        scored.c.score,
        func.row_number()
        .over(partition_by=group, order_by=(scored.c.score.desc(), scored.c.id))
        .label("rank"),
        func.count().over(partition_by=group).label("size"),
    ).subquery()


def document_titles(session: Session, ids: list[str]) -> dict[str, str | None]:
    """The title of each document `ids` names (for the document facet)."""
    query = select(Document.id, Document.title).where(Document.id.in_(set(ids)))
    return {str(row.id): row.title for row in session.execute(query)}


def next_group(
    session: Session, claim: ClaimRecord, *, kind: str | None = None
) -> str | None:
    """The representative of the pending group after `claim`'s in the queue (the
    first group when `claim`'s has left it), or None when nothing else waits."""
    ranked = _ranked(_filters("pending", kind, None))
    query = (
        select(ranked.c.id, ranked.c.group_key)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.size.desc(), ranked.c.score.desc(), ranked.c.id)
    )
    order = [(row.id, row.group_key) for row in session.execute(query)]
    keys = [key for _, key in order]
    if claim.group_key in keys:
        index = keys.index(claim.group_key) + 1
        following = order[index:] + order[: index - 1]
    else:
        following = order
    return following[0][0] if following else None
