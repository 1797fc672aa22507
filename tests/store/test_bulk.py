"""Storing documents in batches (#16): the knowledge base a batch builds is the
one a document at a time builds, a re-run stores nothing, and a document that
fails costs only itself."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.claims import group_index
from scotrack.ingest.claims.prepared import prepared_document
from scotrack.ingest.document import CleanDocument, RawDocument
from scotrack.ingest.pipeline import extract, extract_paths
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write import bulk, documents
from scotrack.store.write.ingestion import IngestReport, catalogue, ingest_results

DEV = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
URL = "https://news.example.org/sco-summit"
pytestmark = pytest.mark.issue(16)


@pytest.fixture(scope="module")
def extracted() -> list[CleanDocument | DocumentError]:
    """The dev pages, a page seen twice, a page that could not be read, and
    three versions of a page at one URL (two of them one after the other, one
    much later)."""
    pages = list(extract_paths([DEV]))
    text = pages[0].raw_text  # type: ignore[union-attr]

    def version(n: int) -> CleanDocument:
        raw = RawDocument(f"v{n}", f"v{n}.txt", text=f"{text}\nUpdate {n}.", url=URL)
        return extract(raw)

    missing = DocumentError("missing.txt", "no such file")
    return [
        version(1),
        version(2),  # in the batch of the version before it
        *pages[:8],
        pages[3],
        missing,
        *pages[8:],
        version(3),
    ]


@pytest.fixture
def two_urls(templates) -> Iterator[tuple[str, str]]:
    names = tuple(f"scotrack_{uuid.uuid4().hex[:12]}" for _ in range(2))
    yield templates.copy(names[0]), templates.copy(names[1])
    for name in names:
        templates.databases.drop(name)


def _ingest(url: str, docs: list, *, batch: int) -> IngestReport:
    engine = make_engine(url)
    try:
        sessions = session_factory(engine, write=True)
        with sessions() as session:
            known = catalogue(session)
        results = [
            doc if isinstance(doc, DocumentError) else prepared_document(doc, known)
            for doc in docs
        ]
        return ingest_results(sessions, results, catalogue=known, batch=batch)
    finally:
        engine.dispose()


def _counts(report: IngestReport) -> tuple:
    return (
        report.new,
        report.versions,
        report.unchanged,
        report.claims,
        report.proposals,
        report.failures,
    )


def test_a_batch_builds_what_one_document_at_a_time_builds(
    two_urls: tuple[str, str], extracted: list, knowledge, caplog
) -> None:
    one, many = two_urls
    for url in (one, many):  # stored before the run: found, not stored again
        _ingest(url, extracted[4:5], batch=1)
    caplog.set_level(logging.INFO, logger="scotrack.store.write.ingestion")
    singly = _ingest(one, extracted, batch=1)
    batched = _ingest(many, extracted, batch=7)
    assert not caplog.records  # no batch fell back to one document at a time
    assert _counts(batched) == _counts(singly)
    assert (singly.versions, singly.failures) == (2, ["missing.txt: no such file"])
    assert singly.unchanged == 2
    expected = knowledge(one)
    assert len(expected["claim"]) > 100
    assert knowledge(many) == expected
    again = _ingest(many, extracted, batch=7)
    assert again.unchanged == singly.documents
    assert (again.new, again.versions, again.claims) == (0, 0, 0)
    assert knowledge(many) == expected


def test_a_failing_document_fails_alone(
    two_urls: tuple[str, str],
    extracted: list,
    knowledge,
    monkeypatch: pytest.MonkeyPatch,
    caplog,
) -> None:
    bad = next(doc for doc in extracted if isinstance(doc, CleanDocument))
    real = documents.suggest

    def suggest(session, document_id, statements, **given):
        if document_id == prepared_document(bad, catalogue(session)).id:
            raise RuntimeError("broken on purpose")
        return real(session, document_id, statements, **given)

    monkeypatch.setattr(documents, "suggest", suggest)
    monkeypatch.setattr(bulk, "suggest", suggest)
    one, many = two_urls
    caplog.set_level(logging.INFO, logger="scotrack.store.write.ingestion")
    singly = _ingest(one, extracted, batch=1)
    batched = _ingest(many, extracted, batch=7)
    assert any("a document at a time" in r.getMessage() for r in caplog.records)
    assert _counts(batched) == _counts(singly)
    assert any("broken on purpose" in failure for failure in batched.failures)
    assert knowledge(many) == knowledge(one)


def _store_with_limit(
    url: str, docs: list, *, limit: int | None, batch: int = 5
) -> list[int]:
    """Store `docs` in batches of `batch` with a writer keeping at most `limit`
    claims for grouping (None: the default); the claims it held after each
    batch."""
    engine = make_engine(url)
    held = []
    try:
        sessions = session_factory(engine, write=True)
        with sessions() as session:
            known = catalogue(session)
        prepared = [prepared_document(d, known) for d in docs if not _failed(d)]
        with sessions() as session:
            store = documents.DocumentStore(session, known)
            if limit is not None:  # any block may go, even one just used
                store.group_members, store.group_recent = limit, 0
            for at in range(0, len(prepared), batch):
                bulk.store_batch(store, prepared[at : at + batch])
                session.commit()
                store.begin()  # what the next batch starts with: trims
                session.rollback()
                held.append(store.groups.held)
    finally:
        engine.dispose()
    return held


def _failed(doc: object) -> bool:
    return isinstance(doc, DocumentError)


def test_the_writer_keeps_a_bounded_number_of_claims_for_grouping(
    two_urls: tuple[str, str], extracted: list, knowledge
) -> None:
    """The claims kept to group new ones with grew with the corpus (4 KB a
    document, the writer's 686 MB at 100,000 pages); past the limit the blocks
    used least recently are forgotten and read again from the database, and
    the claims are grouped as when every block is kept (#16)."""
    one, bounded = two_urls
    kept = _store_with_limit(one, extracted, limit=None)
    limited = _store_with_limit(bounded, extracted, limit=20)
    assert max(kept) > 100  # every block kept: the index grows with the run
    largest = max(limited)
    assert largest < 60  # at most the limit and the block just stored
    assert knowledge(bounded) == knowledge(one)


def test_a_batch_groups_its_claims_within_the_writers_limit(
    two_urls: tuple[str, str],
    extracted: list,
    knowledge,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch read every block its claims needed before grouping any, so the
    index held them all until the next batch trimmed it: with documents dated
    at random a batch touches most blocks, and the writer's peak grew with the
    corpus whatever the limit (#16). Now it groups a block at a time here, the
    index trimmed after each: it never holds more than the ceiling and the
    block being grouped, and the groups are those of a writer keeping every
    block."""
    one, bounded = two_urls
    kept = _store_with_limit(one, extracted, limit=None, batch=20)
    monkeypatch.setattr(documents, "BLOCKS_AT_ONCE", 1, raising=False)
    over: list[int] = []
    load = documents.DocumentStore.load_blocks

    def loaded(store: documents.DocumentStore, blocks) -> None:
        load(store, blocks)
        index = store.groups
        largest = max((len(b.members) for b in index.blocks.values()), default=0)
        over.append(index.held - group_index.CEILING * 20 - largest)

    monkeypatch.setattr(documents.DocumentStore, "load_blocks", loaded)
    _store_with_limit(bounded, extracted, limit=20, batch=20)
    assert max(kept) > 100
    assert max(over) <= 0  # at most the ceiling and the largest block
    assert knowledge(bounded) == knowledge(one)
