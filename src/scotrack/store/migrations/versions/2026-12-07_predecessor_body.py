"""A body may be the SCO's predecessor, and an agreement a predecessor's (#12).

`body.predecessor_of` names the organisation a body preceded ("SCO" for the
Shanghai Five); `agreement.body_id` names the predecessor body whose agreement it
is (the 1996 and 1997 border agreements). Both are null for the SCO's own, so the
lists of the SCO's meetings and agreements can leave the predecessor's out.

Revision ID: 8a4d2f6c1e37
Revises: 5c2a8e7f3b19
Create Date: 2026-12-07 19:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8a4d2f6c1e37"
down_revision: str | None = "5c2a8e7f3b19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_agreement_body_id_body"
INDEX = "ix_agreement_body_id"


def _agreement(*, new: bool) -> sa.Table:
    """The agreement table as it stands before (or after) this revision: SQLite's
    batch mode copies it without reflecting, so `alembic upgrade --sql` works too."""
    meta = sa.MetaData()
    sa.Table("source", meta, sa.Column("id", sa.String(length=120)))
    sa.Table("body", meta, sa.Column("id", sa.String(length=120)))
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("id", sa.String(length=120), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("signed_date", sa.String(length=10), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("depositary", sa.String(length=300), nullable=True),
        sa.Column("rule_kind", sa.String(length=32), nullable=True),
        sa.Column("rule_n", sa.Integer(), nullable=True),
        sa.Column("rule_days", sa.Integer(), nullable=True),
        sa.Column("rule_later_days", sa.Integer(), nullable=True),
        sa.Column("entry_into_force_date", sa.String(length=10), nullable=True),
        sa.Column("entry_into_force_source_id", sa.String(length=120), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_into_force_source_id"],
            ["source.id"],
            name="fk_agreement_entry_into_force_source_id_source",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name="fk_agreement_source_id_source"
        ),
        sa.Index(
            "ix_agreement_entry_into_force_source_id", "entry_into_force_source_id"
        ),
        sa.Index("ix_agreement_source_id", "source_id"),
    ]
    if new:
        columns += [
            sa.Column("body_id", sa.String(length=120), nullable=True),
            sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=FK),
            sa.Index(INDEX, "body_id"),
        ]
    return sa.Table("agreement", meta, *columns)


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("predecessor_of", sa.String(32), nullable=True))
    with op.batch_alter_table("agreement", copy_from=_agreement(new=False)) as batch:
        batch.add_column(sa.Column("body_id", sa.String(length=120), nullable=True))
        batch.create_foreign_key(FK, "body", ["body_id"], ["id"])
        batch.create_index(INDEX, ["body_id"])


def downgrade() -> None:
    with op.batch_alter_table("agreement", copy_from=_agreement(new=True)) as batch:
        batch.drop_index(INDEX)
        batch.drop_constraint(FK, type_="foreignkey")
        batch.drop_column("body_id")
    with op.batch_alter_table("body") as batch:
        batch.drop_column("predecessor_of")
