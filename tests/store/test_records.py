"""A state's whole record (a meeting's: test_outcomes.py)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import NotFound
from scotrack.store.records import state_record


def test_state_record(small: Session) -> None:
    record = state_record(small, "kgz", on=date(2024, 1, 1))
    assert record.profile.state.code == "KGZ"
    assert [p.id for p in record.projects] == ["p1"]
    assert record.agreement_status["charter"] == "unknown"
    assert "extremism-convention" not in record.agreement_status


def test_state_record_agreement_status_on_a_day(small: Session) -> None:
    record = state_record(small, "CHN", on=date(2019, 1, 15))
    assert record.agreement_status["extremism-convention"] == "ratified"
    assert record.body_names["heads-of-state"] == "Council of Heads of State"


def test_state_record_unknown(small: Session) -> None:
    with pytest.raises(NotFound):
        state_record(small, "XXX", on=date(2024, 1, 1))
