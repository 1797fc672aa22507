"""SCO bodies and their meetings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from scotrack.domain.dates import PartialDate, Truth
from scotrack.domain.vocab import MeetingBody, MeetingFormat


@dataclass(frozen=True, slots=True)
class Body:
    """An SCO body; `schema_body` is its value in sco-extract/1 (`other` for most).

    `predecessor_of` names the organisation a body preceded (the Shanghai Five,
    `"SCO"`): its meetings and agreements are not the SCO's, and lists of the SCO's
    meetings and agreements leave them out unless asked for (#12).

    `founded` is as precise as a source gives it (a month for RATS), None when no
    source dates it; `founding_source_id` cites the founding date and the seat,
    `source_id` the record, and the `note` may name further sources (#12).
    """

    code: str
    name: str
    schema_body: MeetingBody
    aliases: tuple[str, ...] = ()
    kind: str = "council"
    predecessor_of: str | None = None
    founded: PartialDate | None = None
    seat: str | None = None
    note: str | None = None
    source_id: str | None = None
    founding_source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    body: str
    start_date: PartialDate | None
    end_date: PartialDate | None = None
    number: int | None = None
    city: str | None = None
    host: str | None = None
    chair: str | None = None
    format: MeetingFormat | None = None
    participants: tuple[str, ...] = ()
    name: str | None = None
    source_id: str | None = None

    def year(self) -> int | None:
        return None if self.start_date is None else self.start_date.year

    def title(self, bodies: dict[str, Body] | None = None) -> str:
        """`17th Council of Heads of State, Astana, 2017-06-08`."""
        if self.name:
            return self.name
        body = bodies[self.body].name if bodies and self.body in bodies else self.body
        parts = [f"{ordinal(self.number)} {body}" if self.number else body]
        if self.city:
            parts.append(self.city)
        if self.start_date:
            parts.append(str(self.start_date))
        return ", ".join(parts)


def meetings_matching(
    meetings: Iterable[Meeting],
    *,
    body: str | None = None,
    year: int | None = None,
    host: str | None = None,
) -> list[Meeting]:
    """Meetings of `body` in `year` hosted by `host` (each filter optional), by date."""
    chosen = [
        meeting
        for meeting in meetings
        if (body is None or meeting.body == body)
        and (year is None or meeting.year() == year)
        and (host is None or meeting.host == host)
    ]
    return sorted(chosen, key=meeting_sort_key)


def meeting_sort_key(meeting: Meeting) -> tuple[tuple[int, int, int], str]:
    start = meeting.start_date.sort_key() if meeting.start_date else (9999, 0, 0)
    return (start, meeting.id)


def held_by(meeting: Meeting, day: date) -> bool | None:
    """Had the meeting started by `day`?"""
    return None if meeting.start_date is None else meeting.start_date.on_or_before(day)


PlaceMatcher = Callable[[str, str], bool]
"""Whether two place names name one place."""


def done_at(
    meeting: Meeting,
    *,
    on: PartialDate | None,
    place: str | None,
    same_place: PlaceMatcher = lambda one, other: one.casefold() == other.casefold(),
) -> Truth:
    """Was an act (a signing, an adoption) dated `on` at `place` done at `meeting`?

    False when the date falls outside the meeting's days or the place is another
    city; True when the day lies within them, or the month does and the place is
    the meeting's city; None when nothing decides it (a year alone, a month with
    no place, no date). An undated meeting decides nothing (#12).
    """
    if meeting.start_date is None:
        return None
    first = meeting.start_date.first_day()
    last = (meeting.end_date or meeting.start_date).last_day()
    if on is not None and (on.last_day() < first or on.first_day() > last):
        return False
    here = (
        None
        if place is None or meeting.city is None
        else same_place(place, meeting.city)
    )
    if here is False or on is None:
        return False if here is False else None
    if on.precision == "day":
        return True
    return True if on.precision == "month" and here else None


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd ..."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
