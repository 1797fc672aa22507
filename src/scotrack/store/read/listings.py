"""Long lists read a page at a time in SQL: claims and the change log.

Each function returns a `Listing`: a SELECT of only the columns a list shows, the
unique sort key it is read in, and how a row becomes an item; `page` reads one
page of it ("after this key, limit N": keyset paging, the one for every surface,
which the API wraps in an opaque cursor), so no list ever loads its whole table,
and every key is an indexed column or starts with one. The documents table, read
in any sort, is `document_tables.document_table`.

The claims list is one for every surface (#15): by id for the API (a key that
never changes, so no page skips a claim when groups merge), or `grouped` (kind,
group, id) for the terminal review, which shows the claims of one fact together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session

from scotrack.domain import vocab
from scotrack.errors import InputError
from scotrack.store import history
from scotrack.store.history import ChangeRecord, change_record
from scotrack.store.provenance import Change, Claim
from scotrack.store.read.tables import AnySelect, check_choice

T = TypeVar("T")
Key = tuple[Any, ...]
MAX_ROWS = 2**63 - 1
"""The largest LIMIT both databases take (a signed 64-bit integer)."""


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """A list to read a page at a time: `statement` (not yet ordered or limited),
    its unique sort key `key` (ascending), and `item`, which makes a row an item."""

    statement: AnySelect
    key: tuple[ColumnElement[Any], ...]
    item: Callable[[Any], T]
    key_of: Callable[[Any], tuple[Any, ...]]


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


def claims(
    *,
    status: str | None = None,
    kind: str | None = None,
    document_id: str | None = None,
    grouped: bool = False,
    labels: tuple[str, str] = ("status", "kind"),
) -> Listing[ClaimSummary]:
    """Claims filtered by status, kind and document, by id, or `grouped` by kind,
    group and id (the claims of one fact together); `labels` name the status and
    kind filters in errors (the CLI's --status and --type)."""
    check_choice(labels[0], status, vocab.CLAIM_STATUSES)
    check_choice(labels[1], kind, vocab.CLAIM_KINDS)
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
    key: tuple[ColumnElement[Any], ...] = (
        (Claim.kind.expression, Claim.group_key.expression, Claim.id.expression)
        if grouped
        else (Claim.id.expression,)
    )
    return Listing(
        statement,
        key,
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
        (lambda row: (row.kind, row.group_key, row.id))
        if grouped
        else (lambda row: (row.id,)),
    )


def changes(*, after_id: int = 0, since: str | None = None) -> Listing[ChangeRecord]:
    """Changes in id order: those after change `after_id`, and at or after the
    ISO time `since` (UTC) when given."""
    statement: AnySelect = select(Change).where(Change.id > after_id)
    if since is not None:
        statement = statement.where(Change.at >= since)
    return Listing(
        statement,
        (Change.id.expression,),
        lambda row: change_record(row.Change),
        _change_key,
    )


def _change_key(row: Any) -> tuple[Any, ...]:
    return (row.Change.id,)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing and the key to read the next after (None: the last)."""

    items: list[T]
    next: Key | None


def page(
    session: Session, listing: Listing[T], *, after: Key | None = None, limit: int
) -> Page[T]:
    """Up to `limit` items of `listing` after the key `after`, in its key's order
    (one more row is read to tell whether there is a next page). InputError when
    `after` is not a key of this listing (`listing_key_fits`)."""
    statement = listing.statement
    if after is not None:
        if not listing_key_fits(listing, after):
            raise InputError("cursor: not a cursor of this list", field="cursor")
        statement = statement.where(tuple_(*listing.key) > tuple_(*after))
    read = min(limit + 1, MAX_ROWS)
    rows = list(session.execute(statement.order_by(*listing.key).limit(read)))
    following = listing.key_of(rows[limit - 1]) if len(rows) > limit else None
    return Page([listing.item(row) for row in rows[:limit]], following)


def listing_key_fits(listing: Listing[Any], after: Key) -> bool:
    """Whether `after` can be a key of `listing`: as many parts as its key, each
    comparable with its column (an int with an integer column, a str with a text
    one), so a foreign key is refused, not a database error."""
    return len(after) == len(listing.key) and all(map(_comparable, listing.key, after))


def _comparable(column: ColumnElement[Any], value: Any) -> bool:
    try:
        wanted = column.type.python_type
    except NotImplementedError:
        return True
    if wanted is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, wanted)


def last_change_id(session: Session, known_on: date | None = None) -> int | None:
    """The id of the knowledge base's latest change, up to the end of `known_on`
    (None: no change yet): the one read of it (#15), for the version a report
    or an export was made from and the API's holdings."""
    query = select(func.max(Change.id))
    if known_on is not None:
        query = query.where(Change.at < (known_on + timedelta(days=1)).isoformat())
    found: int | None = session.scalar(query)
    return found


def entity_history(session: Session, spec: str) -> list[ChangeRecord]:
    """The changes of the entity `spec` names (`KIND:ID`, or an ID of any kind),
    for `scotrack history` and GET /api/v1/history/...: `history.entity_changes`
    for a `KIND:ID`."""
    kind, _, entity_id = spec.partition(":")
    if entity_id and kind in history.TRACKED:
        found = history.entity_changes(session, kind, entity_id)
    else:
        query = select(Change).where(Change.entity_id == spec).order_by(Change.id)
        found = [history.change_record(row) for row in session.scalars(query)]
    if not found:
        raise InputError(
            f"{spec}: no recorded changes (give KIND:ID, e.g. meeting:chs-2017; "
            f"kinds: {', '.join(history.TRACKED)})"
        )
    return found
