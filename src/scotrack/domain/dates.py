"""Partial dates (`2017`, `2017-06`, `2017-06-09`) and three-valued "as of" comparisons.

A partial date stands for the whole period it names. Comparing it with a day gives
True, False or None ("can't tell"), so no rule ever pretends to know a day it doesn't:
"2017-06" is before 2017-07-01 (True), not before 2017-06-01 (False), and for
2017-06-15 the answer is None.

Two sources that give a date at different precisions agree when one period holds the
other (`compatible`): "2017-06" and "2017-06-09" say the same at two precisions, and
the more precise one is what both support (`reconciled`); only "2017-06" against
"2017-07" is a disagreement (#14).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from scotrack.errors import InputError

Truth = bool | None
"""Three-valued logic: True, False, or None for "the sources do not say"."""

Precision = Literal["year", "month", "day"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InputError(f"date: year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise InputError("date: a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InputError(f"date: month {self.month} is not between 1 and 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise InputError(
                    f"date: {self.year:04d}-{self.month:02d} has no day {self.day}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raises InputError naming the value."""
        match = _ISO.match(text.strip())
        if match is None:
            raise InputError(
                f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-06-09)"
            )
        year, month, day = (int(part) if part else None for part in match.groups())
        if year is None:  # the pattern always captures a year
            raise InputError(f"date {text!r} has no year")
        try:
            return cls(year, month, day)
        except InputError as err:
            raise InputError(f"date {text!r} is impossible: {err}") from err

    @classmethod
    def from_date(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def to_date(self) -> date | None:
        """The exact day, or None when only the year or month is known."""
        return self.first_day() if self.day is not None else None

    def contains(self, other: PartialDate | date) -> bool:
        """True when every day of `other` lies within this period."""
        if isinstance(other, date):
            return self.first_day() <= other <= self.last_day()
        return self.first_day() <= other.first_day() and other.last_day() <= (
            self.last_day()
        )

    def on_or_before(self, day: date) -> Truth:
        """Did this (whole) period happen on or before `day`?"""
        if self.last_day() <= day:
            return True
        if self.first_day() > day:
            return False
        return None

    def before(self, day: date) -> Truth:
        """Did this period happen strictly before `day`?"""
        if self.last_day() < day:
            return True
        if self.first_day() >= day:
            return False
        return None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def compatible(one: PartialDate, other: PartialDate) -> bool:
    """Do two partial dates agree, one being the other told more or less precisely?

    Years, months and days are calendar periods, nested or disjoint, so two dates
    agree exactly when one contains the other: `2017` and `2017-06-09` do,
    `2017-06` and `2017-07` do not (#14).
    """
    return one.contains(other) or other.contains(one)


def reconciled(known: PartialDate, claimed: PartialDate) -> PartialDate | None:
    """The date both agree on: the more precise of two compatible dates, else None.

    `known` is what a record holds and `claimed` what a source says: a more precise
    claim refines the record (2017-06 + 2017-06-09 -> 2017-06-09), a less precise
    one confirms it unchanged (2017-06-09 + 2017 -> 2017-06-09), an incompatible
    one (2017-06 vs 2017-07) is a conflict, None (#14).
    """
    if known.contains(claimed):
        return claimed
    if claimed.contains(known):
        return known
    return None


def parse_optional(text: str | None) -> PartialDate | None:
    """PartialDate.parse for a value that may be absent (null stays unknown)."""
    return None if text is None else PartialDate.parse(text)


def as_of_day(value: PartialDate | date | None, *, today: date) -> date:
    """The day a query is asked as of: a partial date means its last day."""
    if value is None:
        return today
    if isinstance(value, date):
        return value
    return value.last_day()


def all_of(*values: Truth) -> Truth:
    """Three-valued AND: False if any is False, True if all are True, else None."""
    if any(value is False for value in values):
        return False
    if all(value is True for value in values):
        return True
    return None


def add_days(day: date, days: int) -> date:
    return date.fromordinal(day.toordinal() + days)
