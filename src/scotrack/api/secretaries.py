"""/api/v1/secretaries: the SCO's Secretaries-General, or the directors of the RATS
Executive Committee, and their terms (#12)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.schemas import iso, on_day
from scotrack.data import officeholders

router = APIRouter(prefix="/secretaries", tags=["secretaries"])


class SourcePublic(BaseModel):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None


class TermPublic(BaseModel):
    name: str
    state: str = Field(description="The state code of the person's nationality.")
    start: str = Field(description="The first day, month or year in office.")
    end: str | None = Field(description="The last day or month in office.")
    source: SourcePublic | None
    note: str | None


def term_public(term: officeholders.Term) -> TermPublic:
    source = term.source
    return TermPublic(
        name=term.person,
        state=term.state,
        start=str(term.start),
        end=iso(term.end),
        source=None
        if source is None
        else SourcePublic(
            id=source.id,
            title=source.title,
            publisher=source.publisher,
            url=source.url,
            date=iso(source.date),
        ),
        note=term.note,
    )


@router.get(
    "",
    response_model=list[TermPublic],
    summary="Secretaries-General (or RATS directors) and their terms, earliest first",
)
@readable
def list_secretaries(
    on: Annotated[
        str | None,
        Query(
            max_length=10,
            description="Only the term(s) that include this day: YYYY, YYYY-MM or "
            "YYYY-MM-DD (a partial date means its last day). Default: every term.",
        ),
    ] = None,
    office: Annotated[
        officeholders.Office,
        Query(
            description="secretary-general (the Secretariat's head) or "
            "rats-director (the director of the RATS Executive Committee)."
        ),
    ] = "secretary-general",
) -> list[TermPublic]:
    terms = (
        officeholders.terms_of(office)
        if on is None
        else officeholders.terms_on(office, on_day(on))
    )
    return [term_public(t) for t in terms]
