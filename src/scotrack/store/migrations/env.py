"""Alembic environment for scotrack.

The database is, in order: the engine `scotrack.store.schema` passes in
`config.attributes["engine"]`, the `sqlalchemy.url` option, or the URL in scotrack's
settings (`SCOTRACK_DB`). Engines come from `make_engine`, so SQLite gets the same
pragmas and transaction handling as everywhere else.
"""

from __future__ import annotations

from logging.config import fileConfig

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


def run_migrations_online() -> None:
    given: Engine | None = config.attributes.get("engine")
    engine = given if given is not None else make_engine(_url())
    try:
        with engine.begin() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        if given is None:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
