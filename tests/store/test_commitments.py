"""The commitments table (#14): each commitment with its compliance on the day,
sorted by any column (ties by date made), filtered, counted by facet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError, NotFound
from scotrack.store.read.commitments import (
    CommitmentQuery,
    commitment_sort,
    commitment_table,
)
from scotrack.store.read.tables import date_range

pytestmark = pytest.mark.issue(14)


def ids(small: Session, on: date = date(2018, 12, 31), **filters) -> list[str]:
    table = commitment_table(small, CommitmentQuery(on=on, **filters))
    return [line.commitment.id for line in table.lines]


def test_commitments_show_their_compliance_on_the_day(small: Session) -> None:
    table = commitment_table(small, CommitmentQuery(on=date(2018, 12, 31)))
    assert [line.commitment.id for line in table.lines] == ["c1", "c2", "c3"]
    assert [line.compliance for line in table.lines] == [
        "partly",
        "unassessed",
        "unassessed",
    ]
    assert table.lines[0].score == 0
    assert str(table.lines[0].current.date) == "2018-06"
    later = commitment_table(small, CommitmentQuery(on=date(2020, 1, 1)))
    assert later.lines[0].compliance == "inconclusive"  # a later one reverses
    before = commitment_table(small, CommitmentQuery(on=date(2018, 1, 1)))
    assert before.lines[0].compliance == "unassessed"


def test_commitments_sort_by_any_column(small: Session) -> None:
    assert ids(small, sort=commitment_sort("-made")) == ["c2", "c1", "c3"]
    assert ids(small, sort=commitment_sort("actor")) == ["c1", "c2", "c3"]
    assert ids(small, sort=commitment_sort("-actor")) == ["c3", "c2", "c1"]
    assert ids(small, sort=commitment_sort("kind")) == ["c3", "c1", "c2"]
    # by score; the unassessed last either way, in their date order
    assert ids(small, sort=commitment_sort("compliance")) == ["c1", "c2", "c3"]
    assert ids(small, sort=commitment_sort("-compliance")) == ["c1", "c2", "c3"]
    with pytest.raises(InputError, match="sort 'score': choose one of made"):
        commitment_sort("score")


def test_commitments_filters_and_facets(small: Session) -> None:
    table = commitment_table(small, CommitmentQuery(on=date(2018, 12, 31)))
    facets = {f.name: dict(f.counts) for f in table.facets}
    assert set(facets) == {"actor", "kind", "area", "year", "meeting", "compliance"}
    assert facets["compliance"] == {"partly": 1, "unassessed": 2}
    assert facets["year"] == {"2017": 1, "2023": 1, None: 1}
    assert ids(small, compliance="unassessed") == ["c2", "c3"]
    assert ids(small, compliance="partly") == ["c1"]
    assert ids(small, actor="china") == ["c1"]
    assert ids(small, actor="sco") == ["c3"]
    assert ids(small, meeting="hos-2017") == ["c1"]
    assert ids(small, year=2023) == ["c2"]
    assert ids(small, dates=date_range("2017", "2020")) == ["c1"]
    assert ids(small, dates=date_range("2017-07", None)) == ["c2"]


def test_commitments_refuse_unknown_values(small: Session) -> None:
    for name, value in (("kind", "threat"), ("area", "space"), ("compliance", "no")):
        with pytest.raises(InputError, match=f"{name} '{value}': choose one of"):
            ids(small, **{name: value})
    with pytest.raises(NotFound):
        ids(small, actor="Atlantis")
    with pytest.raises(NotFound):
        ids(small, meeting="hos-1999")
