"""The change log: snapshots of entities, recording changes, undo, and reading it back.

Every change to a tracked entity (`TRACKED`) is one `change` row holding the whole
entity before and after as JSON (`snapshot`), so a change can be shown, undone
(`undo_batch` restores `before` by recording a new change) and replayed to see the
knowledge base as it stood on a past day (`scotrack.store.read.replay`). The changes one
action makes (accepting a claim: the meeting and the claim) share a batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, func, inspect, select
from sqlalchemy.orm import RelationshipProperty, Session

from scotrack.domain.dates import PartialDate
from scotrack.domain.vocab import ENTITY_KINDS, NUMBERED_KINDS
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.provenance import Change, Claim, Document, FactSource

Snapshot = dict[str, Any]

TRACKED: dict[str, type[models.Base]] = {
    "meeting": models.Meeting,
    "agreement": models.Agreement,
    "status-interval": models.StatusInterval,
    "commitment": models.Commitment,
    "project": models.Project,
    "claim": Claim,
}
"""Entity kinds whose every change is logged, and their tables."""

ACTIONS = ("baseline", "accept", "reject", "edit", "assess", "undo")


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One entry of the change log as the surfaces show it: a `Change` row with
    its snapshots parsed (None: the entity did not exist before, or no longer
    exists after)."""

    id: int
    batch: str
    at: str
    actor: str
    action: str
    entity_kind: str
    entity_id: str
    before: Snapshot | None
    after: Snapshot | None
    reason: str | None
    source_id: str | None
    claim_id: str | None
    undoes: str | None


def change_record(row: Change) -> ChangeRecord:
    """The read model of one change log row (flushed: it has its id)."""
    return ChangeRecord(
        row.id,
        row.batch,
        row.at,
        row.actor,
        row.action,
        row.entity_kind,
        row.entity_id,
        loads(row.before),
        loads(row.after),
        row.reason,
        row.source_id,
        row.claim_id,
        row.undoes,
    )


def now() -> str:
    """The current UTC time as the log writes it."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _owned(model: type[models.Base]) -> list[RelationshipProperty[Any]]:
    """The relationships whose rows belong to the entity (deleted with it)."""
    return [rel for rel in inspect(model).relationships if rel.cascade.delete_orphan]


def _child_columns(rel: RelationshipProperty[Any]) -> list[str]:
    """A part's columns without its surrogate id and the key pointing at its owner."""
    mapper = rel.mapper
    back = {column.key for column in rel.remote_side}
    names = []
    for column in mapper.columns:
        surrogate = column.primary_key and column.autoincrement is True
        surrogate = surrogate and isinstance(column.type, Integer)
        if column.key in back or surrogate:
            continue
        names.append(column.key)
    return names


def snapshot(row: models.Base, kind: str | None = None) -> Snapshot:
    """The entity's columns and parts as plain JSON-ready values; for an entity
    of the knowledge base (`kind` in `vocab.ENTITY_KINDS`) also the documents that
    support it (`fact_source`)."""
    model = type(row)
    data: Snapshot = {c.key: getattr(row, c.key) for c in inspect(model).columns}
    for rel in _owned(model):
        columns = _child_columns(rel)
        data[rel.key] = [
            {name: getattr(child, name) for name in columns}
            for child in getattr(row, rel.key)
        ]
    if kind in ENTITY_KINDS:
        data["supported_by"] = [
            {"source_id": s.source_id, "claim_id": s.claim_id}
            for s in _supports(Session.object_session(row), kind, entity_key(row))
        ]
    return data


def _supports(session: Session | None, kind: str, entity_id: str) -> list[FactSource]:
    if session is None:
        return []
    query = (
        select(FactSource)
        .where(FactSource.entity_kind == kind, FactSource.entity_id == entity_id)
        .order_by(FactSource.source_id)
    )
    return list(session.scalars(query))


def entity_key(row: models.Base) -> str:
    """The id of a tracked entity's row as the log writes it (every one has `id`)."""
    return str(row.id)  # type: ignore[attr-defined]


