"""Shapes and parameters several routers share: dates, sources, changes.

Partial dates travel as ISO text (`2017`, `2017-06`, `2017-06-09`); `?on=` takes
the same forms and means the last day of a partial date, as the CLI's `--on`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, Field

from scotrack.api.errors import ApiError
from scotrack.domain.dates import PartialDate
from scotrack.domain.sources import Source
from scotrack.errors import InputError
from scotrack.store.history import ChangeRecord

OnParam = Annotated[
    str | None,
    Query(
        max_length=10,
        description="As of this day: YYYY, YYYY-MM or YYYY-MM-DD (a partial date "
        "means its last day). Default: today.",
    ),
]


def iso(value: PartialDate | date | None) -> str | None:
    """A partial date or a day as ISO text (None stays None)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def partial_date(value: str, name: str) -> PartialDate:
    """`value` as a PartialDate; 422 naming parameter `name` when it is not one."""
    try:
        return PartialDate.parse(value)
    except (InputError, ValueError) as err:
        raise ApiError(
            422,
            f"{name}: {value.strip()[:20]!r} is not a date: {_reason(err)}",
            field=name,
        ) from None


def on_day(value: str | None, name: str = "on") -> date:
    """The day `?on=` stands for: today when absent, the last day when partial."""
    if value is None:
        return date.today()
    return partial_date(value, name).last_day()


def _reason(err: Exception) -> str:
    text = str(err)
    return (
        text.removeprefix("date: ")
        if text.startswith("date: ")
        else ("give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-06-09)")
    )


class SourcePublic(BaseModel):
    """A citable source: an official text, a web page, a stored document."""

    id: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None
    document_id: str | None = Field(
        description="The stored document this source is, if any (GET /documents/{id})."
    )


def source_public(source: Source) -> SourcePublic:
    return SourcePublic(
        id=source.id,
        title=source.title,
        publisher=source.publisher,
        url=source.url,
        date=iso(source.date),
        document_id=source.document_id,
    )


class ChangePublic(BaseModel):
    """One entry of the append-only change log."""

    id: int = Field(description="Increasing: poll `GET /changes?since=ID`.")
    batch: str = Field(description="Shared by the changes one action made.")
    at: str = Field(description="UTC time, ISO 8601.")
    actor: str
    action: str = Field(description="baseline, accept, reject, edit or undo.")
    entity_kind: str
    entity_id: str
    before: dict[str, Any] | None = Field(
        description="The whole entity before (null: it did not exist)."
    )
    after: dict[str, Any] | None = Field(
        description="The whole entity after (null: it no longer exists)."
    )
    reason: str | None
    source_id: str | None
    claim_id: str | None
    undoes: str | None = Field(description="For an undo: the batch it reverts.")


def change_public(change: ChangeRecord) -> ChangePublic:
    return ChangePublic(
        id=change.id,
        batch=change.batch,
        at=change.at,
        actor=change.actor,
        action=change.action,
        entity_kind=change.entity_kind,
        entity_id=change.entity_id,
        before=change.before,
        after=change.after,
        reason=change.reason,
        source_id=change.source_id,
        claim_id=change.claim_id,
        undoes=change.undoes,
    )


class ChangeSummary(BaseModel):
    """A change a write made: its id, the entity and the action."""

    id: int
    batch: str
    action: str
    entity_kind: str
    entity_id: str
    actor: str
    at: str


class Changes(BaseModel):
    """What a write did: the changes it recorded, in order."""

    changes: list[ChangeSummary]


def changes_made(changes: list[ChangeRecord]) -> Changes:
    return Changes(
        changes=[
            ChangeSummary(
                id=c.id,
                batch=c.batch,
                action=c.action,
                entity_kind=c.entity_kind,
                entity_id=c.entity_id,
                actor=c.actor,
                at=c.at,
            )
            for c in changes
        ]
    )
