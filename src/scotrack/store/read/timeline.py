"""Things over time: every state's SCO status from 2001 to today, and the
meetings of each body, ready to be drawn as timelines and listed as tables.

Partial dates are drawn from their first day; an interval with no end runs to
`until`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import membership as membership_rules
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.store import models
from scotrack.store.read import queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.summaries import Summaries

SCO_FOUNDED = date(2001, 6, 15)


@dataclass(frozen=True, slots=True)
class Segment:
    status: str
    start: date
    end: date
    label: str
    """`member from 2017-06-09 to today`: what a tooltip says."""


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One state's status on the asked day: a row of the states list."""

    code: str
    name: str
    status: str
    since: str | None
    """When the interval of that status began (None: not known)."""
    until: str | None
    """When it ends (None: open)."""
    certain: bool

    def as_row(self) -> dict[str, str | bool | None]:
        """The row the states list prints (`scotrack members`, the table of
        /members), keyed as its columns are."""
        return {
            "state": self.code,
            "name": self.name,
            "status": self.status,
            "since": self.since,
            "until": self.until,
            "certain": self.certain,
        }


@dataclass(frozen=True, slots=True)
class StateTimeline:
    code: str
    name: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class MembershipOverview:
    on: date
    start: date
    until: date
    statuses: tuple[StatusRow, ...]
    timelines: tuple[StateTimeline, ...]


def segment(interval: StatusInterval, *, until: date) -> Segment | None:
    """The interval as drawn on a chart that ends on `until` (None: nothing to draw)."""
    start = interval.start.first_day() if interval.start else SCO_FOUNDED
    end = interval.end.first_day() if interval.end else until
    if start >= until or end <= start:
        return None
    to = str(interval.end) if interval.end else "today"
    since = str(interval.start) if interval.start else "unknown"
    return Segment(
        interval.status, start, min(end, until), f"{interval.status} {since} to {to}"
    )


def state_statuses(
    session: Session,
    *,
    on: date,
    status: str | None = None,
    summaries: Summaries | None = None,
) -> tuple[StatusRow, ...]:
    """Every state with some SCO status on `on` (only those with `status`, if
    given), by status then code: the one read of the states list, for
    `scotrack members`, GET /api/v1/states and the table of /members (#15).
    With `summaries`, kept once per knowledge-base version (#18)."""
    if summaries is not None:
        kept: tuple[StatusRow, ...] = summaries.get(
            session,
            ("state statuses", on, status),
            lambda: state_statuses(session, on=on, status=status),
        )
        return kept
    found = membership_rules.statuses_on(queries.membership(session), on=on)
    names = state_names(session)
    return tuple(
        StatusRow(
            a.state,
            names.get(a.state, a.state),
            a.status or "",
            _iso(None if a.interval is None else a.interval.start),
            _iso(None if a.interval is None else a.interval.end),
            a.certain,
        )
        for a in found
        if status is None or a.status == status
    )


def _iso(day: PartialDate | None) -> str | None:
    return None if day is None else str(day)


def membership_overview(
    session: Session, *, on: date, until: date, summaries: Summaries | None = None
) -> MembershipOverview:
    """Statuses on `on` (the table: `state_statuses`) and every state's status
    intervals up to `until`;
    with `summaries`, worked out once per knowledge-base version and kept there
    (#18: reading and parsing every interval was half of /members' CPU)."""
    if summaries is not None:
        kept: MembershipOverview = summaries.get(
            session,
            ("membership overview", on, until),
            lambda: membership_overview(session, on=on, until=until),
        )
        return kept
    intervals = queries.membership(session)
    names = state_names(session)
    statuses = state_statuses(session, on=on)
    by_state: dict[str, list[Segment]] = {}
    for interval in intervals:
        drawn = segment(interval, until=until)
        if drawn is not None:
            by_state.setdefault(interval.state, []).append(drawn)
    timelines = sorted(
        (
            StateTimeline(
                code, names.get(code, code), tuple(sorted(found, key=lambda s: s.start))
            )
            for code, found in by_state.items()
        ),
        key=lambda t: (t.segments[0].start, t.name),
    )
    start = min((t.segments[0].start for t in timelines), default=SCO_FOUNDED)
    return MembershipOverview(
        on, min(start, SCO_FOUNDED), until, statuses, tuple(timelines)
    )


@dataclass(frozen=True, slots=True)
class MeetingsOverview:
    meetings: tuple[Meeting, ...]
    bodies: tuple[Body, ...]
    state_names: dict[str, str]
    years: tuple[int, ...]
    """The years of the SCO's meetings, latest first (a predecessor's are in
    `years_by_body` only, #12)."""
    hosts: tuple[str, ...]
    """Codes of every state that has hosted a meeting (for the filter)."""
    years_by_body: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Each body's meeting years, latest first."""

    def years_of(self, body: Body | None) -> tuple[int, ...]:
        """The years the year filter offers with `body` shown: its own, or the
        SCO's with none (not its predecessor's, #12)."""
        return self.years if body is None else self.years_by_body.get(body.code, ())


def meetings_overview(
    session: Session,
    *,
    body: str | None = None,
    year: int | None = None,
    host: str | None = None,
) -> MeetingsOverview:
    """The meetings matching the filters, and the values each filter can take."""
    found = queries.meetings(session, body=body, year=year, host=host)
    bodies = queries.bodies(session)
    predecessors = {b.code for b in bodies if b.predecessor_of}
    by_body: dict[str, list[int]] = {}
    for code, held_in in session.execute(
        select(models.Meeting.body_id, models.Meeting.year)
        .distinct()
        .order_by(models.Meeting.year.desc())
    ):
        if held_in is not None:  # an undated meeting offers no year
            by_body.setdefault(code, []).append(held_in)
    years = sorted(
        {y for code, seen in by_body.items() if code not in predecessors for y in seen},
        reverse=True,
    )
    hosts = session.scalars(
        select(models.Meeting.host_state_id)
        .where(models.Meeting.host_state_id.is_not(None))
        .distinct()
    )
    names = state_names(session)
    return MeetingsOverview(
        tuple(found),
        tuple(bodies),
        names,
        tuple(years),
        tuple(sorted((h for h in hosts if h), key=lambda c: names.get(c, c))),
        {code: tuple(seen) for code, seen in by_body.items()},
    )
