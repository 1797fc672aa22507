"""/api/v1/claims: the facts extracted from documents, and reviewing them.

Reviewers accept (the knowledge base changes, logged with the document as a
source), reject or edit pending claims; each write answers the changes it
recorded, made in the name of the token (its name is the actor in the log).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query

from scotrack.api.access import Caller, needs, readable
from scotrack.api.claim_schemas import (
    AcceptBody,
    BulkBody,
    BulkPublic,
    CandidatePublic,
    ClaimBrief,
    ClaimDocument,
    ClaimPublic,
    DisagreementPublic,
    EditBody,
    GroupChanges,
    GroupMember,
    GroupPlanPublic,
    RefinementPublic,
    RejectBody,
    SentencePublic,
    claim_brief,
    claim_summary,
    group_changes,
)
from scotrack.api.database import DbSession
from scotrack.api.paging import BY_DOCUMENT, CursorParam, LimitParam, Page, listing_page
from scotrack.api.schemas import Changes, changes_made
from scotrack.api.search import text_parts
from scotrack.domain.vocab import ClaimKind, ClaimStatus
from scotrack.store.read import claims, listings, reader
from scotrack.store.write import groups, review
from scotrack.store.write.tokens import Role

router = APIRouter(prefix="/claims", tags=["claims"])

ClaimId = Annotated[str, Path(max_length=32, description="The claim's id.")]


@router.get(
    "",
    response_model=Page[ClaimBrief],
    summary="Claims, by id",
    responses=BY_DOCUMENT,
)
@readable
def list_claims(
    session: DbSession,
    status: Annotated[ClaimStatus | None, Query(description="The status.")] = None,
    kind: Annotated[ClaimKind | None, Query(description="The kind of fact.")] = None,
    document: Annotated[
        str | None,
        Query(
            max_length=64,
            description="Only this document's claims (its id or a 6+ character "
            "prefix).",
        ),
    ] = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ClaimBrief]:
    if document is not None:  # its id or a unique prefix, as for /documents/{id}
        document = reader.document_id(session, document)
    listing = listings.claims(status=status, kind=kind, document_id=document)
    items, after = listing_page(session, listing, cursor, limit)
    return Page(items=[claim_brief(c) for c in items], next=after)


def _bulk(
    session: DbSession, caller: Caller, decision: groups.Decision, body: BulkBody
) -> BulkPublic:
    wanted = groups.ClaimFilter(
        kind=body.kind,
        document=body.document,
        source=body.source,
        min_score=body.min_score,
    )
    done = groups.decide_by_filter(
        session,
        decision,
        wanted,
        actor=caller.name,
        note=body.note,
        dry_run=body.dry_run,
    )
    session.commit()
    return BulkPublic(
        changes=changes_made(done.changes).changes,
        decision=decision,
        dry_run=done.dry_run,
        matched=done.matched,
        decided=done.decided,
        decided_groups=done.decided_groups,
        skipped=done.skipped,
        groups=[
            GroupPlanPublic(
                claim_id=g.claim_id,
                kind=g.kind,
                summary=g.summary,
                claims=g.claims,
                decided=g.decided,
                skipped=g.skipped,
            )
            for g in done.groups
        ],
    )


@router.post(
    "/accept",
    response_model=BulkPublic,
    summary="Accept every pending claim a filter selects (reviewers)",
    description="Group by group, in one batch (one undo reverts it). Ambiguous "
    "claims, groups whose claims disagree and claims that contradict the knowledge "
    "base are skipped and counted, never accepted. `dry_run` changes nothing.",
)
@needs(Role.reviewer)
def accept_claims(session: DbSession, caller: Caller, body: BulkBody) -> BulkPublic:
    return _bulk(session, caller, "accept", body)


@router.post(
    "/reject",
    response_model=BulkPublic,
    summary="Reject every pending claim a filter selects (reviewers)",
    description="In one batch (one undo reverts it); `dry_run` changes nothing.",
)
@needs(Role.reviewer)
def reject_claims(session: DbSession, caller: Caller, body: BulkBody) -> BulkPublic:
    return _bulk(session, caller, "reject", body)


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
    item = review.view(session, claim_id)
    claim, document = item.claim, item.document
    start, end = item.passage.first
    return ClaimPublic(
        **claim_brief(claim_summary(claim)).model_dump(),
        payload=item.payload,
        extracted=claim.payload,
        edited=claim.edited_payload is not None,
        evidence=[[a, b] for a, b in item.evidence],
        sentence=SentencePublic(
            text=item.passage.text,
            start=start,
            end=end,
            parts=text_parts(item.passage.parts()),
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
                reasons=list(c.reasons),
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


@router.post(
    "/{claim_id}/accept",
    response_model=GroupChanges,
    summary="Accept a claim (reviewers)",
    description="The knowledge base changes as the claim says and the change is "
    "logged. 409 with the fields when the claim disagrees with the knowledge base "
    "and no `choice` is given; 422 when it is ambiguous and no `link` is given. "
    "With `group`, its group's pending claims are accepted with it, in one batch.",
    responses={409: {"description": "The claim disagrees with the knowledge base."}},
)
@needs(Role.reviewer)
def accept_claim(
    session: DbSession,
    caller: Caller,
    claim_id: ClaimId,
    body: Annotated[AcceptBody | None, Body()] = None,
) -> GroupChanges:
    given = body or AcceptBody()
    claim = claims.find_claim(session, claim_id)
    decide = groups.accept_group if given.group else review.accept
    done = decide(
        session,
        claim.id,
        actor=caller.name,
        link=given.link,
        choice=given.choice,
        note=given.note,
    )
    session.commit()
    if isinstance(done, groups.GroupDecision):
        return group_changes(done)
    return GroupChanges(changes=changes_made(done).changes)


@router.post(
    "/{claim_id}/reject",
    response_model=GroupChanges,
    summary="Reject a claim (reviewers)",
    description="The claim stays, marked rejected, with who and why.",
)
@needs(Role.reviewer)
def reject_claim(
    session: DbSession,
    caller: Caller,
    claim_id: ClaimId,
    body: Annotated[RejectBody | None, Body()] = None,
) -> GroupChanges:
    given = body or RejectBody()
    claim = claims.find_claim(session, claim_id)
    if given.group:
        decision = groups.reject_group(
            session, claim.id, actor=caller.name, note=given.note
        )
        session.commit()
        return group_changes(decision)
    done = review.reject(session, claim.id, actor=caller.name, note=given.note)
    session.commit()
    return GroupChanges(changes=changes_made(done).changes)


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
    claim = claims.find_claim(session, claim_id)
    done = review.edit_claim(
        session, claim.id, body.set, actor=caller.name, note=body.note
    )
    session.commit()
    return changes_made(done)
