"""The commitments table: the one list of commitments the CLI, the API and the web
app show, each with its compliance on a day (the latest assessment made by then),
filtered, sorted by any column, with facet counts (#14).

Commitments are hundreds at most, so the table is read whole and sorted and
counted here; the surfaces page it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain.commitments import Assessment, Commitment
from scotrack.domain.vocab import AREAS, COMMITMENT_KINDS, COMPLIANCES
from scotrack.store import models
from scotrack.store.read import queries
from scotrack.store.read.compliance import compliance_of
from scotrack.store.read.tables import (
    DateRange,
    Facet,
    Sort,
    check_choice,
    count_facets,
    parse_sort,
    sorted_by,
)


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """A commitment and its compliance on the table's day."""

    commitment: Commitment
    current: Assessment | None
    """The assessment in force on the day (None: not assessed by then)."""
    compliance: str
    """One of `vocab.COMPLIANCES`: complied, partly, not complied, inconclusive or
    unassessed."""

    @property
    def score(self) -> int | str | None:
        """1, 0, -1, `inconclusive`, or None when unassessed."""
        return None if self.current is None else self.current.score


def _score(line: CommitmentLine) -> int | None:
    """The score as a number to sort by (inconclusive and unassessed: none)."""
    score = line.score
    return score if isinstance(score, int) else None


def _made(line: CommitmentLine) -> tuple[int, int, int] | None:
    made = line.commitment.made_on
    return None if made is None else made.sort_key()


SORTS: dict[str, Callable[[CommitmentLine], Any]] = {
    "made": _made,
    "actor": lambda c: c.commitment.actor,
    "speaker": lambda c: c.commitment.speaker,
    "kind": lambda c: c.commitment.kind,
    "area": lambda c: c.commitment.area,
    "text": lambda c: c.commitment.text.casefold(),
    "meeting": lambda c: c.commitment.meeting_id,
    "compliance": _score,
    "id": lambda c: c.commitment.id,
}
"""The columns a commitments table sorts by (compliance: by score, -1 to 1;
inconclusive and unassessed last)."""
FACETS: dict[str, Callable[[CommitmentLine], Any]] = {
    "actor": lambda c: c.commitment.actor,
    "kind": lambda c: c.commitment.kind,
    "area": lambda c: c.commitment.area,
    "year": lambda c: commitment_rules.by_year(c.commitment),
    "meeting": lambda c: c.commitment.meeting_id,
    "compliance": lambda c: c.compliance,
}
"""The fields a commitments table counts."""
DEFAULT_SORT = Sort("made")


@dataclass(frozen=True, slots=True)
class CommitmentQuery:
    """Which commitments a table holds, compliance on which day, in what order."""

    on: date
    actor: str | None = None
    kind: str | None = None
    area: str | None = None
    year: int | None = None
    meeting: str | None = None
    compliance: str | None = None
    dates: DateRange = field(default_factory=DateRange)
    sort: Sort = DEFAULT_SORT


@dataclass(frozen=True, slots=True)
class CommitmentTable:
    """The commitments matching the filters in `sort` order, and their facets."""

    on: date
    lines: tuple[CommitmentLine, ...]
    facets: tuple[Facet, ...]
    sort: Sort


def commitment_sort(text: str | None) -> Sort:
    """`--sort`/`?sort=` for commitments: a column of SORTS, `-` for descending."""
    return parse_sort(text, tuple(SORTS), DEFAULT_SORT)


def commitment_line(commitment: Commitment, on: date) -> CommitmentLine:
    """`commitment` with its compliance on `on`."""
    current = commitment_rules.compliance(commitment, on=on)
    return CommitmentLine(commitment, current, compliance_of(commitment, on=on))


def commitment_table(session: Session, query: CommitmentQuery) -> CommitmentTable:
    """Commitments of `actor` (a state code or name, or SCO), of `kind`, in `area`,
    made in `year` and within `dates`, at `meeting` (an id), whose compliance on
    the day is `compliance` (a label, or `unassessed`); sorted by `query.sort`
    (ties by date made, then id; those without the value last).

    InputError for a value not in its list; NotFound for an unknown state or
    meeting.
    """
    check_choice("kind", query.kind, COMMITMENT_KINDS)
    check_choice("area", query.area, AREAS)
    check_choice("compliance", query.compliance, COMPLIANCES)
    actor = query.actor
    if actor is not None and actor.strip().upper() == "SCO":
        actor = "SCO"
    elif actor is not None:
        actor = queries.find_state(session, actor).code
    if query.meeting is not None:
        queries.meeting(session, query.meeting)  # NotFound for an unknown one
    found = queries.commitments(  # by date made, then id
        session, actor=actor, area=query.area, kind=query.kind, meeting=query.meeting
    )
    kept = []
    for commitment in found:
        made = commitment.made_on
        if query.year is not None and (made is None or made.year != query.year):
            continue
        if not query.dates.holds(made):
            continue
        line = commitment_line(commitment, query.on)
        if query.compliance is None or line.compliance == query.compliance:
            kept.append(line)
    return CommitmentTable(
        query.on,
        tuple(sorted_by(kept, query.sort, SORTS)),
        tuple(count_facets(kept, FACETS)),
        query.sort,
    )


@dataclass(frozen=True, slots=True)
class CommitmentChoices:
    """What the filters of a commitments table can take."""

    actors: tuple[str, ...]
    meetings: tuple[str, ...]


def commitment_choices(session: Session) -> CommitmentChoices:
    """Every actor and meeting id that has commitments."""
    actors = session.scalars(select(models.Commitment.actor).distinct())
    meetings = session.scalars(
        select(models.Commitment.meeting_id)
        .where(models.Commitment.meeting_id.is_not(None))
        .distinct()
    )
    return CommitmentChoices(
        tuple(sorted(actors)), tuple(sorted(m for m in meetings if m))
    )
