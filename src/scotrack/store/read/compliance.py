"""A commitment's compliance label on a day, and a state's compliance year by year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain.commitments import Commitment, ComplianceSummary
from scotrack.store import models, rows
from scotrack.store.read.dashboard import compliance_label


def compliance_of(commitment: Commitment, *, on: date) -> str:
    current = commitment_rules.compliance(commitment, on=on)
    if current is None:
        return "unassessed"
    score = current.score
    return compliance_label(None if score == "inconclusive" else score)


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
