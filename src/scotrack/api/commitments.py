"""/api/v1/commitments: pledges, proposals and calls, with compliance assessments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.inputs import NAMING_FILTERS, by_id_or_prefix
from scotrack.api.paging import (
    CursorParam,
    FacetsParam,
    FromParam,
    LimitParam,
    SortParam,
    TablePage,
    ToParam,
    check_dates,
    facets_public,
    page_of,
)
from scotrack.api.schemas import OnParam, iso, on_day
from scotrack.domain.commitments import Commitment
from scotrack.domain.vocab import Area, CommitmentKind, Compliance
from scotrack.store.read import commitments, dossiers
from scotrack.store.read.tables import date_range

router = APIRouter(prefix="/commitments", tags=["commitments"])


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
                score=None if a.score == "inconclusive" else a.score,
                note=a.note,
                evidence=a.evidence,
                source_id=a.source_id,
            )
            for a in commitment.assessments
        ],
    )


class CommitmentRowPublic(CommitmentPublic):
    """A commitment as the table lists it: with its compliance on the day."""

    on: str = Field(description="The day the compliance is for.")
    compliance: str = Field(
        description="On the day: complied, partly, not complied, inconclusive or "
        "unassessed (its latest assessment made by then)."
    )
    score: int | None = Field(
        description="That assessment's score: 1, 0 or -1 (null: inconclusive or "
        "unassessed, as `compliance` says)."
    )
    assessed_on: str | None = Field(description="That assessment's date.")


def commitment_row_public(
    line: commitments.CommitmentLine, on: str
) -> CommitmentRowPublic:
    current = line.current
    return CommitmentRowPublic(
        **commitment_public(line.commitment).model_dump(),
        on=on,
        compliance=line.compliance,
        score=line.score if isinstance(line.score, int) else None,
        assessed_on=None if current is None else str(current.date),
    )


@router.get(
    "",
    response_model=TablePage[CommitmentRowPublic],
    response_model_exclude_unset=True,  # no `facets` unless asked: as before
    summary="Commitments with their compliance on a day",
    description="By date made, then id, unless `sort` says otherwise: made, actor, "
    "speaker, kind, area, text, meeting, compliance (by score, -1 to 1; "
    "inconclusive and unassessed last) or id, `-` for descending. Each with its "
    "compliance on `on` (default today). `from`/`to` keep those made in that "
    "range; `facets=true` counts the matching commitments by actor, kind, area, "
    "year, meeting and compliance (without it the answer has no `facets`).",
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
    year: Annotated[
        int | None, Query(ge=1990, le=2100, description="Only those made this year.")
    ] = None,
    meeting: Annotated[
        str | None,
        Query(max_length=120, description="Only those made at this meeting (id)."),
    ] = None,
    compliance: Annotated[
        Compliance | None,
        Query(description="Only those with this compliance on the day."),
    ] = None,
    on: OnParam = None,
    start: FromParam = None,
    end: ToParam = None,
    sort: SortParam = None,
    facets: FacetsParam = False,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> TablePage[CommitmentRowPublic]:
    check_dates({"from": start, "to": end})
    query = commitments.CommitmentQuery(
        on=on_day(on),
        actor=actor,
        kind=kind,
        area=area,
        year=year,
        meeting=meeting,
        compliance=compliance,
        dates=date_range(start, end),
        sort=commitments.commitment_sort(sort),
    )
    table = commitments.commitment_table(session, query)
    order = {c.commitment.id: i for i, c in enumerate(table.lines)}
    items, after = page_of(
        table.lines,
        lambda c: (order[c.commitment.id], c.commitment.id),
        cursor,
        limit,
    )
    day = table.on.isoformat()
    rows = [commitment_row_public(c, day) for c in items]
    page = TablePage[CommitmentRowPublic](items=rows, next=after)
    if facets:
        page.facets = facets_public(table.facets)
    return page


@router.get(
    "/{commitment_id}",
    response_model=CommitmentRowPublic,
    summary="One commitment with its assessments and its compliance on a day",
    description="The commitment as the table lists it: its assessments, and its "
    "compliance on `on` (default today). The id may be a unique prefix of 6 or "
    "more characters, as the CLI prints them; the answer holds the full id.",
    responses=by_id_or_prefix("commitment"),
)
@readable
def get_commitment(
    session: DbSession,
    commitment_id: Annotated[
        str,
        Path(max_length=120, description="The id, or its first 6+ characters."),
    ],
    on: OnParam = None,
) -> CommitmentRowPublic:
    record = dossiers.commitment_record(session, commitment_id, on=on_day(on))
    line = commitments.CommitmentLine(
        record.commitment, record.current, record.compliance
    )
    return commitment_row_public(line, record.on.isoformat())
