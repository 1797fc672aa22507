"""Whether a document is a web page, as extraction decided (#15).

`document.html` is stored with the document, so the reader's "original" download
no longer guesses it again from the path or the first characters. Documents
stored before this revision get what extraction decided for them then: a page
whose text opens with HTML markup (the rule below is that of 0.1's pipeline).
An offline (`--sql`) upgrade adds the column only: nothing to read there.

Revision ID: 3e6f1a9d7c52
Revises: 6f1c3b8e2d95
Create Date: 2026-12-07 22:00:00
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3e6f1a9d7c52"
down_revision: str | None = "6f1c3b8e2d95"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPENS_AS_HTML = re.compile(
    r"^\s*<(?:!doctype\s+html|!--|\?xml|html|head|body|meta|title|div|p|article"
    r"|section|main|span|table|h[1-6])\b",
    re.IGNORECASE,
)
"""How extraction told a page from plain text before this revision."""
_HEAD = 1024
_BATCH = 500


def upgrade() -> None:
    op.add_column(
        "document",
        sa.Column("html", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    if op.get_context().as_sql:
        return
    document = sa.table(
        "document", sa.column("id", sa.String), sa.column("raw_text", sa.Text)
    )
    connection = op.get_bind()
    heads = connection.execute(
        sa.select(document.c.id, sa.func.substr(document.c.raw_text, 1, _HEAD))
    ).all()
    pages = [id_ for id_, head in heads if _OPENS_AS_HTML.match(head or "")]
    marked = sa.table(
        "document", sa.column("id", sa.String), sa.column("html", sa.Boolean)
    )
    for start in range(0, len(pages), _BATCH):
        connection.execute(
            marked.update()
            .where(marked.c.id.in_(pages[start : start + _BATCH]))
            .values(html=True)
        )


def downgrade() -> None:
    # dropped in place (SQLite 3.35+ can): a copy of `document`, which claims
    # reference, would fail on a loaded knowledge base (see predecessor_body)
    op.drop_column("document", "html")
