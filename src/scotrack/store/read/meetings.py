"""The meetings table: the one list of meetings the CLI, the API and the web app
show, filtered, sorted by any column, with facet counts (#14).

Meetings are few (hundreds), so the table is read whole and sorted and counted
here; the surfaces page it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from scotrack.domain.meetings import (
    Body,
    Meeting,
    meeting_sort_key,
    meetings_matching,
)
from scotrack.store.read import queries
from scotrack.store.read.tables import (
    DateRange,
    Facet,
    Sort,
    count_facets,
    parse_sort,
    sorted_by,
)

SORTS: dict[str, Callable[[Meeting], Any]] = {
    "date": lambda m: None if m.start_date is None else m.start_date.sort_key(),
    "body": lambda m: m.body,
    "number": lambda m: m.number,
    "city": lambda m: m.city,
    "host": lambda m: m.host,
    "format": lambda m: m.format,
}
"""The columns a meetings table sorts by."""
FACETS: dict[str, Callable[[Meeting], Any]] = {
    "body": lambda m: m.body,
    "host": lambda m: m.host,
    "year": lambda m: m.year(),
    "format": lambda m: m.format,
}
"""The fields a meetings table counts."""
DEFAULT_SORT = Sort("date")


@dataclass(frozen=True, slots=True)
class MeetingTable:
    """The meetings matching the filters in `sort` order, and their facets."""

    meetings: tuple[Meeting, ...]
    facets: tuple[Facet, ...]
    sort: Sort
    body: Body | None = None
    """The body the table is of, when one was asked for."""

    @property
    def title(self) -> str:
        """ "SCO meetings", or the body's: a predecessor's meetings are not the
        SCO's, so the title says whose they are (#12)."""
        if self.body is None:
            return "SCO meetings"
        if self.body.predecessor_of:
            return (
                f"Meetings of the {self.body.name} "
                f"(the {self.body.predecessor_of}'s predecessor)"
            )
        return f"SCO meetings: {self.body.name}"


def meeting_sort(text: str | None) -> Sort:
    """`--sort`/`?sort=` for meetings: a column of SORTS, `-` for descending."""
    return parse_sort(text, tuple(SORTS), DEFAULT_SORT)


def meeting_table(
    session: Session,
    *,
    body: str | None = None,
    year: int | None = None,
    host: str | None = None,
    format: str | None = None,
    dates: DateRange | None = None,
    sort: Sort = DEFAULT_SORT,
    known: Sequence[Meeting] | None = None,
) -> MeetingTable:
    """Meetings of `body` (code or name) hosted by `host` (code or name) in `year`,
    of `format`, starting within `dates`, sorted by `sort` (undated last).
    `known`: every meeting, when the caller has them already (#18: reading them
    with their participants is 5-7 ms of the meetings page)."""
    named = None if body is None else queries.find_body(session, body)
    body_code = None if named is None else named.code
    host_code = None if host is None else queries.find_state(session, host).code
    # `known` holds the SCO's meetings: a predecessor's are read when asked (#12)
    found = (
        queries.meetings(session, body=body_code, year=year, host=host_code)
        if known is None or (named is not None and named.predecessor_of)
        else meetings_matching(known, body=body_code, year=year, host=host_code)
    )
    dates = dates or DateRange()
    kept = [
        m
        for m in found
        if dates.holds(m.start_date) and (format is None or m.format == format)
    ]
    kept.sort(key=meeting_sort_key)  # ties within a column stay in date order
    ordered = sorted_by(kept, sort, SORTS)
    return MeetingTable(tuple(ordered), tuple(count_facets(kept, FACETS)), sort, named)
