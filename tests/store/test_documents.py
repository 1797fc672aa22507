"""Claim groups do not depend on how the input was split or ordered (#18: 507 of
25,899 claims got another group after a kill and resume, or a split run).

The documents are extracted and prepared once; each database then stores them in
another order or split: A then B, B then A, A and B in one run, all reversed,
shuffled, and two runs interleaved document by document. The groups, compared as
sets of claim ids (group keys name a founding claim, which depends on the order),
must be the same every time.
"""

from __future__ import annotations

import importlib.util
import random
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.prepared import PreparedDocument, prepared_document
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.pipeline import extract
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.documents import DocumentStore
from scotrack.store.write.ingestion import catalogue as catalogue_of

pytestmark = [pytest.mark.slow, pytest.mark.issue(18)]

ROOT = Path(__file__).resolve().parents[2]
DOCS = 80

Partition = frozenset[frozenset[str]]


def _texts(folder: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location(
        "extract_bench", ROOT / "bench" / "extract_bench.py"
    )
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.build_corpus(folder, DOCS, 7)
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, list[Any]]:
    """The catalogue of a fresh knowledge base and the corpus prepared against it."""
    folder = tmp_path_factory.mktemp("grouping")
    url = f"sqlite:///{folder / 'catalogue.db'}"
    init_knowledge_base(url)
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            known = catalogue_of(session)
    finally:
        engine.dispose()
    prepared = []
    for path in _texts(folder):
        raw = RawDocument(id=path.stem, path=str(path), text=path.read_text("utf-8"))
        prepared.append(prepared_document(extract(raw, ExtractOptions()), known))
    return known, prepared


@pytest.fixture
def new_url(templates: Any) -> Iterator[Any]:
    """Makes new initialised knowledge bases (copies of one built once)."""
    made: list[str] = []

    def create() -> str:
        name = f"scotrack_{uuid.uuid4().hex[:12]}"
        made.append(name)
        return str(templates.copy(name))

    yield create
    for name in made:
        templates.databases.drop(name)


def _store_runs(
    url: str, runs: Sequence[Sequence[PreparedDocument]], known: Catalogue
) -> Partition:
    """Store `runs` (each a run of its own, with its own cache), taking one
    document from each run in turn (one run: in order), then the groups."""
    engine = make_engine(url)
    try:
        sessions = session_factory(engine, write=True)
        opened = [sessions() for _ in runs]
        stores = [DocumentStore(session, known) for session in opened]
        for position in range(max(len(run) for run in runs)):
            for store, run in zip(stores, runs, strict=True):
                if position < len(run):
                    store.store(run[position])
                    store.session.commit()
        for session in opened:
            session.close()
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, group_key FROM claim"))
            groups: dict[str, set[str]] = {}
            for claim_id, group in rows:
                groups.setdefault(group, set()).add(claim_id)
    finally:
        engine.dispose()
    return frozenset(frozenset(members) for members in groups.values())


def test_claim_groups_do_not_depend_on_split_or_order(
    corpus: tuple[Catalogue, list[PreparedDocument]], new_url: Any
) -> None:
    known, prepared = corpus
    half = len(prepared) // 2
    a, b = prepared[:half], prepared[half:]
    shuffled = random.Random(18).sample(prepared, len(prepared))
    reference = _store_runs(new_url(), [prepared], known)
    assert any(len(group) > 1 for group in reference), "nothing was grouped"
    orders = {
        "A then B": [[*a], [*b]],
        "B then A": [[*b], [*a]],
        "reversed": [prepared[::-1]],
        "shuffled": [shuffled],
        "two runs interleaved": [a, b],
    }
    for name, runs in orders.items():
        if name in ("A then B", "B then A"):
            url = new_url()
            for run in runs:
                groups = _store_runs(url, [run], known)
        else:
            groups = _store_runs(new_url(), runs, known)
        assert groups == reference, name
