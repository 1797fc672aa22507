"""Documents and claims are never replaced, and what evidence rests on never
changes (#18).

SQLite's REPLACE conflict resolution (`INSERT OR REPLACE`, `REPLACE INTO`,
`UPDATE OR REPLACE`) deletes the row in the way without firing delete triggers
(unless `recursive_triggers` is on, which a user of the file need not set), so
`document_no_delete` and `claim_no_delete` never saw it: a document's text could be
swapped under its claims, whose evidence spans then point into other words, and a
claim could be rewritten with its decision and evidence gone. As for the change log
(revision 2f29ccf27232), an insert whose id or rowid is taken is now refused before
REPLACE deletes anything, and a rowid below 1 (how SQLite shows its own choice to a
BEFORE INSERT trigger) is refused after the insert.

On both databases, an update (so also an upsert's or MERGE's) may not change a
document's id or texts, nor a claim's id, document, payload or evidence. Reviews
still update a claim's status, decision and edited payload.

Revision ID: 9e5b7c3d1a48
Revises: 4c8a1f2e9b06
Create Date: 2026-12-07 02:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "9e5b7c3d1a48"
down_revision: str | None = "4c8a1f2e9b06"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEVER_DELETED = "documents and claims are never deleted"
FIXED = {
    "document": ("id", "raw_text", "clean_text"),
    "claim": ("id", "document_id", "payload", "evidence"),
}


def _changed(columns: Sequence[str], distinct: str) -> str:
    return " OR ".join(f"NEW.{c} {distinct} OLD.{c}" for c in columns)


def _sqlite_triggers(table: str) -> tuple[str, ...]:
    what = f"a {table}"
    return (
        f"""CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
        WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id OR rowid = NEW.rowid)
        BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}: {what} cannot be replaced');
        END""",
        f"""CREATE TRIGGER {table}_positive_rowid AFTER INSERT ON {table}
        WHEN NEW.rowid < 1
        BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}: rowids start at 1'); END""",
        f"""CREATE TRIGGER {table}_unchanged BEFORE UPDATE ON {table}
        WHEN {_changed((*FIXED[table], "rowid"), "IS NOT")}
        BEGIN SELECT RAISE(ABORT,
            '{NEVER_DELETED}: {what} keeps its {", ".join(FIXED[table])}');
        END""",
    )


POSTGRES_FUNCTION = f"""CREATE FUNCTION never_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{NEVER_DELETED}: a % keeps its %', TG_TABLE_NAME,
        TG_ARGV[0]; END $$"""


def _postgres_trigger(table: str) -> str:
    columns = ", ".join(FIXED[table])
    return f"""CREATE TRIGGER {table}_unchanged BEFORE UPDATE ON {table}
    FOR EACH ROW WHEN ({_changed(FIXED[table], "IS DISTINCT FROM")})
    EXECUTE FUNCTION never_changed('{columns}')"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for table in FIXED:
            op.execute(_postgres_trigger(table))
        return
    for table in FIXED:
        for statement in _sqlite_triggers(table):
            op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in FIXED:
        if postgres:
            op.execute(f"DROP TRIGGER {table}_unchanged ON {table}")
            continue
        for name in ("unchanged", "positive_rowid", "no_replace"):
            op.execute(f"DROP TRIGGER {table}_{name}")
    if postgres:
        op.execute("DROP FUNCTION never_changed()")
