"""Agreements: the ratification matrix on an as-of day (/agreements) and one
agreement's parties and why it is or is not in force (/agreements/{id})."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.store import matrix
from scotrack.store.matrix import CELL_HINTS, CELL_LABELS, CELL_STATUSES, cell_status
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)


@router.get("/agreements")
@readable
def agreements_page(
    request: Request,
    session: DbSession,
    on: OnParam = None,
    format: FormatParam = "html",
) -> Response:
    day = on_day(on)
    table = matrix.ratification_matrix(session, on=day)
    rows = [
        {"state": row.code, "name": row.name}
        | {
            column.id: cell
            for column, cell in zip(table.columns, row.cells, strict=True)
        }
        for row in table.rows
    ]
    return respond(
        request,
        "agreements.html",
        rows,
        format,
        name=f"agreements-{day.isoformat()}",
        title="Agreements",
        table=table,
        statuses=CELL_STATUSES,
        labels=CELL_LABELS,
        hints=CELL_HINTS,
    )


@router.get("/agreements/{agreement_id}")
@readable
def agreement_page(
    request: Request,
    session: DbSession,
    agreement_id: str,
    on: OnParam = None,
    format: FormatParam = "html",
) -> Response:
    day = on_day(on)
    detail = matrix.agreement_detail(session, agreement_id, on=day)
    agreement = detail.agreement
    parties = {p.state: p for p in agreement.parties}
    rows = []
    for answer in detail.status.parties:
        party = parties.get(answer.state)
        status = cell_status(answer, in_force=detail.status.in_force)
        rows.append(
            {
                "state": answer.state,
                "name": detail.state_names.get(answer.state, answer.state),
                "status": status,
                "signed": _text(party.signed if party else None),
                "ratified": _text(party.ratified if party else None),
                "deposited": _text(party.deposited if party else None),
                "withdrew": _text(party.withdrew if party else None),
                "in_force_from": answer.in_force_from,
            }
        )
    return respond(
        request,
        "agreement.html",
        rows,
        format,
        name=f"agreement-{agreement.id}",
        title=agreement.title,
        detail=detail,
        agreement=agreement,
        day=day,
        labels=CELL_LABELS,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
