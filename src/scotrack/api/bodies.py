"""/api/v1/bodies: the SCO's bodies with their founding dates, seats and
sources (#12)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import SourcePublic, iso, source_public
from scotrack.store.read import bodies

router = APIRouter(prefix="/bodies", tags=["bodies"])


class BodyPublic(BaseModel):
    id: str = Field(description="e.g. rats, secretariat, heads-of-state.")
    name: str
    kind: str = Field(
        description="council, permanent body, meeting or non-governmental."
    )
    founded: str | None = Field(
        description="As precise as its source gives it (YYYY, YYYY-MM or "
        "YYYY-MM-DD); null when no source dates it: never guessed."
    )
    seat: str | None = Field(description="Its seat; null when none is recorded.")
    predecessor_of: str | None = Field(
        description='The organisation it preceded ("SCO" for the Shanghai Five); '
        "null for the SCO's own bodies."
    )
    note: str | None
    aliases: list[str]
    meetings: int = Field(description="Its meetings in the knowledge base.")
    sources: list[SourcePublic] = Field(
        description="The record's source, the one giving the founding date and "
        "seat, then those the note names; each once."
    )


def body_public(record: bodies.BodyRecord) -> BodyPublic:
    body = record.body
    return BodyPublic(
        id=body.code,
        name=body.name,
        kind=body.kind,
        founded=iso(body.founded),
        seat=body.seat,
        predecessor_of=body.predecessor_of,
        note=body.note,
        aliases=list(body.aliases),
        meetings=record.meetings,
        sources=[source_public(s) for s in record.sources],
    )


@router.get(
    "",
    response_model=list[BodyPublic],
    summary="The SCO's bodies (councils first) and its predecessor, with sources",
)
@readable
def list_bodies(session: DbSession) -> list[BodyPublic]:
    return [body_public(r) for r in bodies.body_records(session)]


@router.get(
    "/{body_id}",
    response_model=BodyPublic,
    summary="One body: founding date, seat, predecessor and sources",
)
@readable
def get_body(
    session: DbSession,
    body_id: Annotated[
        str,
        Path(
            max_length=120,
            description="The body's id, name or alias, e.g. rats or Secretariat.",
        ),
    ],
) -> BodyPublic:
    return body_public(bodies.body_record(session, body_id))
