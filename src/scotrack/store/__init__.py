"""Everything that touches the database: engines, schema, loading and queries.

Typical use::

    engine = make_engine(settings.db)
    upgrade_database(engine)
    with session_factory(engine).begin() as session:
        load_baseline(session, read_baseline())

The names below are imported on first use (PEP 562), so that importing one
submodule, or the command line, does not load SQLAlchemy before it is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scotrack.store.engine import make_engine, session_factory
    from scotrack.store.schema import upgrade_database
    from scotrack.store.write.baseline import LoadReport, load_baseline

_HOMES = {
    "LoadReport": "scotrack.store.write.baseline",
    "load_baseline": "scotrack.store.write.baseline",
    "make_engine": "scotrack.store.engine",
    "session_factory": "scotrack.store.engine",
    "upgrade_database": "scotrack.store.schema",
}

__all__ = [
    "LoadReport",
    "load_baseline",
    "make_engine",
    "session_factory",
    "upgrade_database",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scotrack.store' has no attribute {name!r}")
    return getattr(import_module(home), name)
