"""The documents table read a page at a time in SQL, in any sort (#14, #18).

A `DocumentQuery` says which documents and in what order; `document_table` reads
one page of them after a key (keyset paging: the key is the sort's name, whether
the value is missing, the value and the id, so documents without the value come
last in either direction), with their claim counts, the total and the facets.
`DocumentSummary` is a document as other lists show it (no text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, null, select, tuple_
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.provenance import Document
from scotrack.store.read.reader import claim_counts
from scotrack.store.read.summaries import Summaries
from scotrack.store.read.tables import (
    DateRange,
    Facet,
    Sort,
    in_range,
    parse_sort,
    sql_facets,
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document as a list shows it (no text)."""

    id: str
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None
    version: int


DOCUMENT_SORTS: dict[str, ColumnElement[Any]] = {
    "published": Document.published_date.expression,
    "title": Document.title.expression,
    "outlet": Document.outlet.expression,
    "ingested": Document.ingested_at.expression,
    "id": Document.id.expression,
}
"""The columns a documents table sorts by."""
DOCUMENT_FACETS = ("outlet", "year")
"""What a documents table counts: outlets, and years of publication."""
LATEST = Sort("published", descending=True)
"""The web's order: the latest published first, undated last."""
BY_ID = Sort("id")
"""The API's documented order: stable while documents are added."""


