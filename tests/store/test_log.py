"""The change log is append-only in the database: every statement that would
rewrite a change is refused, on SQLite and PostgreSQL, and undo only appends (#18).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, exc, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store import make_engine
from scotrack.store.history import Recorder
from scotrack.store.models import Meeting
from scotrack.store.write.undo import undo_batch

pytestmark = pytest.mark.issue(18)

ROOT = Path(__file__).resolve().parents[2]

COLUMNS = "id, batch, at, actor, action, entity_kind, entity_id, reason"
FORGED = "1, 'forged', '2000-01-01', 'mallory', 'edit', 'meeting', 'x', 'forged'"

REWRITES = {
    "sqlite": {
        "update": "UPDATE change SET reason = 'forged' WHERE id = 1",
        "delete": "DELETE FROM change WHERE id = 1",
        "insert or replace": f"INSERT OR REPLACE INTO change ({COLUMNS}) "
        f"VALUES ({FORGED})",
        "replace into": f"REPLACE INTO change ({COLUMNS}) VALUES ({FORGED})",
        "upsert": f"INSERT INTO change ({COLUMNS}) VALUES ({FORGED}) "
        "ON CONFLICT (id) DO UPDATE SET reason = excluded.reason",
        "update or replace": "UPDATE OR REPLACE change SET id = 1 WHERE id = 2",
        # SQLite shows its own choice of id as -1 to a BEFORE INSERT trigger
        "id below 1": f"INSERT INTO change ({COLUMNS}) VALUES (-1{FORGED[1:]})",
    },
    "postgresql": {
        "update": "UPDATE change SET reason = 'forged' WHERE id = 1",
        "delete": "DELETE FROM change WHERE id = 1",
        "truncate": "TRUNCATE change",
        "upsert": f"INSERT INTO change ({COLUMNS}) VALUES ({FORGED}) "
        "ON CONFLICT (id) DO UPDATE SET reason = excluded.reason",
        "merge": "MERGE INTO change USING (SELECT 1 AS id) AS s ON change.id = s.id "
        "WHEN MATCHED THEN UPDATE SET reason = 'forged'",
    },
}


def _rows(connection: Connection) -> list[tuple[object, ...]]:
    found = connection.execute(text("SELECT * FROM change ORDER BY id"))
    return [tuple(row) for row in found]


@pytest.fixture
def logged(engine: Engine) -> Iterator[Connection]:
    """A connection whose open transaction holds two changes (ids 1 and 2)."""
    with engine.connect() as connection:
        transaction = connection.begin()
        for number in (1, 2):
            connection.execute(
                text(
                    f"INSERT INTO change ({COLUMNS}) VALUES "
                    "(:id, 'b', '2026-01-01', 'alice', 'edit', 'meeting', 'm', 'why')"
                ),
                {"id": number},
            )
        if engine.dialect.name == "postgresql":  # ids given: move the sequence on
            connection.execute(text("SELECT setval('change_id_seq', 2)"))
        try:
            yield connection
        finally:
            transaction.rollback()


def test_change_log_refuses_every_rewrite(backend: str, logged: Connection) -> None:
    before = _rows(logged)
    for name, statement in REWRITES[backend].items():
        savepoint = logged.begin_nested()
        with pytest.raises(exc.DBAPIError, match="the change log is append-only"):
            logged.execute(text(statement))
        savepoint.rollback()
        assert _rows(logged) == before, name


def test_change_log_still_takes_new_changes(logged: Connection) -> None:
    logged.execute(
        text(
            f"INSERT INTO change ({COLUMNS.removeprefix('id, ')}) VALUES "
            "('c', '2026-01-02', 'bob', 'edit', 'meeting', 'm', NULL)"
        )
    )
    assert [row[0] for row in _rows(logged)] == [1, 2, 3]


def test_undo_appends_and_leaves_earlier_changes_as_they_were(kb: Session) -> None:
    meeting = kb.scalars(select(Meeting).order_by(Meeting.id).limit(1)).one()
    recorder = Recorder(kb, "alice", "edit", reason="rename")
    with recorder.tracking("meeting", meeting.id):
        meeting.city_name = "Elsewhere"
    kb.flush()
    connection = kb.connection()
    before = _rows(connection)
    undone = undo_batch(kb, recorder.changes[0].id, actor="bob")
    kb.flush()
    after = _rows(connection)
    assert after[: len(before)] == before
    assert [c.id for c in undone] == [row[0] for row in after[len(before) :]]
    assert [c.action for c in undone] == ["undo"]
    assert meeting.city_name != "Elsewhere"


# a PostgreSQL role that cannot rewrite the log, as docs/architecture.md sets it up

SOCHI = (
    "SCO heads of government meet in Sochi\n\nPublished: 2017-12-01\n\n"
    "The 16th meeting of the Council of Heads of Government of the Shanghai "
    "Cooperation Organization opened in Sochi on Thursday, November 30, 2017.\n"
)
ROLE_REWRITES = (
    "UPDATE change SET reason = 'forged'",
    "DELETE FROM change",
    "TRUNCATE change",
    f"INSERT INTO change ({COLUMNS}) SELECT {FORGED} "
    "ON CONFLICT (id) DO UPDATE SET reason = excluded.reason",
    "ALTER TABLE change DISABLE TRIGGER ALL",
    "DROP TRIGGER change_append_only ON change",
)


def documented_grants(database: str, role: str) -> list[str]:
    """The SQL block of docs/architecture.md's "The change log", for `role`."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page.split("## The change log", 1)[1]
    block = re.search(r"```sql\n(.*?)```", section, re.DOTALL)
    assert block is not None, "docs/architecture.md: no ```sql block of grants"
    script = block.group(1).replace("scotrack_app", role)
    script = script.replace("DATABASE scotrack ", f"DATABASE {database} ")
    return [s.strip() for s in script.split(";") if s.strip()]


def cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def app_role_url(postgres_server) -> Iterator[str]:
    """The application role's URL of a new knowledge base on PostgreSQL, set up as
    docs/architecture.md says by its owner (the test server's superuser)."""
    name = f"scotrack_{uuid.uuid4().hex[:12]}"
    role = f"app_{uuid.uuid4().hex[:12]}"
    owner_url = postgres_server.create(name)
    cli("init", "--db", owner_url)
    owner = make_engine(owner_url)
    try:
        with owner.begin() as connection:
            for statement in documented_grants(name, role):
                connection.execute(text(statement))
        yield owner_url.replace("//scotrack@", f"//{role}@")
    finally:
        owner.dispose()
        postgres_server.drop(name)
        admin = make_engine(postgres_server.url("postgres"))
        with admin.begin() as connection:
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_application_role_works_but_cannot_rewrite_the_log(
    app_role_url: str, tmp_path: Path
) -> None:
    url = app_role_url
    page = tmp_path / "sochi.txt"
    page.write_text(SOCHI, encoding="utf-8")
    cli("ingest", str(page), "--db", url)
    claims = json.loads(cli("review", "list", "--format", "json", "--db", url))
    meeting = next(c for c in claims if c["kind"] == "meeting")
    accepted = json.loads(
        cli("review", "accept", meeting["id"], "--format", "json", "--db", url)
    )
    cli("undo", str(accepted[0]["change"]), "--reason", "test", "--db", url)
    assert "Sochi" in cli("search", "Sochi", "--db", url)
    cli("changes", "--since", "2000", "--db", url)

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            before = _rows(connection)
            assert len(before) > 2  # the baseline, the acceptance and its undo
            connection.rollback()
            for statement in ROLE_REWRITES:
                with pytest.raises(exc.ProgrammingError) as err:
                    connection.execute(text(statement))
                connection.rollback()
                message = str(err.value)
                assert "permission denied" in message or "owner" in message, message
            assert _rows(connection) == before
    finally:
        engine.dispose()


# documents and claims: never deleted, so never replaced either (#18)

DOC_COLUMNS = "id, version, raw_text, clean_text, tags, ingested_at"
CLAIM_COLUMNS = (
    "id, document_id, kind, payload, evidence, summary, proposal, group_key, "
    "block, status"
)


def _forged_document(doc_id: str) -> str:
    return f"'{doc_id}', 1, 'forged', 'forged', '{{}}', '2000-01-01'"


def _forged_claim(claim_id: str) -> str:
    return (
        f"'{claim_id}', 'd1', 'meeting', '{{}}', '[[0, 6]]', 'forged', 'new', "
        "'g', 'b', 'pending'"
    )


