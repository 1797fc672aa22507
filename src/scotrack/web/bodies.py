"""The SCO's bodies with their founding dates, seats and sources (/bodies, #12)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store.read.bodies import body_records
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)

HEADS = {"secretariat": "secretary-general", "rats": "rats-director"}
"""Bodies whose heads /secretaries lists, by the office it calls them."""


@router.get("/bodies")
@readable
def bodies_page(
    request: Request, session: DbSession, format: FormatParam = "html"
) -> Response:
    records = body_records(session)
    rows = [
        {
            "id": r.body.code,
            "name": r.body.name,
            "kind": r.body.kind,
            "founded": None if r.body.founded is None else str(r.body.founded),
            "seat": r.body.seat,
            "predecessor_of": r.body.predecessor_of,
            "meetings": r.meetings,
            "sources": "; ".join(s.id for s in r.sources),
        }
        for r in records
    ]
    return respond(
        request,
        "bodies.html",
        rows,
        format,
        name="bodies",
        title="Bodies",
        records=records,
        heads=HEADS,
    )
