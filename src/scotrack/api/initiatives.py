"""/api/v1/initiatives: the initiatives projects may belong to (BRI, GDI, GSI,
GCI, GGI, ...), with their sources (#12)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import SourcePublic, iso, source_public
from scotrack.store.read import portfolio

router = APIRouter(prefix="/initiatives", tags=["initiatives"])


class InitiativePublic(BaseModel):
    code: str = Field(description="e.g. BRI, GDI, GSI.")
    name: str
    proposed_by: str | None = Field(description="The proposing state's code.")
    proposed_on: str | None
    aliases: list[str]
    projects: int = Field(description="Projects of the knowledge base under it.")
    source: SourcePublic | None


def initiative_public(row: portfolio.InitiativeRow) -> InitiativePublic:
    initiative = row.initiative
    return InitiativePublic(
        code=initiative.code,
        name=initiative.name,
        proposed_by=initiative.proposed_by,
        proposed_on=iso(initiative.proposed_on),
        aliases=list(initiative.aliases),
        projects=row.projects,
        source=None if row.source is None else source_public(row.source),
    )


@router.get(
    "",
    response_model=list[InitiativePublic],
    summary="Initiatives, earliest proposed first",
)
@readable
def list_initiatives(session: DbSession) -> list[InitiativePublic]:
    return [initiative_public(r) for r in portfolio.initiative_table(session)]
