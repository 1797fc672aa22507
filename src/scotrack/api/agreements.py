"""/api/v1/agreements: the agreements, whether each is in force on a day, and why."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession, known_agreements
from scotrack.api.inputs import BY_NAME, NAMING_FILTERS
from scotrack.api.paging import (
    CursorParam,
    FacetsParam,
    FromParam,
    LimitParam,
    SortParam,
    TablePage,
    ToParam,
    check_dates,
    facets_public,
    page_of,
)
from scotrack.api.schemas import OnParam, iso, on_day
from scotrack.domain.agreements import Agreement, AgreementStatus, PartyOnDay
from scotrack.store.read import agreements, profiles
from scotrack.store.read.tables import date_range

router = APIRouter(prefix="/agreements", tags=["agreements"])


class PartyStatusPublic(BaseModel):
    state: str
    status: str = Field(
        description="On the day: not signed, not a party (accedes later), signed, "
        "ratified, acceded, in force or withdrawn."
    )
    certain: bool = Field(
        description="False when partial dates leave the status in doubt."
    )
    signed: str | None
    ratified: str | None
    in_force_from: str | None
    missing: list[str] = Field(
        default_factory=list,
        description="What no source records for this state: a ratification, or "
        "the day the agreement binds a state that acceded after its entry into "
        "force when no rule gives it.",
    )
    unclear: str | None = Field(
        description="What is missing to decide the status, when the sources "
        "leave it undecided (the matrix's unclear cell): a date too coarse to "
        "place before or after the day, or a signatory's instrument no source "
        "records while the agreement is in force; null when decided.",
    )


class AgreementPublic(BaseModel):
    id: str
    title: str
    kind: str
    aliases: list[str]
    signed: str | None
    place: str | None
    depositary: str | None
    on: str = Field(description="The day the status is for.")
    in_force: bool | None = Field(
        description="In force on the day; null when the sources cannot tell."
    )
    entry_into_force: str | None = Field(
        description="A day, or `between A and B` when the dates are partial."
    )
    ratified: int = Field(description="Parties that had ratified by the day.")
    parties: int = Field(description="Parties recorded (signatories and acceding).")
    party_statuses: list[PartyStatusPublic]


class AgreementDetailPublic(AgreementPublic):
    reasons: list[str] = Field(
        description="Why the agreement is, is not, or may be in force on the day."
    )
    rule: str | None = Field(description="Its entry-into-force rule, in words.")


def _party(party: PartyOnDay) -> PartyStatusPublic:
    return PartyStatusPublic(
        state=party.state,
        status=party.status,
        certain=party.certain,
        signed=iso(party.signed),
        ratified=iso(party.ratified),
        in_force_from=party.in_force_from,
        missing=list(party.missing),
        unclear=party.unclear,
    )


def _fields(agreement: Agreement, answer: AgreementStatus) -> dict[str, object]:
    eif = answer.entry_into_force
    return {
        "id": agreement.id,
        "title": agreement.title,
        "kind": agreement.kind,
        "aliases": list(agreement.aliases),
        "signed": iso(agreement.signed_date),
        "place": agreement.place,
        "depositary": agreement.depositary,
        "on": answer.on.isoformat(),
        "in_force": answer.in_force,
        "entry_into_force": None if eif is None else str(eif),
        "ratified": agreements.ratified_count(answer),
        "parties": len(answer.parties),
        "party_statuses": [_party(p) for p in answer.parties],
    }


@router.get(
    "",
    response_model=TablePage[AgreementPublic],
    summary="Agreements and their status on a day",
    description="Every agreement by signature date (or by `sort`: title, kind, "
    "signed, place, in_force, entry_into_force, ratified, parties or id, `-` for "
    "descending; those without the value last), with whether it is in force on "
    "the day `on` (default today), its ratification count and each party's "
    "status. `from`/`to` keep those signed in that range; `facets=true` counts "
    "the matching agreements by kind, in_force, year signed and party.",
    responses=NAMING_FILTERS,
)
@readable
def list_agreements(
    request: Request,
    session: DbSession,
    on: OnParam = None,
    kind: Annotated[
        str | None,
        Query(max_length=40, description="Only this kind: convention, charter, ..."),
    ] = None,
    in_force: Annotated[
        agreements.InForce | None,
        Query(description="Only those in force on the day (yes), not, or unknown."),
    ] = None,
    year: Annotated[
        int | None, Query(ge=1990, le=2100, description="Only those signed this year.")
    ] = None,
    party: Annotated[
        str | None,
        Query(max_length=100, description="Only those with this party (code or name)."),
    ] = None,
    start: FromParam = None,
    end: ToParam = None,
    sort: SortParam = None,
    facets: FacetsParam = False,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> TablePage[AgreementPublic]:
    check_dates({"from": start, "to": end})
    query = agreements.AgreementQuery(
        on=on_day(on),
        kind=kind,
        in_force=in_force,
        year=year,
        party=party,
        dates=date_range(start, end),
        sort=agreements.agreement_sort(sort),
    )
    table = agreements.agreement_table(
        session,
        query,
        known=known_agreements(request, session),
        summaries=request.app.state.summaries,
    )
    order = {r.agreement.id: i for i, r in enumerate(table.rows)}
    items, after = page_of(
        table.rows, lambda r: (order[r.agreement.id], r.agreement.id), cursor, limit
    )
    return TablePage(
        items=[
            AgreementPublic.model_validate(_fields(r.agreement, r.status))
            for r in items
        ],
        next=after,
        facets=facets_public(table.facets) if facets else None,
    )


@router.get(
    "/{agreement_id}",
    response_model=AgreementDetailPublic,
    summary="One agreement's status on a day, and the reasons",
    description="Whether the agreement is in force on the day `on` and why, and "
    "each party's status. The id may also be a title or alias.",
    responses=BY_NAME,
)
@readable
def get_agreement(
    request: Request,
    session: DbSession,
    agreement_id: Annotated[
        str, Path(max_length=300, description="Id, title or alias (fuzzy).")
    ],
    on: OnParam = None,
) -> AgreementDetailPublic:
    record = profiles.agreement_record(
        session,
        agreement_id,
        on=on_day(on),
        sources=False,
        summaries=request.app.state.summaries,
    )
    agreement, answer = record.agreement, record.status
    rule = agreement.rule
    return AgreementDetailPublic.model_validate(
        {
            **_fields(agreement, answer),
            "reasons": list(answer.explanation),
            "rule": None if rule is None else rule.describe(agreement.depositary),
        }
    )
