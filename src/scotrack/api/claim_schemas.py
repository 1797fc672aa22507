"""The shapes of /api/v1/claims: a claim in brief and as a reviewer sees it, the
bodies of the decisions and what they answer (`claims` holds the routes)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from scotrack.api.schemas import Changes, changes_made
from scotrack.api.search import TextPart
from scotrack.domain.vocab import ClaimKind
from scotrack.store.read.claims import ClaimRecord
from scotrack.store.read.listings import ClaimSummary
from scotrack.store.write import groups
from scotrack.store.write.disagreements import Choice


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
    text: str = Field(
        description="The sentence around each evidence span, those of spans apart "
        "joined by ` … `, white space made single spaces."
    )
    start: int = Field(description="Where the first evidence span starts in `text`.")
    end: int = Field(description="Where it ends (0 and 0 when no span is in `text`).")
    parts: list[TextPart] = Field(
        description="`text` cut at the evidence spans, each span a `hit`."
    )


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
    choice: Choice | None = Field(
        default=None,
        description="On disagreement: keep the knowledge base's values or take the "
        "claim's. Without it a disagreement is a 409 listing the fields.",
    )
    note: str | None = Field(default=None, max_length=2000)
    group: bool = Field(
        default=False,
        description="Accept every pending claim of its group too, linked to the same "
        "entity, in one batch (one undo reverts it); claims giving incompatible "
        "values or contradicting the knowledge base stay pending, listed in `left`.",
    )


class RejectBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)
    group: bool = Field(
        default=False,
        description="Reject the pending claims of its group that agree with it too.",
    )


class EditBody(BaseModel):
    set: dict[str, Any] = Field(
        min_length=1,
        description="field -> new value (JSON: text, numbers, lists; null clears).",
    )
    note: str | None = Field(default=None, max_length=2000)


class LeftPublic(BaseModel):
    claim_id: str
    reason: str


class GroupChanges(Changes):
    """What a decision did: its changes and, with `group`, the claims it decided
    and those it left pending (with why)."""

    decided: list[str] = Field(default_factory=list)
    left: list[LeftPublic] = Field(default_factory=list)


def group_changes(decision: groups.GroupDecision) -> GroupChanges:
    return GroupChanges(
        changes=changes_made(decision.changes).changes,
        decided=decision.decided,
        left=[LeftPublic(claim_id=i.claim_id, reason=i.reason) for i in decision.left],
    )


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


class BulkBody(BaseModel):
    """Which pending claims to decide; every given filter must hold."""

    kind: ClaimKind | None = None
    document: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, max_length=200, description="Outlet.")
    min_score: int | None = Field(default=None, ge=0, le=100)
    dry_run: bool = Field(default=False, description="Say what, change nothing.")
    note: str | None = Field(default=None, max_length=2000)


class GroupPlanPublic(BaseModel):
    claim_id: str = Field(description="The group's claim with the best score.")
    kind: str
    summary: str
    claims: int
    decided: int
    skipped: str | None


class BulkPublic(Changes):
    decision: str
    dry_run: bool
    matched: int = Field(description="Pending claims the filters selected.")
    decided: int
    decided_groups: int
    skipped: dict[str, int] = Field(
        description="Claims left pending: ambiguous, conflicting, disagreeing."
    )
    groups: list[GroupPlanPublic]


def claim_summary(claim: ClaimRecord) -> ClaimSummary:
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
