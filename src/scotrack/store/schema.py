"""Create and upgrade the database schema with Alembic, from code.

The Alembic configuration is built here, with `script_location` set to the
package's own `migrations/` directory, so upgrades work from an installed wheel
without `alembic.ini` (which serves the `alembic` command in a checkout).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from scotrack.errors import InputError
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
    """Create the schema or upgrade it to `revision`; a no-op when already there.

    InputError, in one line, for a database this code cannot upgrade: one made
    by a newer scotrack, or one with tables but no schema revision (#18).
    """
    with _engine(engine_or_url) as engine:
        state = schema_state(engine)
        if state in ("newer", "foreign"):
            raise InputError(schema_problem(engine, state))
        command.upgrade(alembic_config(engine), revision)


SchemaState = Literal["empty", "foreign", "older", "current", "newer"]


def schema_state(engine: Engine) -> SchemaState:
    """Where the database's schema stands against this code: `empty` (no tables),
    `foreign` (tables but no Alembic revision), `older`, `current`, or `newer`
    (a revision this code does not know: made by a newer scotrack)."""
    revision = database_revision(engine)
    if revision is None:
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return "foreign" if tables else "empty"  # left after a downgrade: empty
    if revision == head_revision():
        return "current"
    script = ScriptDirectory.from_config(alembic_config())
    known = {r.revision for r in script.walk_revisions()}
    return "older" if revision in known else "newer"


def schema_problem(
    engine: Engine, state: SchemaState, *, hint: str = "run `scotrack init` first"
) -> str:
    """The one line that says what is wrong with a database in `state` (`hint`:
    what to do when it is empty or older)."""
    shown = engine.url.render_as_string(hide_password=True)
    if state == "newer":
        return (
            f"database {shown} has a newer schema (revision "
            f"{database_revision(engine)}) than this scotrack knows "
            f"({head_revision()}): upgrade scotrack"
        )
    if state == "foreign":
        return (
            f"database {shown} has tables but no scotrack schema revision (no "
            "alembic_version table): give an empty database or one scotrack made"
        )
    if state == "empty":
        return f"database {shown} holds no knowledge base: {hint}"
    return f"database {shown} has an older schema: {hint}"


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
