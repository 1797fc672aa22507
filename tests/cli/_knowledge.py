"""The whole of a knowledge base as plain rows, to compare two runs (#16)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from scotrack.store.engine import make_engine
from scotrack.store.models import Base

UNCOMPARED = frozenset({"change"})
"""The change log: `scotrack init` gives each database its own ids and times."""


def knowledge(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but the change log), sorted, without the times
    rows were written."""
    engine = make_engine(url)
    found: dict[str, list[tuple[Any, ...]]] = {}
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
