"""Recording compliance assessments (logged, undoable, replayed) and the
compliance report (#13)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import Ambiguous, InputError, NotFound
from scotrack.store import models
from scotrack.store.history import Recorder, current
from scotrack.store.provenance import Document
from scotrack.store.read.compliance import compliance_report
from scotrack.store.read.replay import known_on
from scotrack.store.write.assessments import record_assessment
from scotrack.store.write.undo import undo_batch

TEXT = "In 2019 China provided 1,000 training places to SCO members."


def add_document(session: Session, doc_id: str = "a1b2c3d4e5f6") -> str:
    session.add(
        Document(
            id=doc_id,
            title="later report",
            raw_text=TEXT,
            clean_text=TEXT,
            tags="{}",
            ingested_at="2026-01-01T00:00:00",
        )
    )
    session.flush()
    return doc_id


def test_record_with_document_span_and_report(small: Session) -> None:
    add_document(small)
    done = record_assessment(
        small,
        "c1",
        score="+1",
        on="2020-01",
        assessor="ana",
        evidence="a1b2c3:8-37",
        note="done",
    )
    assert done.change.action == "assess"
    assert done.change.entity_kind == "commitment"
    assert done.change.actor == "ana"
    row = small.get(models.Commitment, "c1")
    assert row is not None
    latest = row.assessments[-1]
    assert (latest.score, latest.assessed_date, latest.assessor) == (
        1,
        "2020-01",
        "ana",
    )
    assert (latest.document_id, latest.span_start, latest.span_end) == (
        "a1b2c3d4e5f6",
        8,
        37,
    )
    assert latest.evidence == "China provided 1,000 training"
    report = compliance_report(small, on=date(2020, 12, 31), meeting="hos-2017")
    [line] = report.lines
    assert line.compliance == "complied"
    assert line.current is not None
    assert line.current.document_id == "a1b2c3d4e5f6"
    assert {s.key: s.mean_score for s in report.by_state} == {"CHN": 1.0}
    # the report for a day before the new assessment: inconclusive, not averaged
    before = compliance_report(small, on=date(2019, 12, 31), meeting="hos-2017")
    assert before.lines[0].compliance == "inconclusive"
    assert before.overall.inconclusive == 1
    assert before.overall.mean_score is None


def test_averages_by_state_and_area(small: Session) -> None:
    record_assessment(small, "c2", score="-1", on="2024", assessor="a", citation="x")
    record_assessment(small, "c3", score="1", on="2024", assessor="a", citation="y")
    report = compliance_report(small, on=date(2024, 12, 31))
    by_state = {s.key: s for s in report.by_state}
    assert by_state["IND"].mean_score == -1.0
    assert by_state["CHN"].inconclusive == 1
    assert by_state["CHN"].mean_score is None
    assert {s.key: s.mean_score for s in report.by_area}["security"] == 1.0
    assert report.overall.commitments == 3
    assert report.overall.assessed == 3
    assert report.overall.inconclusive == 1
    assert report.overall.mean_score == 0.0


def test_later_assessment_of_same_date_reverses_and_all_are_kept(
    small: Session,
) -> None:
    record_assessment(small, "c2", score="1", on="2024-05", assessor="a", citation="x")
    record_assessment(small, "c2", score="-1", on="2024-05", assessor="b", citation="y")
    row = small.get(models.Commitment, "c2")
    assert row is not None
    assert [a.score for a in row.assessments] == [1, -1]
    [line] = [
        li
        for li in compliance_report(small, on=date(2025, 1, 1)).lines
        if li.commitment.id == "c2"
    ]
    assert line.compliance == "not complied"


def test_undo_reverts_the_assessment(small: Session) -> None:
    done = record_assessment(
        small, "c2", score="0", on="2024", assessor="a", citation="MFA, 2024"
    )
    undo_batch(small, done.change.id, actor="b")
    row = small.get(models.Commitment, "c2")
    assert row is not None
    assert row.assessments == []


def test_known_on_replays_assessments(small: Session) -> None:
    logged = Recorder(small, "t", "baseline", at="2026-01-01T00:00:00")
    logged.record("commitment", "c2", None, current(small, "commitment", "c2"))
    record_assessment(small, "c2", score="1", on="2024", assessor="a", citation="x")
    small.flush()
    today = datetime.now(UTC).date()
    for day, expected in ((date(2026, 1, 15), "unassessed"), (today, "complied")):
        with known_on(small, day) as view:
            [line] = compliance_report(view, on=date(2025, 1, 1)).lines
            assert (line.commitment.id, line.compliance) == ("c2", expected)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"commitment_id": "nope"}, NotFound, "commitment 'nope'"),
        ({"score": "2"}, InputError, "score: '2' is not a score"),
        ({"on": "someday"}, InputError, "date:"),
        ({"evidence": None, "citation": None}, InputError, "evidence: give"),
        ({"evidence": "a1b2c3d4e5:0-5", "citation": "x"}, InputError, "evidence: give"),
        ({"evidence": "a1b2c3d4e5:0-999"}, InputError, "ends after the document"),
        ({"evidence": "a1b2c3d4e5:9-9"}, InputError, "start must be before"),
        ({"evidence": "a1b2:0-5"}, InputError, "at least 6 characters"),
        ({"evidence": "ffffff:0-5"}, NotFound, "no such document"),
        ({"evidence": "a1b2c3d4e5"}, InputError, "write DOC:START-END"),
        ({"evidence": "a1b2c3d4:0-5"}, Ambiguous, "a1b2c3d4"),
        ({"assessor": " "}, InputError, "assessor"),
        ({"note": "x" * 5000}, InputError, "note: at most"),
    ],
)
def test_refusals(
    small: Session, kwargs: dict[str, str | None], error: type[Exception], words: str
) -> None:
    add_document(small)
    add_document(small, "a1b2c3d4ffff")
    base: dict[str, str | None] = {
        "commitment_id": "c1",
        "score": "1",
        "on": "2020",
        "assessor": "a",
        "evidence": "a1b2c3d4e5f6:0-5",
        "citation": None,
        "note": None,
    }
    base.update(kwargs)
    commitment_id = str(base.pop("commitment_id"))
    with pytest.raises(error, match=words):
        record_assessment(small, commitment_id, **base)  # type: ignore[arg-type]
    row = small.get(models.Commitment, "c1")
    assert row is not None
    assert len(row.assessments) == 2


def test_report_of_unknown_meeting(small: Session) -> None:
    with pytest.raises(NotFound, match="meeting 'hos-1900'"):
        compliance_report(small, on=date(2024, 1, 1), meeting="hos-1900")
