"""Assessments record who made them and the document span they rest on (#13).

Revision ID: 4c8a1f2e9b06
Revises: 7d3e9a41c5f2
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4c8a1f2e9b06"
down_revision: str | None = "7d3e9a41c5f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}


def _table(*, new: bool) -> sa.Table:
    """The table as it stands before (or after) this revision: SQLite's batch mode
    copies it without reflecting, so `alembic upgrade --sql` works too."""
    meta = sa.MetaData(naming_convention=NAMING)
    sa.Table("commitment", meta, sa.Column("id", sa.String(length=120)))
    sa.Table("source", meta, sa.Column("id", sa.String(length=120)))
    sa.Table("document", meta, sa.Column("id", sa.String(length=64)))
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("commitment_id", sa.String(length=120), nullable=False),
        sa.Column("assessed_date", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name="fk_assessment_commitment_id_commitment",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name="fk_assessment_source_id_source"
        ),
        sa.Index("ix_assessment_commitment_id", "commitment_id"),
        sa.Index("ix_assessment_source_id", "source_id"),
    ]
    if new:
        columns += [
            sa.Column("assessor", sa.String(length=300), nullable=True),
            sa.Column("document_id", sa.String(length=64), nullable=True),
            sa.Column("span_start", sa.Integer(), nullable=True),
            sa.Column("span_end", sa.Integer(), nullable=True),
            sa.ForeignKeyConstraint(
                ["document_id"],
                ["document.id"],
                name="fk_assessment_document_id_document",
            ),
            sa.Index("ix_assessment_document_id", "document_id"),
        ]
    return sa.Table("assessment", meta, *columns)


def upgrade() -> None:
    with op.batch_alter_table("assessment", copy_from=_table(new=False)) as batch:
        batch.add_column(sa.Column("assessor", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("document_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("span_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("span_end", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_assessment_document_id_document"),
            "document",
            ["document_id"],
            ["id"],
        )
        batch.create_index(op.f("ix_assessment_document_id"), ["document_id"])


def downgrade() -> None:
    with op.batch_alter_table("assessment", copy_from=_table(new=True)) as batch:
        batch.drop_index(op.f("ix_assessment_document_id"))
        batch.drop_constraint(
            op.f("fk_assessment_document_id_document"), type_="foreignkey"
        )
        batch.drop_column("span_end")
        batch.drop_column("span_start")
        batch.drop_column("document_id")
        batch.drop_column("assessor")
