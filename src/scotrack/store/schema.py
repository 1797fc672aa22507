"""Create and upgrade the database schema with Alembic, from code.

The Alembic configuration is built here, with `script_location` set to the
package's own `migrations/` directory, so upgrades work from an installed wheel
without `alembic.ini` (which serves the `alembic` command in a checkout).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from scotrack.store.engine import make_engine

MIGRATIONS = Path(__file__).parent / "migrations"

OUTSIDE_ORM = ("search_entry",)
"""Tables the migrations make that the ORM does not map (the full-text index and,
on SQLite, FTS5's own shadow tables `search_entry_*`)."""


def include_name(name: str | None, type_: str, _parents: object = None) -> bool:
    """False for the tables outside the ORM, so comparisons with it skip them."""
    if type_ != "table" or name is None:
        return True
    return not any(name == t or name.startswith(f"{t}_") for t in OUTSIDE_ORM)


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic settings for scotrack's migrations, running on `engine` if given.

    Without an engine, `migrations/env.py` connects to `sqlalchemy.url` if set, else
    to the database the scotrack settings name.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade_database(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Create the schema or upgrade it to `revision`; a no-op when already there."""
    with _engine(engine_or_url) as engine:
        command.upgrade(alembic_config(engine), revision)


def downgrade_database(engine_or_url: Engine | str, revision: str = "base") -> None:
    """Undo migrations down to `revision` (`base` drops every table)."""
    with _engine(engine_or_url) as engine:
        command.downgrade(alembic_config(engine), revision)


def database_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: no schema yet)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision the package ships."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@contextmanager
def _engine(engine_or_url: Engine | str) -> Iterator[Engine]:
    """The given engine, or one for the URL that is disposed on exit."""
    if isinstance(engine_or_url, Engine):
        yield engine_or_url
        return
    engine = make_engine(engine_or_url)
    try:
        yield engine
    finally:
        engine.dispose()
