"""Indexes for the documents list's orders and a meeting's documents (#18).

(published_date, id) replaces the index on published_date alone. The web's
default order, latest published first and undated last, reads the dated documents
in the index's order (backwards) and the undated after them by id, so a page reads
its own rows rather than sorting every document; the facets and counts the old
index served read the new one as well. (block, document_id) replaces the index on
block alone: a meeting's reporting documents (its API answer) are the documents of
its block's claims, now read from the index without the claims' rows.

Revision ID: 5c2a8e7f3b19
Revises: 1b7e4d9c2f60
Create Date: 2026-12-07 06:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "5c2a8e7f3b19"
down_revision: str | None = "1b7e4d9c2f60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_document_published_date_id", "document", ["published_date", "id"]
    )
    op.drop_index("ix_document_published_date", table_name="document")
    op.create_index("ix_claim_block_document_id", "claim", ["block", "document_id"])
    op.drop_index("ix_claim_block", table_name="claim")


def downgrade() -> None:
    op.create_index("ix_claim_block", "claim", ["block"])
    op.drop_index("ix_claim_block_document_id", table_name="claim")
    op.create_index("ix_document_published_date", "document", ["published_date"])
    op.drop_index("ix_document_published_date_id", table_name="document")
