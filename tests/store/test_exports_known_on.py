"""An export made with `--known-on` a past day equals the knowledge base as it
was then (#17): make a knowledge base, export it, make more changes on a later
day, export `--known-on` the first day: every table equals the first export's,
only the snapshot's description differs; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from scotrack.ingest.document import ExtractOptions
from scotrack.store import history, models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.exports import export
from scotrack.store.exports.tables import RESOURCES
from scotrack.store.provenance import Change, Claim, Document
from scotrack.store.write import review
from scotrack.store.write.assessments import record_assessment
from scotrack.store.write.ingestion import ingest_paths

from ._exports import SEEDS, seeded

pytestmark = [pytest.mark.issue(17), pytest.mark.slow]

LATER = "2999-01-02T09:00:00.000000+00:00"
"""When the second round of changes is stamped: a day after any test runs."""
FORMATS = ("datapackage", "parquet", "sqlite")
META = ("on", "known_on", "last_change_id", "created_at")


def pending(session: Session, kind: str, skip: int = 0) -> Claim:
    found = session.scalars(
        select(Claim)
        .where(Claim.kind == kind, Claim.status == "pending")
        .order_by(Claim.id)
        .offset(skip)
    ).first()
    assert found is not None, f"no pending {kind} claim"
    return found


def first_round(session: Session) -> None:
    """Decisions of the first day: a commitment (assessed) and a project
    accepted, a meeting claim rejected."""
    commitment = pending(session, "commitment")
    review.accept(session, commitment.id, actor="tester")
    review.accept(session, pending(session, "project").id, actor="tester")
    review.reject(session, pending(session, "meeting").id, actor="tester")
    made = session.scalars(select(Claim.entity_id).where(Claim.id == commitment.id))
    record_assessment(
        session, made.one(), score="1", on="2020-05", assessor="tester",
        citation="A report of 2020",
    )  # fmt: skip


def second_round(session: Session) -> None:
    """Changes of a later day (logged at LATER): more decisions, an assessment,
    and edits of a fact the first round made and of the baseline."""
    log = history.Batch(session)
    review.accept_into(log, pending(session, "commitment"), actor="tester")
    review.accept_into(log, pending(session, "project"), actor="tester")
    review.reject_into(log, pending(session, "commitment"), actor="tester")
    log.record(history.Recorder(session, "tester", "accept", at=LATER))
    assessed = session.scalars(select(models.Assessment.commitment_id)).one()
    project = session.scalars(select(models.Project.id).order_by(models.Project.id))
    project_id = project.first()
    edits = history.Recorder(session, "tester", "edit", reason="later", at=LATER)
    with edits.tracking("commitment", assessed):
        row = session.get(models.Commitment, assessed)
        row.assessments.append(
            models.Assessment(assessed_date="2024", score=-1, note="later",
                              evidence="A report of 2024", position=1)
        )  # fmt: skip
    with edits.tracking("project", project_id):
        session.get(models.Project, project_id).financing = "a later loan"
    with edits.tracking("meeting", "hos-2018"):
        session.get(models.Meeting, "hos-2018").city_name = "Qingdao (later)"


def write_all(session: Session, folder: Path, **days: date) -> dict:
    return {fmt: export(session, fmt, folder / fmt, **days).snapshot for fmt in FORMATS}


def test_export_known_on_the_first_day_equals_the_first_export(fresh_db_url, tmp_path):
    url = seeded(fresh_db_url)
    engine = make_engine(url)
    sessions = session_factory(engine)
    try:
        with sessions.begin() as session:
            first_round(session)
        with sessions() as session:
            first = write_all(session, tmp_path / "first")
            known_documents = set(session.scalars(select(Document.id)))
        mark = first["datapackage"].last_change_id
        with sessions.begin() as session:
            second_round(session)
        later = tmp_path / "later-docs"
        later.mkdir()
        text = (SEEDS / "000_bac878c7c7f678e0.txt").read_text(encoding="utf-8")
        (later / "later.txt").write_text(
            text.replace("SCO", "SCO ") + "\nA later paragraph.\n", encoding="utf-8"
        )
        ingest_paths(sessions, [later], ExtractOptions())
        with sessions.begin() as session:  # ingested on the later day
            session.execute(
                update(Document)
                .where(Document.id.not_in(known_documents))
                .values(ingested_at=LATER)
            )
        day = date.fromisoformat(first["datapackage"].created_at[:10])
        with sessions() as session:
            then = write_all(session, tmp_path / "then", known_on=day)
            write_all(session, tmp_path / "now")
            assert session.scalar(select(Change.id).order_by(Change.id.desc())) > mark
    finally:
        engine.dispose()
    assert then["datapackage"].last_change_id == mark
    assert then["datapackage"].known_on == day
    for name in (r.name for r in RESOURCES):
        first_csv = (tmp_path / "first" / "datapackage" / f"{name}.csv").read_bytes()
        then_csv = (tmp_path / "then" / "datapackage" / f"{name}.csv").read_bytes()
        assert then_csv == first_csv, name
    _same_descriptor(tmp_path / "first", tmp_path / "then")
    _same_parquet(tmp_path / "first", tmp_path / "then")
    assert _sqlite_tables(tmp_path / "first") == _sqlite_tables(tmp_path / "then")
    # and the later changes are there now: the comparison could fail
    for name in ("commitment", "assessment", "project", "meeting", "claim", "document"):
        now_csv = (tmp_path / "now" / "datapackage" / f"{name}.csv").read_bytes()
        first_csv = (tmp_path / "first" / "datapackage" / f"{name}.csv").read_bytes()
        assert now_csv != first_csv, name


def _same_descriptor(first: Path, then: Path) -> None:
    def read(folder: Path) -> dict:
        path = folder / "datapackage" / "datapackage.json"
        return json.loads(path.read_text(encoding="utf-8"))

    a, b = read(first), read(then)
    assert a.pop("scotrack")["last_change_id"] == b.pop("scotrack")["last_change_id"]
    a.pop("created")
    b.pop("created")
    assert a == b


def _same_parquet(first: Path, then: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for item in RESOURCES:
        a = pq.read_table(first / "parquet" / f"{item.name}.parquet")
        b = pq.read_table(then / "parquet" / f"{item.name}.parquet")
        assert a.equals(b), item.name  # the data, not the metadata
    description = [
        json.loads((folder / "parquet" / "snapshot.json").read_text(encoding="utf-8"))
        for folder in (first, then)
    ]
    for found in description:
        for key in META:
            found.pop(key)
    assert description[0] == description[1]


def _sqlite_tables(folder: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(folder / "sqlite")) as db:
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name != 'snapshot' ORDER BY name"
            )
        ]
        return {
            name: db.execute(f'SELECT * FROM "{name}"').fetchall() for name in names
        }
