"""Commitments with compliance charts by actor and by year (/commitments)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.domain.vocab import AREAS, COMMITMENT_KINDS
from scotrack.store.compliance import commitments_overview
from scotrack.store.dashboard import COMPLIANCE_LABELS
from scotrack.web import charts
from scotrack.web.exports import FormatParam, respond

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
    format: FormatParam = "html",
) -> Response:
    overview = commitments_overview(
        session,
        on=date.today(),
        actor=actor or None,
        area=area or None,
        kind=kind or None,
        meeting=meeting or None,
    )
    rows = [
        {
            "id": r.commitment.id,
            "actor": r.commitment.actor,
            "kind": r.commitment.kind,
            "area": r.commitment.area,
            "text": r.commitment.text,
            "made_on": None
            if r.commitment.made_on is None
            else str(r.commitment.made_on),
            "meeting": r.commitment.meeting_id,
            "compliance": r.compliance,
        }
        for r in overview.rows
    ]
    names = overview.state_names
    by_actor = charts.stacked_bars(
        [(names.get(a, a), counts) for a, counts in overview.by_actor.items()],
        title="Compliance by actor",
        series=COMPLIANCE_LABELS,
        hrefs={names[a]: f"/states/{a}" for a in overview.by_actor if a in names},
        width=charts.HALF,
    )
    by_year = charts.stacked_bars(
        list(overview.by_year.items()),
        title="Compliance by year the commitment was made",
        series=COMPLIANCE_LABELS,
        width=charts.HALF,
    )
    return respond(
        request,
        "commitments.html",
        rows,
        format,
        name="commitments",
        title="Commitments",
        overview=overview,
        by_actor=by_actor,
        by_year=by_year,
        areas=AREAS,
        kinds=COMMITMENT_KINDS,
    )
