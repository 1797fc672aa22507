"""The SCO's Secretaries-General, or the directors of the RATS Executive Committee
(`?office=rats-director`), and their terms (/secretaries, #12)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.schemas import OnParam, on_day
from scotrack.data import officeholders, read_baseline
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


OfficeParam = Annotated[
    officeholders.Office,
    Query(description="secretary-general or rats-director"),
]


@router.get("/secretaries")
@readable
def secretaries_page(
    request: Request,
    on: OnParam = None,
    office: OfficeParam = "secretary-general",
    format: FormatParam = "html",
) -> Response:
    day = None if not on else on_day(on)
    terms = (
        officeholders.terms_of(office)
        if day is None
        else officeholders.terms_on(office, day)
    )
    rows = [
        {
            "name": t.person,
            "state": t.state,
            "from": str(t.start),
            "to": None if t.end is None else str(t.end),
            "source": None if t.source is None else t.source.id,
            "note": t.note,
        }
        for t in terms
    ]
    return respond(
        request,
        "secretaries.html",
        rows,
        format,
        name="secretaries" if office == "secretary-general" else "rats-directors",
        title=officeholders.OFFICE_TITLES[office],
        terms=terms,
        on=day,
        office=office,
        offices=officeholders.OFFICE_TITLES,
        names={s.code: s.name for s in read_baseline().states},
    )
