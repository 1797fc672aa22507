"""The change log refuses REPLACE on SQLite too (#18).

SQLite's REPLACE conflict resolution (`INSERT OR REPLACE`, `REPLACE INTO`) deletes
the row in the way without firing delete triggers (unless `recursive_triggers` is
on), so `change_no_delete` never saw it and a change could be rewritten. A change
that already exists now refuses any insert of its id, before REPLACE deletes
anything; and since SQLite shows an id it is about to choose itself as -1 to a
BEFORE INSERT trigger, ids below 1 are refused, so no row can ever stand in the
way of a new change. Upserts (`ON CONFLICT DO UPDATE`) and `UPDATE OR REPLACE`
already met `change_no_update`.

PostgreSQL needs nothing new: it has no REPLACE, an upsert's or MERGE's update
fires the row trigger `change_append_only`, and TRUNCATE the statement trigger
`change_no_truncate` (revision bffac1fb0763).

Revision ID: 2f29ccf27232
Revises: 8b4d2e6f1a37
Create Date: 2026-12-06 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "2f29ccf27232"
down_revision: str | None = "8b4d2e6f1a37"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "the change log is append-only"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER change_no_replace BEFORE INSERT ON change
    WHEN EXISTS (SELECT 1 FROM change WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: a change cannot be replaced'); END""",
    f"""CREATE TRIGGER change_positive_id AFTER INSERT ON change
    WHEN NEW.id < 1
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: change ids start at 1'); END""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER change_positive_id")
    op.execute("DROP TRIGGER change_no_replace")
