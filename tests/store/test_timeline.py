"""Membership and meetings over time."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.domain.membership import StatusInterval
from scotrack.store.read.timeline import meetings_overview, membership_overview, segment


def test_membership_overview_statuses_on_a_day(small: Session) -> None:
    overview = membership_overview(small, on=date(2010, 1, 1), until=date(2024, 1, 1))
    statuses = {row.code: row.status for row in overview.statuses}
    assert statuses["IND"] == "observer"
    assert statuses["CHN"] == "member"
    later = membership_overview(small, on=date(2017, 6, 10), until=date(2024, 1, 1))
    assert {row.code: row.status for row in later.statuses}["IND"] == "member"


def test_membership_timelines_run_to_until(small: Session) -> None:
    overview = membership_overview(small, on=date(2024, 1, 1), until=date(2024, 1, 1))
    india = next(t for t in overview.timelines if t.code == "IND")
    assert [s.status for s in india.segments] == ["observer", "member"]
    assert india.segments[0].start == date(2005, 7, 1)
    assert india.segments[-1].end == date(2024, 1, 1)
    assert "to today" in india.segments[-1].label
    assert overview.timelines[0].segments[0].start <= india.segments[0].start


def test_segment_after_until_is_not_drawn() -> None:
    future = StatusInterval("IND", "member", PartialDate.parse("2030"))
    assert segment(future, until=date(2024, 1, 1)) is None


def test_meetings_overview_filters_and_choices(small: Session) -> None:
    overview = meetings_overview(small, host="ind")
    assert [m.id for m in overview.meetings] == ["cfm-2023", "hos-2023"]
    assert overview.years == (2023, 2017)
    assert set(overview.hosts) == {"IND", "KAZ"}
    assert [b.code for b in overview.bodies] == ["foreign-ministers", "heads-of-state"]
