"""Agreements on a day: the ratification matrix (states x agreements), and the
slug of one party's status in a cell (one agreement's record is
`profiles.agreement_record`).

Cell statuses are the domain's party statuses, spelled as slugs (`in-force`,
`not-signed`), plus `unknown` where the dates are too coarse to tell or the
sources do not record a signatory's instrument; each `unknown` cell carries what
is missing (`MatrixRow.gaps`, #12).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from scotrack.domain import agreement_status as status_rules
from scotrack.domain.agreements import Agreement, PartyOnDay
from scotrack.store.read import queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.summaries import Summaries

CELL_STATUSES = (
    "in-force",
    "ratified",
    "acceded",
    "signed",
    "not-signed",
    "not-a-party",
    "withdrawn",
    "unknown",
)
CELL_LABELS = {
    "in-force": "in force",
    "ratified": "ratified",
    "acceded": "acceded",
    "signed": "signed",
    "not-signed": "not signed",
    "not-a-party": "not a party",
    "withdrawn": "withdrawn",
    "unknown": "unclear",
}
CELL_HINTS = {
    "in-force": "bound by it on this day",
    "ratified": "instrument of ratification recorded, not yet in force for it",
    "acceded": "acceded; no rule or source gives the day it is bound from",
    "signed": "signed, no ratification recorded",
    "not-signed": "not a signatory",
    "not-a-party": "accedes later: not yet a party",
    "withdrawn": "withdrew",
    "unknown": "undecided: each such cell says what is missing",
}


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    id: str
    title: str
    signed: str | None
    in_force: bool | None


@dataclass(frozen=True, slots=True)
class MatrixRow:
    code: str
    name: str
    cells: tuple[str, ...]
    """One CELL_STATUSES slug per column."""
    gaps: tuple[str | None, ...] = ()
    """Per column, what is missing to decide an `unknown` cell (else None):
    `domain.status_gaps` (#12)."""


@dataclass(frozen=True, slots=True)
class RatificationMatrix:
    on: date
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


def cell_status(party: PartyOnDay, *, in_force: bool | None = None) -> str:
    """The matrix slug of one party's status on a day.

    Uncertain dates give `unknown`; so does a signatory with no recorded
    instrument while the agreement is in force (`in_force`): it may well have
    ratified, the sources just do not say.
    """
    if not party.certain:
        return "unknown"
    if party.status == "signed" and in_force is True:
        return "unknown"
    return party.status.replace(" ", "-")


def ratification_matrix(
    session: Session,
    *,
    on: date,
    known: Sequence[Agreement] | None = None,
    summaries: Summaries | None = None,
) -> RatificationMatrix:
    """Every agreement's status for every state party to any of them, on `on`;
    `known`: every agreement, when the caller has them already (#18); with
    `summaries`, the matrix of a day is worked out once per knowledge-base
    version and kept there (#18).

    Texts no state is a party to (regulations, strategies, plans approved by a
    Council decision) have no column: every cell would be empty (#12).
    """
    if summaries is not None:
        kept: RatificationMatrix = summaries.get(
            session,
            ("ratification matrix", on),
            lambda: ratification_matrix(session, on=on, known=known),
        )
        return kept
    read = queries.agreements(session) if known is None else known
    everything = [a for a in read if a.parties]
    names = state_names(session)
    codes = sorted(
        {party.state for agreement in everything for party in agreement.parties},
        key=lambda code: names.get(code, code),
    )
    statuses = [status_rules.status(a, on=on, states=codes) for a in everything]
    columns = tuple(
        MatrixColumn(
            a.id,
            a.title,
            None if a.signed_date is None else str(a.signed_date),
            answer.in_force,
        )
        for a, answer in zip(everything, statuses, strict=True)
    )
    rows = tuple(
        MatrixRow(
            code,
            names.get(code, code),
            tuple(
                cell_status(answer.parties[index], in_force=answer.in_force)
                for answer in statuses
            ),
            tuple(answer.parties[index].unclear for answer in statuses),
        )
        for index, code in enumerate(codes)
    )
    return RatificationMatrix(on, columns, rows)
