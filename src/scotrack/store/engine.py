"""Engines and sessions: one setup for SQLite and PostgreSQL, used by tests too.

SQLite gets foreign keys, write-ahead logging and a busy timeout on every connection,
and SQLAlchemy's workaround for the sqlite3 driver's legacy transaction control (SQLite
dialect docs, "Serializable isolation / Savepoints / Transactional DDL"): the driver
stops emitting BEGIN itself and SQLAlchemy emits it, so SAVEPOINT and DDL take part in
the enclosing transaction. Without it, a test's per-test rollback would not undo
what a session committed to a savepoint.

Writers wait their turn (#18). A session from `session_factory(engine, write=True)`
begins with `BEGIN IMMEDIATE` on SQLite: it takes the write lock before its first
read, waiting up to the busy timeout, and retries a few times with backoff. A
deferred `BEGIN` that reads and then writes must upgrade its lock, and SQLite
refuses that at once ("database is locked") whenever another writer got in since
the read, whatever the busy timeout. Read-only sessions stay deferred, so readers
never wait for anyone (write-ahead logging). A writer that still cannot get in, or
PostgreSQL's serialization failure, deadlock or a lock awaited past the same
timeout (a writer's `lock_timeout`), raises `DatabaseBusy`: the CLI
prints one line and exits 2, the API answers 503 with `Retry-After`, and
`retrying` runs a whole transaction again.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from scotrack.errors import DatabaseBusy, DatabaseUnavailable, InputError

BUSY_TIMEOUT_MS = 5_000
"""How long a SQLite connection waits for another writer before giving up."""
WRITE_ATTEMPTS = 3
"""How many times a writer tries to begin (SQLite) or `retrying` runs a transaction."""
BACKOFF_SECONDS = 0.05
"""The first pause between two attempts; each next one doubles, with jitter."""
RETRY_AFTER_SECONDS = 1
"""What the API's `Retry-After` asks a client to wait when the database is busy."""
WRITE_OPTION = "scotrack_write"
"""The execution option that makes a connection's transactions begin IMMEDIATE."""
SQLITE_BUSY_CODES = frozenset({5, 6})
"""SQLITE_BUSY and SQLITE_LOCKED (the primary result code, without extensions)."""
POSTGRES_CONTENTION = frozenset({"40001", "40P01", "55P03"})
"""serialization_failure, deadlock_detected, lock_not_available."""

T = TypeVar("T")


DRIVERS = frozenset({"sqlite", "sqlite+pysqlite", "postgresql+psycopg"})
"""The database drivers scotrack ships with (an unknown scheme is refused, #18)."""


