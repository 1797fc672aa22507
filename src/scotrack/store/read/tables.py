"""What every researcher's table shares: a sort by any shown column, facet counts
and a date range, parsed once here for the CLI, the API and the web app (#14).

A date range takes partial dates: `from 2017` starts on 2017-01-01 and `to 2017-06`
ends on 2017-06-30. A record's own date counts as its first day (a meeting known
only as "2017-06" is in a range that holds 2017-06-01), the day it sorts by;
undated records are left out by either bound.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, func, literal, select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

T = TypeVar("T")
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Sort:
    """A column to sort by, and whether from the largest (`-column`)."""

    column: str
    descending: bool = False

    def __str__(self) -> str:
        return ("-" if self.descending else "") + self.column


def parse_sort(text: str | None, columns: Sequence[str], default: Sort) -> Sort:
    """`column` or `-column` (descending), one of `columns`; `default` when empty.
    InputError naming the field `sort` and the choices otherwise."""
    text = (text or "").strip().lower()
    if not text:
        return default
    descending = text.startswith("-")
    column = text.removeprefix("-")
    if column not in columns:
        raise InputError(
            f"sort {text!r}: choose one of {', '.join(columns)} "
            "(-COLUMN for descending)"
        )
    return Sort(column, descending)


def check_choice(name: str, value: str | None, allowed: Sequence[str]) -> None:
    """InputError naming the field `name` and the choices when `value` is given
    and not one of `allowed` (a facet's filter takes only the facet's values)."""
    if value is not None and value not in allowed:
        raise InputError(f"{name} {value!r}: choose one of {', '.join(allowed)}")


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days from `start` to `end`, both inclusive; None leaves a side open."""

    start: date | None = None
    end: date | None = None

    @property
    def open(self) -> bool:
        return self.start is None and self.end is None

    def holds(self, value: PartialDate | None) -> bool:
        """Whether a record dated `value` (by its first day) is in the range."""
        if self.open:
            return True
        if value is None:
            return False
        day = value.first_day()
        after_start = self.start is None or day >= self.start
        return after_start and (self.end is None or day <= self.end)


def date_range(start: str | None, end: str | None) -> DateRange:
    """The range `from` `start` `to` `end` (YYYY, YYYY-MM or YYYY-MM-DD each);
    InputError naming `from` or `to` when one is not a date or they are reversed."""
    first = _bound(start, "from")
    last = _bound(end, "to")
    found = DateRange(
        None if first is None else first.first_day(),
        None if last is None else last.last_day(),
    )
    if found.start and found.end and found.start > found.end:
        raise InputError(f"from {start!r} is after to {end!r}")
    return found


def _bound(text: str | None, name: str) -> PartialDate | None:
    if text is None or not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except InputError as err:
        raise InputError(f"{name}: {err}") from err


def first_day(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A partial-date text column (YYYY[-MM[-DD]]) as the ISO text of its first
    day, in SQL, so ranges compare it with whole days on every database."""
    return case(
        (func.length(column) == 4, column + literal("-01-01")),
        (func.length(column) == 7, column + literal("-01")),
        else_=column,
    )


def in_range(column: ColumnElement[Any], dates: DateRange) -> list[ColumnElement[bool]]:
    """SQL conditions keeping rows whose partial date `column` is in `dates`."""
    if dates.start is None and dates.end is None:
        return []  # no expression to build (#18)
    day = first_day(column)
    found = []
    if dates.start is not None:
        found.append(day >= dates.start.isoformat())
    if dates.end is not None:
        found.append(day <= dates.end.isoformat())
    return found


@dataclass(frozen=True, slots=True)
class Facet:
    """How many records have each value of a field, the most frequent first (no
    value counts as None)."""

    name: str
    counts: tuple[tuple[str | None, int], ...]


def facet_of(name: str, counts: Iterable[tuple[Any, int]]) -> Facet:
    """A facet from (value, count) pairs: by count, then value; None last."""
    pairs = [(None if v is None else str(v), int(n)) for v, n in counts]
    pairs.sort(key=lambda p: (-p[1], p[0] is None, p[0] or ""))
    return Facet(name, tuple(pairs))


def count_facets(
    items: Sequence[T], fields: Mapping[str, Callable[[T], Any]]
) -> list[Facet]:
    """The facets of a list already in memory."""
    return [
        facet_of(name, Counter(value(item) for item in items).items())
        for name, value in fields.items()
    ]


def sql_facets(
    session: Session,
    statement: AnySelect,
    fields: Mapping[str, Callable[[Any], ColumnElement[Any]]],
) -> list[Facet]:
    """The facets of the rows `statement` selects, one GROUP BY per field; each
    field makes its value from the columns (`.c`) of those rows."""
    rows = statement.subquery()
    found = []
    for name, column in fields.items():
        value = column(rows.c).label("value")
        counted = select(value, func.count()).select_from(rows).group_by(value)
        found.append(facet_of(name, ((v, n) for v, n in session.execute(counted))))
    return found


def sorted_by(
    items: Iterable[T], sort: Sort, keys: Mapping[str, Callable[[T], Any]]
) -> list[T]:
    """`items` ordered by `keys[sort.column]` (ties keep their order); items
    without a value come last in either direction."""
    key = keys[sort.column]
    present = [item for item in items if key(item) is not None]
    missing = [item for item in items if key(item) is None]
    return sorted(present, key=key, reverse=sort.descending) + missing
