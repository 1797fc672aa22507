"""Initial schema.

Sources, states, bodies, cities, membership, meetings, agreements, commitments,
projects and initiatives.

Revision ID: 3c1f0a2b9d7e
Revises:
Create Date: 2026-11-23 09:24:12.724038
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3c1f0a2b9d7e"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "body",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("schema_body", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body")),
    )
    op.create_table(
        "source",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_date", sa.String(length=10), nullable=True),
        sa.Column("document_id", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    op.create_table(
        "state",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("official_name", sa.String(length=300), nullable=True),
        sa.Column("capital", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_state")),
    )
    op.create_table(
        "agreement",
        sa.Column("id", sa.String(length=120), nullable=False),
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
            name=op.f("fk_agreement_entry_into_force_source_id_source"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_agreement_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    op.create_index(
        op.f("ix_agreement_entry_into_force_source_id"),
        "agreement",
        ["entry_into_force_source_id"],
    )
    op.create_index(op.f("ix_agreement_source_id"), "agreement", ["source_id"])

    op.create_table(
        "body_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["body.id"], name=op.f("fk_body_alias_body_id_body")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_alias")),
        sa.UniqueConstraint(
            "body_id", "alias", name=op.f("uq_body_alias_body_id_alias")
        ),
    )
    op.create_index(op.f("ix_body_alias_body_id"), "body_alias", ["body_id"])

    op.create_table(
        "city",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_city_state_id_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_city")),
        sa.UniqueConstraint("state_id", "name", name=op.f("uq_city_state_id_name")),
    )
    op.create_index(op.f("ix_city_state_id"), "city", ["state_id"])

    op.create_table(
        "initiative",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("proposed_by", sa.String(length=16), nullable=True),
        sa.Column("proposed_date", sa.String(length=10), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_initiative_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    op.create_index(op.f("ix_initiative_source_id"), "initiative", ["source_id"])

    op.create_table(
        "meeting",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("body_id", sa.String(length=120), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("city_name", sa.String(length=300), nullable=True),
        sa.Column("host_state_id", sa.String(length=16), nullable=True),
        sa.Column("chair", sa.String(length=300), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["body_id"], ["body.id"], name=op.f("fk_meeting_body_id_body")
        ),
        sa.ForeignKeyConstraint(
            ["host_state_id"], ["state.id"], name=op.f("fk_meeting_host_state_id_state")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_meeting_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    op.create_index(op.f("ix_meeting_body_id"), "meeting", ["body_id"])
    op.create_index(op.f("ix_meeting_host_state_id"), "meeting", ["host_state_id"])
    op.create_index(op.f("ix_meeting_source_id"), "meeting", ["source_id"])
    op.create_index(op.f("ix_meeting_year"), "meeting", ["year"])

    op.create_table(
        "state_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_state_alias_state_id_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_state_alias")),
        sa.UniqueConstraint(
            "state_id", "kind", "alias", name=op.f("uq_state_alias_state_id_kind_alias")
        ),
    )
    op.create_index(op.f("ix_state_alias_state_id"), "state_alias", ["state_id"])

    op.create_table(
        "status_interval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_status_interval_source_id_source"),
        ),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_status_interval_state_id_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_interval")),
    )
    op.create_index(
        op.f("ix_status_interval_source_id"), "status_interval", ["source_id"]
    )
    op.create_index(
        op.f("ix_status_interval_state_id"), "status_interval", ["state_id"]
    )

    op.create_table(
        "agreement_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_alias_agreement_id_agreement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_alias")),
        sa.UniqueConstraint(
            "agreement_id", "alias", name=op.f("uq_agreement_alias_agreement_id_alias")
        ),
    )
    op.create_index(
        op.f("ix_agreement_alias_agreement_id"), "agreement_alias", ["agreement_id"]
    )

    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.String(length=120), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("signed_date", sa.String(length=10), nullable=True),
        sa.Column("ratified_date", sa.String(length=10), nullable=True),
        sa.Column("deposited_date", sa.String(length=10), nullable=True),
        sa.Column("withdrew_date", sa.String(length=10), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_agreement_party_source_id_source"),
        ),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_agreement_party_state_id_state")
        ),
        sa.PrimaryKeyConstraint(
            "agreement_id", "state_id", name=op.f("pk_agreement_party")
        ),
    )
    op.create_index(
        op.f("ix_agreement_party_source_id"), "agreement_party", ["source_id"]
    )
    op.create_index(
        op.f("ix_agreement_party_state_id"), "agreement_party", ["state_id"]
    )

    op.create_table(
        "city_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["city_id"], ["city.id"], name=op.f("fk_city_alias_city_id_city")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_city_alias")),
        sa.UniqueConstraint(
            "city_id", "alias", name=op.f("uq_city_alias_city_id_alias")
        ),
    )
    op.create_index(op.f("ix_city_alias_city_id"), "city_alias", ["city_id"])

    op.create_table(
        "commitment",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=300), nullable=True),
        sa.Column("target_value", sa.Double(), nullable=True),
        sa.Column("target_unit", sa.String(length=300), nullable=True),
        sa.Column("deadline_date", sa.String(length=10), nullable=True),
        sa.Column("made_date", sa.String(length=10), nullable=True),
        sa.Column("meeting_id", sa.String(length=120), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_commitment_meeting_id_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_commitment_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
    )
    op.create_index(op.f("ix_commitment_actor"), "commitment", ["actor"])
    op.create_index(op.f("ix_commitment_area"), "commitment", ["area"])
    op.create_index(op.f("ix_commitment_kind"), "commitment", ["kind"])
    op.create_index(op.f("ix_commitment_meeting_id"), "commitment", ["meeting_id"])
    op.create_index(op.f("ix_commitment_source_id"), "commitment", ["source_id"])

    op.create_table(
        "declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.String(length=120), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("declaration_date", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_declaration_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_declaration_source_id_source")
        ),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_declaration_state_id_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration")),
    )
    op.create_index(
        op.f("ix_declaration_agreement_id"), "declaration", ["agreement_id"]
    )
    op.create_index(op.f("ix_declaration_source_id"), "declaration", ["source_id"])
    op.create_index(op.f("ix_declaration_state_id"), "declaration", ["state_id"])

    op.create_table(
        "initiative_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_alias_initiative_id_initiative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_alias")),
        sa.UniqueConstraint(
            "initiative_id",
            "alias",
            name=op.f("uq_initiative_alias_initiative_id_alias"),
        ),
    )
    op.create_index(
        op.f("ix_initiative_alias_initiative_id"), "initiative_alias", ["initiative_id"]
    )

    op.create_table(
        "meeting_participant",
        sa.Column("meeting_id", sa.String(length=120), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_participant_meeting_id_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["state_id"],
            ["state.id"],
            name=op.f("fk_meeting_participant_state_id_state"),
        ),
        sa.PrimaryKeyConstraint(
            "meeting_id", "state_id", name=op.f("pk_meeting_participant")
        ),
    )
    op.create_index(
        op.f("ix_meeting_participant_state_id"), "meeting_participant", ["state_id"]
    )

    op.create_table(
        "project",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sector", sa.String(length=32), nullable=True),
        sa.Column("financing", sa.Text(), nullable=True),
        sa.Column("planned_start_date", sa.String(length=10), nullable=True),
        sa.Column("planned_end_date", sa.String(length=10), nullable=True),
        sa.Column("actual_start_date", sa.String(length=10), nullable=True),
        sa.Column("actual_end_date", sa.String(length=10), nullable=True),
        sa.Column("initiative_id", sa.String(length=120), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_project_initiative_id_initiative"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_project_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    op.create_index(op.f("ix_project_initiative_id"), "project", ["initiative_id"])
    op.create_index(op.f("ix_project_source_id"), "project", ["source_id"])

    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
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
            name=op.f("fk_assessment_commitment_id_commitment"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_assessment_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index(
        op.f("ix_assessment_commitment_id"), "assessment", ["commitment_id"]
    )
    op.create_index(op.f("ix_assessment_source_id"), "assessment", ["source_id"])

    op.create_table(
        "project_country",
        sa.Column("project_id", sa.String(length=120), nullable=False),
        sa.Column("state_id", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_country_project_id_project"),
        ),
        sa.ForeignKeyConstraint(
            ["state_id"], ["state.id"], name=op.f("fk_project_country_state_id_state")
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "state_id", name=op.f("pk_project_country")
        ),
    )
    op.create_index(
        op.f("ix_project_country_state_id"), "project_country", ["state_id"]
    )

    op.create_table(
        "project_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.String(length=120), nullable=False),
        sa.Column("status_date", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_status_project_id_project"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_project_status_source_id_source"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_status")),
    )
    op.create_index(
        op.f("ix_project_status_project_id"), "project_status", ["project_id"]
    )
    op.create_index(
        op.f("ix_project_status_source_id"), "project_status", ["source_id"]
    )


def downgrade() -> None:
    # dropping a table drops its indexes and constraints too
    op.drop_table("project_status")
    op.drop_table("project_country")
    op.drop_table("assessment")
    op.drop_table("project")
    op.drop_table("meeting_participant")
    op.drop_table("initiative_alias")
    op.drop_table("declaration")
    op.drop_table("commitment")
    op.drop_table("city_alias")
    op.drop_table("agreement_party")
    op.drop_table("agreement_alias")
    op.drop_table("status_interval")
    op.drop_table("state_alias")
    op.drop_table("meeting")
    op.drop_table("initiative")
    op.drop_table("city")
    op.drop_table("body_alias")
    op.drop_table("agreement")
    op.drop_table("state")
    op.drop_table("source")
    op.drop_table("body")
