"""Suggestions from statements of implementation (#13), on both databases: a
later document's report becomes a pending claim linked to the commitment or
project it is about; accepting it records the assessment or moves the project's
dated status in one logged batch that undo reverts; nothing is written before."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.ingest.document import ExtractOptions
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim
from scotrack.store.write import review
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.ingestion import catalogue, prepare_record, store_prepared
from scotrack.store.write.undo import undo_batch

pytestmark = pytest.mark.issue(13)

PLEDGE = (
    "TASHKENT, June 9, 2024. China pledged to help build the "
    "China-Kyrgyzstan-Uzbekistan railway, Xi Jinping said, and will finish "
    "building the railway at an early date.\n"
)
BEGAN = (
    "JALALABAD, Dec. 27, 2024. Construction of the China-Kyrgyzstan-Uzbekistan "
    "railway began on Friday, officials said.\n"
)
STALLED = (
    "BISHKEK, March 3, 2026. Work on the China-Kyrgyzstan-Uzbekistan railway "
    "has stalled over financing, officials said.\n"
)
ELSEWHERE = (
    "ASTANA, Jan. 9, 2025. Kazakhstan opened a new museum of modern art in "
    "Astana on Thursday.\n"
)


@pytest.fixture
def session(fresh_db_url: str) -> Iterator[Session]:
    init_knowledge_base(fresh_db_url)
    engine = make_engine(fresh_db_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def ingest(session: Session, text: str, published: str) -> str:
    known = catalogue(session)
    prepared = prepare_record(
        {"text": text, "published": published}, ExtractOptions(), known
    )
    stored = store_prepared(session, prepared, known)
    session.commit()
    return stored.document_id


def suggestions(session: Session, kind: str) -> list[Claim]:
    query = select(Claim).where(Claim.kind == kind).order_by(Claim.id)
    return list(session.scalars(query))


def railway(session: Session, *steps: tuple[str, str]) -> models.Project:
    project = models.Project(
        id="cku-railway", name="China-Kyrgyzstan-Uzbekistan railway"
    )
    project.countries = [
        models.ProjectCountry(state_id=code, position=i)
        for i, code in enumerate(("CHN", "KGZ", "UZB"))
    ]
    project.statuses = [
        models.ProjectStatus(status=status, status_date=day, position=i)
        for i, (status, day) in enumerate(steps)
    ]
    session.add(project)
    session.commit()
    return project


def test_assessment_suggested_accepted_and_undone(session: Session) -> None:
    ingest(session, PLEDGE, "2024-06-09")
    [pledge] = suggestions(session, "commitment")
    assert suggestions(session, "assessment") == []  # a pending pledge: no id yet
    review.accept(session, pledge.id, actor="ana")
    session.commit()
    [commitment] = session.scalars(select(models.Commitment))
    document = ingest(session, BEGAN, "2024-12-27")
    ingest(session, ELSEWHERE, "2025-01-09")  # same kind of cue, other object
    [claim] = suggestions(session, "assessment")
    assert (claim.document_id, claim.status, claim.proposal) == (
        document,
        "pending",
        "link",
    )
    assert (claim.entity_kind, claim.entity_id) == ("commitment", commitment.id)
    payload = json.loads(claim.payload)
    assert (payload["score"], payload["progress"]) == (0, "under way")
    assert payload["date"] == "2024-12-27"
    assert payload["text"].startswith("Construction of the China-Kyrgyzstan")
    assert (
        "will finish building the railway" in payload["commitment_evidence"]["sentence"]
    )
    assert commitment.assessments == []  # never written without review
    changes = review.accept(session, claim.id, actor="ana")
    session.commit()
    session.refresh(commitment)
    [assessment] = commitment.assessments
    start, end = json.loads(claim.evidence)[0]
    assert (assessment.score, assessment.assessed_date, assessment.assessor) == (
        0,
        "2024-12-27",
        "ana",
    )
    assert (assessment.document_id, assessment.span_start, assessment.span_end) == (
        document,
        start,
        end,
    )
    assert {c.batch for c in changes} == {changes[0].batch}
    undo_batch(session, changes[0].id, actor="ana")
    session.commit()
    session.refresh(commitment)
    assert commitment.assessments == []
    assert session.get(Claim, claim.id).status == "pending"  # type: ignore[union-attr]


def test_project_status_moves_with_its_date_and_undo(session: Session) -> None:
    project = railway(session, ("agreed", "2024-06-06"))
    ingest(session, BEGAN, "2024-12-27")
    [claim] = suggestions(session, "project-status")
    payload = json.loads(claim.payload)
    assert (payload["project"], payload["status"], payload["date"]) == (
        "cku-railway",
        "under way",
        "2024-12-27",
    )
    changes = review.accept(session, claim.id, actor="ana")
    session.commit()
    session.refresh(project)
    assert [(s.status, s.status_date) for s in project.statuses] == [
        ("agreed", "2024-06-06"),
        ("under way", "2024-12-27"),
    ]
    assert project.actual_start_date == "2024-12-27"
    ingest(session, STALLED, "2026-03-03")
    [stalled] = [
        c for c in suggestions(session, "project-status") if c.status == "pending"
    ]
    assert json.loads(stalled.payload)["status"] == "suspended"
    undo_batch(session, changes[0].id, actor="ana")
    session.commit()
    session.refresh(project)
    assert [s.status for s in project.statuses] == ["agreed"]
    assert project.actual_start_date is None


def test_a_closed_project_gets_no_status_suggestion(session: Session) -> None:
    railway(session, ("agreed", "2024-06-06"), ("cancelled", "2024-09"))
    ingest(session, BEGAN, "2024-12-27")
    assert suggestions(session, "project-status") == []


def test_a_refused_move_changes_nothing(session: Session) -> None:
    project = railway(session, ("agreed", "2024-06-06"))
    ingest(session, BEGAN, "2024-12-27")
    [claim] = suggestions(session, "project-status")
    project.statuses.append(
        models.ProjectStatus(status="completed", status_date="2025", position=1)
    )
    session.commit()
    with pytest.raises(review.InputError, match="cannot move from completed"):
        review.accept(session, claim.id, actor="ana")
    session.rollback()
    session.refresh(project)
    assert [s.status for s in project.statuses] == ["agreed", "completed"]


def test_a_reviewer_corrects_the_score_before_accepting(session: Session) -> None:
    ingest(session, PLEDGE, "2024-06-09")
    [pledge] = suggestions(session, "commitment")
    review.accept(session, pledge.id, actor="ana")
    ingest(session, BEGAN, "2024-12-27")
    [claim] = suggestions(session, "assessment")
    with pytest.raises(review.InputError, match="not a score"):
        review.edit_claim(session, claim.id, {"score": "2"}, actor="ana")
    review.edit_claim(session, claim.id, {"score": "-1"}, actor="ana")
    assert claim.summary.startswith("assess c-")
    assert ": -1 2024-12-27:" in claim.summary
    review.accept(session, claim.id, actor="ana")
    session.commit()
    [commitment] = session.scalars(select(models.Commitment))
    assert [a.score for a in commitment.assessments] == [-1]
