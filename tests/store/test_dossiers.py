"""A commitment's and a project's page record: the compliance timeline with who
recorded each assessment and when, reversals, undone assessments, `known_on`;
a project's dated lifecycle with sources; a state's compliance by year; the
report by dates made and its citable export (#13). On both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from scotrack.domain.commitments import Assessment
from scotrack.domain.dates import PartialDate
from scotrack.errors import Ambiguous, InputError, NotFound
from scotrack.store import models, rows
from scotrack.store.history import Recorder, current
from scotrack.store.read import citation, listings
from scotrack.store.read.compliance import compliance_report, state_compliance
from scotrack.store.read.dossiers import (
    commitment_id,
    commitment_record,
    find_commitment,
)
from scotrack.store.read.project_dossiers import find_project, project_record
from scotrack.store.read.tables import date_range
from scotrack.store.write.assessments import record_assessment
from scotrack.store.write.undo import undo_batch

pytestmark = pytest.mark.issue(13)


def test_timeline_orders_by_day_marks_reversals_and_who_recorded(
    small: Session,
) -> None:
    before = datetime.now(UTC)
    done = record_assessment(
        small, "c1", score="1", on="2020-03", assessor="ana", citation="MFA, 2020"
    )
    record = commitment_record(small, "c1", on=date(2021, 1, 1))
    entries = record.timeline
    assert [(str(e.assessment.date), e.assessment.score) for e in entries] == [
        ("2018-06", 0),
        ("2019-06", "inconclusive"),
        ("2020-03", 1),
    ]
    assert [e.in_force for e in entries] == [False, False, True]
    # each entry that gives another score than the one before reverses it
    assert entries[1].reverses is entries[0].assessment
    assert entries[2].reverses is entries[1].assessment
    assert entries[0].reverses is None
    # the log says who recorded the new one and when; the baseline ones have no trace
    assert (entries[2].recorded_by, entries[2].change_id) == ("ana", done.change.id)
    assert entries[2].recorded_at is not None
    # recorded now (compared as instants, so a run that crosses midnight still holds)
    recorded = datetime.fromisoformat(entries[2].recorded_at)
    assert before <= recorded <= datetime.now(UTC)
    assert entries[0].recorded_at is None
    assert record.compliance == "complied"
    assert record.last_assessment is not None
    assert record.last_assessment.id == done.change.id
    # on an earlier day the compliance is the one in force then
    earlier = commitment_record(small, "c1", on=date(2018, 12, 31))
    assert earlier.compliance == "partly"
    assert [e.in_force for e in earlier.timeline] == [True, False, False]


def test_an_undone_assessment_leaves_the_timeline_and_is_listed_undone(
    small: Session,
) -> None:
    done = record_assessment(
        small, "c2", score="-1", on="2024", assessor="ana", citation="x"
    )
    undo_batch(small, done.change.id, actor="ed")
    record = commitment_record(small, "c2", on=date(2025, 1, 1))
    assert record.timeline == ()
    assert record.compliance == "unassessed"
    [undone] = record.undone
    assert (undone.assessment.score, undone.recorded_by, undone.undone_by) == (
        -1,
        "ana",
        "ed",
    )
    assert record.last_assessment is None  # the latest change is the undo


def test_known_on_shows_what_the_log_held_then(small: Session) -> None:
    logged = Recorder(small, "t", "baseline", at="2026-01-01T00:00:00")
    logged.record("commitment", "c2", None, current(small, "commitment", "c2"))
    # an assessment recorded on 2026-02-01 (the log is append-only: made so)
    earlier = Recorder(small, "a", "assess", at="2026-02-01T09:00:00")
    with earlier.tracking("commitment", "c2"):
        row = small.get(models.Commitment, "c2")
        assert row is not None
        values = rows.assessment_values(
            Assessment(PartialDate.parse("2024"), 0, "", evidence="x", assessor="a")
        )
        row.assessments.append(models.Assessment(**values, position=0))
    small.flush()
    record_assessment(small, "c2", score="1", on="2025", assessor="b", citation="y")
    small.flush()
    then = commitment_record(
        small, "c2", on=date(2025, 6, 1), known_on=date(2026, 3, 1)
    )
    assert [e.assessment.score for e in then.timeline] == [0]
    assert then.timeline[0].recorded_by == "a"
    assert then.compliance == "partly"
    # today, taken after the write: the write is known by the end of the day it ran
    today = datetime.now(UTC).date()
    now = commitment_record(small, "c2", on=date(2026, 1, 1), known_on=today)
    assert now.compliance == "complied"
    with pytest.raises(NotFound, match="on 2025-12-31"):
        commitment_record(small, "c2", on=date(2025, 6, 1), known_on=date(2025, 12, 31))


def test_find_by_id_or_unique_prefix(small: Session) -> None:
    assert find_project(small, "p1").id == "p1"
    small.add(models.Commitment(id="c-abcdef01", actor="CHN", kind="pledge", text="a"))
    small.add(models.Commitment(id="c-abcdef02", actor="CHN", kind="pledge", text="b"))
    small.add(models.Commitment(id="c-123456ab", actor="CHN", kind="pledge", text="c"))
    small.flush()
    assert find_commitment(small, "C-123456").id == "c-123456ab"
    assert commitment_id(small, "C-123456") == "c-123456ab"
    with pytest.raises(Ambiguous):
        find_commitment(small, "c-abcdef")
    with pytest.raises(NotFound, match="no such commitment"):
        find_commitment(small, "c-nowhere")


def test_project_lifecycle_in_date_order_with_sources(small: Session) -> None:
    record = project_record(small, "p1", on=date(2016, 1, 1))
    assert [(s.date, s.status, s.iati_code) for s in record.steps] == [
        ("2014", "agreed", 1),
        ("2018-02", "completed", 4),
    ]
    assert record.status == "agreed"
    assert [s.current for s in record.steps] == [True, False]
    assert record.steps[1].source is not None
    assert record.steps[1].source.id == "s2"
    assert record.steps[0].source is None
    assert record.source is not None
    later = project_record(small, "p1", on=date(2020, 1, 1))
    assert later.status == "completed"
    assert [s.current for s in later.steps] == [False, True]
    with pytest.raises(NotFound):
        project_record(small, "p-nowhere", on=date(2020, 1, 1))
    # a ref that is not an id and too short to be a prefix (#15)
    with pytest.raises(InputError, match="at least 6 characters"):
        project_record(small, "p9", on=date(2020, 1, 1))


def test_state_compliance_and_how_it_changed_by_year(small: Session) -> None:
    record_assessment(small, "c1", score="1", on="2021-05", assessor="a", citation="x")
    found = state_compliance(small, "chn", on=date(2022, 6, 30))
    assert found.code == "CHN"
    assert (found.summary.commitments, found.summary.assessed) == (1, 1)
    assert found.summary.mean_score == 1.0
    by_year = {
        y.year: (y.summary.mean_score, y.summary.inconclusive) for y in found.years
    }
    assert by_year == {
        2018: (0.0, 0),
        2019: (None, 1),
        2020: (None, 1),
        2021: (1.0, 0),
        2022: (1.0, 0),
    }
    assert found.years[-1].on == date(2022, 6, 30)
    none = state_compliance(small, "IND", on=date(2022, 6, 30))
    assert (none.summary.commitments, none.summary.assessed, none.years) == (1, 0, ())


def test_report_by_the_days_commitments_were_made(small: Session) -> None:
    report = compliance_report(
        small, on=date(2024, 1, 1), made=date_range("2023", None)
    )
    assert [line.commitment.id for line in report.lines] == ["c2"]
    assert citation.selection(report) == "commitments made on or after 2023-01-01"
    both = compliance_report(
        small, on=date(2024, 1, 1), meeting="hos-2017", made=date_range(None, "2017-06")
    )
    assert [line.commitment.id for line in both.lines] == ["c1"]
    assert citation.selection(both) == (
        "commitments made at hos-2017, made on or before 2017-06-30"
    )


def test_citable_rows_and_method(small: Session) -> None:
    record_assessment(small, "c2", score="-1", on="2024", assessor="a", citation="MFA")
    report = compliance_report(small, on=date(2024, 12, 31))
    rows = citation.report_rows(report)
    assert all(list(row) == list(citation.COLUMNS) for row in rows)
    by_kind = {(row["row"], row["commitment"] or row["key"]): row for row in rows}
    c2 = by_kind[("commitment", "c2")]
    assert (c2["score"], c2["assessed_on"], c2["evidence"], c2["by"]) == (
        -1,
        "2024",
        "MFA",
        "a",
    )
    assert by_kind[("state", "IND")]["mean_score"] == -1.0
    assert by_kind[("all", "all")]["inconclusive"] == 1
    last = listings.last_change_id(small) or 0
    assert last > 0
    assert listings.last_change_id(small, date(2000, 1, 1)) is None
    method = citation.method_description(
        report, known_on=None, last_change=last, address="http://x/compliance"
    )
    assert "G7/G20" in method["method"]
    assert "inconclusive" in method["averages"]
    assert method["on"] == "2024-12-31"
    assert method["last_change"] == last
    assert set(method["columns"]) == set(citation.COLUMNS)
    assert method["selection"] == {"meeting": None, "made_from": None, "made_to": None}
