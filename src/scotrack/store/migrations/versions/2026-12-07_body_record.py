"""A body's founding date, seat, note and sources (#12).

`body.founded_date` is as precise as a source gives it (null when none dates it),
`body.seat` its seat, `body.note` what the record says of it; `body.source_id`
cites the record and `body.founding_source_id` the page giving the founding date
and the seat. All null on a database loaded before: `scotrack init` fills them
from the shipped baseline.

Revision ID: 6f1c3b8e2d95
Revises: 8a4d2f6c1e37
Create Date: 2026-12-07 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "6f1c3b8e2d95"
down_revision: str | None = "8a4d2f6c1e37"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCES = ("source_id", "founding_source_id")


def _body() -> sa.Table:
    """The body table as it stands before this revision: SQLite's batch mode
    copies it without reflecting, so `alembic upgrade --sql` works too."""
    meta = sa.MetaData()
    return sa.Table(
        "body",
        meta,
        sa.Column("id", sa.String(length=120), primary_key=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("schema_body", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("predecessor_of", sa.String(length=32), nullable=True),
    )


def upgrade() -> None:
    with op.batch_alter_table("body", copy_from=_body()) as batch:
        batch.add_column(sa.Column("founded_date", sa.String(10), nullable=True))
        batch.add_column(sa.Column("seat", sa.String(300), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
        for column in SOURCES:
            batch.add_column(sa.Column(column, sa.String(120), nullable=True))
            batch.create_foreign_key(
                f"fk_body_{column}_source", "source", [column], ["id"]
            )
            batch.create_index(f"ix_body_{column}", [column])


def downgrade() -> None:
    with op.batch_alter_table("body") as batch:
        for column in reversed(SOURCES):
            batch.drop_index(f"ix_body_{column}")
            batch.drop_constraint(f"fk_body_{column}_source", type_="foreignkey")
            batch.drop_column(column)
        batch.drop_column("note")
        batch.drop_column("seat")
        batch.drop_column("founded_date")
