from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scotrack.errors import DatabaseBusy, DatabaseUnavailable, InputError
from scotrack.store import engine as engine_module
from scotrack.store import models
from scotrack.store.engine import (
    database_url,
    make_engine,
    retrying,
    session_factory,
)


def test_make_engine_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
    finally:
        engine.dispose()


def test_make_engine_creates_parent_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "kb.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    assert path.is_file()


def test_make_engine_unwritable_path_names_it(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    path = blocker / "kb.db"
    with pytest.raises(InputError, match="a-file") as raised:
        make_engine(f"sqlite:///{path}")
    assert "\n" not in str(raised.value)
    assert str(path) in str(raised.value)


def test_make_engine_directory_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a file"):
        make_engine(f"sqlite:///{tmp_path}")


def test_make_engine_in_memory_sqlite() -> None:
    engine = make_engine("sqlite://")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url", ["postgresql://me@db.example/sco", "postgres://me@db.example/sco"]
)
def test_database_url_uses_psycopg(url: str) -> None:
    assert database_url(url).drivername == "postgresql+psycopg"


def test_database_url_rejects_non_url() -> None:
    with pytest.raises(InputError, match="not a URL"):
        database_url("just words")


def test_session_factory_keeps_objects_after_commit(engine: Engine) -> None:
    with engine.connect() as connection:
        outer = connection.begin()
        factory = session_factory(engine)
        factory.configure(bind=connection, join_transaction_mode="create_savepoint")
        with factory() as session:
            source = models.Source(id="s", title="A source")
            session.add(source)
            session.commit()
            assert source.title == "A source"  # not expired by the commit
        outer.rollback()


def test_session_rollback_undoes_commits(engine: Engine) -> None:
    """The per-test rollback recipe works on both backends (the SQLite BEGIN fix)."""
    with engine.connect() as connection:
        outer = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        session.add(models.Source(id="temporary", title="Gone after rollback"))
        session.commit()
        with session.begin_nested():
            session.add(models.Source(id="nested", title="Also gone"))
        assert session.scalar(select(func.count()).select_from(models.Source)) == 2
        session.close()
        outer.rollback()
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(models.Source))
    assert count == 0


def test_foreign_keys_enforced(session: Session) -> None:
    session.add(models.StatusInterval(state_id="XXX", status="member"))
    with pytest.raises(IntegrityError):
        session.flush()


# writers wait their turn (#18)


def _table(url: str) -> Engine:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE tally (n INTEGER)"))
    return engine


@pytest.mark.issue(18)
def test_write_sessions_wait_their_turn(fresh_db_url: str) -> None:
    """A writer that reads before it writes waits for the other writer instead of
    failing at once with "database is locked" (a deferred BEGIN's lock upgrade)."""
    engine = _table(fresh_db_url)
    writes = session_factory(engine, write=True)
    try:
        with writes() as first:
            first.execute(text("INSERT INTO tally VALUES (1)"))

            def second() -> None:
                with writes() as session:
                    count = session.execute(text("SELECT count(*) FROM tally"))
                    session.execute(
                        text("INSERT INTO tally VALUES (:n)"), {"n": count.scalar()}
                    )
                    session.commit()

            with ThreadPoolExecutor(1) as pool:
                waiting = pool.submit(second)
                time.sleep(0.3)
                if engine.dialect.name == "sqlite":  # one writer at a time
                    assert not waiting.done()
                first.commit()
                waiting.result(timeout=10)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT n FROM tally ORDER BY n"))
            expected = [1, 1] if engine.dialect.name == "sqlite" else [0, 1]
            assert rows.scalars().all() == expected
    finally:
        engine.dispose()


@pytest.mark.issue(18)
def test_readers_do_not_wait_for_a_writer(fresh_db_url: str) -> None:
    engine = _table(fresh_db_url)
    try:
        with session_factory(engine, write=True)() as writer:
            writer.execute(text("INSERT INTO tally VALUES (1)"))
            with session_factory(engine)() as reader:
                started = time.monotonic()
                count = reader.execute(text("SELECT count(*) FROM tally")).scalar()
                assert count == 0
                assert time.monotonic() - started < 1
            writer.commit()
    finally:
        engine.dispose()


@pytest.mark.issue(18)
def test_a_writer_kept_out_past_the_timeout_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "kb.db"
    engine = _table(f"sqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with (
            session_factory(engine, write=True)() as session,
            pytest.raises(DatabaseBusy, match="busy") as raised,
        ):
            session.execute(text("SELECT 1"))
        assert "\n" not in str(raised.value)
        assert isinstance(raised.value, DatabaseUnavailable)
    finally:
        holder.close()
        engine.dispose()


def test_retrying_runs_again_only_on_contention() -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise DatabaseBusy("busy")
        return "done"

    rolled_back: list[int] = []
    assert retrying(flaky, on_retry=lambda: rolled_back.append(1)) == "done"
    assert (len(calls), len(rolled_back)) == (3, 2)

    def always(err: Exception) -> None:
        calls.append(1)
        raise err

    calls.clear()
    with pytest.raises(DatabaseBusy):
        retrying(lambda: always(DatabaseBusy("still busy")), attempts=4)
    assert len(calls) == 4
    calls.clear()
    with pytest.raises(ValueError, match="other"):
        retrying(lambda: always(ValueError("other")))
    assert len(calls) == 1
