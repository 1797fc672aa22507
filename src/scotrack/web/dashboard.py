"""The dashboard: members now, the latest meetings, agreements with their
ratification counts, commitments by compliance and the review backlog."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.domain.vocab import COMPLIANCES
from scotrack.store.read import dashboard as figures
from scotrack.web import charts
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


@router.get("/")
@readable
def dashboard_page(
    request: Request, session: DbSession, format: FormatParam = "html"
) -> Response:
    # every figure is a function of the day and the knowledge base: kept until
    # either changes (#18)
    summaries = request.app.state.summaries
    today = date.today()
    board = summaries.get(
        session,
        ("dashboard", today),
        lambda: figures.dashboard(session, on=today, summaries=summaries),
    )
    rows = [
        {
            "agreement": a.id,
            "title": a.title,
            "signed": a.signed,
            "ratified": a.ratified,
            "parties": a.parties,
            "in_force": a.in_force,
        }
        for a in board.agreements
    ]
    compliance = charts.stacked_bars(
        [(label, {label: count}) for label, count in board.compliance.items()],
        title="Commitments by compliance today",
        series=COMPLIANCES,
    )
    return respond(
        request,
        "dashboard.html",
        rows,
        format,
        name="dashboard",
        title="Dashboard",
        board=board,
        compliance_chart=compliance,
    )
