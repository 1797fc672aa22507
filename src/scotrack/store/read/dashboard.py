"""The dashboard's figures: members now, the latest meetings, agreements with
their ratification counts, commitments by compliance, and the review backlog.

Everything is a few bounded queries: counts come from GROUP BY, never from
loading the documents or claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from scotrack.domain import agreement_status as status_rules
from scotrack.domain.meetings import Meeting
from scotrack.domain.vocab import COMPLIANCES, SCORE_COMPLIANCE, Compliance
from scotrack.store import models, rows
from scotrack.store.provenance import Claim, Document
from scotrack.store.read import agreements as agreement_rows
from scotrack.store.read import listings, queries
from scotrack.store.read.summaries import Summaries

LATEST_MEETINGS = 8


@dataclass(frozen=True, slots=True)
class NamedState:
    code: str
    name: str
    certain: bool = True


@dataclass(frozen=True, slots=True)
class AgreementTally:
    """How many parties have ratified an agreement (or are bound by it) on a day."""

    id: str
    title: str
    signed: str | None
    ratified: int
    parties: int
    in_force: bool | None


@dataclass(frozen=True, slots=True)
class PredecessorCount:
    """The meetings and agreements of a body that preceded the SCO: not the
    SCO's, so counted apart from its own (#12)."""

    code: str
    name: str
    predecessor_of: str
    meetings: int
    agreements: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    on: date
    members: tuple[NamedState, ...]
    latest_meetings: tuple[Meeting, ...]
    body_names: dict[str, str]
    agreements: tuple[AgreementTally, ...]
    compliance: dict[str, int]
    """`vocab.COMPLIANCES` -> number of commitments."""
    claims: dict[str, int]
    """Claim status -> count."""
    documents_pending: int
    """Documents with at least one pending claim."""
    documents: int
    predecessors: tuple[PredecessorCount, ...] = ()
    """Counted apart: `agreements` and `latest_meetings` are the SCO's only."""


def state_names(session: Session) -> dict[str, str]:
    """Each state's name by code (one query, no aliases)."""
    found = session.execute(select(models.State.id, models.State.name))
    return dict(found.all())


def body_names(session: Session) -> dict[str, str]:
    found = session.execute(select(models.Body.id, models.Body.name))
    return dict(found.all())


def latest_meetings(session: Session, *, limit: int = LATEST_MEETINGS) -> list[Meeting]:
    """The SCO's `limit` most recent meetings, newest first (a predecessor's are
    not the SCO's, #12)."""
    query = (
        select(models.Meeting)
        .where(models.Meeting.start_date.is_not(None))
        .where(models.Meeting.body_id.not_in(_predecessor_codes()))
        .order_by(models.Meeting.start_date.desc(), models.Meeting.id)
        .limit(limit)
    )
    return [rows.meeting_from_row(row) for row in session.scalars(query)]


def _predecessor_codes() -> Select[str]:
    return select(models.Body.id).where(models.Body.predecessor_of.is_not(None))


def predecessor_counts(session: Session) -> list[PredecessorCount]:
    """Each predecessor body's meetings and agreements, by code (#12)."""
    meetings = dict(
        session.execute(
            select(models.Meeting.body_id, func.count())
            .where(models.Meeting.body_id.in_(_predecessor_codes()))
            .group_by(models.Meeting.body_id)
        ).all()
    )
    agreements = dict(
        session.execute(
            select(models.Agreement.body_id, func.count())
            .where(models.Agreement.body_id.is_not(None))
            .group_by(models.Agreement.body_id)
        ).all()
    )
    found = session.execute(
        select(models.Body.id, models.Body.name, models.Body.predecessor_of).order_by(
            models.Body.id
        )
    )
    return [
        PredecessorCount(
            code, name, preceded, meetings.get(code, 0), agreements.get(code, 0)
        )
        for code, name, preceded in found
        if preceded is not None
    ]


def agreement_tallies(session: Session, *, on: date) -> list[AgreementTally]:
    tallies = []
    for agreement in queries.agreements(session):
        answer = status_rules.status(agreement, on=on)
        ratified = agreement_rows.ratified_count(answer)
        tallies.append(
            AgreementTally(
                agreement.id,
                agreement.title,
                None if agreement.signed_date is None else str(agreement.signed_date),
                ratified,
                len(answer.parties),
                answer.in_force,
            )
        )
    return tallies