def model_of(kind: str) -> type[models.Base]:
    try:
        return TRACKED[kind]
    except KeyError:
        known = ", ".join(TRACKED)
        raise InputError(f"unknown entity kind {kind!r} (known: {known})") from None


def entity_row(session: Session, kind: str, entity_id: str) -> models.Base | None:
    model = model_of(kind)
    key: Any = int(entity_id) if kind in NUMBERED_KINDS else entity_id
    return session.get(model, key)


def current(session: Session, kind: str, entity_id: str) -> Snapshot | None:
    row = entity_row(session, kind, entity_id)
    return None if row is None else snapshot(row, kind)


def restore(
    session: Session, kind: str, entity_id: str, data: Snapshot | None
) -> models.Base | None:
    """Make the entity equal to `data` (None: remove it); the row, or None."""
    model = model_of(kind)
    row = entity_row(session, kind, entity_id)
    if kind in ENTITY_KINDS:
        for support in _supports(session, kind, entity_id):
            session.delete(support)
        session.flush()
        for item in (data or {}).get("supported_by", []):
            session.add(FactSource(entity_kind=kind, entity_id=entity_id, **item))
    if data is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return None
    columns = {c.key for c in inspect(model).columns}
    if row is None:
        row = model(**{k: v for k, v in data.items() if k in columns})
        session.add(row)
    else:
        for name in columns:
            if name in data and getattr(row, name) != data[name]:
                setattr(row, name, data[name])
    for rel in _owned(model):
        parts = getattr(row, rel.key)
        parts.clear()
        session.flush()
        parts.extend(rel.mapper.class_(**values) for values in data.get(rel.key, []))
    session.flush()
    return row


def new_batch() -> str:
    return uuid.uuid4().hex


@dataclass(slots=True)
class Recorder:
    """Records the changes of one action under one batch id."""

    session: Session
    actor: str
    action: str
    reason: str | None = None
    source_id: str | None = None
    claim_id: str | None = None
    undoes: str | None = None
    batch: str = field(default_factory=new_batch)
    at: str = field(default_factory=now)
    changes: list[Change] = field(default_factory=list)

    def record(
        self,
        kind: str,
        entity_id: str,
        before: Snapshot | None,
        after: Snapshot | None,
        *,
        source_id: str | None = None,
        claim_id: str | None = None,
    ) -> Change | None:
        """Log one entity's change; nothing when before and after are equal."""
        if before == after:
            return None
        change = Change(
            batch=self.batch,
            at=self.at,
            actor=self.actor,
            action=self.action,
            entity_kind=kind,
            entity_id=entity_id,
            before=None if before is None else _dumps(before),
            after=None if after is None else _dumps(after),
            reason=self.reason,
            source_id=source_id or self.source_id,
            claim_id=claim_id or self.claim_id,
            undoes=self.undoes,
        )
        self.session.add(change)
        self.changes.append(change)
        return change

    def records(self) -> list[ChangeRecord]:
        """The changes recorded so far, flushed (so numbered), as read models."""
        self.session.flush()
        return [change_record(row) for row in self.changes]

    @contextmanager
    def tracking(self, kind: str, entity_id: str) -> Iterator[None]:
        """Record whatever the block does to one entity."""
        before = current(self.session, kind, entity_id)
        yield
        self.session.flush()
        self.record(kind, entity_id, before, current(self.session, kind, entity_id))


