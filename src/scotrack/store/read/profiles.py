"""What the knowledge base holds about one thing, with what it links to: a meeting
with its sources, reporting documents and commitments; an agreement with its
status on a day, its cited sources and supporting documents; the projects (a
commitment's or project's record is in `dossiers`, a document with its claims is
`reader.reading`).

These serve the detail answers of the API and the pages; like `queries`, they
return domain objects or frozen dataclasses and raise NotFound for unknown ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session

from scotrack.domain import agreement_status as status_rules
from scotrack.domain import vocab
from scotrack.domain.agreements import Agreement, AgreementStatus
from scotrack.domain.commitments import Commitment
from scotrack.domain.meetings import Meeting
from scotrack.domain.projects import Project
from scotrack.domain.sources import Source
from scotrack.errors import InputError, NotFound
from scotrack.store import history, models, rows
from scotrack.store.provenance import (
    Claim,
    Document,
    FactSource,
)
from scotrack.store.read import queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.document_tables import DocumentSummary
from scotrack.store.read.summaries import Summaries

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
    """A meeting, the sources that record it (its own and those supporting its
    facts, by date published, undated first, then id), the first page of the
    stored documents that report it (`reporting_documents`) and the commitments
    made there."""

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
    sources = {
        **queries.sources_by_id(session, [meeting.source_id]),
        **{
            source.id: source
            for source in queries.supporting_sources(
                session, "meeting", [meeting.id]
            ).get(meeting.id, [])
        },
    }
    return MeetingProfile(
        meeting,
        tuple(sorted(sources.values(), key=queries.source_order)),
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
    limit: int | None = DOCUMENTS_SHOWN,
) -> DocumentPage:
    """Up to `limit` (None: all) stored documents that report the meeting, by
    date published (undated first) then id, after the key `after` (the `next` of
    the page before); NotFound for an unknown meeting.

    The one read of what reports a meeting, for `scotrack meeting`,
    GET /api/v1/meetings/{id}(/documents) and the page's "Articles that report
    it" (#15). A document reports it when one of its claims is linked to the
    meeting (`Claim.entity_kind`/`entity_id`, whatever the claim's review
    status: the link ingest proposed, or the one accepting with --link chose),
    or it is the document of a source of the meeting's facts. The claim's
    `block` is not the link: it is the group ingest compared the claim in, and
    accepting with --link leaves it."""
    return _reporting(session, queries.meeting(session, meeting_id).id, after, limit)


def _reporting(
    session: Session, meeting_id: str, after: tuple[str, str] | None, limit: int | None
) -> DocumentPage:
    reporting = (
        select(Claim.document_id)
        .where(Claim.entity_kind == "meeting", Claim.entity_id == meeting_id)
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
    query = (
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
    )
    if limit is not None:
        query = query.limit(limit + 1)
    found = list(session.execute(query))
    shown = tuple(DocumentSummary(*row) for row in found[:limit])
    last = shown[-1] if shown else None
    following = (
        (last.published_date or "", last.id)
        if last is not None and limit is not None and len(found) > limit
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


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source and what of the agreement it is cited for."""

    source: Source
    cited_for: str


@dataclass(frozen=True, slots=True)
class AgreementRecord:
    """One agreement on a day: its parties' statuses and why it is or is not in
    force (`status`), the sources its record cites, each once with what for, and
    the stored documents that support it."""

    agreement: Agreement
    status: AgreementStatus
    state_names: dict[str, str]
    sources: tuple[CitedSource, ...]
    documents: tuple[Source, ...]


def agreement_record(
    session: Session,
    ref: str,
    *,
    on: date,
    sources: bool = True,
    summaries: Summaries | None = None,
) -> AgreementRecord:
    """The agreement `ref` names (its id, title or an alias, else the closest
    title: `queries.find_agreement`) with its status on `on`. The one read of an
    agreement: `scotrack agreement`, `GET /api/v1/agreements/{id}` and the page
    /agreements/{id} (#15). With `sources=False` the cited sources and the
    supporting documents are left empty, unread: the API's answer shows neither,
    and reading them was half its cost (#18).

    With `summaries`, the record `ref` names on a day is read once per
    knowledge-base version and kept there (#18): the agreement with its parties,
    the states' names, the sources and documents were most of the agreement
    page's CPU on every request; what `ref` names, and everything read, can only
    change with the version."""
    if summaries is None:
        return _agreement_record(session, ref, on, sources)
    kept: AgreementRecord = summaries.get(
        session,
        ("agreement record", ref, on, sources),
        lambda: _agreement_record(session, ref, on, sources),
    )
    return kept


def _agreement_record(
    session: Session, ref: str, on: date, sources: bool
) -> AgreementRecord:
    agreement = queries.find_agreement(session, ref)
    names = state_names(session)
    return AgreementRecord(
        agreement,
        status_rules.status(agreement, on=on),
        names,
        tuple(_cited_sources(session, agreement, names)) if sources else (),
        tuple(
            queries.supporting_sources(session, "agreement", [agreement.id]).get(
                agreement.id, []
            )
        )
        if sources
        else (),
    )


def _cited_sources(
    session: Session, agreement: Agreement, names: dict[str, str]
) -> list[CitedSource]:
    """Every source the agreement's record cites, once each, saying what for:
    the text and signature, the entry into force, the parties' dates, the
    declarations (the footer promises every fact its source, #14)."""
    facts: dict[str, list[str]] = {}
    dates: dict[str, list[str]] = {}
    declared: dict[str, list[str]] = {}
    if agreement.source_id is not None:
        facts.setdefault(agreement.source_id, []).append("the text and its signature")
    if agreement.entry_into_force_source_id is not None:
        facts.setdefault(agreement.entry_into_force_source_id, []).append(
            "its entry into force"
        )
    for party in agreement.parties:
        if party.source_id is not None:
            dates.setdefault(party.source_id, []).append(
                names.get(party.state, party.state)
            )
    for declaration in agreement.declarations:
        if declaration.source_id is not None:
            declared.setdefault(declaration.source_id, []).append(
                names.get(declaration.state, declaration.state)
            )
    cited = list(dict.fromkeys([*facts, *dates, *declared]))
    known = queries.sources_by_id(session, cited)
    found = []
    for source_id in cited:
        what = list(facts.get(source_id, []))
        if source_id in dates:
            what.append("the dates of " + _joined(dates[source_id]))
        if source_id in declared:
            what.append("the declarations of " + _joined(declared[source_id]))
        # a dangling id still says where the fact came from
        source = known.get(source_id, Source(source_id, source_id))
        found.append(CitedSource(source, _joined(what)))
    return found


def _joined(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def entity_exists(session: Session, kind: str, entity_id: str) -> None:
    """NotFound unless the entity `kind`:`entity_id` exists (InputError for a kind
    that is not one of `vocab.ENTITY_KINDS`)."""
    if kind not in vocab.ENTITY_KINDS:
        raise InputError(
            f"kind {kind!r}: choose one of {', '.join(vocab.ENTITY_KINDS)}"
        )
    if kind in vocab.NUMBERED_KINDS and not entity_id.isdigit():
        raise NotFound(f"{kind} {entity_id!r}: ids are numbers")
    if history.entity_row(session, kind, entity_id) is None:
        raise NotFound(f"{kind} {entity_id!r} is not in the knowledge base")
