"""Meetings: the timeline by body with a table and filters (/meetings), and one
meeting with its sources, the agreements adopted or signed there, the states and
guests that took part, its commitments and reporting articles (/meetings/{id})."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession, known_meetings
from scotrack.api.paging import encode_cursor, table_key
from scotrack.domain.vocab import MeetingFormat
from scotrack.store.read import meetings, outcomes
from scotrack.store.read.tables import date_range
from scotrack.web import charts
from scotrack.web.charts import kinds
from scotrack.web.exports import FormatParam, respond
from scotrack.web.tables import FacetFilter, facet_boxes, sort_header

router = APIRouter(include_in_schema=False)

Filter = Annotated[str | None, Query(max_length=120)]


@router.get("/meetings")
@readable
def meetings_page(
    request: Request,
    session: DbSession,
    body: Filter = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    host: Filter = None,
    held: Annotated[MeetingFormat | None, Query()] = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    sort: Annotated[str | None, Query(max_length=40)] = None,
    format: FormatParam = "html",
) -> Response:
    # every meeting and what each filter can take, kept until the knowledge base
    # changes (#18)
    overview = known_meetings(request, session)
    table = meetings.meeting_table(
        session,
        body=body or None,
        year=year,
        host=host or None,
        format=held,
        dates=date_range(start, end),
        sort=meetings.meeting_sort(sort),
        known=overview.meetings,
    )
    params = dict(request.query_params)
    bodies = {b.code: b for b in overview.bodies}
    names = {b.code: b.name for b in overview.bodies}
    rows = [
        {
            "id": m.id,
            "date": None if m.start_date is None else str(m.start_date),
            "body": m.body,
            "number": m.number,
            "city": m.city,
            "host": m.host,
            "format": m.format,
        }
        for m in table.meetings
    ]
    lanes = []
    for code in dict.fromkeys(m.body for m in table.meetings):
        points = [
            charts.Point(
                m.start_date.first_day(),
                "meeting",
                m.title(bodies),
                f"/meetings/{m.id}",
            )
            for m in table.meetings
            if m.body == code and m.start_date is not None
        ]
        lanes.append(charts.Lane(names.get(code, code), None, (), points))
    days = [p.day for lane in lanes for p in lane.points]
    chart = charts.timeline(
        lanes,
        start=date(min(days).year, 1, 1) if days else date(2001, 1, 1),
        end=date(max(days).year + 1, 1, 1) if days else date.today(),
        title="Meetings by body",
        series=("meeting",),
        labels={"meeting": "a meeting (click to open)"},
    )
    return respond(
        request,
        "meetings.html",
        rows,
        format,
        name="meetings",
        title="Meetings",
        overview=overview,
        table=table,
        body_names=names,
        chart=chart,
        host_cities=kinds.host_city_figure(
            session, table.meetings, title="Where these meetings were held"
        ),
        headers=[
            sort_header(label, column, table.sort, params, "/meetings", numeric)
            for label, column, numeric in SORTED_BY
        ],
        facets=facet_boxes(
            table.facets,
            params,
            "/meetings",
            FACET_FILTERS,
            TITLES,
            names | overview.state_names,
        ),
    )


SORTED_BY = (
    ("Date", "date", False),
    ("Meeting", "body", False),
    ("No.", "number", True),
    ("City", "city", False),
    ("Host", "host", False),
    ("Format", "format", False),
)
FACET_FILTERS: dict[str, FacetFilter] = {
    "body": lambda value: {"body": value},
    "host": lambda value: {"host": value},
    "year": lambda value: {"year": value},
    "format": lambda value: {"held": value},
}
TITLES = {"body": "Body", "host": "Host", "year": "Year", "format": "Format"}


@router.get("/meetings/{meeting_id}")
@readable
def meeting_page(
    request: Request,
    session: DbSession,
    meeting_id: str,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    format: FormatParam = "html",
) -> Response:
    # the page shows the documents that report it a page at a time, as
    # GET /api/v1/meetings/{id}/documents does; a download has them all (#15)
    after = table_key(cursor, 2, lambda key: all(isinstance(p, str) for p in key))
    record = outcomes.meeting_outcomes(
        session,
        meeting_id,
        after=None if after is None else (str(after[0]), str(after[1])),
        every=format != "html",
        summaries=request.app.state.summaries,
    )
    rows = [
        {
            "document": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published_date,
            "url": d.url,
        }
        for d in record.documents.items
    ]
    meeting = record.meeting
    following = record.documents.next
    return respond(
        request,
        "meeting.html",
        rows,
        format,
        name=f"meeting-{meeting.id}",
        title=meeting.title({record.body.code: record.body} if record.body else None),
        record=record,
        meeting=meeting,
        following=None if following is None else encode_cursor(following),
        first_page=cursor is None,
    )
