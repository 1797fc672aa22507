from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.engine import database_url, make_engine, session_factory


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
