"""One state's whole record: its status history, meetings hosted, agreements
with its status in each, commitments and projects (a meeting's whole record is
`outcomes.meeting_outcomes`, an agreement's `profiles.agreement_record`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from scotrack.domain import agreement_status as status_rules
from scotrack.domain.agreements import Agreement, PartyOnDay
from scotrack.domain.projects import Project
from scotrack.store.read import profiles, queries
from scotrack.store.read.dashboard import body_names
from scotrack.store.read.matrix import cell_status
from scotrack.store.read.queries import StateProfile
from scotrack.store.read.summaries import Summaries


@dataclass(frozen=True, slots=True)
class PartyInAgreement:
    """A state's status in one agreement on a day, and whether the agreement
    itself was in force then (which the matrix's slug depends on)."""

    party: PartyOnDay
    in_force: bool | None

    @property
    def cell(self) -> str:
        """The matrix slug of the status (`in-force`, `unknown`, ...)."""
        return cell_status(self.party, in_force=self.in_force)


@dataclass(frozen=True, slots=True)
class StateRecord:
    profile: StateProfile
    on: date
    statuses: dict[str, PartyInAgreement]
    """Agreement id -> the state's status in it on `on`."""
    projects: tuple[Project, ...]
    body_names: dict[str, str]

    @property
    def agreement_status(self) -> dict[str, str]:
        """Agreement id -> the state's matrix status (a slug) in it on `on`."""
        return {key: found.cell for key, found in self.statuses.items()}


def party_statuses(
    session: Session,
    code: str,
    on: date,
    *,
    known: Sequence[Agreement] | None = None,
) -> dict[str, PartyInAgreement]:
    """State `code`'s status on `on` in each agreement it is a party to, by
    agreement id: the one computation of it, for `GET /api/v1/states/{code}` and
    the page /states/{code} (#15). `known`: every agreement, when the caller has
    them already (#18)."""
    found = {}
    for agreement in queries.agreements(session) if known is None else known:
        if agreement.party(code) is None:
            continue
        answer = status_rules.status(agreement, on=on, states=[code])
        found[agreement.id] = PartyInAgreement(answer.parties[0], answer.in_force)
    return found


def state_record(
    session: Session,
    code: str,
    *,
    on: date,
    known: Sequence[Agreement] | None = None,
    summaries: Summaries | None = None,
) -> StateRecord:
    """The state `code` names (its code, name or adjective: `queries.find_state`):
    its profile, its status in each of its agreements on `on`, and its projects;
    NotFound for an unknown state. The one read of a state for the API and the
    page (#15). `known`: every agreement, when the caller has them already (#18).

    With `summaries`, the record of a state on a day is read once per
    knowledge-base version and kept there (#18): its 16 queries were about half
    of the state page's CPU and of `GET /api/v1/states/{code}`'s, on every
    request, and everything they read (the curated record, claims, reviews)
    moves the version when it changes."""
    found = queries.find_state(session, code).code
    if summaries is None:
        return _state_record(session, found, on, known)
    kept: StateRecord = summaries.get(
        session,
        ("state record", found, on),
        lambda: _state_record(session, found, on, known),
    )
    return kept


def _state_record(
    session: Session, code: str, on: date, known: Sequence[Agreement] | None
) -> StateRecord:
    profile = queries.state_profile(session, code)
    return StateRecord(
        profile,
        on,
        party_statuses(session, code, on, known=known),
        tuple(profiles.projects(session, country=code)),
        body_names(session),
    )
