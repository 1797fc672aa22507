"""Fixtures shared by every test package.

Databases (each test using them runs once on SQLite and once on PostgreSQL):

- `backend`: "sqlite" or "postgresql" (session-scoped parameter).
- `engine`: an empty database upgraded to the head revision, shared by the session.
- `session`: a Session on `engine` inside a transaction rolled back after the test,
  so it may write and commit freely (SQLAlchemy's "join a Session into an external
  transaction" recipe, join_transaction_mode="create_savepoint").
- `kb`: the same kind of Session on a second database holding the shipped baseline,
  loaded once per backend.
- `db_url`: the URL of that baseline database, for `--db URL` in CLI tests (read
  from it; write to `fresh_db_url`).
- `fresh_db_url`: the URL of a new, empty database (no schema) for one test.
- `initialised_db_url`: the URL of a new database for one test, as `scotrack init`
  leaves it (schema at the head revision, the baseline loaded and logged).
- `templates`: makes such copies (`templates.copy(name)`; another `kind` with its own
  `build`, as tests/api/conftest.py does for the seeded knowledge base).

A database a test may change is a copy of a template built once per backend and
test session (#15): building one (Alembic upgrade, baseline load, change log) takes
seconds, a copy milliseconds (SQLite's backup API; PostgreSQL's `CREATE DATABASE
... TEMPLATE`). Each test still gets its own database; tests of migrations and of
`init` itself start from `fresh_db_url`.

PostgreSQL is a throwaway server started once per test session from the installed
binaries (`initdb`/`pg_ctl` on PATH, else /usr/lib/postgresql/*/bin), on 127.0.0.1
and a free port, in a temporary directory; as root it runs as the `postgres` user
(created as `scotrack-pg` if there is none), since initdb refuses to run as root.
Without the binaries its tests are skipped, unless CI=true, where that is a failure.
Tests on PostgreSQL get the `postgres` marker, so `-m "not postgres"` leaves them out.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from scotrack.data import read_baseline
from scotrack.store import load_baseline, make_engine, session_factory
from scotrack.store.models import Base
from scotrack.store.schema import upgrade_database
from scotrack.store.write.baseline import init_knowledge_base

BACKENDS = ("sqlite", "postgresql")
PG_SUPERUSER = "scotrack"
PG_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    # a throwaway server: durability buys nothing here
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.postgres)


# database servers


class Databases(Protocol):
    def create(self, name: str) -> str: ...

    def copy(self, template: str, name: str) -> str: ...

    def drop(self, name: str) -> None: ...


class SqliteDatabases:
    """New SQLite databases are files in one directory (created on first connect)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def create(self, name: str) -> str:
        return f"sqlite:///{self.directory / name}.db"

    def copy(self, template: str, name: str) -> str:
        """A new database `name` holding what `template` holds (SQLite's backup
        API: a consistent copy, whatever is still in the write-ahead log)."""
        url = self.create(name)
        source = sqlite3.connect(self.directory / f"{template}.db")
        target = sqlite3.connect(self.directory / f"{name}.db")
        with contextlib.closing(source), contextlib.closing(target):
            source.backup(target)
        return url

    def drop(self, name: str) -> None:
        for suffix in ("db", "db-wal", "db-shm"):
            (self.directory / f"{name}.{suffix}").unlink(missing_ok=True)


class PostgresServer:
    """A PostgreSQL server of our own in a temporary directory."""

    def __init__(self, bindir: Path, owner: str | None) -> None:
        self.bindir = bindir
        self.owner = owner
        self.root = Path(tempfile.mkdtemp(prefix="scotrack-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()

    def start(self) -> None:
        if self.owner is not None:
            shutil.chown(self.root, self.owner, self.owner)
        self._run(
            "initdb",
            f"--pgdata={self.data}",
            f"--username={PG_SUPERUSER}",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )
        settings = {
            **PG_SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": f"'{self.root}'",
        }
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        log = self.root / "server.log"
        try:
            self._run("pg_ctl", f"--pgdata={self.data}", f"--log={log}", "-w", "start")
        except subprocess.CalledProcessError as err:
            output = log.read_text() if log.exists() else err.stderr
            raise RuntimeError(f"PostgreSQL did not start:\n{output}") from err

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", f"--pgdata={self.data}", "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create(self, name: str) -> str:
        self._admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def copy(self, template: str, name: str) -> str:
        """A new database `name` holding what `template` holds; nobody may be
        connected to `template` (PostgreSQL refuses to copy it then)."""
        statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}")
        self._admin(statement.format(sql.Identifier(name), sql.Identifier(template)))
        return self.url(name)

    def drop(self, name: str) -> None:
        statement = "DROP DATABASE IF EXISTS {} WITH (FORCE)"
        self._admin(sql.SQL(statement).format(sql.Identifier(name)))

    def _admin(self, statement: sql.Composed) -> None:
        conninfo = (
            f"host=127.0.0.1 port={self.port} user={PG_SUPERUSER} dbname=postgres"
        )
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(statement)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)


