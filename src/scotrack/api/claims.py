"""/api/v1/claims: the facts extracted from documents, and reviewing them.

Reviewers accept (the knowledge base changes, logged with the document as a
source), reject or edit pending claims; each write answers the changes it
recorded, made in the name of the token (its name is the actor in the log).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import Caller, needs, readable
from scotrack.api.database import DbSession
from scotrack.api.paging import CursorParam, LimitParam, Page, listing_page
from scotrack.api.schemas import Changes, changes_made
from scotrack.api.search import TextPart, text_parts
from scotrack.store import listings, review
from scotrack.store.listings import ClaimSummary
from scotrack.store.tokens import Role

router = APIRouter(prefix="/claims", tags=["claims"])

ClaimId = Annotated[str, Path(max_length=32, description="The claim's id.")]
ClaimStatus = Literal["pending", "accepted", "rejected"]
ClaimKind = Literal["meeting", "agreement", "commitment", "project", "membership"]


class ClaimBrief(BaseModel):
    id: str
    kind: str
    summary: str
    status: str = Field(description="pending, accepted or rejected.")
    proposal: str = Field(description="link, ambiguous or new.")
    entity_kind: str | None
    entity_id: str | None
    document_id: str
    group_key: str = Field(description="Shared by the claims about one fact.")


class CandidatePublic(BaseModel):
    entity_kind: str
    entity_id: str
    label: str
    score: int
    reasons: list[str]


class DisagreementPublic(BaseModel):
    field: str
    knowledge_base: Any
    claim: Any


class RefinementPublic(BaseModel):
    field: str
    knowledge_base: str = Field(description="The date the knowledge base holds.")
    refined: str = Field(description="The more precise date accepting stores.")


class ClaimDocument(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published_date: str | None
    url: str | None


class SentencePublic(BaseModel):
    text: str
    start: int = Field(description="Where the evidence starts in `text`.")
    end: int
    parts: list[TextPart] = Field(description="`text` cut at the evidence span.")


class GroupMember(BaseModel):
    id: str
    document_id: str
    status: str


class ClaimPublic(ClaimBrief):
    payload: dict[str, Any] = Field(
        description="The fields accepting uses: the reviewer's edit, else as extracted."
    )
    extracted: dict[str, Any] = Field(description="The fields as extracted.")
    edited: bool
    evidence: list[list[int]] = Field(
        description="[start, end] offsets into the document's clean text."
    )
    sentence: SentencePublic
    document: ClaimDocument
    candidates: list[CandidatePublic]
    group: list[GroupMember] = Field(description="Every claim about the same fact.")
    group_conflicts: dict[str, dict[str, list[str]]] = Field(
        description="field -> value -> ids of the group's claims that give it."
    )
    disagreements: list[DisagreementPublic] = Field(
        description="Where accepting as proposed would contradict the knowledge "
        "base (accept then needs `choice`)."
    )
    refinements: list[RefinementPublic] = Field(
        default_factory=list,
        description="Dates of the knowledge base that accepting as proposed makes "
        "more precise (2017-06 -> 2017-06-09): agreement, logged with the acceptance.",
    )
    decided_by: str | None
    decided_at: str | None
    note: str | None


class AcceptBody(BaseModel):
    link: str | None = Field(
        default=None,
        max_length=200,
        description="Link to this entity (KIND:ID, e.g. meeting:hos-2017) or `new`.",
    )
    choice: Literal["keep", "take"] | None = Field(
        default=None,
        description="On disagreement: keep the knowledge base's values or take the "
        "claim's. Without it a disagreement is a 409 listing the fields.",
    )
    note: str | None = Field(default=None, max_length=2000)


class RejectBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class EditBody(BaseModel):
    set: dict[str, Any] = Field(
        min_length=1,
        description="field -> new value (JSON: text, numbers, lists; null clears).",
    )
    note: str | None = Field(default=None, max_length=2000)


def claim_brief(claim: ClaimSummary) -> ClaimBrief:
    return ClaimBrief(
        id=claim.id,
        kind=claim.kind,
        summary=claim.summary,
        status=claim.status,
        proposal=claim.proposal,
        entity_kind=claim.entity_kind,
        entity_id=claim.entity_id,
        document_id=claim.document_id,
        group_key=claim.group_key,
    )


@router.get("", response_model=Page[ClaimBrief], summary="Claims, by id")
@readable
def list_claims(
    session: DbSession,
    status: Annotated[ClaimStatus | None, Query(description="The status.")] = None,
    kind: Annotated[ClaimKind | None, Query(description="The kind of fact.")] = None,
    document: Annotated[
        str | None, Query(max_length=64, description="Only this document's claims.")
    ] = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ClaimBrief]:
    listing = listings.claims(status=status, kind=kind, document_id=document)
    items, after = listing_page(session, listing, cursor, limit)
    return Page(items=[claim_brief(c) for c in items], next=after)


@router.get(
    "/{claim_id}",
    response_model=ClaimPublic,
    summary="One claim as a reviewer sees it",
    description="Its fields, evidence sentence, candidate entities, the claims of "
    "other documents about the same fact, and any disagreement with the knowledge "
    "base.",
)
@readable
def get_claim(session: DbSession, claim_id: ClaimId) -> ClaimPublic:
    item = review.view(session, review.find_claim(session, claim_id))
    claim, document = item.claim, item.document
    sentence, start, end = item.sentence
    return ClaimPublic(
        **claim_brief(_summary(claim)).model_dump(),
        payload=item.payload,
        extracted=json.loads(claim.payload),
        edited=claim.edited_payload is not None,
        evidence=[[a, b] for a, b in item.evidence],
        sentence=SentencePublic(
            text=sentence,
            start=start,
            end=end,
            parts=text_parts(_cut(sentence, start, end)),
        ),
        document=ClaimDocument(
            id=document.id,
            title=document.title,
            outlet=document.outlet,
            published_date=document.published_date,
            url=document.url,
        ),
        candidates=[
            CandidatePublic(
                entity_kind=c.entity_kind,
                entity_id=c.entity_id,
                label=c.label,
                score=c.score,
                reasons=json.loads(c.reasons),
            )
            for c in item.candidates
        ],
        group=[
            GroupMember(id=g.id, document_id=g.document_id, status=g.status)
            for g in item.group
        ],
        group_conflicts=item.group_conflicts,
        disagreements=[
            DisagreementPublic(field=d.field, knowledge_base=d.known, claim=d.claimed)
            for d in item.disagreements
        ],
        refinements=[
            RefinementPublic(field=r.field, knowledge_base=r.known, refined=r.refined)
            for r in item.refinements
        ],
        decided_by=claim.decided_by,
        decided_at=claim.decided_at,
        note=claim.note,
    )


def _summary(claim: Any) -> ClaimSummary:
    return ClaimSummary(
        claim.id,
        claim.kind,
        claim.summary,
        claim.status,
        claim.proposal,
        claim.entity_kind,
        claim.entity_id,
        claim.document_id,
        claim.group_key,
    )


def _cut(text: str, start: int, end: int) -> list[tuple[str, bool]]:
    if not 0 <= start < end <= len(text):
        return [(text, False)] if text else []
    pieces = [(text[:start], False), (text[start:end], True), (text[end:], False)]
    return [piece for piece in pieces if piece[0]]


@router.post(
    "/{claim_id}/accept",
    response_model=Changes,
    summary="Accept a claim (reviewers)",
    description="The knowledge base changes as the claim says and the change is "
    "logged. 409 with the fields when the claim disagrees with the knowledge base "
    "and no `choice` is given; 422 when it is ambiguous and no `link` is given.",
    responses={409: {"description": "The claim disagrees with the knowledge base."}},
)
@needs(Role.reviewer)
def accept_claim(
    session: DbSession,
    caller: Caller,
    claim_id: ClaimId,
    body: Annotated[AcceptBody | None, Body()] = None,
) -> Changes:
    given = body or AcceptBody()
    claim = review.find_claim(session, claim_id)
    done = review.accept(
        session,
        claim.id,
        actor=caller.name,
        link=given.link,
        choice=given.choice,
        note=given.note,
    )
    session.commit()
    return changes_made(done)


@router.post(
    "/{claim_id}/reject",
    response_model=Changes,
    summary="Reject a claim (reviewers)",
    description="The claim stays, marked rejected, with who and why.",
)
@needs(Role.reviewer)
def reject_claim(
    session: DbSession,
    caller: Caller,
    claim_id: ClaimId,
    body: Annotated[RejectBody | None, Body()] = None,
) -> Changes:
    given = body or RejectBody()
    claim = review.find_claim(session, claim_id)
    done = review.reject(session, claim.id, actor=caller.name, note=given.note)
    session.commit()
    return changes_made(done)


@router.patch(
    "/{claim_id}",
    response_model=Changes,
    summary="Correct a pending claim's fields (reviewers)",
    description="The fields are checked like extracted ones; accepting then uses them.",
)
@needs(Role.reviewer)
def edit_claim(
    session: DbSession, caller: Caller, claim_id: ClaimId, body: EditBody
) -> Changes:
    claim = review.find_claim(session, claim_id)
    done = review.edit_claim(
        session, claim.id, body.set, actor=caller.name, note=body.note
    )
    session.commit()
    return changes_made(done)
