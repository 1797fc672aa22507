"""Undoing an action: its changes reverted as new `undo` changes of the log
(`undo_batch`), refused when an entity it touched changed again since."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.errors import InputError, NotFound
from scotrack.store.history import (
    ChangeRecord,
    Recorder,
    current,
    entity_changes,
    loads,
    restore,
)
from scotrack.store.provenance import Change


def change(session: Session, change_id: int) -> Change:
    found = session.get(Change, change_id)
    if found is None:
        raise NotFound(f"change {change_id}: no such change")
    return found


def batch_changes(session: Session, batch: str) -> list[Change]:
    return list(
        session.scalars(select(Change).where(Change.batch == batch).order_by(Change.id))
    )


class UndoConflict(InputError):
    """The entity changed after the change to undo; undoing would lose that."""


def undo_batch(
    session: Session, change_id: int, *, actor: str, reason: str | None = None
) -> list[ChangeRecord]:
    """Revert the action that made change `change_id`, as new `undo` changes.

    Refused (UndoConflict) when an entity it touched changed again since, naming
    the later change: undo that one first.
    """
    first = change(session, change_id)
    done = batch_changes(session, first.batch)
    for item in done:
        (latest,) = entity_changes(session, item.entity_kind, item.entity_id, last=1)
        if latest.id != item.id:
            raise UndoConflict(
                f"change {change_id}: {item.entity_kind} {item.entity_id} changed "
                f"again in change {latest.id} ({latest.action} by {latest.actor}); "
                f"undo change {latest.id} first"
            )
    why = reason or f"undo of change {change_id}"
    recorder = Recorder(session, actor, "undo", reason=why, undoes=first.batch)
    for item in reversed(done):
        before = current(session, item.entity_kind, item.entity_id)
        restore(session, item.entity_kind, item.entity_id, loads(item.before))
        after = current(session, item.entity_kind, item.entity_id)
        recorder.record(
            item.entity_kind,
            item.entity_id,
            before,
            after,
            source_id=item.source_id,
            claim_id=item.claim_id,
        )
    return recorder.records()
