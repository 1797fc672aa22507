"""Agreements: the table of agreements (sorted by any column, with facets and a
signature date range, #14) and the ratification matrix of the agreements it
holds, on an as-of day (/agreements), and one
agreement's parties, sources and why it is or is not in force (/agreements/{id})."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession, known_agreements
from scotrack.api.schemas import OnParam, on_day
from scotrack.store.read import agreements, matrix, profiles
from scotrack.store.read.matrix import (
    CELL_HINTS,
    CELL_LABELS,
    CELL_STATUSES,
    cell_status,
)
from scotrack.store.read.tables import date_range
from scotrack.web.exports import FormatParam, respond
from scotrack.web.tables import FacetFilter, facet_boxes, sort_header

router = APIRouter(include_in_schema=False)

SHORT_NAME = 36
"""The longest name a matrix column shows; the full title is on hover."""


def short_name(title: str, aliases: Sequence[str]) -> str:
    """What the matrix calls an agreement (#14): the first of its aliases that is
    at most SHORT_NAME characters (the data lists the usual short name first),
    else its title cut at a word."""
    for alias in aliases:
        if len(alias) <= SHORT_NAME:
            return alias
    if len(title) <= SHORT_NAME:
        return title
    cut = title[: SHORT_NAME - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "\u2026"


@router.get("/agreements")
@readable
def agreements_page(
    request: Request,
    session: DbSession,
    on: OnParam = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    in_force: Annotated[agreements.InForce | None, Query()] = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    party: Annotated[str | None, Query(max_length=100)] = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    sort: Annotated[str | None, Query(max_length=40)] = None,
    format: FormatParam = "html",
) -> Response:
    day = on_day(on)
    known = known_agreements(request, session)
    listed = agreements.agreement_table(
        session,
        agreements.AgreementQuery(
            on=day,
            kind=kind or None,
            in_force=in_force,
            year=year,
            party=party or None,
            dates=date_range(start, end),
            sort=agreements.agreement_sort(sort),
        ),
        known=known,
        summaries=request.app.state.summaries,
    )
    table = shown_columns(
        matrix.ratification_matrix(
            session, on=day, known=known, summaries=request.app.state.summaries
        ),
        [r.agreement.id for r in listed.rows],
    )
    short = {a.id: short_name(a.title, a.aliases) for a in known}
    rows = [
        {"state": row.code, "name": row.name}
        | {
            column.id: cell
            for column, cell in zip(table.columns, row.cells, strict=True)
        }
        for row in table.rows
    ]
    params = dict(request.query_params)
    names = {row.code: row.name for row in table.rows}
    return respond(
        request,
        "agreements.html",
        rows,
        format,
        name=f"agreements-{day.isoformat()}",
        title="Agreements",
        table=table,
        listed=listed,
        kinds=agreements.kinds(session, known=known),
        state_names=names,
        statuses=CELL_STATUSES,
        labels=CELL_LABELS,
        hints=CELL_HINTS,
        short=short,
        headers=[
            sort_header(label, column, listed.sort, params, "/agreements", numeric)
            for label, column, numeric in SORTED_BY
        ],
        facets=facet_boxes(
            listed.facets, params, "/agreements", FACET_FILTERS, TITLES, names
        ),
    )


SORTED_BY = (
    ("Agreement", "title", False),
    ("Kind", "kind", False),
    ("Signed", "signed", False),
    ("Place", "place", False),
    ("In force", "in_force", False),
    ("Entry into force", "entry_into_force", False),
    ("Ratified", "ratified", True),
    ("Parties", "parties", True),
)
FACET_FILTERS: dict[str, FacetFilter] = {
    "kind": lambda value: {"kind": value},
    "in_force": lambda value: {"in_force": value},
    "year": lambda value: {"year": value},
    "party": lambda value: {"party": value},
}
TITLES = {
    "kind": "Kind",
    "in_force": "In force",
    "year": "Year signed",
    "party": "Party",
}


def shown_columns(
    table: matrix.RatificationMatrix, ids: Sequence[str]
) -> matrix.RatificationMatrix:
    """The matrix with only the agreements `ids`, in that order (the table's)."""
    index = {column.id: i for i, column in enumerate(table.columns)}
    kept = [index[i] for i in ids if i in index]
    return replace(
        table,
        columns=tuple(table.columns[i] for i in kept),
        rows=tuple(
            replace(
                row,
                cells=tuple(row.cells[i] for i in kept),
                gaps=tuple(row.gaps[i] for i in kept),
            )
            for row in table.rows
        ),
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
    record = profiles.agreement_record(
        session, agreement_id, on=day, summaries=request.app.state.summaries
    )
    agreement = record.agreement
    if agreement.id != agreement_id:  # a title or an alias: the one address
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/agreements/{agreement.id}{query}", 308)
    parties = {p.state: p for p in agreement.parties}
    rows = []
    for answer in record.status.parties:
        party = parties.get(answer.state)
        status = cell_status(answer, in_force=record.status.in_force)
        rows.append(
            {
                "state": answer.state,
                "name": record.state_names.get(answer.state, answer.state),
                "status": status,
                "signed": _text(party.signed if party else None),
                "ratified": _text(party.ratified if party else None),
                "deposited": _text(party.deposited if party else None),
                "withdrew": _text(party.withdrew if party else None),
                "in_force_from": answer.in_force_from,
                "missing": "; ".join(answer.missing) or None,
                "unclear": answer.unclear,
                "source": party.source_id if party else None,
            }
        )
    return respond(
        request,
        "agreement.html",
        rows,
        format,
        name=f"agreement-{agreement.id}",
        title=agreement.title,
        detail=record,
        agreement=agreement,
        day=day,
        labels=CELL_LABELS,
        sources=record.sources,
        documents=record.documents,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
