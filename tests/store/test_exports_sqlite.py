"""The SQLite snapshot (#17): each view answers its question, in agreement with
the store's own queries; on both databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.store.exports import export
from scotrack.store.exports.sqlite import VIEWS
from scotrack.store.exports.tables import RESOURCES
from scotrack.store.read import queries, timeline

from ._exports import session_on, shared_seeded_url


@pytest.fixture
def seeded_session(databases) -> Iterator[Session]:
    with session_on(shared_seeded_url(databases)) as session:
        yield session


def rows(db: sqlite3.Connection, query: str) -> list[sqlite3.Row]:
    return db.execute(query).fetchall()


@pytest.mark.parametrize("day", [date(2010, 1, 1), date(2018, 1, 1), date(2024, 8, 1)])
def test_sqlite_views_answer_as_the_store_does(seeded_session, tmp_path, day):
    out = tmp_path / "sco.db"
    report = export(seeded_session, "sqlite", out, on=day)
    with closing(sqlite3.connect(out)) as db:
        db.row_factory = sqlite3.Row
        meta = {r["key"]: r["value"] for r in rows(db, "SELECT * FROM snapshot")}
        assert meta["day"] == meta["on"] == day.isoformat()
        assert meta["last_change_id"] == str(report.snapshot.last_change_id)
        for item in RESOURCES:
            count = db.execute(f'SELECT count(*) FROM "{item.name}"').fetchone()[0]
            assert count == report.rows[item.name]
        for view in VIEWS:
            rows(db, f'SELECT * FROM "{view}"')  # every view runs
        members = {r["state"] for r in rows(db, "SELECT * FROM members_on_snapshot")}
        expected = {s.state for s in queries.members_on(seeded_session, day)}
        assert members == expected
        statuses = rows(db, "SELECT * FROM statuses_on_snapshot")
        assert {(r["state"], r["status"]) for r in statuses} >= {
            (s.code, s.status) for s in timeline.state_statuses(seeded_session, on=day)
            if s.certain
        }  # fmt: skip
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_agreement_status_and_claims(seeded_session, tmp_path):
    out = tmp_path / "sco.db"
    export(seeded_session, "sqlite", out)
    with closing(sqlite3.connect(out)) as db:
        db.row_factory = sqlite3.Row
        charter = {
            r["state"]: r
            for r in rows(
                db, "SELECT * FROM agreement_status WHERE agreement = 'charter'"
            )
        }
        assert charter["CHN"]["signed"] == "2002-06-07"
        assert {r["latest_step"] for r in charter.values()} <= {
            "signed", "ratified", "deposited", "withdrew", "listed",
        }  # fmt: skip
        meetings = rows(db, "SELECT * FROM meetings_with_hosts")
        assert any(r["host"] == "China" for r in meetings)
        claims = rows(db, "SELECT * FROM claims_with_evidence")
        assert len(claims) > 20
        assert all(r["evidence"] for r in claims)
        history = rows(db, "SELECT * FROM membership_history WHERE state = 'IND'")
        statuses = [r["status"] for r in history]
        assert statuses == ["observer", "applicant", "member"]  # from Ufa 2015 (#12)
