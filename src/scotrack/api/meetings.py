"""/api/v1/meetings: the meetings of SCO bodies, and one meeting with its sources,
the agreements adopted or signed there, the states and guests that took part,
the documents that report it and the commitments made there."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession, known_meetings
from scotrack.api.inputs import NAMING_FILTERS
from scotrack.api.paging import (
    CursorParam,
    FacetsParam,
    FromParam,
    LimitParam,
    Page,
    SortParam,
    TablePage,
    ToParam,
    check_dates,
    encode_cursor,
    facets_public,
    page_of,
    table_key,
)
from scotrack.api.schemas import SourcePublic, iso, source_public
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.vocab import MeetingFormat
from scotrack.store.read import meetings, outcome_bases, outcomes, profiles
from scotrack.store.read.document_tables import DocumentRow, DocumentSummary
from scotrack.store.read.tables import date_range

router = APIRouter(prefix="/meetings", tags=["meetings"])


class MeetingPublic(BaseModel):
    id: str
    title: str = Field(description="e.g. `17th Council of Heads of State, Astana`.")
    body: str = Field(description="The body's code, e.g. heads-of-state.")
    number: int | None
    start_date: str | None
    end_date: str | None
    city: str | None
    host: str | None = Field(description="The host state's code.")
    chair: str | None
    format: str | None = Field(description="in-person, video or hybrid.")
    participants: list[str]
    source_id: str | None


class DocumentBrief(BaseModel):
    """A stored document, without its text (GET /documents/{id} has it)."""

    id: str
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None
    version: int


class CommitmentBrief(BaseModel):
    id: str
    actor: str
    kind: str
    area: str | None
    text: str


class BasisPublic(BaseModel):
    """What a line rests on: a source of the record, or an accepted claim."""

    source: SourcePublic | None = Field(description="A source of the record.")
    claim_id: str | None = Field(description="An accepted claim (GET /claims/{id}).")
    document_id: str | None = Field(description="The claim's document.")
    document_title: str | None
    quote: str | None = Field(description="The words of the claim's evidence.")


class MeetingAgreementPublic(BaseModel):
    """An agreement adopted or signed at the meeting."""

    agreement_id: str | None = Field(
        description="The agreement (GET /agreements/{id}); null: a claim that "
        "names one the record does not hold."
    )
    title: str
    action: str = Field(description="signed or adopted.")
    date: str | None
    place: str | None
    basis: list[BasisPublic]


class ParticipantPublic(BaseModel):
    """A state that took part in the meeting."""

    state: str = Field(description="The state's code.")
    name: str
    status: str | None = Field(
        description="Its SCO status on the meeting's last day (null: none)."
    )
    guest: bool = Field(description="True when it was not a member then.")
    roles: list[str] = Field(
        description="How it took part: host, participant, signed <agreement>, "
        "made a commitment."
    )
    basis: list[BasisPublic]


class MeetingProfilePublic(BaseModel):
    meeting: MeetingPublic
    sources: list[SourcePublic] = Field(
        description="The sources the meeting's facts come from."
    )
    agreements: list[MeetingAgreementPublic] = Field(
        description="Agreements adopted or signed there: from the record (signing "
        "date and place) and from accepted claims."
    )
    participants: list[ParticipantPublic] = Field(
        description="The states and guests that took part, from the record and "
        "from accepted claims."
    )
    documents: list[DocumentBrief] = Field(
        description="The first 50 stored documents that report the meeting (a "
        "claim linked to it, or a source of its facts), by date published "
        "(undated first) then id."
    )
    documents_total: int = Field(
        description="How many stored documents report the meeting in all."
    )
    documents_next: str | None = Field(
        description="The `cursor` of GET /meetings/{id}/documents for the "
        "documents after these (null when these are all)."
    )
    commitments: list[CommitmentBrief] = Field(
        description="Commitments made at the meeting."
    )


def meeting_public(
    meeting: Meeting, bodies: dict[str, Body] | None = None
) -> MeetingPublic:
    return MeetingPublic(
        id=meeting.id,
        title=meeting.title(bodies),
        body=meeting.body,
        number=meeting.number,
        start_date=iso(meeting.start_date),
        end_date=iso(meeting.end_date),
        city=meeting.city,
        host=meeting.host,
        chair=meeting.chair,
        format=meeting.format,
        participants=list(meeting.participants),
        source_id=meeting.source_id,
    )


def basis_public(basis: outcome_bases.Basis) -> BasisPublic:
    return BasisPublic(
        source=None if basis.source is None else source_public(basis.source),
        claim_id=basis.claim_id,
        document_id=basis.document_id,
        document_title=basis.document_title,
        quote=basis.quote,
    )


def document_brief(document: DocumentSummary | DocumentRow) -> DocumentBrief:
    return DocumentBrief(
        id=document.id,
        title=document.title,
        outlet=document.outlet,
        published_date=document.published_date,
        url=document.url,
        version=document.version,
    )


@router.get(
    "",
    response_model=TablePage[MeetingPublic],
    summary="Meetings of SCO bodies, by date or by `sort`",
    description="Sort by date, body, number, city, host or format (`-` for "
    "descending; undated or unknown last); `facets=true` counts the meetings by "
    "body, host, year and format.",
    responses=NAMING_FILTERS,
)
@readable
def list_meetings(
    request: Request,
    session: DbSession,
    body: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Body code or name: heads-of-state, heads-of-government, "
            "foreign-ministers, ...",
        ),
    ] = None,
    year: Annotated[
        int | None, Query(ge=1990, le=2100, description="Only meetings in this year.")
    ] = None,
    host: Annotated[
        str | None, Query(max_length=100, description="Host state code or name.")
    ] = None,
    held: Annotated[
        MeetingFormat | None,
        Query(description="The format: in-person, video or hybrid."),
    ] = None,
    start: FromParam = None,
    end: ToParam = None,
    sort: SortParam = None,
    facets: FacetsParam = False,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> TablePage[MeetingPublic]:
    check_dates({"from": start, "to": end})
    overview = known_meetings(request, session)  # kept per version (#18)
    table = meetings.meeting_table(
        session,
        body=body,
        year=year,
        host=host,
        format=held,
        dates=date_range(start, end),
        sort=meetings.meeting_sort(sort),
        known=overview.meetings,
    )
    order = {m.id: i for i, m in enumerate(table.meetings)}
    items, after = page_of(table.meetings, lambda m: (order[m.id], m.id), cursor, limit)
    named = {b.code: b for b in overview.bodies}
    return TablePage(
        items=[meeting_public(m, named) for m in items],
        next=after,
        facets=facets_public(table.facets) if facets else None,
    )


@router.get(
    "/{meeting_id}",
    response_model=MeetingProfilePublic,
    summary="One meeting with its sources, outcomes, participants, documents and "
    "commitments",
)
@readable
def get_meeting(
    request: Request,
    session: DbSession,
    meeting_id: Annotated[
        str, Path(max_length=120, description="The meeting's id, e.g. hos-2017.")
    ],
) -> MeetingProfilePublic:
    profile = outcomes.meeting_outcomes(
        session, meeting_id, summaries=request.app.state.summaries
    )
    return MeetingProfilePublic(
        meeting=meeting_public(
            profile.meeting,
            None if profile.body is None else {profile.body.code: profile.body},
        ),
        sources=[source_public(s) for s in profile.sources],
        agreements=[
            MeetingAgreementPublic(
                agreement_id=a.agreement_id,
                title=a.title,
                action=a.action,
                date=iso(a.date),
                place=a.place,
                basis=[basis_public(b) for b in a.basis],
            )
            for a in profile.agreements
        ],
        participants=[
            ParticipantPublic(
                state=p.state,
                name=p.name,
                status=p.status,
                guest=p.guest,
                roles=list(p.roles),
                basis=[basis_public(b) for b in p.basis],
            )
            for p in profile.participants
        ],
        documents=[document_brief(d) for d in profile.documents.items],
        documents_total=profile.documents.total,
        documents_next=_cursor(profile.documents.next),
        commitments=[
            CommitmentBrief(
                id=c.id, actor=c.actor, kind=c.kind, area=c.area, text=c.text
            )
            for c in profile.commitments
        ],
    )


@router.get(
    "/{meeting_id}/documents",
    response_model=Page[DocumentBrief],
    summary="The stored documents that report one meeting, a page at a time",
    description="By date published (undated first) then id; the meeting's own "
    "answer holds the first 50 and the cursor of the rest.",
)
@readable
def list_meeting_documents(
    session: DbSession,
    meeting_id: Annotated[
        str, Path(max_length=120, description="The meeting's id, e.g. hos-2017.")
    ],
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[DocumentBrief]:
    after = table_key(cursor, 2, lambda key: all(isinstance(part, str) for part in key))
    found = profiles.reporting_documents(
        session,
        meeting_id,
        after=None if after is None else (after[0], after[1]),
        limit=limit,
    )
    return Page(
        items=[document_brief(d) for d in found.items], next=_cursor(found.next)
    )


def _cursor(key: tuple[str, str] | None) -> str | None:
    return None if key is None else encode_cursor(key)