STORED_REWRITES = {
    "sqlite": {
        "document insert or replace": f"INSERT OR REPLACE INTO document "
        f"({DOC_COLUMNS}) VALUES ({_forged_document('d1')})",
        "document replace into": f"REPLACE INTO document ({DOC_COLUMNS}) "
        f"VALUES ({_forged_document('d1')})",
        "document replace by rowid": f"INSERT OR REPLACE INTO document "
        f"(rowid, {DOC_COLUMNS}) SELECT rowid, {_forged_document('d3')} "
        "FROM document WHERE id = 'd1'",
        "document update or replace": "UPDATE OR REPLACE document SET id = 'd1' "
        "WHERE id = 'd2'",
        "claim insert or replace": f"INSERT OR REPLACE INTO claim ({CLAIM_COLUMNS}) "
        f"VALUES ({_forged_claim('c1')})",
        "claim replace into": f"REPLACE INTO claim ({CLAIM_COLUMNS}) "
        f"VALUES ({_forged_claim('c1')})",
        "claim replace by rowid": f"INSERT OR REPLACE INTO claim "
        f"(rowid, {CLAIM_COLUMNS}) SELECT rowid, {_forged_claim('c3')} "
        "FROM claim WHERE id = 'c1'",
        "claim update or replace": "UPDATE OR REPLACE claim SET id = 'c1' "
        "WHERE id = 'c2'",
    },
    "postgresql": {},
}
CONTENT_REWRITES = {
    "document upsert": f"INSERT INTO document ({DOC_COLUMNS}) VALUES "
    f"({_forged_document('d1')}) ON CONFLICT (id) DO UPDATE "
    "SET clean_text = excluded.clean_text",
    "document text": "UPDATE document SET raw_text = 'forged' WHERE id = 'd1'",
    "document id": "UPDATE document SET id = 'd9' WHERE id = 'd2'",
    "claim upsert": f"INSERT INTO claim ({CLAIM_COLUMNS}) VALUES "
    f"({_forged_claim('c1')}) ON CONFLICT (id) DO UPDATE "
    "SET evidence = excluded.evidence",
    "claim payload": "UPDATE claim SET payload = '{}' WHERE id = 'c1'",
    "claim document": "UPDATE claim SET document_id = 'd2' WHERE id = 'c1'",
    "claim id": "UPDATE claim SET id = 'c9' WHERE id = 'c2'",
}


def _stored(connection: Connection) -> list[tuple[object, ...]]:
    documents = connection.execute(
        text("SELECT id, raw_text, clean_text FROM document ORDER BY id")
    )
    claims = connection.execute(
        text("SELECT id, document_id, payload, evidence FROM claim ORDER BY id")
    )
    return [tuple(row) for row in [*documents, *claims]]


@pytest.fixture
def stored(engine: Engine) -> Iterator[Connection]:
    """A connection whose open transaction holds documents d1, d2 and their
    claims c1, c2."""
    with engine.connect() as connection:
        transaction = connection.begin()
        for number in (1, 2):
            connection.execute(
                text(
                    f"INSERT INTO document ({DOC_COLUMNS}) VALUES (:id, 1, "
                    "'Sochi summit', 'Sochi summit', '{}', '2026-01-01')"
                ),
                {"id": f"d{number}"},
            )
            connection.execute(
                text(
                    f"INSERT INTO claim ({CLAIM_COLUMNS}) VALUES (:id, :doc, "
                    "'meeting', '{\"city\": \"Sochi\"}', '[[0, 5]]', 'Sochi', "
                    "'new', 'g', 'b', 'pending')"
                ),
                {"id": f"c{number}", "doc": f"d{number}"},
            )
        try:
            yield connection
        finally:
            transaction.rollback()


def test_documents_and_claims_are_never_replaced(
    backend: str, stored: Connection
) -> None:
    before = _stored(stored)
    rewrites = {**STORED_REWRITES[backend], **CONTENT_REWRITES}
    for name, statement in rewrites.items():
        savepoint = stored.begin_nested()
        with pytest.raises(exc.DBAPIError, match="never"):
            stored.execute(text(statement))
        savepoint.rollback()
        assert _stored(stored) == before, name


def test_claims_can_still_be_decided(stored: Connection) -> None:
    stored.execute(
        text(
            "UPDATE claim SET status = 'accepted', decided_by = 'alice', "
            "edited_payload = '{}' WHERE id = 'c1'"
        )
    )
    found = stored.execute(text("SELECT status FROM claim WHERE id = 'c1'"))
    assert found.scalar() == "accepted"
