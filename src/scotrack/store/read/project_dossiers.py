"""A project's dossier: its lifecycle in date order with each step's source, the
documents that report it and the sentences of its accepted claims (`project_record`,
the one read of a project: its page, `GET /api/v1/projects/{id}` and `scotrack
project`, #15). A commitment's dossier is in `dossiers`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from scotrack.domain import projects as project_rules
from scotrack.domain.projects import Lifecycle, Project
from scotrack.domain.sources import Source
from scotrack.store import identity, models, rows
from scotrack.store.read import queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.dossiers import Sentence, evidence_sentences


def find_project(session: Session, ref: str) -> models.Project:
    """The project whose id is `ref`, or the one whose id starts with it."""
    return identity.by_id_or_prefix(session, models.Project, "project", ref)


@dataclass(frozen=True, slots=True)
class StatusStep:
    """One dated step of a project's lifecycle, with its source."""

    date: str | None
    status: Lifecycle
    iati_code: int
    source: Source | None
    current: bool


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    project: Project
    on: date
    status: Lifecycle | None
    """The status reached by `on` (None before any dated step)."""
    steps: tuple[StatusStep, ...]
    source: Source | None
    documents: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    initiative: str | None
    """The initiative's name, when the project belongs to one."""
    state_names: dict[str, str]


def project_record(session: Session, ref: str, *, on: date) -> ProjectRecord:
    """The project `ref` names (its id or a unique prefix: `find_project`) with
    its lifecycle in date order, as of `on`. The one read of a project: its page,
    `GET /api/v1/projects/{id}` and `scotrack project` (#15)."""
    row = find_project(session, ref)
    project = rows.project_from_row(row)
    status = project_rules.project_status(project, on=on)
    ordered = sorted(
        enumerate(project.history),
        key=lambda item: (
            (9999, 99, 99) if item[1].date is None else item[1].date.sort_key(),
            item[0],
        ),
    )
    current = _current_step(project, on)
    cited = queries.sources_by_id(
        session, [project.source_id, *(c.source_id for c in project.history)]
    )
    steps = tuple(
        StatusStep(
            None if change.date is None else str(change.date),
            change.status,
            project_rules.IATI_ACTIVITY_STATUS[change.status],
            cited.get(change.source_id or ""),
            change is current,
        )
        for _, change in ordered
    )
    initiative = (
        None
        if row.initiative_id is None
        else session.get(models.Initiative, row.initiative_id)
    )
    return ProjectRecord(
        project,
        on,
        status,
        steps,
        cited.get(project.source_id or ""),
        tuple(
            queries.supporting_sources(session, "project", [project.id]).get(
                project.id, []
            )
        ),
        tuple(evidence_sentences(session, "project", project.id)),
        None if initiative is None else initiative.name,
        state_names(session),
    )


def _current_step(project: Project, on: date) -> project_rules.StatusChange | None:
    reached = [
        (c.date.sort_key(), order, c)
        for order, c in enumerate(project.history)
        if c.date is not None and c.date.on_or_before(on) is True
    ]
    return max(reached, key=lambda found: found[:2])[2] if reached else None
