"""Engines and sessions: one setup for SQLite and PostgreSQL, used by tests too.

SQLite gets foreign keys, write-ahead logging and a busy timeout on every connection,
and SQLAlchemy's workaround for the sqlite3 driver's legacy transaction control (SQLite
dialect docs, "Serializable isolation / Savepoints / Transactional DDL"): the driver
stops emitting BEGIN itself and SQLAlchemy emits it, so SAVEPOINT and DDL take part in
the enclosing transaction. Without it, a test's per-test rollback would not undo
what a session committed to a savepoint.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from scotrack.errors import DatabaseUnavailable, InputError

BUSY_TIMEOUT_MS = 5_000
"""How long a SQLite connection waits for another writer before giving up."""


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
        return engine
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        _check_writable(Path(database).expanduser())
    engine = create_engine(parsed)
    event.listen(engine, "handle_error", _unavailable)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to `engine`; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


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
    database, its password hidden; a failing statement stays as it is, and so does
    the pool's pre-ping, which reconnects on its own."""
    if context.connection is not None or context.is_pre_ping:
        return None
    url = context.engine.url if context.engine is not None else None
    shown = url.render_as_string(hide_password=True) if url is not None else "?"
    lines = str(context.original_exception).strip().splitlines() or ["unknown error"]
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


def _begin_sqlite(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")
