"""Long lists read a page at a time in SQL: documents, claims and the change log.

Each function returns a `Listing`: a SELECT of only the columns a list shows, the
unique sort key it is read in, and how a row becomes an item. The caller adds the
page (``keyset`` in `scotrack.api.paging`: "after this key, limit N"), so no list
ever loads its whole table, and every key is an indexed column or starts with one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, select

from scotrack.errors import InputError
from scotrack.store.provenance import Change, Claim, Document
from scotrack.store.review import KINDS, STATUSES

T = TypeVar("T")
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """A list to read a page at a time: `statement` (not yet ordered or limited),
    its unique sort key `key` (ascending), and `item`, which makes a row an item."""

    statement: AnySelect
    key: tuple[ColumnElement[Any], ...]
    item: Callable[[Any], T]
    key_of: Callable[[Any], tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document as a list shows it (no text)."""

    id: str
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None
    version: int


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """A claim as a list shows it."""

    id: str
    kind: str
    summary: str
    status: str
    proposal: str
    entity_kind: str | None
    entity_id: str | None
    document_id: str
    group_key: str


def documents(
    *,
    outlet: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
) -> Listing[DocumentSummary]:
    """Documents by id, filtered by outlet (exact, any case) and by published date
    between two ISO days (inclusive; undated documents are left out by either)."""
    statement: AnySelect = select(
        Document.id,
        Document.title,
        Document.outlet,
        Document.published_date,
        Document.url,
        Document.version,
    )
    if outlet is not None:
        statement = statement.where(
            Document.outlet.ilike(_literal(outlet), escape="\\")
        )
    if published_from is not None:
        statement = statement.where(Document.published_date >= published_from)
    if published_to is not None:
        # "2017-06-09" sorts before "2017-06-09x": partial dates of that day stay in
        statement = statement.where(Document.published_date <= published_to + "~")
    return Listing(
        statement,
        (Document.id.expression,),
        lambda row: DocumentSummary(
            row.id, row.title, row.outlet, row.published_date, row.url, row.version
        ),
        lambda row: (row.id,),
    )


def claims(
    *,
    status: str | None = None,
    kind: str | None = None,
    document_id: str | None = None,
) -> Listing[ClaimSummary]:
    """Claims by id, filtered by status, kind and document."""
    if status is not None and status not in STATUSES:
        raise InputError(f"status {status!r}: choose one of {', '.join(STATUSES)}")
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind {kind!r}: choose one of {', '.join(KINDS)}")
    statement: AnySelect = select(
        Claim.id,
        Claim.kind,
        Claim.summary,
        Claim.status,
        Claim.proposal,
        Claim.entity_kind,
        Claim.entity_id,
        Claim.document_id,
        Claim.group_key,
    )
    if status is not None:
        statement = statement.where(Claim.status == status)
    if kind is not None:
        statement = statement.where(Claim.kind == kind)
    if document_id is not None:
        statement = statement.where(Claim.document_id == document_id)
    return Listing(
        statement,
        (Claim.id.expression,),
        lambda row: ClaimSummary(
            row.id,
            row.kind,
            row.summary,
            row.status,
            row.proposal,
            row.entity_kind,
            row.entity_id,
            row.document_id,
            row.group_key,
        ),
        lambda row: (row.id,),
    )


def changes(*, after_id: int = 0, since: str | None = None) -> Listing[Change]:
    """Changes in id order: those after change `after_id`, and at or after the
    ISO time `since` (UTC) when given."""
    statement: AnySelect = select(Change).where(Change.id > after_id)
    if since is not None:
        statement = statement.where(Change.at >= since)
    return Listing(
        statement, (Change.id.expression,), lambda row: row.Change, _change_key
    )


def _change_key(row: Any) -> tuple[Any, ...]:
    return (row.Change.id,)


def _literal(text: str) -> str:
    """`text` as a LIKE pattern matching itself only."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
