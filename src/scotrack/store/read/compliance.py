"""A commitment's compliance label on a day, a state's compliance year by year, and
the compliance report of a meeting's commitments by the G7/G20 Research Group's
method."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain.commitments import Assessment, Commitment, ComplianceSummary
from scotrack.errors import NotFound
from scotrack.store import models, rows
from scotrack.store.read.dashboard import compliance_label
from scotrack.store.read.tables import DateRange

METHOD = (
    "G7/G20 Research Group: each commitment scored +1 (full compliance), 0 (partial "
    "or under way) or -1 (none) by its latest assessment on the day; a mean is the "
    "mean score of the assessed commitments, inconclusive ones counted apart and "
    "left out of it"
)
"""How the report scores and averages, stated in every report."""


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


@dataclass(frozen=True, slots=True)
class ComplianceLine:
    """One commitment with its assessment in force on the report's day."""

    commitment: Commitment
    current: Assessment | None
    compliance: str
    """One of `vocab.COMPLIANCES`."""


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    on: date
    meeting: str | None
    made: DateRange
    """The days the commitments were made in (open: any)."""
    lines: tuple[ComplianceLine, ...]
    by_state: tuple[ComplianceSummary, ...]
    by_area: tuple[ComplianceSummary, ...]
    overall: ComplianceSummary


def compliance_report(
    session: Session,
    *,
    on: date,
    meeting: str | None = None,
    made: DateRange | None = None,
) -> ComplianceReport:
    """The commitments (of `meeting`, if given; made within `made`, if given),
    each one's assessment in force on `on`, and the mean scores per state (the
    commitment's actor) and per area.

    The G7/G20 Research Group's method: the mean of the scores of the assessed
    commitments; `inconclusive` ones are counted apart and left out of the mean.
    """
    query = select(models.Commitment).order_by(models.Commitment.id)
    if meeting is not None:
        if session.get(models.Meeting, meeting) is None:
            raise NotFound(f"meeting {meeting!r}: no such meeting")
        query = query.where(models.Commitment.meeting_id == meeting)
    made = made or DateRange()
    found = [
        commitment
        for commitment in map(rows.commitment_from_row, session.scalars(query))
        if made.holds(commitment.made_on)
    ]
    lines = tuple(
        ComplianceLine(
            c, commitment_rules.compliance(c, on=on), compliance_of(c, on=on)
        )
        for c in found
    )
    overall = commitment_rules.compliance_by(found, lambda _c: "all", on=on)
    return ComplianceReport(
        on,
        meeting,
        made,
        lines,
        tuple(commitment_rules.compliance_by(found, commitment_rules.by_actor, on=on)),
        tuple(commitment_rules.compliance_by(found, commitment_rules.by_area, on=on)),
        overall[0] if overall else ComplianceSummary("all", 0, 0, 0, None),
    )
