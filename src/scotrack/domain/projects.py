"""Cooperation projects with a dated status lifecycle, and initiatives.

Lifecycle: pledged -> agreed -> under way -> completed, or suspended / cancelled at
any point. Each status maps to an IATI activity-status code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import Sector

Lifecycle = Literal[
    "pledged", "agreed", "under way", "completed", "suspended", "cancelled"
]
LIFECYCLE: tuple[Lifecycle, ...] = (
    "pledged",
    "agreed",
    "under way",
    "completed",
    "suspended",
    "cancelled",
)

IATI_ACTIVITY_STATUS: dict[Lifecycle, int] = {
    # IATI ActivityStatus codelist: 1 Pipeline/identification, 2 Implementation,
    # 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended
    "pledged": 1,
    "agreed": 1,
    "under way": 2,
    "completed": 4,
    "cancelled": 5,
    "suspended": 6,
}

EXTRACTION_STATUS: dict[str, Lifecycle] = {
    "planned": "agreed",
    "underway": "under way",
    "completed": "completed",
}
"""sco-extract/1 project status -> lifecycle status."""


@dataclass(frozen=True, slots=True)
class StatusChange:
    date: PartialDate | None
    status: Lifecycle
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    sector: Sector | None
    countries: tuple[str, ...] = ()
    financing: str | None = None
    planned_start: PartialDate | None = None
    planned_end: PartialDate | None = None
    actual_start: PartialDate | None = None
    actual_end: PartialDate | None = None
    initiative: str | None = None
    history: tuple[StatusChange, ...] = ()
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Initiative:
    code: str
    name: str
    proposed_by: str | None = None
    proposed_on: PartialDate | None = None
    aliases: tuple[str, ...] = ()
    source_id: str | None = None


def project_status(project: Project, *, on: date) -> Lifecycle | None:
    """The latest status certainly reached by `on` (None before any is recorded)."""
    reached = [
        c
        for c in project.history
        if c.date is not None and c.date.on_or_before(on) is True
    ]
    if not reached:
        return None
    return max(
        reached,
        key=lambda c: (
            c.date.sort_key() if c.date else (0, 0, 0),
            LIFECYCLE.index(c.status),
        ),
    ).status


def iati_code(status: Lifecycle) -> int:
    return IATI_ACTIVITY_STATUS[status]


PROGRESS_STATUS: dict[str, Lifecycle] = {
    "done": "completed",
    "under way": "under way",
    "not done": "suspended",
    "cancelled": "cancelled",
}
"""How far a statement of implementation says a project went -> its status (#13)."""

_ORDER: dict[Lifecycle, int] = {"pledged": 0, "agreed": 1, "under way": 2}


def can_move(current: Lifecycle | None, proposed: Lifecycle) -> bool:
    """Whether a project whose latest status is `current` may move to `proposed`.

    Forward along pledged -> agreed -> under way -> completed; suspended or
    cancelled from any open step; a suspended project may resume (under way) or
    be cancelled. A completed or cancelled project is closed: nothing follows, and
    no step repeats the current one.
    """
    if current == proposed or current in ("completed", "cancelled"):
        return False
    if current is None or proposed in ("suspended", "cancelled"):
        return True
    if current == "suspended":
        return proposed in ("under way", "completed")
    if proposed == "completed":
        return True
    return _ORDER.get(proposed, -1) > _ORDER[current]


def latest_status(history: tuple[StatusChange, ...]) -> Lifecycle | None:
    """The status of the last recorded step (in the order recorded), if any."""
    return history[-1].status if history else None
