"""The server's database: one engine per process, one session per request, and a
time limit on every query a request makes.

A request that may write (any method but GET, HEAD and OPTIONS) gets a session
whose transactions take the write lock when they begin (SQLite `BEGIN IMMEDIATE`,
see `store.engine`), so two writers wait their turn instead of failing with
"database is locked"; reads stay deferred and never wait (#18).

On SQLite the limit is a progress handler that interrupts a statement running past
the request's deadline; on PostgreSQL it is ``SET LOCAL statement_timeout`` in each
transaction. Either way the query fails and the error handler answers 400
``query_timeout``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from scotrack.domain.agreements import Agreement
from scotrack.store import queries
from scotrack.store.engine import writer

PROGRESS_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at the clock."""
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def request_session(request: Request) -> Iterator[Session]:
    """The request's session (a FastAPI dependency); closed after the answer."""
    factory: sessionmaker[Session] = request.app.state.sessions
    limit: float = request.app.state.settings.query_seconds
    bind = factory.kw.get("bind")
    if request.method in READ_METHODS or not isinstance(bind, Engine):
        session = factory()
    else:
        session = factory(bind=writer(bind))
    limit_queries(session, limit)
    try:
        yield session
    finally:
        session.close()


def known_agreements(request: Request, session: Session) -> tuple[Agreement, ...]:
    """Every agreement (`queries.agreements`, 5 ms with its parties), read once per
    knowledge-base version and kept in the app's `Summaries`: the agreements page
    needed them four times a request (#18)."""
    found: tuple[Agreement, ...] = request.app.state.summaries.get(
        session, "agreements", lambda: tuple(queries.agreements(session))
    )
    return found


def limit_queries(session: Session, seconds: float) -> None:
    """Stop any statement `session` runs after `seconds` from now."""
    deadline = time.monotonic() + seconds

    @event.listens_for(session, "after_begin")
    def _limit(_session: Session, _tx: SessionTransaction, conn: Connection) -> None:
        if conn.dialect.name == "sqlite":
            raw: Any = conn.connection.dbapi_connection
            raw.set_progress_handler(
                lambda: 1 if time.monotonic() > deadline else 0, PROGRESS_STEPS
            )
        elif conn.dialect.name == "postgresql":
            left_ms = max(1, int((deadline - time.monotonic()) * 1000))
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {left_ms}")


def clear_limits_on_checkin(engine: Engine) -> None:
    """A pooled SQLite connection forgets the last request's deadline."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "checkin")
    def _clear(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None:
            dbapi_connection.set_progress_handler(None, 0)


DbSession = Annotated[Session, Depends(request_session)]
"""A route parameter of this type gets the request's session."""
