"""Membership and meetings over time."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.domain.membership import StatusInterval
from scotrack.store import models
from scotrack.store.read.summaries import Summaries
from scotrack.store.read.timeline import (
    meetings_overview,
    membership_overview,
    segment,
    state_statuses,
)
from scotrack.store.write.edits import edit_entity


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


@pytest.mark.issue(18)
def test_a_kept_overview_and_statuses_follow_an_edit(small: Session) -> None:
    """Membership read once per knowledge-base version is read again after a
    logged change to a status interval."""
    summaries = Summaries()
    on, until = date(2010, 1, 1), date(2024, 1, 1)
    kept = membership_overview(small, on=on, until=until, summaries=summaries)
    assert membership_overview(small, on=on, until=until, summaries=summaries) is kept
    assert state_statuses(small, on=on, summaries=summaries) == state_statuses(
        small, on=on
    )
    interval = small.scalars(
        select(models.StatusInterval.id).where(
            models.StatusInterval.state_id == "IND",
            models.StatusInterval.status == "observer",
        )
    ).one()
    edit_entity(
        small,
        f"status-interval:{interval}",
        {"status": "dialogue-partner"},
        actor="tests",
        reason="a kept overview must follow it",
    )
    small.flush()
    after = membership_overview(small, on=on, until=until, summaries=summaries)
    assert {row.code: row.status for row in after.statuses}["IND"] == (
        "dialogue-partner"
    )
    assert after == membership_overview(small, on=on, until=until)
    assert state_statuses(small, on=on, summaries=summaries) == state_statuses(
        small, on=on
    )
    assert "dialogue-partner" in [s.status for s in state_statuses(small, on=on)]
