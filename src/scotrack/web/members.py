"""Members over time (/members) and one state's record (/states/{code})."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession, known_agreements
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain.vocab import STATUSES
from scotrack.store.read import records, timeline
from scotrack.store.read.compliance import state_compliance
from scotrack.store.read.matrix import CELL_LABELS
from scotrack.web import charts
from scotrack.web.charts.kinds import co_mention_figure
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


@router.get("/members")
@readable
def members_page(
    request: Request,
    session: DbSession,
    on: OnParam = None,
    format: FormatParam = "html",
) -> Response:
    today = date.today()
    overview = timeline.membership_overview(
        session, on=on_day(on), until=today, summaries=request.app.state.summaries
    )
    rows = [s.as_row() for s in overview.statuses]
    lanes = [
        charts.Lane(
            t.name,
            f"/states/{t.code}",
            [
                charts.Span(s.start, s.end, s.status, f"{t.name}: {s.label}")
                for s in t.segments
            ],
        )
        for t in overview.timelines
    ]
    chart = charts.timeline(
        lanes,
        start=overview.start,
        end=overview.until,
        title="SCO status of each state over time",
        series=STATUSES,
    )
    return respond(
        request,
        "members.html",
        rows,
        format,
        name="members",
        title="Members",
        overview=overview,
        chart=chart,
        asked=on,
    )


@router.get("/states/{code}")
@readable
def state_page(
    request: Request,
    session: DbSession,
    code: str,
    on: OnParam = None,
    format: FormatParam = "html",
) -> Response:
    day = on_day(on)
    record = records.state_record(
        session,
        code,
        on=day,
        known=known_agreements(request, session),
        summaries=request.app.state.summaries,
    )
    profile = record.profile
    if profile.state.code != code:  # a name or a lower-case code: the one address
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/states/{profile.state.code}{query}", 308)
    compliance = state_compliance(session, profile.state.code, on=day)
    rows = [
        {
            "section": "status",
            "what": i.status,
            "from": None if i.start is None else str(i.start),
            "to": None if i.end is None else str(i.end),
        }
        for i in profile.history
    ]
    rows += [
        {
            "section": "agreement",
            "what": a.title,
            "from": None if a.signed is None else str(a.signed),
            "to": CELL_LABELS.get(record.agreement_status.get(a.agreement_id, ""), ""),
        }
        for a in profile.agreements
    ]
    return respond(
        request,
        "state.html",
        rows,
        format,
        name=f"state-{profile.state.code}",
        title=profile.state.name,
        record=record,
        profile=profile,
        cell_labels=CELL_LABELS,
        compliance=compliance,
        # a count over every document, kept until the knowledge base changes (#18)
        co_mentions=request.app.state.summaries.get(
            session,
            ("co-mentions", profile.state.code),
            lambda: co_mention_figure(session, profile.state.code),
        ),
    )
