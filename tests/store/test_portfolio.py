"""Projects with their status and counts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.store.read.portfolio import initiative_table, projects_overview


def test_projects_overview(small: Session) -> None:
    overview = projects_overview(small, on=date(2024, 1, 1))
    assert [(r.project.id, r.status) for r in overview.rows] == [("p1", "completed")]
    assert overview.by_sector == {"transport": 1}
    assert overview.by_country == {"CHN": 1, "KGZ": 1, "UZB": 1}
    assert overview.sectors == ("transport",)
    assert overview.countries == ("CHN", "KGZ", "UZB")
    early = projects_overview(small, on=date(2015, 1, 1))
    assert early.rows[0].status == "agreed"


def test_projects_overview_filters(small: Session) -> None:
    assert projects_overview(small, on=date(2024, 1, 1), country="kgz").rows
    assert not projects_overview(small, on=date(2024, 1, 1), country="IND").rows
    assert not projects_overview(small, on=date(2024, 1, 1), sector="energy").rows


@pytest.mark.issue(12)
def test_initiative_table_with_sources_and_project_counts(small: Session) -> None:
    (bri,) = initiative_table(small)
    assert (bri.initiative.code, bri.initiative.name) == (
        "bri",
        "Belt and Road Initiative",
    )
    assert bri.source is not None
    assert bri.source.id == "s1"
    assert bri.projects == 1
