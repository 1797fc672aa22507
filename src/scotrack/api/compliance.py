"""/api/v1/commitments/{id}/assessments and /api/v1/compliance: record a compliance
assessment (reviewers and above) and read the compliance report (#13)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import Caller, needs, readable
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.schemas import Changes, changes_made
from scotrack.domain.commitments import Assessment, ComplianceSummary, Score
from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError
from scotrack.store.read import citation, compliance, listings
from scotrack.store.read.compliance import METHOD
from scotrack.store.read.tables import date_range
from scotrack.store.write import assessments
from scotrack.store.write.assessments import MAX_TEXT
from scotrack.store.write.tokens import Role

router = APIRouter(tags=["compliance"])


class AssessmentBody(BaseModel):
    score: Score = Field(
        description="1 (complied), 0 (partly or under way), -1 (not), or inconclusive."
    )
    date: str = Field(
        min_length=4,
        max_length=10,
        description="The date it refers to: YYYY[-MM[-DD]].",
    )
    evidence: str | None = Field(
        default=None,
        max_length=200,
        description="DOC:START-END, a span of a stored document's clean text (the "
        "id may be its first 6+ characters). Give this or citation.",
    )
    citation: str | None = Field(
        default=None, max_length=MAX_TEXT, description="A citation, when no stored "
        "document has the evidence.",
    )  # fmt: skip
    note: str | None = Field(default=None, max_length=MAX_TEXT)


class AssessmentPublic(BaseModel):
    date: str
    score: int | None = Field(description="-1, 0 or 1; null for inconclusive.")
    assessor: str | None
    note: str
    evidence: str | None = Field(description="The quoted span, or the citation.")
    document_id: str | None
    start: int | None
    end: int | None


class ComplianceLinePublic(BaseModel):
    commitment_id: str
    actor: str
    area: str | None
    compliance: str = Field(
        description="complied, partly, not complied, inconclusive or unassessed."
    )
    assessment: AssessmentPublic | None = Field(
        description="The assessment in force on the day."
    )


class SummaryPublic(BaseModel):
    key: str
    commitments: int
    assessed: int = Field(description="Commitments assessed, inconclusive included.")
    inconclusive: int
    mean_score: float | None = Field(
        description="Mean score of the assessed commitments, inconclusive left out."
    )


class ComplianceReportPublic(BaseModel):
    on: str
    meeting: str | None
    method: str
    description: dict[str, Any] = Field(
        description="The method, scale, selection, knowledge-base version (last "
        "change id) and the CSV columns, as /compliance/method.json gives them."
    )
    commitments: list[ComplianceLinePublic]
    by_state: list[SummaryPublic]
    by_area: list[SummaryPublic]
    overall: SummaryPublic


def _assessment(found: Assessment) -> AssessmentPublic:
    span = found.span
    return AssessmentPublic(
        date=str(found.date),
        score=None if found.score == "inconclusive" else found.score,
        assessor=found.assessor,
        note=found.note,
        evidence=found.evidence,
        document_id=found.document_id,
        start=None if span is None else span[0],
        end=None if span is None else span[1],
    )


def _summary(found: ComplianceSummary) -> SummaryPublic:
    return SummaryPublic(
        key=found.key,
        commitments=found.commitments,
        assessed=found.assessed,
        inconclusive=found.inconclusive,
        mean_score=found.mean_score,
    )


@router.post(
    "/commitments/{commitment_id}/assessments",
    response_model=Changes,
    status_code=201,
    summary="Assess a commitment's compliance (reviewers and above)",
    description="Adds an assessment with its evidence, logged as a change of the "
    "commitment (undo reverts it). A later assessment reverses an earlier one.",
    responses={
        404: {"description": "No such commitment, or no document the evidence names."},
        409: {"description": "The evidence's document id prefix fits several."},
    },
)
@needs(Role.reviewer)
def add_assessment(
    session: DbSession,
    caller: Caller,
    commitment_id: Annotated[str, Path(max_length=120)],
    body: AssessmentBody,
) -> Changes:
    done = assessments.record_assessment(
        session,
        commitment_id,
        score=str(body.score),
        on=body.date,
        assessor=caller.name,
        evidence=body.evidence,
        citation=body.citation,
        note=body.note,
    )
    session.commit()
    return changes_made([done.change])


@router.get(
    "/compliance",
    response_model=ComplianceReportPublic,
    summary="The compliance report",
    description="The commitments (of a meeting, or made between `from` and `to`, "
    "if given), each one's assessment in force on the day, and the mean scores per "
    "state and per area.",
    responses={404: {"description": "No such meeting."}},
)
@readable
def compliance_report(
    session: DbSession,
    meeting: Annotated[
        str | None, Query(max_length=120, description="A meeting id.")
    ] = None,
    start: Annotated[
        str | None,
        Query(
            alias="from",
            max_length=10,
            description="Only commitments made from this date on: YYYY[-MM[-DD]].",
        ),
    ] = None,
    end: Annotated[
        str | None,
        Query(
            alias="to",
            max_length=10,
            description="Only commitments made up to this date.",
        ),
    ] = None,
    on: Annotated[
        str | None,
        Query(max_length=10, description="As of this date (default: today)."),
    ] = None,
) -> ComplianceReportPublic:
    day = date.today()
    if on is not None:
        try:
            day = PartialDate.parse(on).last_day()
        except (ValueError, InputError) as err:
            raise ApiError(422, f"on: {err}", field="on") from None
    report = compliance.compliance_report(
        session, on=day, meeting=meeting, made=date_range(start, end)
    )
    return ComplianceReportPublic(
        on=report.on.isoformat(),
        meeting=report.meeting,
        method=METHOD,
        description=citation.method_description(
            report, known_on=None, last_change=listings.last_change_id(session) or 0
        ),
        commitments=[
            ComplianceLinePublic(
                commitment_id=line.commitment.id,
                actor=line.commitment.actor,
                area=line.commitment.area,
                compliance=line.compliance,
                assessment=None if line.current is None else _assessment(line.current),
            )
            for line in report.lines
        ],
        by_state=[_summary(s) for s in report.by_state],
        by_area=[_summary(s) for s in report.by_area],
        overall=_summary(report.overall),
    )