@dataclass(slots=True)
class Batch:
    """What one action decided on one claim or many, logged as one batch: each
    entity changed once, from its state before the first decision to its state
    after the last, so `undo` of any change of the batch reverts all of it (#14)."""

    session: Session
    facts: dict[tuple[str, str], Snapshot | None] = field(default_factory=dict)
    """The facts changed, each with its snapshot from before the first change."""
    claims: dict[str, tuple[Snapshot | None, str | None]] = field(default_factory=dict)
    """The claims decided: snapshot before, and the source their document is."""

    def record(self, recorder: Recorder) -> list[ChangeRecord]:
        """Log every change (facts first, then claims) under `recorder`'s batch."""
        self.session.flush()
        for (kind, entity_id), before in self.facts.items():
            after = current(self.session, kind, entity_id)
            source = next(iter(self.claims.values()), (None, None))[1]
            recorder.record(kind, entity_id, before, after, source_id=source)
        for claim_id, (before, source) in self.claims.items():
            after = current(self.session, "claim", claim_id)
            recorder.record(
                "claim", claim_id, before, after, source_id=source, claim_id=claim_id
            )
        return recorder.records()


def _dumps(data: Snapshot) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def loads(text: str | None) -> Snapshot | None:
    return None if text is None else dict(json.loads(text))


def tracked_snapshots(
    session: Session, kinds: Iterable[str] = ENTITY_KINDS
) -> dict[tuple[str, str], Snapshot]:
    """Every entity of `kinds` now, by (kind, id)."""
    found: dict[tuple[str, str], Snapshot] = {}
    for kind in kinds:
        for row in session.scalars(select(model_of(kind))):
            found[(kind, entity_key(row))] = snapshot(row, kind)
    return found


def record_differences(
    recorder: Recorder,
    before: dict[tuple[str, str], Snapshot],
    after: dict[tuple[str, str], Snapshot],
) -> int:
    """Log every entity that differs between two `tracked_snapshots`; how many."""
    count = 0
    for kind, entity_id in sorted(before.keys() | after.keys()):
        old, new = before.get((kind, entity_id)), after.get((kind, entity_id))
        source = (new or old or {}).get("source_id")
        if recorder.record(kind, entity_id, old, new, source_id=source) is not None:
            count += 1
    return count


def entity_changes(
    session: Session,
    kind: str,
    entity_id: str,
    *,
    known_on: date | None = None,
    last: int | None = None,
) -> list[ChangeRecord]:
    """The changes of the entity `kind`:`entity_id` in the order made, up to the
    end of `known_on` (None: all), the `last` latest only if given: the one read
    of an entity's changes (`scotrack history`, /api/v1/history, a commitment's
    record, the undo check; #15)."""
    query = select(Change).where(
        Change.entity_kind == kind, Change.entity_id == entity_id
    )
    if known_on is not None:
        query = query.where(Change.at < (known_on + timedelta(days=1)).isoformat())
    if last is None:
        found = list(session.scalars(query.order_by(Change.id)))
    else:
        found = list(session.scalars(query.order_by(Change.id.desc()).limit(last)))
        found.reverse()
    return [change_record(row) for row in found]


def time_bound(text: str) -> str:
    """The lower bound `text` gives, comparable with the log's `at` (ISO, UTC,
    no offset): a date's first day (YYYY, YYYY-MM or YYYY-MM-DD), or a time
    (`2026-11-01T12:00`, UTC unless it gives its offset, as `Z` or `+05:00`).
    Anything else is an InputError, never compared (#18); the CLI's `changes
    --since` and the API's /changes?since= read times alike (#15)."""
    if "T" not in text and " " not in text.strip():
        try:
            return PartialDate.parse(text).first_day().isoformat()
        except (ValueError, InputError) as err:
            raise InputError(str(err)) from None
    try:
        moment = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise InputError(
            f"{text[:40]!r} is not a date (YYYY[-MM[-DD]]) or an ISO time "
            "(2026-11-01T12:00)"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()


def kb_version(session: Session) -> tuple[int, int]:
    """What moves whenever anything shown could have changed: the last change id
    and the number of documents. Documents are never deleted; claims are added only
    with their document (in its transaction), and every decision on a claim or
    change to a fact is a logged change."""
    row = session.execute(
        select(
            select(func.max(Change.id)).scalar_subquery(),
            select(func.count()).select_from(Document).scalar_subquery(),
        )
    ).one()
    return (row[0] or 0, row[1] or 0)
