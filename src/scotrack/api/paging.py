"""Cursor pagination: every list answers ``{"items": [...], "next": CURSOR|null}``.

A cursor is the sort key of the last item shown, base64-encoded JSON: opaque to
clients, stable while rows are added (keyset pagination, not offsets), and
checked when it comes back: a forged or mangled cursor is a 422 naming it. The
pages are read by the store (`listings.page`, `document_tables.document_table`), as the
CLI reads them; this module only turns keys into cursors and back (#15).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from scotrack.api.errors import ApiError
from scotrack.api.inputs import MAX_ID
from scotrack.api.schemas import partial_date
from scotrack.store.read import listings
from scotrack.store.read.listings import Listing
from scotrack.store.read.tables import Facet

T = TypeVar("T")
Key = tuple[Any, ...]

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

LimitParam = Annotated[
    int,
    Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT})."),
]
CursorParam = Annotated[
    str | None,
    Query(max_length=500, description="The `next` value of the previous page."),
]


BY_DOCUMENT: dict[int | str, dict[str, Any]] = {
    404: {"description": "No document has this id or prefix."},
    409: {"description": "The prefix fits several documents: give more of it."},
}
"""The `responses` of a list filtered by a document's id or prefix."""
BY_PREFIX: dict[int | str, dict[str, Any]] = {409: BY_DOCUMENT[409]}
"""The `responses` of a route whose path takes a document's id or prefix."""


class Page(BaseModel, Generic[T]):
    """One page of a list, and the cursor of the next page (null on the last)."""

    items: list[T]
    next: str | None


SortParam = Annotated[
    str | None,
    Query(
        max_length=40,
        description="The column to sort by; `-column` for descending. A cursor "
        "belongs to its sort.",
    ),
]
FromParam = Annotated[
    str | None,
    Query(
        alias="from",
        max_length=10,
        description="From this date on (YYYY, YYYY-MM or YYYY-MM-DD: 2017 is "
        "2017-01-01).",
    ),
]
ToParam = Annotated[
    str | None,
    Query(
        alias="to",
        max_length=10,
        description="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD: 2017-06 is "
        "through 2017-06-30).",
    ),
]
FacetsParam = Annotated[
    bool,
    Query(description="Also count the records matching the filters by each facet."),
]


class FacetCount(BaseModel):
    value: str | None = Field(description="The value (null: none recorded).")
    count: int


class TablePage(Page[T], Generic[T]):
    """A page of a table; `facets` (with `?facets=true`) counts every record
    matching the filters, not only this page's, by each facet's values."""

    facets: dict[str, list[FacetCount]] | None = None


def table_key(
    cursor: str | None, width: int, fits: Callable[[Key], bool]
) -> Key | None:
    """The key a table's cursor holds (None without one); 422 naming `cursor`
    when it is not a cursor of this table in this sort."""
    if cursor is None:
        return None
    key = decode_cursor(cursor, width)
    if not fits(key):
        raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
    return key


def check_dates(bounds: dict[str, str | None]) -> None:
    """422 naming the first of the date parameters `bounds` (name: value) that is
    not a partial date, before `store.read.tables.date_range` reads them."""
    for name, value in bounds.items():
        if value is not None:
            partial_date(value, name)


def facets_public(facets: Sequence[Facet]) -> dict[str, list[FacetCount]]:
    return {
        f.name: [FacetCount(value=value, count=count) for value, count in f.counts]
        for f in facets
    }


def encode_cursor(key: Key) -> str:
    text = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> Key:
    """The key `cursor` holds; 422 if it is not a cursor of this list."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        value = None
    ok = isinstance(value, list) and len(value) == width and all(map(_storable, value))
    if not ok:
        raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
    return tuple(value)


def _storable(part: Any) -> bool:
    """Whether a cursor's part can reach a query: an integer an INTEGER column
    holds, a finite number or a text without NUL (#18)."""
    if isinstance(part, bool):
        return False
    if isinstance(part, int):
        return -MAX_ID - 1 <= part <= MAX_ID
    if isinstance(part, float):
        return math.isfinite(part)
    return isinstance(part, str) and "\x00" not in part


def page_of(
    items: Sequence[T], key: Callable[[T], Key], cursor: str | None, limit: int
) -> tuple[list[T], str | None]:
    """A page of an in-memory list (sorted here by `key`, which must be unique)."""
    ordered = sorted(items, key=key)
    if cursor is not None:
        sample = key(ordered[0]) if ordered else (0,)
        after = decode_cursor(cursor, len(sample))
        if not all(_same_kind(a, b) for a, b in zip(after, sample, strict=True)):
            raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
        ordered = [item for item in ordered if _typed(key(item)) > _typed(after)]
    shown = ordered[:limit]
    more = len(ordered) > limit
    return shown, (encode_cursor(key(shown[-1])) if more and shown else None)


def _same_kind(value: Any, sample: Any) -> bool:
    if sample is None or value is None:
        return True
    if isinstance(sample, int | float) and not isinstance(sample, bool):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, type(sample))


def _typed(key: Key) -> tuple[tuple[int, Any], ...]:
    # None sorts first; comparing a cursor's str to an int never raises
    return tuple((0, "") if part is None else (1, part) for part in key)


def listing_page(
    session: Session, listing: Listing[T], cursor: str | None, limit: int
) -> tuple[list[T], str | None]:
    """One page of a store listing (`listings.page`, read in SQL after the key
    the cursor holds), and the cursor of the next; 422 naming `cursor` when it is
    not a cursor of this list."""
    after = None if cursor is None else decode_cursor(cursor, len(listing.key))
    if after is not None and not listings.listing_key_fits(listing, after):
        raise ApiError(422, "cursor: not a cursor of this list", field="cursor")
    found = listings.page(session, listing, after=after, limit=limit)
    return found.items, None if found.next is None else encode_cursor(found.next)
