"""A commitment's compliance label on a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.store import models, rows
from scotrack.store.read.compliance import compliance_of


def _labels(session: Session, on: date) -> dict[str, str]:
    found = (
        rows.commitment_from_row(r) for r in session.scalars(select(models.Commitment))
    )
    return {c.id: compliance_of(c, on=on) for c in found}


def test_compliance_labels_on_a_day(small: Session) -> None:
    assert _labels(small, date(2018, 12, 31)) == {
        "c1": "partly",
        "c2": "unassessed",
        "c3": "unassessed",
    }


def test_no_label_before_the_first_assessment(small: Session) -> None:
    assert _labels(small, date(2017, 1, 1))["c1"] == "unassessed"
