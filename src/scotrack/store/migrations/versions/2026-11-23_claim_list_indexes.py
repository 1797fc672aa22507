"""Indexes for listing claims a page at a time: by status, and by document, in id
order, so `GET /api/v1/claims?status=pending` reads one page of an index instead
of sorting every pending claim.

Revision ID: 5e0a3c7d9b21
Revises: c29d1d628174
Create Date: 2026-11-23 15:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "5e0a3c7d9b21"
down_revision: str | None = "c29d1d628174"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claim_status_id", "claim", ["status", "id"])
    op.create_index("ix_claim_document_id_id", "claim", ["document_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_claim_document_id_id", table_name="claim")
    op.drop_index("ix_claim_status_id", table_name="claim")
