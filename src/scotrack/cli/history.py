"""`scotrack history`, `undo`, `edit` and `changes`: the knowledge base's change log."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import (
    MAX_ID,
    ByOption,
    DbOption,
    DebugOption,
    FormatOption,
    OutputFormat,
)
from scotrack.cli.output import render
from scotrack.cli.sessions import actor_for, kb_session, lazy_module, run_with_errors

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from scotrack.store import history
    from scotrack.store.read import claims, listings
    from scotrack.store.write import edits, undo
else:
    edits = lazy_module("scotrack.store.write.edits")
    undo = lazy_module("scotrack.store.write.undo")
    history = lazy_module("scotrack.store.history")
    claims = lazy_module("scotrack.store.read.claims")
    listings = lazy_module("scotrack.store.read.listings")
from scotrack.errors import InputError


def change_row(change: history.ChangeRecord, *, detail: bool = False) -> dict[str, Any]:
    """One change as a table row; `detail` adds the fields that changed."""
    row: dict[str, Any] = {
        "change": change.id,
        "at": change.at[:19].replace("T", " "),
        "by": change.actor,
        "action": change.action,
        "entity": f"{change.entity_kind}:{change.entity_id}",
        "what": _what(change),
        "reason": change.reason,
        "source": change.source_id,
    }
    if detail:
        row["batch"] = change.batch
        row["claim"] = change.claim_id
        row["before"] = change.before
        row["after"] = change.after
    return row


def _what(change: history.ChangeRecord) -> str:
    """The fields that differ, as `field: old -> new`, or created / removed."""
    before, after = change.before, change.after
    if before is None:
        return "created"
    if after is None:
        return "removed"
    parts = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if name == "supported_by" and old != new:
            was = {s["source_id"] for s in old or []}
            now = {s["source_id"] for s in new or []}
            parts += [f"+ source {s}" for s in sorted(now - was)]
            parts += [f"- source {s}" for s in sorted(was - now)]
        elif old != new:
            parts.append(f"{name}: {_short(old)} -> {_short(new)}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    text = (
        json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    )
    return text if len(text) <= 60 else text[:59] + "…"


def history_cli(
    entity: Annotated[
        str,
        typer.Argument(help="KIND:ID, e.g. meeting:hog-2017 or claim:3f9a1c0e…"),
    ],
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Every recorded change of one entity: who, when, what, why, from which source.

    Example: scotrack history meeting:hog-2017
    """

    def action() -> list[dict[str, Any]]:
        with kb_session(db) as session:
            changes = listings.entity_history(session, _expanded(session, entity))
            detail = format is OutputFormat.json
            return [change_row(c, detail=detail) for c in changes]

    rows = run_with_errors(action, debug=debug)
    columns = None
    if format is OutputFormat.table and rows:
        columns = [name for name in rows[0] if name != "entity"]
    render(rows, format, title=f"history of {entity}", columns=columns)


def _expanded(session: Session, entity: str) -> str:
    """`claim:PREFIX` with the claim's full id; other specs as given."""
    kind, _, ref = entity.partition(":")
    if kind == "claim" and ref:
        return f"claim:{claims.find_claim(session, ref).id}"
    return entity


def undo_cli(
    change: Annotated[
        int, typer.Argument(min=1, max=MAX_ID, help="The id of a change (see history).")
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why (kept in the log).")
    ] = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Revert a change (and the others its action made) by recording new ones.

    Refused when an entity it touched has changed since: undo that change first.

    Example: scotrack undo 131 --reason "wrong meeting"
    """

    def action() -> list[dict[str, Any]]:
        with kb_session(db, write=True) as session:
            actor = actor_for(by)
            done = undo.undo_batch(session, change, actor=actor, reason=reason)
            session.commit()
            return [change_row(c) for c in done]

    render(run_with_errors(action, debug=debug), format, title="changes")


def edit_cli(
    entity: Annotated[str, typer.Argument(help="KIND:ID, e.g. meeting:hog-2017.")],
    assignments: Annotated[
        list[str], typer.Option("--set", help="FIELD=VALUE; 'null' clears a field.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why (required, kept).")],
    source: Annotated[
        str | None, typer.Option("--source", help="The id of a supporting source.")
    ] = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Change fields of a fact by hand; the change is logged with its reason.

    Example: scotrack edit meeting:hog-2017 --set format=hybrid --reason "per MFA"
    """

    def action() -> list[dict[str, Any]]:
        with kb_session(db, write=True) as session:
            done = edits.edit_entity(
                session,
                entity,
                edits.parse_assignments(assignments),
                actor=actor_for(by),
                reason=reason,
                source_id=source,
            )
            session.commit()
            return [change_row(c) for c in done]

    render(run_with_errors(action, debug=debug), format, title="changes")


def changes_cli(
    since: Annotated[
        str,
        typer.Option("--since", help="A date (YYYY[-MM[-DD]]) or an ISO time, UTC."),
    ],
    limit: Annotated[int, typer.Option("--limit", min=1, max=MAX_ID)] = 1000,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Every change to the knowledge base since a date, oldest first.

    Example: scotrack changes --since 2026-11-01 --format json
    """

    def action() -> list[dict[str, Any]]:
        start = _since(since)
        with kb_session(db) as session:
            listing = listings.changes(since=start)
            found = listings.page(session, listing, limit=limit).items
            detail = format is OutputFormat.json
            return [change_row(c, detail=detail) for c in found]

    render(run_with_errors(action, debug=debug), format, title=f"changes since {since}")


def _since(text: str) -> str:
    """An ISO lower bound comparable with the log's `at` (`history.time_bound`)."""
    try:
        return history.time_bound(text)
    except InputError as err:
        raise InputError(f"--since: {err}") from None
