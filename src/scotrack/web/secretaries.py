"""The SCO's Secretaries-General and their terms (/secretaries, #12)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.schemas import OnParam, on_day
from scotrack.data import officeholders, read_baseline
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


@router.get("/secretaries")
@readable
def secretaries_page(
    request: Request, on: OnParam = None, format: FormatParam = "html"
) -> Response:
    day = None if not on else on_day(on)
    terms = (
        officeholders.secretaries_general()
        if day is None
        else officeholders.secretaries_general_on(day)
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
        name="secretaries",
        title="Secretaries-General",
        terms=terms,
        on=day,
        names={s.code: s.name for s in read_baseline().states},
    )
