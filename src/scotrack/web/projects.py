"""Cooperation projects with charts by sector and by country (/projects), and
the initiatives they may belong to (/initiatives, #12)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.portfolio import initiative_table, projects_overview
from scotrack.web import charts
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)

Filter = Annotated[str | None, Query(max_length=120)]


@router.get("/projects")
@readable
def projects_page(
    request: Request,
    session: DbSession,
    sector: Filter = None,
    country: Filter = None,
    format: FormatParam = "html",
) -> Response:
    overview = projects_overview(
        session, on=date.today(), sector=sector or None, country=country or None
    )
    names = overview.state_names
    rows = [
        {
            "id": r.project.id,
            "name": r.project.name,
            "sector": r.project.sector,
            "countries": list(r.project.countries),
            "status": r.status,
            "financing": r.project.financing,
        }
        for r in overview.rows
    ]
    by_sector = charts.stacked_bars(
        [(s, {"project": n}) for s, n in overview.by_sector.most_common()],
        title="Projects by sector",
        series=("project",),
        width=charts.HALF,
    )
    by_country = charts.stacked_bars(
        [
            (names.get(c, c), {"project": n})
            for c, n in overview.by_country.most_common()
        ],
        title="Projects by country",
        series=("project",),
        hrefs={names.get(c, c): f"/states/{c}" for c in overview.by_country},
        width=charts.HALF,
    )
    return respond(
        request,
        "projects.html",
        rows,
        format,
        name="projects",
        title="Projects",
        overview=overview,
        by_sector=by_sector,
        by_country=by_country,
    )


@router.get("/initiatives")
@readable
def initiatives_page(
    request: Request, session: DbSession, format: FormatParam = "html"
) -> Response:
    found = initiative_table(session)
    rows = [
        {
            "code": r.initiative.code,
            "name": r.initiative.name,
            "proposed_by": r.initiative.proposed_by,
            "proposed_on": None
            if r.initiative.proposed_on is None
            else str(r.initiative.proposed_on),
            "projects": r.projects,
            "source": None if r.source is None else r.source.id,
        }
        for r in found
    ]
    return respond(
        request,
        "initiatives.html",
        rows,
        format,
        name="initiatives",
        title="Initiatives",
        initiatives=found,
        names=state_names(session),
    )
