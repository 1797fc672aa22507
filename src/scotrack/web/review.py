"""Reviewing claims in the browser: the queue (/review), one claim with its
evidence, candidates and disagreements (/review/{id}), and the Accept, Reject
and Edit forms, which post to /review/{id}/accept|reject|edit.

Every route needs the reviewer role; decisions are recorded with the signed-in
user's name as the actor. A decision that fails (a disagreement without a
choice, an invalid edit) shows the claim again with the message.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from scotrack.api.access import Caller, needs
from scotrack.api.database import DbSession
from scotrack.errors import InputError
from scotrack.store import edits, reader, review
from scotrack.store.tokens import Role
from scotrack.web.exports import FormatParam, respond
from scotrack.web.render import page

router = APIRouter(include_in_schema=False)

PAGE = 50
NOTICES = {
    "accepted": "Accepted: the knowledge base now holds this claim's facts.",
    "rejected": "Rejected: the claim stays, marked rejected.",
    "edited": "Edited: accepting will use the corrected fields.",
}
HIDDEN_FIELDS = ("text", "evidence")
"""Payload fields the edit form does not offer (the evidence is the document's)."""

Note = Annotated[str | None, Form(max_length=2000)]


@router.get("/review")
@needs(Role.reviewer)
def queue_page(
    request: Request,
    session: DbSession,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    document: Annotated[str | None, Query(max_length=64)] = None,
    after: Annotated[str | None, Query(max_length=32)] = None,
    format: FormatParam = "html",
) -> Response:
    found = reader.review_queue(
        session, kind=kind or None, document=document or None, after=after, limit=PAGE
    )
    shown = found[:PAGE]
    rows = [
        {
            "claim": c.id,
            "kind": c.kind,
            "summary": c.summary,
            "proposal": c.proposal,
            "entity": f"{c.entity_kind}:{c.entity_id}" if c.entity_id else None,
            "document": c.document_id,
            "document_title": c.document_title,
        }
        for c in shown
    ]
    return respond(
        request,
        "review_queue.html",
        rows,
        format,
        name="review",
        title="Review",
        claims=shown,
        kinds=review.KINDS,
        following=shown[-1].id if len(found) > PAGE else None,
    )


def claim_page(
    request: Request,
    session: Session,
    claim_id: str,
    *,
    problem: str | None = None,
    status_code: int = 200,
    notice: str | None = None,
) -> Response:
    found = review.view(session, review.find_claim(session, claim_id))
    editable = {
        name: "" if value is None else _shown(value)
        for name, value in found.payload.items()
        if name not in HIDDEN_FIELDS
    }
    return page(
        request,
        "review_claim.html",
        status_code=status_code,
        title=f"Claim {found.claim.id[:12]}",
        view=found,
        claim=found.claim,
        editable=editable,
        problem=problem,
        notice=notice,
    )


def _shown(value: Any) -> str:
    """A field's value in the edit form: a list of plain words as `A, B` (#14),
    anything else structured as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(_plain(item) for item in value):
        return ", ".join(value)
    return json.dumps(value, ensure_ascii=False)


def _plain(item: Any) -> bool:
    return isinstance(item, str) and "," not in item and item.strip() == item != ""


@router.get("/review/{claim_id}")
@needs(Role.reviewer)
def review_claim_page(
    request: Request,
    session: DbSession,
    claim_id: str,
    done: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    full = review.find_claim(session, claim_id).id
    if full != claim_id:  # a prefix, as the CLI prints: the page's one address
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/review/{full}{query}", status_code=308)
    return claim_page(request, session, claim_id, notice=NOTICES.get(done or ""))


def _decided(claim_id: str, done: str) -> Response:
    return RedirectResponse(f"/review/{claim_id}?done={done}", status_code=303)


def _failed(
    request: Request, session: Session, claim_id: str, err: InputError
) -> Response:
    session.rollback()
    status = 409 if getattr(err, "found", None) is not None else 422
    return claim_page(request, session, claim_id, problem=str(err), status_code=status)


@router.post("/review/{claim_id}/accept")
@needs(Role.reviewer)
def accept_claim(
    request: Request,
    session: DbSession,
    caller: Caller,
    claim_id: str,
    choice: Annotated[Literal["keep", "take", ""], Form()] = "",
    link: Annotated[str | None, Form(max_length=200)] = None,
    note: Note = None,
) -> Response:
    claim = review.find_claim(session, claim_id)
    try:
        review.accept(
            session,
            claim.id,
            actor=caller.name,
            link=link or None,
            choice=choice or None,
            note=note or None,
        )
    except InputError as err:
        return _failed(request, session, claim.id, err)
    session.commit()
    return _decided(claim.id, "accepted")


@router.post("/review/{claim_id}/reject")
@needs(Role.reviewer)
def reject_claim(
    request: Request,
    session: DbSession,
    caller: Caller,
    claim_id: str,
    note: Note = None,
) -> Response:
    claim = review.find_claim(session, claim_id)
    try:
        review.reject(session, claim.id, actor=caller.name, note=note or None)
    except InputError as err:
        return _failed(request, session, claim.id, err)
    session.commit()
    return _decided(claim.id, "rejected")


@router.post("/review/{claim_id}/edit")
@needs(Role.reviewer)
async def edit_claim(
    request: Request, session: DbSession, caller: Caller, claim_id: str
) -> Response:
    form = await request.form()
    claim = review.find_claim(session, claim_id)
    current = review.effective_payload(claim)
    changes = {}
    for key, raw in form.multi_items():
        if not key.startswith("field.") or not isinstance(raw, str):
            continue
        name = key.removeprefix("field.")
        value = edits.claim_value(name, raw)
        if name in current and value != current.get(name):
            changes[name] = value
    note = form.get("note")
    try:
        review.edit_claim(
            session,
            claim.id,
            changes,
            actor=caller.name,
            note=note if isinstance(note, str) and note else None,
        )
    except InputError as err:
        return _failed(request, session, claim.id, err)
    session.commit()
    return _decided(claim.id, "edited")
