"""Indexes for the web app's pages: the documents list newest first a page at a
time, and the dashboard's count of documents with pending claims, each read from
an index instead of a scan of every row.

Revision ID: 8b4d2e6f1a37
Revises: 5e0a3c7d9b21
Create Date: 2026-11-23 16:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "8b4d2e6f1a37"
down_revision: str | None = "5e0a3c7d9b21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_document_ingested_at_id", "document", ["ingested_at", "id"])
    op.create_index("ix_claim_status_document_id", "claim", ["status", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_status_document_id", table_name="claim")
    op.drop_index("ix_document_ingested_at_id", table_name="document")
