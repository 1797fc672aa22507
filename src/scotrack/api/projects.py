"""/api/v1/projects: cooperation projects, their countries and lifecycle."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.inputs import NAMING_FILTERS, by_id_or_prefix
from scotrack.api.paging import CursorParam, LimitParam, Page, page_of
from scotrack.api.schemas import OnParam, iso, on_day
from scotrack.domain.projects import LIFECYCLE, Lifecycle, Project
from scotrack.domain.vocab import Sector
from scotrack.store.read import portfolio, project_dossiers, queries

router = APIRouter(prefix="/projects", tags=["projects"])

STEPS = ", ".join(LIFECYCLE[:-1]) + " or " + LIFECYCLE[-1]
"""The lifecycle's steps in words, from the domain's one list (#15)."""


class ProjectStatusPublic(BaseModel):
    date: str | None
    status: Lifecycle = Field(description=f"The lifecycle step: {STEPS}.")
    source_id: str | None


class ProjectPublic(BaseModel):
    id: str
    name: str
    sector: str | None
    countries: list[str] = Field(description="State codes.")
    financing: str | None
    planned_start: str | None
    planned_end: str | None
    actual_start: str | None
    actual_end: str | None
    initiative: str | None
    history: list[ProjectStatusPublic]
    source_id: str | None


def project_public(project: Project) -> ProjectPublic:
    return ProjectPublic(
        id=project.id,
        name=project.name,
        sector=project.sector,
        countries=list(project.countries),
        financing=project.financing,
        planned_start=iso(project.planned_start),
        planned_end=iso(project.planned_end),
        actual_start=iso(project.actual_start),
        actual_end=iso(project.actual_end),
        initiative=project.initiative,
        history=[
            ProjectStatusPublic(
                date=iso(h.date), status=h.status, source_id=h.source_id
            )
            for h in project.history
        ],
        source_id=project.source_id,
    )


class ProjectRecordPublic(ProjectPublic):
    """One project, with the status its lifecycle reached by a day."""

    on: str = Field(description="The day the status is for.")
    status: Lifecycle | None = Field(
        description=f"The latest lifecycle step recorded by the day ({STEPS}; "
        "null: none recorded by then)."
    )


@router.get(
    "",
    response_model=Page[ProjectRecordPublic],
    summary="Projects, by name, with their status on a day",
    description="By name then id, each with the lifecycle step it reached by the "
    "day `on`, as `scotrack projects` and the page /projects list them.",
    responses=NAMING_FILTERS,
)
@readable
def list_projects(
    session: DbSession,
    sector: Annotated[Sector | None, Query(description="The sector.")] = None,
    country: Annotated[
        str | None,
        Query(max_length=100, description="A state taking part (code or name)."),
    ] = None,
    on: OnParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ProjectRecordPublic]:
    code = None if country is None else queries.find_state(session, country).code
    day = on_day(on)
    overview = portfolio.projects_overview(session, on=day, sector=sector, country=code)
    items, after = page_of(
        overview.rows, lambda r: (r.project.name, r.project.id), cursor, limit
    )
    return Page(
        items=[
            ProjectRecordPublic(
                **project_public(r.project).model_dump(),
                on=day.isoformat(),
                status=r.status,
            )
            for r in items
        ],
        next=after,
    )


@router.get(
    "/{project_id}",
    response_model=ProjectRecordPublic,
    summary="One project, with its status on a day",
    description="The id may be a unique prefix of 6 or more characters; the "
    "answer holds the full id.",
    responses=by_id_or_prefix("project"),
)
@readable
def get_project(
    session: DbSession,
    project_id: Annotated[
        str,
        Path(max_length=120, description="The id, or its first 6+ characters."),
    ],
    on: OnParam = None,
) -> ProjectRecordPublic:
    record = project_dossiers.project_record(session, project_id, on=on_day(on))
    return ProjectRecordPublic(
        **project_public(record.project).model_dump(),
        on=record.on.isoformat(),
        status=record.status,
    )
