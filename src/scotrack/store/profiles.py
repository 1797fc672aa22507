"""What the knowledge base holds about one thing, with what it links to: a meeting
with its sources, reporting documents and commitments; a commitment or project by
id; every agreement with its status on a day (a document with its claims is
`reader.reading`).

These serve the detail answers of the API and the pages; like `queries`, they
return domain objects or frozen dataclasses and raise NotFound for unknown ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_
from sqlalchemy.orm import Session

from scotrack.domain import agreements as agreement_rules
from scotrack.domain.agreements import Agreement, AgreementStatus, PartyOnDay
from scotrack.domain.commitments import Commitment
from scotrack.domain.meetings import Meeting
from scotrack.domain.projects import Project
from scotrack.domain.sources import Source
from scotrack.errors import InputError, NotFound
from scotrack.ingest.claims.summaries import link_group
from scotrack.store import history, models, queries, rows
from scotrack.store.listings import DocumentSummary
from scotrack.store.provenance import (
    Claim,
    Document,
    FactSource,
)

DOCUMENTS_SHOWN = 50
"""Reporting documents a meeting's profile holds (a summit has had 1,368, #18)."""


@dataclass(frozen=True, slots=True)
class DocumentPage:
    """Some of a meeting's reporting documents: `total` in all, and `next`, the
    key to read the following ones after (None when these are the last)."""

    items: tuple[DocumentSummary, ...]
    total: int
    next: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class MeetingProfile:
    """A meeting, the sources that record it, the first page of the stored
    documents that report it (linked claims, pending or accepted) and the
    commitments made there."""

    meeting: Meeting
    sources: tuple[Source, ...]
    documents: DocumentPage
    commitments: tuple[Commitment, ...]


def meeting_profile(
    session: Session, meeting_id: str, *, documents: int | None = None
) -> MeetingProfile:
    """The meeting with its sources, commitments and its first `documents`
    (DOCUMENTS_SHOWN by default) reporting documents (`reporting_documents` reads
    the others)."""
    meeting = queries.meeting(session, meeting_id)
    source_rows = session.scalars(
        select(models.Source)
        .where(
            or_(
                models.Source.id == meeting.source_id,
                models.Source.id.in_(_supporting(meeting.id)),
            )
        )
        .order_by(models.Source.published_date, models.Source.id)
    )
    return MeetingProfile(
        meeting,
        tuple(rows.source_from_row(row) for row in source_rows),
        _reporting(
            session,
            meeting.id,
            None,
            DOCUMENTS_SHOWN if documents is None else documents,
        ),
        tuple(commitments_at(session, meeting.id)),
    )


def reporting_documents(
    session: Session,
    meeting_id: str,
    *,
    after: tuple[str, str] | None = None,
    limit: int = DOCUMENTS_SHOWN,
) -> DocumentPage:
    """Up to `limit` stored documents that report the meeting (a claim linked to
    it, or a source of its facts), by date published (undated first) then id,
    after the key `after` (the `next` of the page before); NotFound for an
    unknown meeting."""
    return _reporting(session, queries.meeting(session, meeting_id).id, after, limit)


def _reporting(
    session: Session, meeting_id: str, after: tuple[str, str] | None, limit: int
) -> DocumentPage:
    reporting = (
        select(Claim.document_id)
        .where(Claim.block == link_group("meeting", meeting_id))
        .union(
            select(models.Source.document_id).where(
                models.Source.id.in_(_supporting(meeting_id)),
                models.Source.document_id.is_not(None),
            )
        )
    )
    published = func.coalesce(Document.published_date, "")
    where: list[ColumnElement[bool]] = [Document.id.in_(reporting)]
    total = session.scalar(select(func.count()).select_from(Document).where(*where))
    if after is not None:
        where.append(tuple_(published, Document.id) > tuple_(*after))
    found = list(
        session.execute(
            select(
                Document.id,
                Document.title,
                Document.outlet,
                Document.published_date,
                Document.url,
                Document.version,
            )
            .where(*where)
            .order_by(published, Document.id)
            .limit(limit + 1)
        )
    )
    shown = tuple(DocumentSummary(*row) for row in found[:limit])
    last = shown[-1] if shown else None
    following = (
        (last.published_date or "", last.id)
        if last is not None and len(found) > limit
        else None
    )
    return DocumentPage(shown, int(total or 0), following)


def _supporting(meeting_id: str) -> Select[str]:
    """The ids of the sources that support the meeting's facts."""
    return select(FactSource.source_id).where(
        FactSource.entity_kind == "meeting", FactSource.entity_id == meeting_id
    )


def commitments_at(session: Session, meeting_id: str) -> list[Commitment]:
    """The commitments made at one meeting, by id."""
    found = session.scalars(
        select(models.Commitment)
        .where(models.Commitment.meeting_id == meeting_id)
        .order_by(models.Commitment.id)
    )
    return [rows.commitment_from_row(row) for row in found]


def projects(
    session: Session, *, sector: str | None = None, country: str | None = None
) -> list[Project]:
    """Projects in `sector` involving state `country` (each optional), by id."""
    query = select(models.Project).order_by(models.Project.id)
    if sector is not None:
        query = query.where(models.Project.sector == sector)
    if country is not None:
        query = query.where(
            models.Project.id.in_(
                select(models.ProjectCountry.project_id).where(
                    models.ProjectCountry.state_id == country.upper()
                )
            )
        )
    return [rows.project_from_row(row) for row in session.scalars(query)]


def agreements_on(
    session: Session, on: date
) -> list[tuple[Agreement, AgreementStatus]]:
    """Every agreement (by signature date) with its status on `on`."""
    return [
        (agreement, agreement_rules.status(agreement, on=on))
        for agreement in queries.agreements(session)
    ]


def agreement_on(
    session: Session, agreement_id: str, on: date
) -> tuple[Agreement, AgreementStatus]:
    """One agreement (by id, title or alias) with its status on `on`."""
    agreement = queries.find_agreement(session, agreement_id)
    return agreement, agreement_rules.status(agreement, on=on)


def party_statuses(
    session: Session,
    code: str,
    on: date,
    *,
    known: Sequence[Agreement] | None = None,
) -> dict[str, PartyOnDay]:
    """State `code`'s status on `on` in each agreement it is a party to, by
    agreement id; `known`: every agreement, when the caller has them (#18)."""
    found: dict[str, PartyOnDay] = {}
    for agreement in queries.agreements(session) if known is None else known:
        if agreement.party(code) is None:
            continue
        answer = agreement_rules.status(agreement, on=on)
        for party in answer.parties:
            if party.state == code:
                found[agreement.id] = party
    return found


def fact_exists(session: Session, kind: str, entity_id: str) -> None:
    """NotFound unless the fact `kind`:`entity_id` exists (InputError for a kind
    that is not a fact)."""
    if kind not in history.FACT_KINDS:
        raise InputError(
            f"kind {kind!r}: choose one of {', '.join(history.FACT_KINDS)}"
        )
    if kind == "status-interval" and not entity_id.isdigit():
        raise NotFound(f"status-interval {entity_id!r}: ids are numbers")
    if history.entity_row(session, kind, entity_id) is None:
        raise NotFound(f"{kind} {entity_id!r} is not in the knowledge base")
