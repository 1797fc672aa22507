"""The server's database: one engine per process, one session per request, and a
time limit on every query a request makes.

Reads take turns (#18). At most `READ_SLOTS` read requests of a server process
hold a session at once; the others wait in the event loop, in the order they came,
holding no thread and no connection. Without the limit, 32 concurrent reads ran
in 32 threads taking the GIL from one another every few milliseconds, each
finishing only when nearly all did (the p99 was twice the p50), and at about 55
they deadlocked: the pool's 15 connections were held by requests waiting for a
thread to validate their answers, and the 40 threads by requests waiting for a
connection, until the pool's 30-second timeout answered 500. A session is now
made in the event loop (no thread), closed as soon as the route's answer is built
(before it is sent, so a client that reads slowly holds no slot and no
connection), and on SQLite closed in the event loop too (ending a read
transaction there takes microseconds; a PostgreSQL round trip goes to a thread).
Writes are not limited here: they take turns at the database (below).

A request that may write (any method but GET, HEAD and OPTIONS) gets a session
whose transactions take the write lock when they begin (SQLite `BEGIN IMMEDIATE`,
see `store.engine`), so two writers wait their turn instead of failing with
"database is locked"; reads stay deferred and never wait (#18). A read request's
session reads the knowledge base's version once and keeps it (#18,
`store.read.summaries.reads_only`).

On SQLite the limit is a progress handler that interrupts a statement running past
the request's deadline; on PostgreSQL it is ``SET LOCAL statement_timeout`` in each
transaction. Either way the query fails and the error handler answers 400
``query_timeout``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio.to_thread
from anyio import CapacityLimiter
from anyio.lowlevel import RunVar
from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from scotrack.domain.agreements import Agreement
from scotrack.store.engine import writer
from scotrack.store.read import queries, timeline
from scotrack.store.read.summaries import reads_only
from scotrack.store.read.timeline import MeetingsOverview

PROGRESS_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at the clock."""
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_SLOTS = 4
"""Read requests a server process serves at once (see the module doc). With the
GIL one runs at a time anyway; a few let one wait for the database or its thread
while another runs. It stays below the pool's size (5 on SQLite and PostgreSQL),
which also serves the response cache's look at the version, so a read never
waits for a connection."""

_read_slots: RunVar[CapacityLimiter] = RunVar("scotrack_read_slots")


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def read_slots() -> CapacityLimiter:
    """The read slots of the running event loop (one loop per server process)."""
    try:
        return _read_slots.get()
    except LookupError:
        slots = CapacityLimiter(READ_SLOTS)
        _read_slots.set(slots)
        return slots


async def request_session(request: Request) -> AsyncIterator[Session]:
    """The request's session (a FastAPI dependency); a read waits for one of the
    read slots first, and the query time limit starts when it has one."""
    factory: sessionmaker[Session] = request.app.state.sessions
    limit: float = request.app.state.settings.query_seconds
    if request.method not in READ_METHODS:
        bind = factory.kw.get("bind")
        made = factory(bind=writer(bind)) if isinstance(bind, Engine) else factory()
        async with _session(made, limit) as session:
            yield session
        return
    async with read_slots(), _session(reads_only(factory()), limit) as session:
        yield session


@asynccontextmanager
async def _session(session: Session, limit: float) -> AsyncIterator[Session]:
    limit_queries(session, limit)
    try:
        yield session
    finally:
        if session.get_bind().dialect.name == "sqlite":
            session.close()
        else:
            await anyio.to_thread.run_sync(session.close)


def known_agreements(request: Request, session: Session) -> tuple[Agreement, ...]:
    """Every agreement (`queries.agreements`, 5 ms with its parties), read once per
    knowledge-base version and kept in the app's `Summaries`: the agreements page
    needed them four times a request (#18)."""
    found: tuple[Agreement, ...] = request.app.state.summaries.get(
        session, "agreements", lambda: tuple(queries.agreements(session))
    )
    return found


def known_meetings(request: Request, session: Session) -> MeetingsOverview:
    """Every meeting with the values the meetings filters take
    (`timeline.meetings_overview`), read once per knowledge-base version and kept
    in the app's `Summaries` (#18)."""
    found: MeetingsOverview = request.app.state.summaries.get(
        session, "meetings-overview", lambda: timeline.meetings_overview(session)
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


DbSession = Annotated[Session, Depends(request_session, scope="function")]
"""A route parameter of this type gets the request's session, closed once the
route's answer is built (`scope="function"`), before it is sent."""
