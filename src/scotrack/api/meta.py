"""GET /api/v1: what this server is and how much it knows."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from scotrack import __version__
from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store.read.dashboard import holdings

router = APIRouter(tags=["about"])


class About(BaseModel):
    name: str
    version: str
    counts: dict[str, int]
    last_change: int | None


@router.get("", response_model=About, summary="What this server is")
@readable
def about(session: DbSession) -> About:
    held = holdings(session)
    return About(
        name="scotrack",
        version=__version__,
        counts=held.counts,
        last_change=held.last_change,
    )