def database_url(url: str) -> URL:
    """`url` parsed, with PostgreSQL pointed at psycopg 3, the driver scotrack ships."""
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise InputError(
            f"database URL {url!r} is not a URL; "
            "give sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from err
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in DRIVERS:
        raise InputError(
            f"database URL {parsed.render_as_string(hide_password=True)!r}: "
            f"scotrack cannot use {parsed.drivername}://; "
            "give sqlite:///PATH or postgresql://USER@HOST/DB"
        )
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file's directory is created if missing.

    Raises InputError naming the path when a SQLite file cannot be created or written.
    """
    parsed = database_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(parsed)
        event.listen(engine, "handle_error", _unavailable)
        event.listen(engine, "begin", _begin_postgres)
        return engine
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        _check_writable(Path(database).expanduser())
    engine = create_engine(parsed)
    event.listen(engine, "handle_error", _unavailable)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions bound to `engine`; objects stay readable after commit. With `write`,
    each transaction takes the write lock when it begins (SQLite `BEGIN IMMEDIATE`;
    see the module doc): use it for every session that may write."""
    return sessionmaker(
        bind=writer(engine) if write else engine, expire_on_commit=False
    )


def writer(engine: Engine) -> Engine:
    """`engine` (same pool) whose transactions begin with the write lock taken."""
    return engine.execution_options(**{WRITE_OPTION: True})


def is_contention(err: BaseException) -> bool:
    """Is `err` another writer in the way: SQLite busy or locked, PostgreSQL
    serialization failure, deadlock or lock timeout (worth trying again)?"""
    if isinstance(err, DatabaseBusy):
        return True
    original = getattr(err, "orig", None) or err
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in SQLITE_BUSY_CODES
    return getattr(original, "sqlstate", None) in POSTGRES_CONTENTION


def backoff(attempt: int) -> None:
    """Sleep before attempt `attempt + 1`: BACKOFF_SECONDS doubled per attempt,
    with jitter so that two waiting writers do not wake together."""
    pause = BACKOFF_SECONDS * 2**attempt
    time.sleep(pause * (0.5 + random.random()))


def retrying(
    action: Callable[[], T],
    *,
    attempts: int = WRITE_ATTEMPTS,
    retry_on: Callable[[BaseException], bool] = is_contention,
    on_retry: Callable[[], None] | None = None,
) -> T:
    """`action()`, run again (after `on_retry()`, typically a rollback, and a
    pause) while it fails with an error `retry_on` accepts, `attempts` times at
    most; the last failure is raised."""
    for attempt in range(attempts - 1):
        try:
            return action()
        except Exception as err:
            if not retry_on(err):
                raise
            if on_retry is not None:
                on_retry()
            backoff(attempt)
    return action()


def _check_writable(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(
            f"database {path}: cannot create directory {path.parent} "
            f"({err.strerror or err}); choose a writable path with --db or SCOTRACK_DB"
        ) from err
    if path.exists() and not path.is_file():
        raise InputError(f"database {path}: not a file; give the path of a SQLite file")
    target = path if path.exists() else path.parent
    if not os.access(target, os.W_OK):
        raise InputError(
            f"database {path}: {target} is not writable; "
            "choose a writable path with --db or SCOTRACK_DB"
        )


def _unavailable(context: ExceptionContext) -> DatabaseUnavailable | None:
    """A failure to connect (or to open a SQLite file) as one line naming the
    database, its password hidden; another writer in the way as `DatabaseBusy`; a
    failing statement stays as it is, and so does the pool's pre-ping, which
    reconnects on its own."""
    url = context.engine.url if context.engine is not None else None
    shown = url.render_as_string(hide_password=True) if url is not None else "?"
    lines = str(context.original_exception).strip().splitlines() or ["unknown error"]
    if is_contention(context.original_exception) and not context.is_pre_ping:
        return DatabaseBusy(
            f"database {shown} is busy ({lines[0]}): another writer held it "
            "too long; try again"
        )
    if context.connection is not None or context.is_pre_ping:
        return None
    reason = lines[0].removeprefix("connection failed: ")
    return DatabaseUnavailable(
        f"database {shown}: cannot connect ({reason}); check --db or SCOTRACK_DB"
    )


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # the driver must not BEGIN on its own; _begin_sqlite does it (see module doc)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # in WAL mode NORMAL syncs at checkpoints, not at each commit: a crash of
        # the process loses nothing committed; a power cut may lose the last
        # transactions but never corrupts the database (sqlite.org/pragma.html)
        cursor.execute("PRAGMA synchronous = NORMAL")
        # 64 MB of page cache (the default is 2 MB): the indexes of a knowledge
        # base of thousands of documents stay in memory while ingesting
        cursor.execute("PRAGMA cache_size = -65536")
    finally:
        cursor.close()


def _begin_postgres(connection: Connection) -> None:
    # a writer waits for a row or advisory lock as long as a SQLite writer waits
    # for the database, then fails as lock_not_available (DatabaseBusy, a 503),
    # not at the request's statement timeout (a 400)
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")


def _begin_sqlite(connection: Connection) -> None:
    if not connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN")
        return
    # each attempt waits up to the busy timeout inside SQLite; nothing has run
    # yet in this transaction, so trying again is always safe
    retrying(lambda: connection.exec_driver_sql("BEGIN IMMEDIATE"))
