"""GET /api/v1: what this server is and how much it knows."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from scotrack import __version__
from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store.read.dashboard import holdings

router = APIRouter(tags=["about"])


class PredecessorCountPublic(BaseModel):
    body: str = Field(description="The body's id, e.g. shanghai-five.")
    name: str
    predecessor_of: str = Field(description='"SCO".')
    meetings: int
    agreements: int


class About(BaseModel):
    name: str
    version: str
    counts: dict[str, int] = Field(
        description="Records of each kind; meetings and agreements are the "
        "SCO's own, its predecessors' are in `predecessors`."
    )
    last_change: int | None
    predecessors: list[PredecessorCountPublic] = Field(
        description="The meetings and agreements of the bodies that preceded the "
        "SCO (the Shanghai Five), counted apart (#12)."
    )


@router.get("", response_model=About, summary="What this server is")
@readable
def about(session: DbSession) -> About:
    held = holdings(session)
    return About(
        name="scotrack",
        version=__version__,
        counts=held.counts,
        last_change=held.last_change,
        predecessors=[
            PredecessorCountPublic(
                body=p.code,
                name=p.name,
                predecessor_of=p.predecessor_of,
                meetings=p.meetings,
                agreements=p.agreements,
            )
            for p in held.predecessors
        ],
    )
