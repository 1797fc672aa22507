"""Commitments with their compliance, filtered, and counted by actor and by year
for the compliance charts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain.commitments import Commitment, ComplianceSummary
from scotrack.store import models, rows
from scotrack.store.dashboard import compliance_label, state_names


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    commitment: Commitment
    compliance: str
    """One of COMPLIANCE_LABELS, as of the overview's day."""


@dataclass(frozen=True, slots=True)
class CommitmentsOverview:
    on: date
    rows: tuple[CommitmentRow, ...]
    by_actor: dict[str, Counter[str]]
    """Actor code -> compliance label -> commitments."""
    by_year: dict[str, Counter[str]]
    state_names: dict[str, str]
    actors: tuple[str, ...]
    meetings: tuple[str, ...]
    """Every actor and meeting id that has commitments (for the filters)."""


def compliance_of(commitment: Commitment, *, on: date) -> str:
    current = commitment_rules.compliance(commitment, on=on)
    if current is None:
        return "unassessed"
    score = current.score
    return compliance_label(None if score == "inconclusive" else score)


def commitments_overview(
    session: Session,
    *,
    on: date,
    actor: str | None = None,
    area: str | None = None,
    kind: str | None = None,
    meeting: str | None = None,
) -> CommitmentsOverview:
    """Commitments matching the filters, their compliance on `on` and its counts."""
    query = select(models.Commitment)
    if actor is not None:
        query = query.where(models.Commitment.actor == actor.upper())
    if area is not None:
        query = query.where(models.Commitment.area == area)
    if kind is not None:
        query = query.where(models.Commitment.kind == kind)
    if meeting is not None:
        query = query.where(models.Commitment.meeting_id == meeting)
    found = sorted(
        (rows.commitment_from_row(row) for row in session.scalars(query)),
        key=lambda c: (c.made_on.sort_key() if c.made_on else (9999, 0, 0), c.id),
    )
    listed = tuple(CommitmentRow(c, compliance_of(c, on=on)) for c in found)
    by_actor: dict[str, Counter[str]] = {}
    by_year: dict[str, Counter[str]] = {}
    for row in listed:
        by_actor.setdefault(row.commitment.actor, Counter())[row.compliance] += 1
        year = commitment_rules.by_year(row.commitment) or "undated"
        by_year.setdefault(year, Counter())[row.compliance] += 1
    actors = session.scalars(select(models.Commitment.actor).distinct())
    meetings = session.scalars(
        select(models.Commitment.meeting_id)
        .where(models.Commitment.meeting_id.is_not(None))
        .distinct()
    )
    return CommitmentsOverview(
        on,
        listed,
        dict(sorted(by_actor.items())),
        dict(sorted(by_year.items())),
        state_names(session),
        tuple(sorted(actors)),
        tuple(sorted(m for m in meetings if m)),
    )


@dataclass(frozen=True, slots=True)
class YearEnd:
    """A state's compliance as it stood at the end of a year (or on the day asked,
    for that day's year)."""

    year: int
    on: date
    summary: ComplianceSummary


@dataclass(frozen=True, slots=True)
class StateCompliance:
    """A state's commitments' compliance on `on` and how it changed year by year,
    by the report's method (mean of the assessed scores, inconclusive apart)."""

    code: str
    on: date
    summary: ComplianceSummary
    years: tuple[YearEnd, ...]
    """From the year of the first assessment to `on`'s year; empty if none."""


def state_compliance(session: Session, code: str, *, on: date) -> StateCompliance:
    """The compliance of the commitments `code` made (its actor code), on `on`."""
    code = code.upper()
    query = select(models.Commitment).where(models.Commitment.actor == code)
    found = [rows.commitment_from_row(row) for row in session.scalars(query)]
    dated = [a.date.first_day() for c in found for a in c.assessments]
    first = min(dated, default=None)
    years: tuple[YearEnd, ...] = ()
    if first is not None and first <= on:
        years = tuple(
            YearEnd(year, day, _summary(code, found, day))
            for year in range(first.year, on.year + 1)
            for day in (min(date(year, 12, 31), on),)
        )
    return StateCompliance(code, on, _summary(code, found, on), years)


def _summary(code: str, found: list[Commitment], on: date) -> ComplianceSummary:
    groups = commitment_rules.compliance_by(found, lambda _c: code, on=on)
    return groups[0] if groups else ComplianceSummary(code, 0, 0, 0, None)
