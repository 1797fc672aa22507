"""/api/v1/states: each state's SCO status on a day, and one state's record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.commitments import CommitmentPublic, commitment_public
from scotrack.api.database import DbSession, known_agreements, known_meetings
from scotrack.api.inputs import BY_NAME
from scotrack.api.meetings import MeetingPublic, meeting_public
from scotrack.api.paging import CursorParam, LimitParam, Page, page_of
from scotrack.api.schemas import OnParam, iso, on_day
from scotrack.domain.vocab import Status
from scotrack.store.read import records, timeline
from scotrack.store.read.records import PartyInAgreement

router = APIRouter(prefix="/states", tags=["states"])


class StateStatus(BaseModel):
    """A state's SCO status on the day asked."""

    code: str = Field(description="ISO 3166-1 alpha-3 code.")
    name: str
    status: str
    since: str | None = Field(description="Start of the status interval.")
    until: str | None = Field(description="End of the status interval, if it ended.")
    certain: bool = Field(
        description="False when the sources' partial dates leave the day in doubt."
    )


class IntervalPublic(BaseModel):
    status: str
    start: str | None
    end: str | None
    note: str | None
    source_id: str | None


class AgreementRolePublic(BaseModel):
    """The state's dated steps in one agreement."""

    agreement_id: str
    title: str
    status: str | None = Field(
        description="The state's status in the agreement on the day `on`: not "
        "signed, signed, ratified, in force or withdrawn."
    )
    certain: bool | None = Field(
        description="False when partial dates leave the status in doubt."
    )
    signed: str | None
    ratified: str | None
    deposited: str | None
    withdrew: str | None


class StateProfilePublic(BaseModel):
    code: str
    name: str
    official_name: str | None
    aliases: list[str]
    history: list[IntervalPublic]
    meetings_hosted: list[MeetingPublic]
    agreements: list[AgreementRolePublic]
    commitments: list[CommitmentPublic]


@router.get(
    "",
    response_model=Page[StateStatus],
    summary="The states with an SCO status on a day",
    description="Every state that had some SCO status (member, observer, "
    "dialogue partner, ...) on the day `on`, by status then code.",
)
@readable
def list_states(
    request: Request,
    session: DbSession,
    on: OnParam = None,
    status: Annotated[
        Status | None, Query(description="Only states with this status.")
    ] = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[StateStatus]:
    found = [
        StateStatus(
            code=s.code,
            name=s.name,
            status=s.status,
            since=s.since,
            until=s.until,
            certain=s.certain,
        )
        for s in timeline.state_statuses(
            session,
            on=on_day(on),
            status=status,
            summaries=request.app.state.summaries,
        )
    ]
    order = {code: i for i, code in enumerate(s.code for s in found)}
    items, after = page_of(found, lambda s: (order[s.code], s.code), cursor, limit)
    return Page(items=items, next=after)


@router.get(
    "/{code}",
    response_model=StateProfilePublic,
    summary="One state's record",
    description="Status history, meetings hosted, agreements (with the state's "
    "signature, ratification, deposit and withdrawal dates, and its status in each "
    "on the day `on`) and commitments.",
    responses=BY_NAME,
)
@readable
def get_state(
    request: Request,
    session: DbSession,
    code: Annotated[
        str, Path(max_length=100, description="ISO alpha-3 code, name or adjective.")
    ],
    on: OnParam = None,
) -> StateProfilePublic:
    record = records.state_record(
        session,
        code,
        on=on_day(on),
        known=known_agreements(request, session),
        summaries=request.app.state.summaries,
    )
    profile, statuses = record.profile, record.statuses
    named = {b.code: b for b in known_meetings(request, session).bodies}  # (#18)
    state = profile.state
    return StateProfilePublic(
        code=state.code,
        name=state.name,
        official_name=state.official_name,
        aliases=list(state.aliases),
        history=[
            IntervalPublic(
                status=i.status,
                start=iso(i.start),
                end=iso(i.end),
                note=i.note,
                source_id=i.source_id,
            )
            for i in profile.history
        ],
        meetings_hosted=[meeting_public(m, named) for m in profile.meetings_hosted],
        agreements=[
            AgreementRolePublic(
                agreement_id=a.agreement_id,
                title=a.title,
                status=_status(statuses, a.agreement_id),
                certain=_certain(statuses, a.agreement_id),
                signed=iso(a.signed),
                ratified=iso(a.ratified),
                deposited=iso(a.deposited),
                withdrew=iso(a.withdrew),
            )
            for a in profile.agreements
        ],
        commitments=[commitment_public(c) for c in profile.commitments],
    )


def _status(statuses: dict[str, PartyInAgreement], agreement_id: str) -> str | None:
    found = statuses.get(agreement_id)
    return None if found is None else found.party.status


def _certain(statuses: dict[str, PartyInAgreement], agreement_id: str) -> bool | None:
    found = statuses.get(agreement_id)
    return None if found is None else found.party.certain
