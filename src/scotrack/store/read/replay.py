"""The knowledge base as it stood on a past day, rebuilt from the change log.

`known_on(session, day)` returns a session on a private in-memory SQLite database
holding the reference records (states, cities, bodies, initiatives, sources) as
they are now, and every tracked fact as the log says it was at the end of `day`
(UTC): the `after` of its latest change up to then, or absent. Every query works
on it unchanged, so `--known-on` can stand beside any `--on`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import cast

from sqlalchemy import Table, create_engine, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from scotrack.domain import vocab
from scotrack.store import history, models
from scotrack.store.provenance import Change
from scotrack.store.schema import upgrade_database

REFERENCE_TABLES = (
    models.Source,
    models.State,
    models.StateAlias,
    models.City,
    models.CityAlias,
    models.Body,
    models.BodyAlias,
    models.Initiative,
    models.InitiativeAlias,
)
"""Copied as they are now: they are not facts the log tracks."""


def latest_states(session: Session, day: date) -> dict[tuple[str, str], str | None]:
    """(kind, id) -> the JSON of each fact after its last change up to `day`."""
    cutoff = (day + timedelta(days=1)).isoformat()
    query = (
        select(Change.entity_kind, Change.entity_id, Change.after)
        .where(Change.at < cutoff, Change.entity_kind.in_(vocab.ENTITY_KINDS))
        .order_by(Change.id)
    )
    found: dict[tuple[str, str], str | None] = {}
    for kind, entity_id, after in session.execute(query):
        found[(kind, entity_id)] = after
    return found


def log_start(session: Session) -> date | None:
    """The day of the first change the log holds (the baseline's load), or None."""
    first = session.scalar(select(func.min(Change.at)))
    return date.fromisoformat(str(first)[:10]) if first else None


@contextmanager
def known_on(session: Session, day: date) -> Iterator[Session]:
    """A read-only view of the knowledge base as known at the end of `day`."""
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    try:
        upgrade_database(engine)
        with Session(engine) as scratch:
            for model in REFERENCE_TABLES:
                table = cast(Table, model.__table__)
                records = [dict(r._mapping) for r in session.execute(select(table))]
                if records:
                    scratch.execute(insert(table), records)
            for (kind, entity_id), after in latest_states(session, day).items():
                snapshot = history.loads(after)
                if snapshot is not None:
                    history.restore(scratch, kind, entity_id, snapshot)
            scratch.flush()
            yield scratch
            scratch.rollback()
    finally:
        engine.dispose()
