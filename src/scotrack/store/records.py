"""One entity's whole record for its page: a state (status history, meetings
hosted, agreements with its status in each, commitments, projects), and what the
pages of other entities share: the claims linked to an entity and the documents
that support it (a meeting's whole record is `outcomes.meeting_outcomes`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import agreements as agreement_rules
from scotrack.domain.projects import Project
from scotrack.domain.sources import Source
from scotrack.store import models, queries, rows
from scotrack.store.dashboard import body_names
from scotrack.store.matrix import cell_status
from scotrack.store.provenance import Claim, Document, FactSource
from scotrack.store.queries import StateProfile


@dataclass(frozen=True, slots=True)
class StateRecord:
    profile: StateProfile
    on: date
    agreement_status: dict[str, str]
    """Agreement id -> the state's matrix status in it on `on`."""
    projects: tuple[Project, ...]
    body_names: dict[str, str]


@dataclass(frozen=True, slots=True)
class LinkedClaim:
    """A claim about an entity, with the document it comes from."""

    id: str
    kind: str
    summary: str
    status: str
    document_id: str
    document_title: str
    published: str | None


def state_projects(session: Session, code: str) -> list[Project]:
    query = (
        select(models.Project)
        .join(models.ProjectCountry)
        .where(models.ProjectCountry.state_id == code)
        .order_by(models.Project.id)
    )
    return [rows.project_from_row(row) for row in session.scalars(query)]


def state_record(session: Session, code: str, *, on: date) -> StateRecord:
    """The state's profile, its status in each of its agreements on `on`, and its
    projects; NotFound for an unknown code."""
    profile = queries.state_profile(session, code)
    own = {role.agreement_id for role in profile.agreements}
    statuses = {}
    for agreement in queries.agreements(session):
        if agreement.id in own:
            answer = agreement_rules.status(
                agreement, on=on, states=[profile.state.code]
            )
            statuses[agreement.id] = cell_status(
                answer.parties[0], in_force=answer.in_force
            )
    return StateRecord(
        profile,
        on,
        statuses,
        tuple(state_projects(session, profile.state.code)),
        body_names(session),
    )


def linked_claims(session: Session, kind: str, entity_id: str) -> list[LinkedClaim]:
    """The claims linked to the entity, newest document first."""
    query = (
        select(
            Claim.id,
            Claim.kind,
            Claim.summary,
            Claim.status,
            Document.id,
            Document.title,
            Document.published_date,
        )
        .join(Document, Document.id == Claim.document_id)
        .where(Claim.entity_kind == kind, Claim.entity_id == entity_id)
        .order_by(Document.published_date.desc(), Claim.id)
    )
    return [
        LinkedClaim(cid, ckind, summary, status, did, title or did[:12], published)
        for cid, ckind, summary, status, did, title, published in session.execute(query)
    ]


def supporting_documents(session: Session, kind: str, entity_id: str) -> list[Source]:
    query = (
        select(models.Source)
        .join(FactSource, FactSource.source_id == models.Source.id)
        .where(FactSource.entity_kind == kind, FactSource.entity_id == entity_id)
        .order_by(models.Source.published_date, models.Source.id)
    )
    return [rows.source_from_row(row) for row in session.scalars(query)]
