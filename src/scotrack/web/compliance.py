"""The compliance report (/compliance) and its method (/compliance/method.json).

For a meeting (`?meeting=hos-2018`) or the commitments made between `?from=`
and `?to=`: each commitment's score in force on `?on=` with its evidence, and
the mean score per state and per area by the G7/G20 Research Group's method,
as a chart and tables. `?format=csv` is the citable table (the same rows as
`scotrack compliance --format csv`); /compliance/method.json describes it (#13).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain.commitments import ComplianceSummary
from scotrack.store.read import citation, dossiers, listings
from scotrack.store.read.compliance import METHOD, ComplianceReport, compliance_report
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.tables import date_range
from scotrack.web import charts
from scotrack.web.exports import FormatParam, respond
from scotrack.web.render import query_string

router = APIRouter(include_in_schema=False)

MeetingParam = Annotated[str | None, Query(max_length=120)]
DayParam = Annotated[str | None, Query(max_length=10)]


def _report(
    session: Session,
    *,
    meeting: str | None,
    start: str | None,
    end: str | None,
    on: str | None,
    known_on: str | None,
) -> tuple[ComplianceReport, int]:
    """The report the parameters ask for, and the last change it was made from."""
    made = date_range(start, end)
    day = on_day(on)
    known = None if known_on is None else on_day(known_on, "known_on")
    with dossiers.entities_known_on(session, known) as facts:
        report = compliance_report(facts, on=day, meeting=meeting or None, made=made)
    return report, listings.last_change_id(session, known) or 0


@router.get("/compliance")
@readable
def compliance_page(
    request: Request,
    session: DbSession,
    meeting: MeetingParam = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    on: OnParam = None,
    known_on: DayParam = None,
    format: FormatParam = "html",
) -> Response:
    report, last = _report(
        session, meeting=meeting, start=start, end=end, on=on, known_on=known_on
    )
    names = state_names(session)
    params = {k: v for k, v in request.query_params.items() if k != "format"}
    return respond(
        request,
        "compliance.html",
        citation.report_rows(report),
        format,
        name=f"compliance-{report.meeting or 'all'}-{report.on.isoformat()}",
        title="Compliance report",
        report=report,
        selection=citation.selection(report),
        method=METHOD,
        last_change=last,
        known_on=known_on,
        names=names,
        by_state=_chart(
            report.by_state,
            "Mean compliance score by state",
            names,
            hrefs=True,
        ),
        by_area=_chart(report.by_area, "Mean compliance score by area", {}),
        meetings=_meetings(session, report.meeting),
        method_href="/compliance/method.json" + query_string(params),
        csv_href="/compliance" + query_string(params, format="csv"),
    )


def _chart(
    summaries: tuple[ComplianceSummary, ...],
    title: str,
    names: dict[str, str],
    *,
    hrefs: bool = False,
) -> charts.Chart:
    rows = [
        charts.Score(
            names.get(s.key, s.key),
            s.mean_score,
            f"{s.assessed - s.inconclusive} scored, {s.inconclusive} inconclusive, "
            f"of {s.commitments}",
            f"/states/{s.key}" if hrefs and s.key in names else None,
        )
        for s in summaries
    ]
    return charts.score_bars(rows, title=title, width=charts.HALF)


def _meetings(session: Session, asked: str | None) -> list[str]:
    """Meetings that have commitments (and the one asked for), for the filter."""
    found = dossiers.commitment_meetings(session)
    return sorted({*found, *([asked] if asked else [])})


@router.get("/compliance/method.json")
@readable
def compliance_method(
    request: Request,
    session: DbSession,
    meeting: MeetingParam = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    on: OnParam = None,
    known_on: DayParam = None,
) -> Response:
    """How the report of the same parameters is made, with its CSV's address."""
    report, last = _report(
        session, meeting=meeting, start=start, end=end, on=on, known_on=known_on
    )
    params = dict(request.query_params)
    address = str(request.base_url).rstrip("/") + "/compliance"
    address += query_string(params, format="csv")
    described = citation.method_description(
        report,
        known_on=None if known_on is None else on_day(known_on, "known_on"),
        last_change=last,
        address=address,
    )
    return JSONResponse(
        described,
        headers={"Content-Disposition": 'inline; filename="compliance-method.json"'},
    )
