"""A knowledge base with the baseline and the example documents, built once per
backend and shared by the export tests (#17)."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from scotrack.ingest.document import ExtractOptions
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.ingestion import ingest_paths

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "documents"
_BUILT: dict[int, str] = {}


def seeded(url: str) -> str:
    """`url` with the baseline and the example documents ingested."""
    init_knowledge_base(url)
    engine = make_engine(url)
    try:
        ingest_paths(session_factory(engine), [SEEDS], ExtractOptions())
    finally:
        engine.dispose()
    return url


def shared_seeded_url(databases) -> str:
    """One seeded database per backend for the test session (read-only use)."""
    key = id(databases)
    if key not in _BUILT:
        _BUILT[key] = seeded(databases.create(f"exports_{uuid.uuid4().hex[:8]}"))
    return _BUILT[key]


@contextmanager
def session_on(url: str) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
