"""Documents, claims, candidates, the change log and the search index.

The change log is append-only in the database itself: triggers refuse UPDATE and
DELETE (and on PostgreSQL TRUNCATE) on `change`, and DELETE on `document` and
`claim`, whatever the application does. The search index is a SQLite FTS5
virtual table or, on PostgreSQL, a table with a generated tsvector and a GIN index
(`scotrack.store.read.search`); neither is in the ORM metadata (see
`schema.include_name`).

Revision ID: bffac1fb0763
Revises: 3c1f0a2b9d7e
Create Date: 2026-11-23 11:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "bffac1fb0763"
down_revision: str | None = "3c1f0a2b9d7e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "the change log is append-only"
NEVER_DELETED = "documents and claims are never deleted"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER change_no_update BEFORE UPDATE ON change
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: a change cannot be updated'); END""",
    f"""CREATE TRIGGER change_no_delete BEFORE DELETE ON change
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: a change cannot be deleted'); END""",
    f"""CREATE TRIGGER document_no_delete BEFORE DELETE ON document
    BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END""",
    f"""CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
    BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END""",
)
SQLITE_SEARCH = """CREATE VIRTUAL TABLE search_entry USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2')"""

POSTGRES_TRIGGERS = (
    f"""CREATE FUNCTION change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}: % refused', TG_OP; END $$""",
    f"""CREATE FUNCTION never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{NEVER_DELETED}: % refused', TG_OP; END $$""",
    """CREATE TRIGGER change_append_only BEFORE UPDATE OR DELETE ON change
    FOR EACH ROW EXECUTE FUNCTION change_append_only()""",
    """CREATE TRIGGER change_no_truncate BEFORE TRUNCATE ON change
    FOR EACH STATEMENT EXECUTE FUNCTION change_append_only()""",
    """CREATE TRIGGER document_no_delete BEFORE DELETE ON document
    FOR EACH ROW EXECUTE FUNCTION never_deleted()""",
    """CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
    FOR EACH ROW EXECUTE FUNCTION never_deleted()""",
)
POSTGRES_SEARCH = (
    """CREATE TABLE search_entry (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    ref VARCHAR(64) NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', body), 'B')) STORED)""",
    "CREATE INDEX ix_search_entry_tsv ON search_entry USING GIN (tsv)",
    "CREATE INDEX ix_search_entry_ref ON search_entry (kind, ref)",
)


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(length=64), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("published_date", sa.String(length=10), nullable=True),
        sa.Column("dateline", sa.String(length=300), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("clean_text", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["document.id"],
            name=op.f("fk_document_previous_id_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    op.create_index(op.f("ix_document_url"), "document", ["url"])
    op.create_index(op.f("ix_document_published_date"), "document", ["published_date"])
    op.create_table(
        "claim",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("proposal", sa.String(length=16), nullable=False),
        sa.Column("entity_kind", sa.String(length=32), nullable=True),
        sa.Column("entity_id", sa.String(length=120), nullable=True),
        sa.Column("group_key", sa.String(length=160), nullable=False),
        sa.Column("block", sa.String(length=160), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("edited_payload", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=300), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_claim_document_id_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_index(op.f("ix_claim_document_id"), "claim", ["document_id"])
    op.create_index(op.f("ix_claim_group_key"), "claim", ["group_key"])
    op.create_index(op.f("ix_claim_block"), "claim", ["block"])
    op.create_index("ix_claim_status_kind", "claim", ["status", "kind"])
    op.create_table(
        "claim_candidate",
        sa.Column("claim_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_kind", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=120), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_candidate_claim_id_claim"),
        ),
        sa.PrimaryKeyConstraint(
            "claim_id", "position", name=op.f("pk_claim_candidate")
        ),
    )
    op.create_table(
        "fact_source",
        sa.Column("entity_kind", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=120), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("claim_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_fact_source_source_id_source"),
        ),
        sa.PrimaryKeyConstraint(
            "entity_kind", "entity_id", "source_id", name=op.f("pk_fact_source")
        ),
    )
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(length=32), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entity_kind", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=120), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.Column("claim_id", sa.String(length=32), nullable=True),
        sa.Column("undoes", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.create_index(op.f("ix_change_batch"), "change", ["batch"])
    op.create_index(op.f("ix_change_at"), "change", ["at"])
    op.create_index(op.f("ix_change_claim_id"), "change", ["claim_id"])
    op.create_index("ix_change_entity", "change", ["entity_kind", "entity_id"])
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)
    for statement in POSTGRES_SEARCH if postgres else (SQLITE_SEARCH,):
        op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute("DROP TABLE search_entry")
    # dropping a table drops its triggers, indexes and constraints too
    op.drop_table("change")
    op.drop_table("fact_source")
    op.drop_table("claim_candidate")
    op.drop_table("claim")
    op.drop_table("document")
    if postgres:
        op.execute("DROP FUNCTION change_append_only()")
        op.execute("DROP FUNCTION never_deleted()")