def _postgres_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl: from PATH, else the newest install."""
    on_path = [shutil.which(tool) for tool in ("initdb", "pg_ctl")]
    if all(on_path):
        return Path(on_path[0] or "").resolve().parent
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for bindir in reversed(installed):
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    return None


def _server_owner() -> str | None:
    """Whom to run the server as: None for the current user, unless that is root."""
    if os.geteuid() != 0:
        return None
    for user in ("postgres", "scotrack-pg"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(user).pw_name
    subprocess.run(
        [
            *("useradd", "--system", "--no-create-home"),
            *("--shell", "/usr/sbin/nologin", "scotrack-pg"),
        ],
        check=True,
        capture_output=True,
    )
    return "scotrack-pg"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _postgres_bindir()
    if bindir is None:
        reason = (
            "PostgreSQL binaries (initdb, pg_ctl) are not on PATH or in "
            "/usr/lib/postgresql/*/bin; install postgresql to run the postgres tests"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: they must run)")
        pytest.skip(reason)
    server = PostgresServer(bindir, _server_owner())
    try:
        server.start()
        yield server
    finally:
        server.stop()


# databases and sessions


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def databases(
    backend: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Databases:
    """Makes new empty databases on the backend under test."""
    if backend == "sqlite":
        return SqliteDatabases(tmp_path_factory.mktemp("sqlite"))
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server


@pytest.fixture(scope="session")
def engine(databases: Databases) -> Iterator[Engine]:
    engine = make_engine(databases.create("scotrack_empty"))
    upgrade_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def kb_engine(databases: Databases) -> Iterator[Engine]:
    engine = make_engine(databases.create("scotrack_kb"))
    upgrade_database(engine)
    with session_factory(engine).begin() as session:
        load_baseline(session, read_baseline())
    yield engine
    engine.dispose()


def _rolled_back_session(engine: Engine) -> Iterator[Session]:
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        try:
            yield session
        finally:
            session.close()
            transaction.rollback()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    yield from _rolled_back_session(engine)


@pytest.fixture
def kb(kb_engine: Engine) -> Iterator[Session]:
    yield from _rolled_back_session(kb_engine)


@pytest.fixture(scope="session")
def db_url(kb_engine: Engine) -> str:
    return kb_engine.url.render_as_string(hide_password=False)


def new_name() -> str:
    """A name for a new database, unique in the test session."""
    return f"scotrack_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def fresh_db_url(databases: Databases) -> Iterator[str]:
    name = new_name()
    yield databases.create(name)
    databases.drop(name)


class Templates:
    """Databases built once (per kind) and copied for each test that asks.

    A template is closed once built and never opened again, so every copy starts
    from the same state (and PostgreSQL, which refuses to copy a database anyone
    is connected to, may copy it)."""

    def __init__(self, databases: Databases) -> None:
        self.databases = databases
        self._built: set[str] = set()

    def copy(
        self,
        name: str,
        *,
        kind: str = "initialised",
        build: Callable[[str], object] = init_knowledge_base,
    ) -> str:
        """The URL of a new database `name` copied from the template `kind`,
        which `build(url)` makes (and closes) on first use."""
        template = f"template_{kind}"
        if kind not in self._built:
            build(self.databases.create(template))
            self._built.add(kind)
        return self.databases.copy(template, name)


@pytest.fixture(scope="session")
def templates(databases: Databases) -> Templates:
    return Templates(databases)


@pytest.fixture
def initialised_db_url(templates: Templates) -> Iterator[str]:
    """A new database as `scotrack init` leaves it, for one test (a copy)."""
    name = new_name()
    yield templates.copy(name)
    templates.databases.drop(name)


Knowledge = dict[str, list[tuple[Any, ...]]]
UNCOMPARED = frozenset({"change"})
"""The change log: `scotrack init` gives each database its own ids and times."""


def knowledge_at(url: str) -> Knowledge:
    """Every row of every table (but the change log), sorted, without the times
    rows were written: two runs that built the same knowledge base give equal
    values (#16)."""
    engine = make_engine(url)
    found: Knowledge = {}
    try:
        with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                if table.name in UNCOMPARED:
                    continue
                columns = [c for c in table.columns if not c.name.endswith("_at")]
                rows = connection.execute(select(*columns)).all()
                found[table.name] = sorted((tuple(row) for row in rows), key=repr)
    finally:
        engine.dispose()
    return found


@pytest.fixture
def knowledge() -> Callable[[str], Knowledge]:
    """`knowledge_at`, for tests in any folder."""
    return knowledge_at
