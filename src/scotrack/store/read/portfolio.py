"""Cooperation projects, filtered by sector and country, with their status today
and counts by sector and by country for the charts; the initiatives they may
belong to, each with its source and its count of projects (#12)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.domain import projects as project_rules
from scotrack.domain.projects import Initiative, Project
from scotrack.domain.sources import Source
from scotrack.store import models
from scotrack.store.read import profiles, queries
from scotrack.store.read.dashboard import state_names


@dataclass(frozen=True, slots=True)
class ProjectRow:
    project: Project
    status: str | None
    """The lifecycle status reached by the overview's day (None: none recorded)."""


@dataclass(frozen=True, slots=True)
class ProjectsOverview:
    on: date
    rows: tuple[ProjectRow, ...]
    by_sector: Counter[str]
    by_country: Counter[str]
    state_names: dict[str, str]
    sectors: tuple[str, ...]
    countries: tuple[str, ...]
    """Every sector and country code that has projects (for the filters)."""


def projects_overview(
    session: Session,
    *,
    on: date,
    sector: str | None = None,
    country: str | None = None,
) -> ProjectsOverview:
    """Projects in `sector` involving `country` (each optional), with counts."""
    found = sorted(
        profiles.projects(session, sector=sector, country=country),
        key=lambda p: (p.name, p.id),
    )
    listed = tuple(ProjectRow(p, project_rules.project_status(p, on=on)) for p in found)
    by_sector: Counter[str] = Counter(str(p.sector or "unknown") for p in found)
    by_country = Counter(code for p in found for code in p.countries)
    sectors = session.scalars(
        select(models.Project.sector)
        .where(models.Project.sector.is_not(None))
        .distinct()
    )
    countries = session.scalars(select(models.ProjectCountry.state_id).distinct())
    names = state_names(session)
    return ProjectsOverview(
        on,
        listed,
        by_sector,
        by_country,
        names,
        tuple(sorted(s for s in sectors if s)),
        tuple(sorted(countries, key=lambda c: names.get(c, c))),
    )


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    initiative: Initiative
    source: Source | None
    projects: int
    """How many projects of the knowledge base belong to it."""


def initiative_table(session: Session) -> tuple[InitiativeRow, ...]:
    """Every initiative (BRI, GDI, GSI, ...), earliest proposed first, with its
    source and its count of projects."""
    found = queries.initiatives(session)
    cited = queries.sources_by_id(session, [i.source_id for i in found])
    counts = dict(
        session.execute(
            select(models.Project.initiative_id, func.count())
            .where(models.Project.initiative_id.is_not(None))
            .group_by(models.Project.initiative_id)
        ).all()
    )
    ordered = sorted(
        found,
        key=lambda i: (
            i.proposed_on.sort_key() if i.proposed_on else (9999, 0, 0),
            i.code,
        ),
    )
    return tuple(
        InitiativeRow(i, cited.get(i.source_id or ""), counts.get(i.code, 0))
        for i in ordered
    )
