"""/api/v1/changes, /history, /entities and undo: the change log, read and written.

Mirrors follow the knowledge base with `GET /changes?since=ID`: every change after
change ID, in id order; they keep the last id they saw and ask again from it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query
from pydantic import BaseModel, Field

from scotrack.api.access import Caller, needs, readable
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.inputs import MAX_ID, IdPath
from scotrack.api.paging import CursorParam, LimitParam, Page, listing_page
from scotrack.api.schemas import ChangePublic, Changes, change_public, changes_made
from scotrack.errors import InputError, NotFound
from scotrack.store import history
from scotrack.store.read import listings, profiles
from scotrack.store.write import edits, undo
from scotrack.store.write.tokens import Role

router = APIRouter(tags=["changes"])


class EntityEdit(BaseModel):
    set: dict[str, str | int | float | None] = Field(
        min_length=1,
        description="field -> new value; null (or 'null') clears a field. Dates "
        "as YYYY[-MM[-DD]].",
    )
    reason: str = Field(min_length=1, max_length=2000, description="Why (kept).")
    source: str | None = Field(
        default=None, max_length=120, description="The id of a supporting source."
    )


class UndoBody(BaseModel):
    reason: str | None = Field(default=None, max_length=2000)


@router.get(
    "/changes",
    response_model=Page[ChangePublic],
    summary="The change feed",
    description="Every change after change `since` (an id; 0: from the start) in "
    "id order, or at or after `since` given as an ISO date or UTC time. Mirrors "
    "poll it with the last id they saw.",
)
@readable
def list_changes(
    session: DbSession,
    since: Annotated[
        str,
        Query(
            max_length=40,
            description="A change id (changes after it), or a date or time "
            "(YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], UTC: changes at or "
            "after it). A bare number is always a change id.",
        ),
    ] = "0",
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ChangePublic]:
    after_id, at = _since(since.strip())
    listing = listings.changes(after_id=after_id, since=at)
    items, after = listing_page(session, listing, cursor, limit)
    return Page(items=[change_public(c) for c in items], next=after)


def _since(text: str) -> tuple[int, str | None]:
    if text.isascii() and text.isdigit():
        if int(text) > MAX_ID:  # no change id is past 64 bits (#18)
            raise ApiError(
                422, f"since: a change id is at most {MAX_ID}", field="since"
            )
        return int(text), None
    try:
        return 0, history.time_bound(text)
    except InputError:
        raise ApiError(
            422,
            f"since: {text[:40]!r} is not a change id, a date (YYYY[-MM[-DD]]) or "
            "a time (YYYY-MM-DDTHH:MM:SS)",
            field="since",
        ) from None


@router.get(
    "/history/{kind}/{entity_id}",
    response_model=list[ChangePublic],
    summary="Every change of one entity",
    description="kind: meeting, agreement, status-interval, commitment, project "
    "or claim.",
)
@readable
def get_history(
    session: DbSession,
    kind: Annotated[str, Path(max_length=32)],
    entity_id: Annotated[str, Path(max_length=120)],
) -> list[ChangePublic]:
    if kind not in history.TRACKED:
        raise ApiError(
            422, f"kind: choose one of {', '.join(history.TRACKED)}", field="kind"
        )
    try:
        found = listings.entity_history(session, f"{kind}:{entity_id}")
    except InputError as err:
        raise NotFound(str(err)) from None
    return [change_public(c) for c in found]


@router.patch(
    "/entities/{kind}/{entity_id}",
    response_model=Changes,
    summary="Edit a fact by hand (editors)",
    description="Sets fields of a meeting, agreement, status-interval, commitment "
    "or project; logged with the reason.",
)
@needs(Role.editor)
def edit_entity(
    session: DbSession,
    caller: Caller,
    kind: Annotated[str, Path(max_length=32)],
    entity_id: Annotated[str, Path(max_length=120)],
    body: EntityEdit,
) -> Changes:
    profiles.entity_exists(session, kind, entity_id)
    done = edits.edit_entity(
        session,
        f"{kind}:{entity_id}",
        {name: _text(value) for name, value in body.set.items()},
        actor=caller.name,
        reason=body.reason,
        source_id=body.source,
    )
    session.commit()
    return changes_made(done)


def _text(value: Any) -> str:
    return "null" if value is None else str(value)


@router.post(
    "/changes/{change_id}/undo",
    response_model=Changes,
    summary="Undo a change (editors)",
    description="Reverts the change and the others its action made, by recording "
    "new changes. 422 when an entity it touched changed since: undo that first.",
)
@needs(Role.editor)
def undo_change(
    session: DbSession,
    caller: Caller,
    change_id: IdPath,
    body: Annotated[UndoBody | None, Body()] = None,
) -> Changes:
    reason = None if body is None else body.reason
    done = undo.undo_batch(session, change_id, actor=caller.name, reason=reason)
    session.commit()
    return changes_made(done)
