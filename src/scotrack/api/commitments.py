"""/api/v1/commitments: pledges, proposals and calls, with compliance assessments."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.inputs import NAMING_FILTERS
from scotrack.api.paging import CursorParam, LimitParam, Page, page_of
from scotrack.api.schemas import iso
from scotrack.domain.commitments import Commitment
from scotrack.domain.vocab import Area
from scotrack.store import profiles, queries

router = APIRouter(prefix="/commitments", tags=["commitments"])

CommitmentKind = Literal["pledge", "proposal", "call"]


class AssessmentPublic(BaseModel):
    date: str
    score: int | None = Field(
        description="Compliance: -1 (not kept), 0 (partly), 1 (kept), null "
        "(inconclusive)."
    )
    note: str
    evidence: str | None
    source_id: str | None


class CommitmentPublic(BaseModel):
    id: str
    actor: str = Field(description="A state code, or SCO.")
    kind: str = Field(description="pledge, proposal or call.")
    area: str | None
    text: str
    speaker: str | None
    target_value: float | None
    target_unit: str | None
    deadline: str | None
    made_on: str | None
    meeting_id: str | None
    source_id: str | None
    assessments: list[AssessmentPublic]


def commitment_public(commitment: Commitment) -> CommitmentPublic:
    target = commitment.target
    return CommitmentPublic(
        id=commitment.id,
        actor=commitment.actor,
        kind=commitment.kind,
        area=commitment.area,
        text=commitment.text,
        speaker=commitment.speaker,
        target_value=None if target is None else target.value,
        target_unit=None if target is None else target.unit,
        deadline=iso(commitment.deadline),
        made_on=iso(commitment.made_on),
        meeting_id=commitment.meeting_id,
        source_id=commitment.source_id,
        assessments=[
            AssessmentPublic(
                date=str(a.date),
                score=a.score,
                note=a.note,
                evidence=a.evidence,
                source_id=a.source_id,
            )
            for a in commitment.assessments
        ],
    )


@router.get(
    "",
    response_model=Page[CommitmentPublic],
    summary="Commitments with their compliance assessments",
    description="By date made, then id.",
    responses=NAMING_FILTERS,
)
@readable
def list_commitments(
    session: DbSession,
    actor: Annotated[
        str | None, Query(max_length=100, description="State code or name, or SCO.")
    ] = None,
    area: Annotated[Area | None, Query(description="The area.")] = None,
    kind: Annotated[CommitmentKind | None, Query(description="The kind.")] = None,
    meeting: Annotated[
        str | None,
        Query(max_length=120, description="Only those made at this meeting (id)."),
    ] = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[CommitmentPublic]:
    actor_code = actor
    if actor is not None and actor.strip().upper() != "SCO":
        actor_code = queries.find_state(session, actor).code
    if meeting is not None:
        queries.meeting(session, meeting)  # 404 for an unknown meeting
    found = queries.commitments(
        session, actor=actor_code, area=area, kind=kind, meeting=meeting
    )
    order = {c.id: i for i, c in enumerate(found)}
    items, after = page_of(found, lambda c: (order[c.id], c.id), cursor, limit)
    return Page(items=[commitment_public(c) for c in items], next=after)


@router.get(
    "/{commitment_id}",
    response_model=CommitmentPublic,
    summary="One commitment with its assessments",
)
@readable
def get_commitment(
    session: DbSession,
    commitment_id: Annotated[str, Path(max_length=120)],
) -> CommitmentPublic:
    return commitment_public(profiles.commitment(session, commitment_id))
