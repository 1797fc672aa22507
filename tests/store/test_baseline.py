from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.data import Baseline, read_baseline
from scotrack.domain.commitments import Commitment
from scotrack.domain.projects import Project
from scotrack.store import models
from scotrack.store.engine import make_engine
from scotrack.store.read import profiles, queries
from scotrack.store.schema import head_revision
from scotrack.store.write.baseline import (
    TableCounts,
    init_knowledge_base,
    load_baseline,
    load_commitments,
    load_projects,
)


def _count(session: Session, model: type[models.Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_load_baseline_counts_inserted_rows(
    session: Session, small_baseline: Baseline
) -> None:
    report = load_baseline(session, small_baseline)
    counts = report.counts
    assert counts["state"] == TableCounts(inserted=8)
    assert counts["state_alias"].inserted == 8 + 4  # adjectives + other names
    assert counts["status_interval"].inserted == 10
    assert counts["meeting_participant"].inserted == 8
    assert counts["agreement_party"].inserted == 6 + 4
    assert report.changed
    assert report.total("inserted") == sum(c.inserted for c in counts.values())
    for table, table_counts in counts.items():
        assert _count(session, _model(table)) == table_counts.inserted, table


def test_load_baseline_twice_changes_nothing(
    session: Session, small_baseline: Baseline
) -> None:
    first = load_baseline(session, small_baseline)
    second = load_baseline(session, small_baseline)
    assert not second.changed
    assert second.total("inserted") == second.total("updated") == 0
    assert second.total("unchanged") == first.total("inserted")


def test_load_baseline_updates_a_changed_record(
    session: Session, small_baseline: Baseline
) -> None:
    baseline = small_baseline
    load_baseline(session, baseline)
    renamed = tuple(
        dataclasses.replace(s, name="Republic of India") if s.code == "IND" else s
        for s in baseline.states
    )
    report = load_baseline(session, dataclasses.replace(baseline, states=renamed))
    assert report.counts["state"] == TableCounts(updated=1, unchanged=7)
    assert report.total("inserted") == report.total("deleted") == 0
    assert queries.state(session, "IND").name == "Republic of India"


def test_load_baseline_makes_parts_equal_to_the_record(
    session: Session, small_baseline: Baseline
) -> None:
    baseline = small_baseline
    load_baseline(session, baseline)
    convention = baseline.agreements[1]
    changed = dataclasses.replace(
        convention,
        aliases=("Extremism Convention",),
        parties=convention.parties[:2],
        declarations=(),
    )
    agreements = (baseline.agreements[0], changed, baseline.agreements[2])
    report = load_baseline(
        session, dataclasses.replace(baseline, agreements=agreements)
    )
    assert report.counts["agreement_alias"].inserted == 1
    assert report.counts["agreement_party"].deleted == 2
    assert report.counts["declaration"].deleted == 1
    assert queries.agreement(session, changed.id) == changed


def test_load_baseline_reordering_parts_keeps_order(
    session: Session, small_baseline: Baseline
) -> None:
    baseline = small_baseline
    load_baseline(session, baseline)
    charter = baseline.agreements[0]
    reversed_charter = dataclasses.replace(charter, parties=charter.parties[::-1])
    agreements = (reversed_charter, *baseline.agreements[1:])
    report = load_baseline(
        session, dataclasses.replace(baseline, agreements=agreements)
    )
    assert report.counts["agreement_party"].updated == 6
    assert queries.agreement(session, "charter") == reversed_charter


def test_load_baseline_round_trips_domain_objects(
    session: Session, small_baseline: Baseline
) -> None:
    baseline = small_baseline
    load_baseline(session, baseline)
    stored = queries.sources_by_id(session, [s.id for s in baseline.sources])
    assert sorted(stored.values(), key=lambda s: s.id) == sorted(
        baseline.sources, key=lambda s: s.id
    )
    assert queries.states(session) == sorted(baseline.states, key=lambda s: s.code)
    assert queries.bodies(session) == sorted(baseline.bodies, key=lambda b: b.code)
    assert set(queries.membership(session)) == set(baseline.membership)
    assert set(queries.meetings(session)) == set(baseline.meetings)
    assert set(queries.agreements(session)) == set(baseline.agreements)
    assert queries.initiatives(session) == list(baseline.initiatives)


def test_load_commitments_and_projects_round_trip(
    session: Session,
    small_baseline: Baseline,
    small_commitments: tuple[Commitment, ...],
    small_projects: tuple[Project, ...],
) -> None:
    load_baseline(session, small_baseline)
    assert load_commitments(session, small_commitments).changed
    assert load_projects(session, small_projects).changed
    assert not load_commitments(session, small_commitments).changed
    assert not load_projects(session, small_projects).changed
    assert set(queries.commitments(session)) == set(small_commitments)
    assert profiles.projects(session) == list(small_projects)
    scores = session.scalars(select(models.Assessment.score)).all()
    assert sorted(scores, key=str) == [0, None]  # null is "inconclusive"


def test_load_real_baseline_again_changes_nothing(kb: Session) -> None:
    assert not load_baseline(kb, read_baseline()).changed


def test_real_baseline_round_trips(kb: Session) -> None:
    baseline = read_baseline()
    assert set(queries.states(kb)) == set(baseline.states)
    assert set(queries.membership(kb)) == set(baseline.membership)
    # the Shanghai Five's summits and agreements only when asked for (#12)
    predecessor = queries.meetings(kb, body="shanghai-five")
    assert set(queries.meetings(kb)) | set(predecessor) == set(baseline.meetings)
    assert set(queries.agreements(kb, predecessors=True)) == set(baseline.agreements)
    assert set(queries.bodies(kb)) == set(baseline.bodies)


@pytest.mark.slow
def test_init_knowledge_base_is_idempotent(fresh_db_url: str) -> None:
    first = init_knowledge_base(fresh_db_url)
    second = init_knowledge_base(fresh_db_url)
    assert first.revision == second.revision == head_revision()
    assert first.counts["state"].inserted == len(read_baseline().states)
    assert all(
        c.inserted == c.updated == c.deleted == 0 for c in second.counts.values()
    )
    engine = make_engine(fresh_db_url)
    try:
        with Session(engine) as session:
            assert len(queries.states(session)) == len(read_baseline().states)
    finally:
        engine.dispose()


def _model(table: str) -> type[models.Base]:
    for mapper in models.Base.registry.mappers:
        if mapper.class_.__tablename__ == table:
            return mapper.class_
    raise KeyError(table)
