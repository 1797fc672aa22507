"""Alembic environment for scotrack.

The database is, in order: the engine `scotrack.store.schema` passes in
`config.attributes["engine"]`, the `sqlalchemy.url` option, or the URL in scotrack's
settings (`SCOTRACK_DB`). Engines come from `make_engine`, so SQLite gets the same
pragmas and transaction handling as everywhere else.
"""

from __future__ import annotations

from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy import Connection, Engine

from scotrack.settings import load_settings
from scotrack.store import provenance  # noqa: F401  (registers tables)
from scotrack.store.engine import make_engine
from scotrack.store.models import Base
from scotrack.store.schema import include_name
from scotrack.store.write import tokens  # noqa: F401  (registers tables)

config = context.config
if config.config_file_name is not None and config.attributes.get("engine") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or load_settings().db


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_name=include_name,
        # SQLite alters tables by copying them; batch mode does that for us
        render_as_batch=connection.dialect.name == "sqlite",
    )


def run_migrations_offline() -> None:
    """Print the SQL instead of running it (`alembic upgrade head --sql`)."""
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        compare_type=True,
        render_as_batch=_url().startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> bool:
    """Turn SQLite's foreign-key enforcement on or off, returning whether it was
    on: outside a transaction only (a no-op inside one), so on the driver's
    connection, which SQLAlchemy would otherwise wrap in a BEGIN."""
    raw: Any = connection.connection.driver_connection
    was = bool(raw.execute("PRAGMA foreign_keys").fetchone()[0])
    raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    return was


def _check_foreign_keys(connection: Connection) -> None:
    """Refuse (rolling the migration back) if a copied table left a reference
    pointing nowhere (SQLite's `foreign_key_check`)."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise RuntimeError(
            f"migration left {len(broken)} broken reference(s), e.g. {table} row "
            f"{rowid} to {parent}; nothing was changed"
        )


def run_migrations_online() -> None:
    """Run the migrations in one transaction. On SQLite, foreign keys are not
    enforced while they run and checked before they commit: batch mode alters a
    table by copying it and dropping the original, which a table that other
    tables' rows reference (an agreement's parties) refuses with enforcement on
    (the documented way, sqlite.org/lang_altertable.html, "Making Other Kinds Of
    Table Schema Changes")."""
    given: Engine | None = config.attributes.get("engine")
    engine = given if given is not None else make_engine(_url())
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            # left as it was found: scotrack's engines enforce foreign keys, a
            # plain one (the in-memory replay of `--known-on`) does not
            enforced = sqlite and _sqlite_foreign_keys(connection, on=False)
            try:
                with connection.begin():
                    _configure(connection)
                    with context.begin_transaction():
                        context.run_migrations()
                    if sqlite:
                        _check_foreign_keys(connection)
            finally:
                if enforced:
                    _sqlite_foreign_keys(connection, on=True)
    finally:
        if given is None:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
