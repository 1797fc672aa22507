"""/api/v1/agreements: the agreements, whether each is in force on a day, and why."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.inputs import BY_NAME
from scotrack.api.paging import CursorParam, LimitParam, Page, page_of
from scotrack.api.schemas import OnParam, iso, on_day
from scotrack.domain.agreements import Agreement, AgreementStatus, PartyOnDay
from scotrack.store import profiles

router = APIRouter(prefix="/agreements", tags=["agreements"])

RATIFIED = ("ratified", "in force")


class PartyStatusPublic(BaseModel):
    state: str
    status: str = Field(
        description="On the day: not signed, signed, ratified, in force or withdrawn."
    )
    certain: bool = Field(
        description="False when partial dates leave the status in doubt."
    )
    signed: str | None
    ratified: str | None
    in_force_from: str | None


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
        "ratified": sum(p.status in RATIFIED for p in answer.parties),
        "parties": len(answer.parties),
        "party_statuses": [_party(p) for p in answer.parties],
    }


@router.get(
    "",
    response_model=Page[AgreementPublic],
    summary="Agreements and their status on a day",
    description="Every agreement by signature date, with whether it is in force on "
    "the day `on` (default today), its ratification count and each party's status.",
)
@readable
def list_agreements(
    session: DbSession,
    on: OnParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[AgreementPublic]:
    found = profiles.agreements_on(session, on_day(on))
    order = {a.id: i for i, (a, _) in enumerate(found)}
    items, after = page_of(found, lambda p: (order[p[0].id], p[0].id), cursor, limit)
    return Page(
        items=[AgreementPublic.model_validate(_fields(a, s)) for a, s in items],
        next=after,
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
    session: DbSession,
    agreement_id: Annotated[
        str, Path(max_length=300, description="Id, title or alias (fuzzy).")
    ],
    on: OnParam = None,
) -> AgreementDetailPublic:
    agreement, answer = profiles.agreement_on(session, agreement_id, on_day(on))
    rule = agreement.rule
    return AgreementDetailPublic.model_validate(
        {
            **_fields(agreement, answer),
            "reasons": list(answer.explanation),
            "rule": None if rule is None else rule.describe(agreement.depositary),
        }
    )
