"""Commitments: the table, each with its compliance on the day, sorted by any
column, with facets and a date range (#14), and compliance charts by actor and
by year of the commitments it holds (/commitments)."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain import commitments as commitment_rules
from scotrack.domain.vocab import AREAS, COMMITMENT_KINDS, COMPLIANCES
from scotrack.store.read import commitments
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.tables import date_range
from scotrack.web import charts
from scotrack.web.exports import FormatParam, respond
from scotrack.web.tables import FacetFilter, facet_boxes, sort_header

router = APIRouter(include_in_schema=False)

Filter = Annotated[str | None, Query(max_length=120)]


@router.get("/commitments")
@readable
def commitments_page(
    request: Request,
    session: DbSession,
    actor: Filter = None,
    area: Filter = None,
    kind: Filter = None,
    meeting: Filter = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    compliance: Filter = None,
    on: OnParam = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    sort: Annotated[str | None, Query(max_length=40)] = None,
    format: FormatParam = "html",
) -> Response:
    table = commitments.commitment_table(
        session,
        commitments.CommitmentQuery(
            on=on_day(on),
            actor=actor or None,
            area=area or None,
            kind=kind or None,
            meeting=meeting or None,
            year=year,
            compliance=compliance or None,
            dates=date_range(start, end),
            sort=commitments.commitment_sort(sort),
        ),
    )
    rows = [
        {
            "id": line.commitment.id,
            "actor": line.commitment.actor,
            "kind": line.commitment.kind,
            "area": line.commitment.area,
            "text": line.commitment.text,
            "made_on": None
            if line.commitment.made_on is None
            else str(line.commitment.made_on),
            "meeting": line.commitment.meeting_id,
            "compliance": line.compliance,
            "score": line.score,
        }
        for line in table.lines
    ]
    names = state_names(session)
    by_actor: dict[str, Counter[str]] = {}
    by_year: dict[str, Counter[str]] = {}
    for line in table.lines:
        by_actor.setdefault(line.commitment.actor, Counter())[line.compliance] += 1
        year_made = commitment_rules.by_year(line.commitment) or "undated"
        by_year.setdefault(year_made, Counter())[line.compliance] += 1
    actor_chart = charts.stacked_bars(
        [(names.get(a, a), counts) for a, counts in sorted(by_actor.items())],
        title="Compliance by actor",
        series=COMPLIANCES,
        hrefs={names[a]: f"/states/{a}" for a in by_actor if a in names},
        width=charts.HALF,
    )
    year_chart = charts.stacked_bars(
        sorted(by_year.items()),
        title="Compliance by year the commitment was made",
        series=COMPLIANCES,
        width=charts.HALF,
    )
    params = dict(request.query_params)
    return respond(
        request,
        "commitments.html",
        rows,
        format,
        name="commitments",
        title="Commitments",
        table=table,
        choices=commitments.commitment_choices(session),
        state_names=names,
        by_actor=actor_chart,
        by_year=year_chart,
        areas=AREAS,
        kinds=COMMITMENT_KINDS,
        compliances=COMPLIANCES,
        headers=[
            sort_header(label, column, table.sort, params, "/commitments")
            for label, column in SORTED_BY
        ],
        facets=facet_boxes(
            table.facets, params, "/commitments", FACET_FILTERS, TITLES, names
        ),
    )


SORTED_BY = (
    ("Made", "made"),
    ("Actor", "actor"),
    ("Kind", "kind"),
    ("Area", "area"),
    ("Commitment", "text"),
    ("Meeting", "meeting"),
    ("Compliance", "compliance"),
)
FACET_FILTERS: dict[str, FacetFilter] = {
    "actor": lambda value: {"actor": value},
    "kind": lambda value: {"kind": value},
    "area": lambda value: {"area": value},
    "year": lambda value: {"year": value},
    "meeting": lambda value: {"meeting": value},
    "compliance": lambda value: {"compliance": value},
}
TITLES = {
    "actor": "Actor",
    "kind": "Kind",
    "area": "Area",
    "year": "Year made",
    "meeting": "Meeting",
    "compliance": "Compliance",
}