def compliance_counts(session: Session, *, on: date) -> dict[str, int]:
    """Commitments by their compliance on `on` (the latest assessment by then)."""
    total = session.scalar(select(func.count()).select_from(models.Commitment)) or 0
    found = session.execute(
        select(
            models.Assessment.commitment_id,
            models.Assessment.assessed_date,
            models.Assessment.score,
        ).where(models.Assessment.assessed_date <= on.isoformat())
    )
    latest: dict[str, tuple[str, int | None]] = {}
    for commitment_id, assessed, score in found:
        if commitment_id not in latest or assessed >= latest[commitment_id][0]:
            latest[commitment_id] = (assessed, score)
    counts: dict[str, int] = dict.fromkeys(COMPLIANCES, 0)
    for _assessed, score in latest.values():
        counts[compliance_label(score)] += 1
    counts["unassessed"] = total - len(latest)
    return counts


def compliance_label(score: int | str | None) -> Compliance:
    """The display group of a compliance score (None: inconclusive)."""
    if isinstance(score, int) and score in SCORE_COMPLIANCE:
        return SCORE_COMPLIANCE[score]
    return "inconclusive"


def claim_counts(session: Session) -> tuple[dict[str, int], int]:
    """Claims by status, and how many documents have pending ones: one pass over
    the (status, document_id) index."""
    found = session.execute(
        select(
            Claim.status, func.count(), func.count(func.distinct(Claim.document_id))
        ).group_by(Claim.status)
    )
    counts = {"pending": 0, "accepted": 0, "rejected": 0}
    documents = 0
    for status, count, distinct in found:
        counts[status] = int(count)
        if status == "pending":
            documents = int(distinct)
    return counts, documents


def dashboard(
    session: Session, *, on: date, summaries: Summaries | None = None
) -> Dashboard:
    """The dashboard's figures as of `on`; with `summaries`, the claim counts and
    the agreement tallies are computed once per knowledge-base version (#18)."""
    from scotrack.store.provenance import Document

    kept = Summaries() if summaries is None else summaries
    names = state_names(session)
    members = [
        NamedState(answer.state, names.get(answer.state, answer.state), answer.certain)
        for answer in queries.members_on(session, on)
    ]
    claims, pending_documents = kept.get(
        session, "claim_counts", lambda: claim_counts(session)
    )
    tallies = kept.get(
        session, ("agreement_tallies", on), lambda: agreement_tallies(session, on=on)
    )
    documents = session.scalar(select(func.count()).select_from(Document))
    return Dashboard(
        on=on,
        members=tuple(sorted(members, key=lambda m: m.name)),
        latest_meetings=tuple(latest_meetings(session)),
        body_names=body_names(session),
        agreements=tuple(tallies),
        compliance=compliance_counts(session, on=on),
        claims=claims,
        documents_pending=pending_documents,
        documents=int(documents or 0),
        predecessors=tuple(predecessor_counts(session)),
    )


@dataclass(frozen=True, slots=True)
class Holdings:
    """How much a knowledge base holds (GET /api/v1)."""

    counts: dict[str, int]
    """Rows of each kind of record, documents and claims; meetings and
    agreements the SCO's only (#12)."""
    last_change: int | None
    """The newest change's id; None before the first."""
    predecessors: tuple[PredecessorCount, ...] = ()
    """The meetings and agreements of the SCO's predecessors, counted apart."""


HELD = {
    "states": models.State,
    "meetings": models.Meeting,
    "agreements": models.Agreement,
    "commitments": models.Commitment,
    "projects": models.Project,
    "documents": Document,
    "claims": Claim,
}


def holdings(session: Session) -> Holdings:
    """The count of each kind in HELD (the SCO's meetings and agreements, its
    predecessors' apart) and the newest change's id."""
    counts = {
        name: session.scalar(select(func.count()).select_from(model)) or 0
        for name, model in HELD.items()
    }
    predecessors = predecessor_counts(session)
    counts["meetings"] -= sum(p.meetings for p in predecessors)
    counts["agreements"] -= sum(p.agreements for p in predecessors)
    return Holdings(counts, listings.last_change_id(session), tuple(predecessors))
