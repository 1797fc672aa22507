"""Reviewing claims in the browser: the queue (/review, one row per group of
claims, the largest first, paged with totals), one claim with its evidence,
candidates and disagreements (/review/{id}), and the Accept, Reject and Edit
forms, which post to /review/{id}/accept|reject|edit (with `group`: the whole
group, one batch) and the Undo form (/review/{id}/undo: the signed-in user's own
last decision on the claim). Keys on the claim page (static/review.js): a accept,
r reject, n next group, u undo.

Every route needs the reviewer role; decisions are recorded with the signed-in
user's name as the actor. A decision that fails (a disagreement without a
choice, an invalid edit) shows the claim again with the message.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from scotrack.api.access import Caller, needs
from scotrack.api.database import DbSession
from scotrack.domain import vocab
from scotrack.errors import InputError
from scotrack.store import history
from scotrack.store.read import claims, queue
from scotrack.store.read.tables import date_range
from scotrack.store.write import edits, groups, review, undo
from scotrack.store.write.disagreements import Choice, Disagreements
from scotrack.store.write.tokens import Role
from scotrack.web.exports import FormatParam, respond
from scotrack.web.render import page
from scotrack.web.tables import SHOWN, FacetFilter, facet_boxes, sort_header

router = APIRouter(include_in_schema=False)

PAGE = 50
NOTICES = {
    "accepted": "Accepted: the knowledge base now holds this claim's facts.",
    "rejected": "Rejected: the claim stays, marked rejected.",
    "edited": "Edited: accepting will use the corrected fields.",
    "undone": "Undone: the claim is pending again.",
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
    status: Annotated[str | None, Query(max_length=16)] = None,
    source: Annotated[str | None, Query(max_length=300)] = None,
    size: Annotated[str | None, Query(max_length=8)] = None,
    score: Annotated[str | None, Query(max_length=10)] = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    sort: Annotated[str | None, Query(max_length=40)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: FormatParam = "html",
) -> Response:
    chosen = status or "pending"
    query = queue.QueueQuery(
        status=None if chosen == "all" else chosen,
        kind=kind or None,
        document=document or None,
        source=source or None,
        size=size or None,
        score=score or None,
        dates=date_range(start, end),
        sort=queue.queue_sort(sort),
    )
    found = queue.review_queue(
        session, query=query, limit=PAGE, offset=offset, facets=True
    )
    rows = [
        {
            "claim": row.claim.id,
            "kind": row.claim.kind,
            "summary": row.claim.summary,
            "proposal": row.claim.proposal,
            "entity": (
                f"{row.claim.entity_kind}:{row.claim.entity_id}"
                if row.claim.entity_id
                else None
            ),
            "document": row.claim.document_id,
            "document_title": row.document_title,
            "claims": row.claims,
            "documents": row.documents,
            "score": row.score,
            "status": row.claim.status,
            "source": row.outlet,
            "published": row.published_date,
        }
        for row in found.rows
    ]
    last = offset + len(found.rows)
    params = dict(request.query_params)
    shown = [
        value
        for facet in found.facets
        if facet.name == "document"
        for value, _ in facet.counts[:SHOWN]
        if value is not None
    ]
    titles = queue.document_titles(session, shown)
    names = {value: titles.get(value) or value[:12] for value in shown}
    return respond(
        request,
        "review_queue.html",
        rows,
        format,
        name="review",
        title="Review",
        queue=found,
        kinds=vocab.CLAIM_KINDS,
        statuses=(*vocab.CLAIM_STATUSES, "all"),
        status=chosen,
        previous=max(0, offset - PAGE) if offset else None,
        following=last if last < found.groups else None,
        headers=[
            sort_header(
                label, column, found.sort, params | {"offset": ""}, "/review", numeric
            )
            for label, column, numeric in SORTED_BY
        ],
        facets=facet_boxes(
            found.facets,
            params | {"offset": ""},
            "/review",
            FACET_FILTERS,
            TITLES,
            names,
        ),
    )


SORTED_BY = (
    ("Claim", "summary", False),
    ("Kind", "kind", False),
    ("Proposal", "proposal", False),
    ("Claims", "claims", True),
    ("Documents", "documents", True),
    ("Score", "score", True),
    ("Document", "document", False),
    ("Published", "published", False),
)
FACET_FILTERS: dict[str, FacetFilter] = {
    "kind": lambda value: {"kind": value},
    "status": lambda value: {"status": value},
    "document": lambda value: {"document": value},
    "source": lambda value: {"source": value},
    "size": lambda value: {"size": value},
    "score": lambda value: {"score": value},
}
TITLES = {
    "kind": "Kind",
    "status": "Status",
    "document": "Document",
    "source": "Source",
    "size": "Claims in the group",
    "score": "Link score",
}


def claim_page(
    request: Request,
    session: Session,
    claim_id: str,
    *,
    problem: str | None = None,
    status_code: int = 200,
    notice: str | None = None,
    actor: str | None = None,
) -> Response:
    found = review.view(session, claim_id)
    pending = [c for c in found.group if c.status == "pending"]
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
        group_pending=len(pending),
        following=queue.next_group(session, found.claim),
        undoable=_own_decision(session, found.claim.id, actor) is not None,
    )


def _own_decision(
    session: Session, claim_id: str, actor: str | None
) -> history.ChangeRecord | None:
    """The claim's last change, when it is a decision `actor` made (the Undo
    button undoes only one's own decision; editors undo others' from the log)."""
    found = history.entity_changes(session, "claim", claim_id, last=1)
    last = found[-1] if found else None
    if last is None or actor is None or last.actor != actor:
        return None
    return last if last.action in ("accept", "reject") else None


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
    caller: Caller,
    claim_id: str,
    done: Annotated[str | None, Query(max_length=16)] = None,
    decided: Annotated[int | None, Query(ge=0)] = None,
    left: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    full = claims.find_claim(session, claim_id).id
    if full != claim_id:  # a prefix, as the CLI prints: the page's one address
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/review/{full}{query}", status_code=308)
    notice = _notice(done, decided, left)
    return claim_page(request, session, claim_id, notice=notice, actor=caller.name)


def _notice(done: str | None, decided: int | None, left: int | None) -> str | None:
    """What the last decision did: a group decision says how many it decided."""
    notice = NOTICES.get(done or "")
    if notice is None or decided is None or done not in ("accepted", "rejected"):
        return notice
    notice = f"{done.capitalize()} {decided} claims of the group in one decision "
    notice += "(Undo reverts it)."
    if left:
        notice += f" {left} left pending: they give other values or disagree with "
        notice += "the knowledge base."
    return notice


def _decided(
    claim_id: str, done: str, decision: groups.GroupDecision | None = None
) -> Response:
    query = f"done={done}"
    if decision is not None:
        query += f"&decided={len(decision.decided)}&left={len(decision.left)}"
    return RedirectResponse(f"/review/{claim_id}?{query}", status_code=303)


def _failed(
    request: Request, session: Session, claim_id: str, err: InputError, actor: str
) -> Response:
    session.rollback()
    status = 409 if isinstance(err, Disagreements) else 422
    return claim_page(
        request, session, claim_id, problem=str(err), status_code=status, actor=actor
    )


@router.post("/review/{claim_id}/accept")
@needs(Role.reviewer)
def accept_claim(
    request: Request,
    session: DbSession,
    caller: Caller,
    claim_id: str,
    choice: Annotated[Choice | Literal[""], Form()] = "",
    link: Annotated[str | None, Form(max_length=200)] = None,
    note: Note = None,
    group: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    claim = claims.find_claim(session, claim_id)
    decide = groups.accept_group if group else review.accept
    try:
        done = decide(
            session,
            claim.id,
            actor=caller.name,
            link=link or None,
            choice=choice or None,
            note=note or None,
        )
    except InputError as err:
        return _failed(request, session, claim.id, err, caller.name)
    session.commit()
    return _decided(claim.id, "accepted", _group_of(done))


def _group_of(done: object) -> groups.GroupDecision | None:
    return done if isinstance(done, groups.GroupDecision) else None


@router.post("/review/{claim_id}/reject")
@needs(Role.reviewer)
def reject_claim(
    request: Request,
    session: DbSession,
    caller: Caller,
    claim_id: str,
    note: Note = None,
    group: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    claim = claims.find_claim(session, claim_id)
    decide = groups.reject_group if group else review.reject
    try:
        done = decide(session, claim.id, actor=caller.name, note=note or None)
    except InputError as err:
        return _failed(request, session, claim.id, err, caller.name)
    session.commit()
    return _decided(claim.id, "rejected", _group_of(done))


@router.post("/review/{claim_id}/undo")
@needs(Role.reviewer)
def undo_decision(
    request: Request, session: DbSession, caller: Caller, claim_id: str
) -> Response:
    """Undo the caller's last decision on the claim (with its whole batch)."""
    claim = claims.find_claim(session, claim_id)
    last = _own_decision(session, claim.id, caller.name)
    try:
        if last is None:
            raise InputError(
                f"claim {claim.id[:12]}: no decision of yours to undo here"
            )
        undo.undo_batch(session, last.id, actor=caller.name)
    except InputError as err:
        return _failed(request, session, claim.id, err, caller.name)
    session.commit()
    return _decided(claim.id, "undone")


async def _form(request: Request) -> FormData:
    """The posted form, read on the event loop for a handler that runs in a thread."""
    return await request.form()


@router.post("/review/{claim_id}/edit")
@needs(Role.reviewer)
def edit_claim(
    request: Request,
    session: DbSession,
    caller: Caller,
    claim_id: str,
    form: Annotated[FormData, Depends(_form)],
) -> Response:
    """A plain function, run in the threadpool: it reads and writes the store, which
    an `async def` would do on the event loop (#15); the form is read first, by the
    asynchronous dependency `_form`."""
    claim = claims.find_claim(session, claim_id)
    current = claim.effective_payload
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
        return _failed(request, session, claim.id, err, caller.name)
    session.commit()
    return _decided(claim.id, "edited")