def document_sort(text: str | None, default: Sort = LATEST) -> Sort:
    """`--sort`/`?sort=` for documents: a column of DOCUMENT_SORTS, `-` for
    descending."""
    return parse_sort(text, tuple(DOCUMENT_SORTS), default)


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """Which documents a table holds, and in what order."""

    outlet: str | None = None
    dates: DateRange = field(default_factory=DateRange)
    sort: Sort = LATEST


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored document as a table shows it (no text), with its claim counts."""

    id: str
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None
    version: int
    ingested_at: str
    claims: int
    pending: int


@dataclass(frozen=True, slots=True)
class DocumentTable:
    """A page of documents; `next` is the key to read the following page after
    (None on the last), `total` how many match, `facets` their counts (if asked)."""

    rows: tuple[DocumentRow, ...]
    next: tuple[Any, ...] | None
    total: int
    facets: tuple[Facet, ...]
    sort: Sort

    @property
    def note(self) -> str:
        shown = len(self.rows)
        return f"{shown} of {self.total}, by {self.sort}"


def document_table(
    session: Session,
    query: DocumentQuery,
    *,
    after: tuple[Any, ...] | None = None,
    limit: int = 50,
    facets: bool = False,
    summaries: Summaries | None = None,
) -> DocumentTable:
    """Up to `limit` documents matching `query`, after the key `after` (keyset
    paging in any sort: the key is the sort's name, whether the value is missing,
    the value and the id, so documents without the value come last either way).

    The documents with the value are read first, then (if the page has room) those
    without, each in an order an index on (column, id) serves, so the first page
    of the default order reads 51 rows, not all of them (#18).

    With `summaries`, the facets of the unfiltered list (every document by
    outlet and year, 4 ms with 10,000) are counted once per knowledge-base version,
    and so is the first page of a query (#18: its rows, their claim counts and
    the total were most of /documents' and `GET /api/v1/documents`' CPU; later
    pages are read on each request).

    InputError for a key of another sort or list.
    """
    if summaries is not None and after is None:
        kept: DocumentTable = summaries.get(
            session,
            ("document table", query, limit, facets),
            lambda: _document_table(session, query, None, limit, facets, summaries),
        )
        return kept
    return _document_table(session, query, after, limit, facets, summaries)


def _document_table(
    session: Session,
    query: DocumentQuery,
    after: tuple[Any, ...] | None,
    limit: int,
    facets: bool,
    summaries: Summaries | None,
) -> DocumentTable:
    where = _document_filters(query)
    sort = query.sort
    column = DOCUMENT_SORTS[sort.column]
    position = None if after is None else _position(after, sort)
    absent, present = (0, 1) if sort.descending else (1, 0)
    found: list[Any] = []
    if position is None or position[0] == present:
        beyond = None if position is None else (position[1], position[2])
        found += _documents_in_order(
            session, where, sort, column, present=True, after=beyond, limit=limit + 1
        )
    if len(found) <= limit:
        beyond = None if position is None or position[0] == present else position[2:]
        found += _documents_in_order(
            session,
            where,
            sort,
            column,
            present=False,
            after=beyond,
            limit=limit + 1 - len(found),
        )
    shown = found[:limit]
    counts = claim_counts(session, [row.id for row in shown])
    rows = tuple(
        DocumentRow(
            row.id,
            row.title,
            row.outlet,
            row.published_date,
            row.url,
            row.version,
            row.ingested_at,
            *counts.get(row.id, (0, 0)),
        )
        for row in shown
    )
    last = shown[-1] if shown else None
    following = (
        (
            str(sort),
            absent if last.value is None else present,
            last.value or "",
            last.id,
        )
        if last is not None and len(found) > limit
        else None
    )
    total = session.scalar(select(func.count()).select_from(Document).where(*where))
    counted: tuple[Facet, ...] = ()
    if facets and summaries is not None and not where:
        counted = summaries.get(
            session, "document-facets", lambda: _document_facets(session, where)
        )
    elif facets:
        counted = _document_facets(session, where)
    return DocumentTable(rows, following, int(total or 0), counted, sort)


def _document_facets(
    session: Session, where: list[ColumnElement[bool]]
) -> tuple[Facet, ...]:
    """The documents matching `where` counted by outlet and by year."""
    return tuple(
        sql_facets(
            session,
            select(Document.outlet, Document.published_date).where(*where),
            {
                "outlet": lambda c: c.outlet,
                "year": lambda c: func.substr(c.published_date, 1, 4),
            },
        )
    )


def _documents_in_order(
    session: Session,
    where: list[ColumnElement[bool]],
    sort: Sort,
    column: ColumnElement[Any],
    *,
    present: bool,
    after: tuple[Any, ...] | None,
    limit: int,
) -> list[Any]:
    """Up to `limit` documents with (`present`) or without the sort's value, in
    the sort's order (value then id; id alone without it), after `after` ((value,
    id), or (id,) without the value)."""
    key = (column, Document.id) if present else (Document.id,)
    if key[0] is Document.id.expression:
        key = (Document.id,)  # the id sort: one column, served by the primary key
        after = None if after is None else after[-1:]
    has = column.is_not(None) if present else column.is_(None)
    statement = select(
        Document.id,
        Document.title,
        Document.outlet,
        Document.published_date,
        Document.url,
        Document.version,
        Document.ingested_at,
        column.label("value") if present else null().label("value"),
    ).where(*where, has)
    if after is not None:
        here, there = tuple_(*key), tuple_(*after)
        statement = statement.where(here < there if sort.descending else here > there)
    order = [part.desc() if sort.descending else part.asc() for part in key]
    return list(session.execute(statement.order_by(*order).limit(limit)))


def key_fits(after: tuple[Any, ...], sort: Sort) -> bool:
    """Whether `after` is a key `document_table` gave for `sort`."""
    return (
        len(after) == 4
        and after[0] == str(sort)
        and not isinstance(after[1], bool)
        and after[1] in (0, 1)
        and all(isinstance(part, str) for part in after[2:])
    )


def _position(after: tuple[Any, ...], sort: Sort) -> tuple[Any, ...]:
    """The (missing, value, id) of a key `document_table` gave for `sort`."""
    if not key_fits(after, sort):
        raise InputError("cursor: not a cursor of this list in this sort")
    return tuple(after[1:])


def _document_filters(query: DocumentQuery) -> list[ColumnElement[bool]]:
    """Outlet exact in any case; published within the range (undated left out)."""
    found = in_range(Document.published_date.expression, query.dates)
    if query.outlet is not None:
        found.append(Document.outlet.ilike(_literal(query.outlet), escape="\\"))
    return found


def _literal(text: str) -> str:
    """`text` as a LIKE pattern matching itself only."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
