"""GET /api/v1: what this server is and how much it knows."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import func, select

from scotrack import __version__
from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.store import models
from scotrack.store.provenance import Change, Claim, Document

router = APIRouter(tags=["about"])


class About(BaseModel):
    name: str
    version: str
    counts: dict[str, int]
    last_change: int | None


@router.get("", response_model=About, summary="What this server is")
@readable
def about(session: DbSession) -> About:
    counted = {
        "states": models.State,
        "meetings": models.Meeting,
        "agreements": models.Agreement,
        "commitments": models.Commitment,
        "projects": models.Project,
        "documents": Document,
        "claims": Claim,
    }
    counts = {
        name: session.scalar(select(func.count()).select_from(model)) or 0
        for name, model in counted.items()
    }
    return About(
        name="scotrack",
        version=__version__,
        counts=counts,
        last_change=session.scalar(select(func.max(Change.id))),
    )
