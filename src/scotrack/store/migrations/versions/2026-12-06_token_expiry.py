"""Token expiry: an API token may carry the time after which it is refused.

Revision ID: 7d3e9a41c5f2
Revises: 2f29ccf27232
Create Date: 2026-12-06 23:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d3e9a41c5f2"
down_revision: str | None = "2f29ccf27232"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_token") as batch:
        batch.add_column(sa.Column("expires_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("api_token") as batch:
        batch.drop_column("expires_at")
