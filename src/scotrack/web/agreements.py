"""Agreements: the ratification matrix on an as-of day (/agreements) and one
agreement's parties, sources and why it is or is not in force (/agreements/{id})."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain.agreements import Agreement
from scotrack.domain.sources import Source
from scotrack.errors import NotFound
from scotrack.store import matrix, queries, records
from scotrack.store.matrix import CELL_HINTS, CELL_LABELS, CELL_STATUSES, cell_status
from scotrack.web.exports import FormatParam, respond

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
    format: FormatParam = "html",
) -> Response:
    day = on_day(on)
    table = matrix.ratification_matrix(session, on=day)
    short = {a.id: short_name(a.title, a.aliases) for a in queries.agreements(session)}
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
        short=short,
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
                "missing": "; ".join(answer.missing) or None,
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
        detail=detail,
        agreement=agreement,
        day=day,
        labels=CELL_LABELS,
        sources=agreement_sources(session, agreement, detail.state_names),
        documents=records.supporting_documents(session, "agreement", agreement.id),
    )


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source and what of the agreement it is cited for."""

    source: Source
    cited_for: str


def agreement_sources(
    session: Session, agreement: Agreement, names: dict[str, str]
) -> list[CitedSource]:
    """Every source the agreement's record cites, once each, saying what for:
    the text and signature, the entry into force, the parties' dates, the
    declarations (the footer promises every fact its source, #14)."""
    facts: dict[str, list[str]] = {}
    dates: dict[str, list[str]] = {}
    declared: dict[str, list[str]] = {}
    if agreement.source_id is not None:
        facts.setdefault(agreement.source_id, []).append("the text and its signature")
    if agreement.entry_into_force_source_id is not None:
        facts.setdefault(agreement.entry_into_force_source_id, []).append(
            "its entry into force"
        )
    for party in agreement.parties:
        if party.source_id is not None:
            dates.setdefault(party.source_id, []).append(
                names.get(party.state, party.state)
            )
    for declaration in agreement.declarations:
        if declaration.source_id is not None:
            declared.setdefault(declaration.source_id, []).append(
                names.get(declaration.state, declaration.state)
            )
    found = []
    for source_id in dict.fromkeys([*facts, *dates, *declared]):
        what = list(facts.get(source_id, []))
        if source_id in dates:
            what.append("the dates of " + _joined(dates[source_id]))
        if source_id in declared:
            what.append("the declarations of " + _joined(declared[source_id]))
        try:
            source = queries.source(session, source_id)
        except NotFound:  # a dangling id still says where the fact came from
            source = Source(source_id, source_id)
        found.append(CitedSource(source, _joined(what)))
    return found


def _joined(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _text(value: object) -> str | None:
    return None if value is None else str(value)
