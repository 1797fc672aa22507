"""Commitments with compliance, and their counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from scotrack.store.compliance import commitments_overview


def test_commitments_overview_counts(small: Session) -> None:
    overview = commitments_overview(small, on=date(2018, 12, 31))
    assert [r.commitment.id for r in overview.rows] == ["c1", "c2", "c3"]
    assert [r.compliance for r in overview.rows] == [
        "partly",
        "unassessed",
        "unassessed",
    ]
    assert overview.by_actor["CHN"]["partly"] == 1
    assert overview.by_year["2017"]["partly"] == 1
    assert overview.by_year["undated"]["unassessed"] == 1
    assert overview.actors == ("CHN", "IND", "SCO")
    assert overview.meetings == ("hos-2017",)


def test_commitments_overview_filters(small: Session) -> None:
    assert [
        r.commitment.id
        for r in commitments_overview(small, on=date(2024, 1, 1), actor="chn").rows
    ] == ["c1"]
    assert [
        r.commitment.id
        for r in commitments_overview(
            small, on=date(2024, 1, 1), meeting="hos-2017"
        ).rows
    ] == ["c1"]
    assert commitments_overview(small, on=date(2024, 1, 1), area="energy").rows == ()
    kind = commitments_overview(small, on=date(2024, 1, 1), kind="call")
    assert [r.commitment.id for r in kind.rows] == ["c3"]
