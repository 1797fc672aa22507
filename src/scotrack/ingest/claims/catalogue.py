"""What entity resolution works with: the known entities (`Catalogue`), built by the
caller from the baseline or the database, and what it returns (`Resolution`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from scotrack.data import Baseline, City
from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Project
from scotrack.domain.states import State, StateIndex
from scotrack.domain.vocab import EntityKind

Proposal = Literal["link", "ambiguous", "new"]
PROPOSALS: tuple[Proposal, ...] = get_args(Proposal)
"""What resolution proposes for a claim, in the order groups are listed."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The known entities a claim may be about, as plain lists built by the caller.

    `bodies` maps meeting body codes to sco-extract/1 bodies and `cities` gives the
    aliases that make "Nur-Sultan" the same city as "Astana"; with `states` empty,
    membership claims are not checked against known state codes.
    """

    meetings: Sequence[Meeting] = ()
    agreements: Sequence[Agreement] = ()
    projects: Sequence[Project] = ()
    states: StateIndex | Sequence[State] = ()
    bodies: Sequence[Body] = ()
    cities: Sequence[City] = ()
    commitments: Sequence[Commitment] = ()
    membership: Sequence[StatusInterval] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A known entity a claim may be about: score 0-100 and the reasons for it."""

    entity_kind: EntityKind
    entity_id: str
    label: str
    score: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """Candidates best first, and what to do with the claim."""

    candidates: tuple[Candidate, ...]
    proposal: Proposal

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def catalogue_from_baseline(
    baseline: Baseline,
    *,
    projects: Sequence[Project] = (),
    commitments: Sequence[Commitment] = (),
) -> Catalogue:
    """A catalogue of the shipped baseline (which holds no projects or commitments).

    The SCO's meetings and agreements only: a claim is never about the Shanghai
    Five's (as `store.read.queries` lists them, #12)."""
    predecessors = {b.code for b in baseline.bodies if b.predecessor_of}
    return Catalogue(
        meetings=[m for m in baseline.meetings if m.body not in predecessors],
        agreements=[a for a in baseline.agreements if a.body is None],
        projects=projects,
        states=StateIndex(baseline.states),
        bodies=baseline.bodies,
        cities=baseline.cities,
        commitments=commitments,
        membership=baseline.membership,
    )


def interval_id(interval: StatusInterval) -> str:
    """`IND:member:2017-06-09`: status intervals have no id of their own."""
    return f"{interval.state}:{interval.status}:{interval.start or 'unknown'}"


def interval_label(interval: StatusInterval) -> str:
    since = f" from {interval.start}" if interval.start else ""
    until = f" to {interval.end}" if interval.end else ""
    return f"{interval.state} {interval.status}{since}{until}"
