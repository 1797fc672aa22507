"""SCO status over time: applicant, member, observer, dialogue partner, partner.

An interval holds from `start` (inclusive) until `end` (exclusive: on `end` the next
status, or none, applies). Dates may be partial; a question whose answer falls inside
a partial date's period is answered "uncertain", never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from scotrack.domain.dates import PartialDate, Truth, all_of
from scotrack.domain.vocab import STATUSES, Status


@dataclass(frozen=True, slots=True)
class StatusInterval:
    state: str
    status: Status
    start: PartialDate | None
    end: PartialDate | None = None
    source_id: str | None = None
    note: str | None = None

    def holds_on(self, day: date) -> Truth:
        """Did the state have this status on `day`? None when the dates can't tell."""
        started = None if self.start is None else self.start.on_or_before(day)
        if self.end is None:
            ended: Truth = False
        else:
            ended = self.end.on_or_before(day)
        return all_of(started, None if ended is None else not ended)


@dataclass(frozen=True, slots=True)
class StatusOnDay:
    """A status on one day; `certain` is False when a partial date straddles it."""

    state: str
    status: Status | None
    certain: bool
    interval: StatusInterval | None = None


def status_of(
    intervals: Iterable[StatusInterval], state: str, *, on: date
) -> StatusOnDay:
    """The status `state` had on day `on` (None: outside the SCO system)."""
    possible: list[StatusInterval] = []
    for interval in intervals:
        if interval.state != state:
            continue
        holds = interval.holds_on(on)
        if holds is True:
            return StatusOnDay(state, interval.status, True, interval)
        if holds is None:
            possible.append(interval)
    if possible:
        return StatusOnDay(state, possible[0].status, False, possible[0])
    return StatusOnDay(state, None, True)


def states_with_status(
    intervals: Sequence[StatusInterval], status: Status, *, on: date
) -> list[StatusOnDay]:
    """Every state with `status` on `on`, certain ones and (flagged) uncertain ones."""
    answers = [status_of(intervals, state, on=on) for state in _states(intervals)]
    return [answer for answer in answers if answer.status == status]


def members(intervals: Sequence[StatusInterval], *, on: date) -> list[StatusOnDay]:
    """The member states on `on` (uncertain ones flagged with certain=False)."""
    return states_with_status(intervals, "member", on=on)


def statuses_on(intervals: Sequence[StatusInterval], *, on: date) -> list[StatusOnDay]:
    """Every state that had any status on `on`, ordered by status then code."""
    answers = [status_of(intervals, state, on=on) for state in _states(intervals)]
    ranked = [a for a in answers if a.status is not None]
    return sorted(ranked, key=lambda a: (STATUSES.index(a.status or "member"), a.state))


def history(intervals: Iterable[StatusInterval], state: str) -> list[StatusInterval]:
    """A state's intervals in date order (unknown starts first)."""
    own = [interval for interval in intervals if interval.state == state]
    return sorted(own, key=lambda i: i.start.sort_key() if i.start else (0, 0, 0))


def overlapping(
    intervals: Sequence[StatusInterval],
) -> list[tuple[StatusInterval, StatusInterval]]:
    """Pairs of one state's intervals that certainly overlap (a data error)."""
    clashes = []
    for state in _states(intervals):
        own = history(intervals, state)
        for earlier, later in itertools.pairwise(own):
            if earlier.end is None or (
                later.start is not None
                and later.start.last_day() < earlier.end.first_day()
            ):
                clashes.append((earlier, later))
    return clashes


def _states(intervals: Iterable[StatusInterval]) -> list[str]:
    return sorted({interval.state for interval in intervals})
