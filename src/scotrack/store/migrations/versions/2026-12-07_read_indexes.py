"""Indexes for pages read uncached (#18): the claims linked to an entity (meeting,
agreement and state pages; every linked claim was found by a scan of the claims
table), and the documents list's facets by outlet and year, read from a covering
index instead of the documents' rows with their texts.

Revision ID: 1b7e4d9c2f60
Revises: 9e5b7c3d1a48
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "1b7e4d9c2f60"
down_revision: str | None = "9e5b7c3d1a48"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claim_entity", "claim", ["entity_kind", "entity_id"])
    op.create_index(
        "ix_document_outlet_published_date", "document", ["outlet", "published_date"]
    )


def downgrade() -> None:
    op.drop_index("ix_document_outlet_published_date", table_name="document")
    op.drop_index("ix_claim_entity", table_name="claim")
