"""One id form on every surface: a record by its full id or a unique prefix.

The CLI prints shortened ids (12 characters in tables); the API and the web app
take the same ones, through `by_id_or_prefix`, so an id copied from one works in
the others (#14).
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.errors import Ambiguous, InputError, NotFound

PREFIX = 6
"""The fewest characters of an id that every surface accepts for it."""

Row = TypeVar("Row")


def by_id_or_prefix(session: Session, model: type[Row], what: str, ref: str) -> Row:
    """The `model` row whose id is `ref`, or the one whose id starts with it.

    InputError when `ref` is shorter than PREFIX characters, NotFound when no row
    matches, Ambiguous (listing them) when several do.
    """
    ref = ref.strip().lower()
    found = session.get(model, ref)
    if found is not None:
        return found
    if len(ref) < PREFIX:
        raise InputError(f"{what} {ref!r}: give at least {PREFIX} characters of its id")
    column: Any = model.id  # type: ignore[attr-defined]
    matches = list(
        session.scalars(select(model).where(column.startswith(ref)).limit(5))
    )
    if not matches:
        raise NotFound(f"{what} {ref!r}: no such {what} in the knowledge base")
    if len(matches) > 1:
        raise Ambiguous(what, ref, [m.id[:12] for m in matches])  # type: ignore[attr-defined]
    return matches[0]
