"""Commitments (pledges, proposals, calls) and their compliance over time.

Compliance follows the G7/G20 Research Group's scale: -1 (no compliance or the
opposite), 0 (partial or work under way), +1 (full compliance), or `inconclusive`.
Assessments are dated; the latest one on or before a day is the compliance on that
day, so a later assessment can reverse an earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import Area, CommitmentKind

Score = Literal[-1, 0, 1, "inconclusive"]


@dataclass(frozen=True, slots=True)
class Target:
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Assessment:
    date: PartialDate
    score: Score
    note: str
    source_id: str | None = None
    evidence: str | None = None
    """The quoted span of `document_id`, or a citation when there is no document."""
    assessor: str | None = None
    document_id: str | None = None
    span: tuple[int, int] | None = None
    """[start, end) of the document's clean text."""


SCORES: tuple[Score, ...] = (1, 0, -1, "inconclusive")


PROGRESS_SCORE: dict[str, Score] = {
    "done": 1,
    "under way": 0,
    "not done": -1,
    "cancelled": -1,
}
"""How far a statement of implementation says a pledge went -> the score it
suggests: done is full compliance, under way partial, stalled or cancelled none
(#13)."""


def parse_score(text: str) -> Score:
    """`1`, `+1`, `0`, `-1` or `inconclusive` as a Score; ValueError otherwise."""
    word = text.strip().lower()
    if word == "inconclusive":
        return "inconclusive"
    if word in ("1", "+1"):
        return 1
    if word == "0":
        return 0
    if word == "-1":
        return -1
    raise ValueError(f"{text!r} is not a score (1, 0, -1 or inconclusive)")


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    actor: str
    kind: CommitmentKind
    area: Area | None
    text: str
    speaker: str | None = None
    target: Target | None = None
    deadline: PartialDate | None = None
    meeting_id: str | None = None
    made_on: PartialDate | None = None
    assessments: tuple[Assessment, ...] = ()
    source_id: str | None = None


def compliance(commitment: Commitment, *, on: date) -> Assessment | None:
    """The assessment in force on `on`: the latest one certainly made by then; of
    two for the same date, the one recorded later (it reverses the earlier)."""
    made = [
        (a.date.sort_key(), order, a)
        for order, a in enumerate(commitment.assessments)
        if a.date.on_or_before(on) is True
    ]
    if not made:
        return None
    return max(made, key=lambda found: found[:2])[2]


@dataclass(frozen=True, slots=True)
class ComplianceSummary:
    """Mean score of a group's assessed commitments (inconclusive counted apart)."""

    key: str
    commitments: int
    assessed: int
    inconclusive: int
    mean_score: float | None


def compliance_by(
    commitments: Sequence[Commitment],
    key: Callable[[Commitment], str | None],
    *,
    on: date,
) -> list[ComplianceSummary]:
    """Compliance aggregated by `key` (actor, area, year) as of `on`."""
    groups: dict[str, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        groups[key(commitment) or "unknown"].append(commitment)
    return [_summary(name, groups[name], on) for name in sorted(groups)]


def _summary(name: str, group: Iterable[Commitment], on: date) -> ComplianceSummary:
    scores: list[int] = []
    inconclusive = total = 0
    for commitment in group:
        total += 1
        current = compliance(commitment, on=on)
        if current is None:
            continue
        if current.score == "inconclusive":
            inconclusive += 1
        else:
            scores.append(current.score)
    mean = sum(scores) / len(scores) if scores else None
    return ComplianceSummary(
        name, total, len(scores) + inconclusive, inconclusive, mean
    )


def by_actor(commitment: Commitment) -> str:
    return commitment.actor


def by_area(commitment: Commitment) -> str | None:
    return commitment.area


def by_year(commitment: Commitment) -> str | None:
    return None if commitment.made_on is None else str(commitment.made_on.year)
