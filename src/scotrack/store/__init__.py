"""Everything that touches the database: engines, schema, loading and queries.

Typical use::

    engine = make_engine(settings.db)
    upgrade_database(engine)
    with session_factory(engine).begin() as session:
        load_baseline(session, read_baseline())
"""

from scotrack.store.baseline import LoadReport, load_baseline
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.schema import upgrade_database

__all__ = [
    "LoadReport",
    "load_baseline",
    "make_engine",
    "session_factory",
    "upgrade_database",
]
