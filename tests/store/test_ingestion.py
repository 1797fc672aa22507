"""Storing documents and claims: one transaction each, versions, grouping."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim, ClaimCandidate, Document
from scotrack.store.read.reader import original
from scotrack.store.write import ingestion
from scotrack.store.write.documents import content_id

from ._claims import TEXT, doc, meeting, prepared, span


@pytest.fixture
def sessions(initialised_db_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(initialised_db_url)
    yield session_factory(engine)
    engine.dispose()


def ingest_results(sessions, items, **options):
    with sessions() as session:
        known = ingestion.catalogue(session)
    results = prepared(items, known)
    return ingestion.ingest_results(sessions, results, catalogue=known, **options)


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_document_and_claims_are_stored_with_evidence_and_a_link(sessions):
    report = ingest_results(sessions, [doc(meetings=[meeting()])])
    assert (report.new, report.claims, report.failures) == (1, 1, [])
    with sessions() as session:
        stored = session.scalars(select(Document)).one()
        assert stored.id == content_id(stored.raw_text)
        assert stored.clean_text == TEXT
        assert stored.outlet == "Test Wire"
        claim = session.scalars(select(Claim)).one()
        assert claim.status == "pending"
        assert claim.kind == "meeting"
        assert (claim.proposal, claim.entity_id) == ("link", "hos-2017")
        assert json.loads(claim.evidence) == span(TEXT, "met in Astana on Friday")
        assert json.loads(claim.payload)["city"] == "Astana"
        assert "Astana" in claim.summary
        assert claim.candidates[0].entity_id == "hos-2017"
        assert claim.candidates[0].score >= 70
        assert json.loads(claim.candidates[0].reasons)


def test_identical_content_is_stored_once(sessions):
    ingest_results(sessions, [doc(meetings=[meeting()])])
    again = ingest_results(sessions, [doc(meetings=[meeting()])])
    assert (again.new, again.unchanged, again.claims) == (0, 1, 0)
    assert count(sessions, Document) == 1
    assert count(sessions, Claim) == 1


def test_new_content_at_a_known_url_is_a_new_version(sessions):
    url = "https://example.org/sco-summit"
    ingest_results(sessions, [doc("v1", url=url)])
    report = ingest_results(sessions, [doc("v2", url=url), doc("v3", url=url)])
    assert report.versions == 2
    with sessions() as session:
        rows = session.scalars(select(Document).order_by(Document.version)).all()
        assert [r.version for r in rows] == [1, 2, 3]
        assert rows[1].previous_id == rows[0].id
        assert rows[2].previous_id == rows[1].id


def test_claims_of_many_documents_about_one_new_fact_share_a_group(sessions):
    other = {"body": "foreign-ministers", "date": "2031-03-02", "city": "Minsk"}
    docs = [
        doc("a", meetings=[meeting(**other, number=None)]),
        doc("b", meetings=[meeting(**other, number=None, format=None)]),
        doc("c", meetings=[meeting(body="foreign-ministers", date="2031-09-20")]),
    ]
    ingest_results(sessions, docs)
    with sessions() as session:
        claims = session.scalars(select(Claim).order_by(Claim.document_id)).all()
        groups = {c.group_key for c in claims}
        assert all(c.proposal == "new" for c in claims)
        assert len(groups) == 2  # Minsk in March twice; September apart
        minsk = [c for c in claims if json.loads(c.payload).get("city") == "Minsk"]
        assert len({c.group_key for c in minsk}) == 1


def test_linked_claims_of_many_documents_share_their_entity_group(sessions):
    ingest_results(
        sessions,
        [doc("a", meetings=[meeting()]), doc("b", meetings=[meeting(city=None)])],
    )
    with sessions() as session:
        keys = set(session.scalars(select(Claim.group_key)))
    assert keys == {"meeting:hos-2017"}


def test_a_failed_document_is_reported_and_the_rest_go_on(sessions):
    bad_item = meeting(body="no-such-body")
    results = [
        doc("a", meetings=[meeting()]),
        DocumentError("/corpus/empty.txt", "empty file"),
        doc("b", meetings=[bad_item]),
        doc("c", meetings=[meeting(city="Tashkent", date="2031")]),
    ]
    seen: list[str | None] = []
    report = ingest_results(sessions, results, on_result=lambda _, e: seen.append(e))
    assert report.new == 2
    assert len(report.failures) == 2
    assert "empty.txt: empty file" in report.failures[0]
    assert "b.txt" in report.failures[1]
    assert "no-such-body" in report.failures[1]
    assert [e is None for e in seen] == [True, False, False, True]
    assert count(sessions, Document) == 2  # nothing of b was kept
    assert count(sessions, Claim) == 2
    with sessions() as session:
        orphans = session.scalar(
            select(func.count())
            .select_from(ClaimCandidate)
            .outerjoin(Claim, Claim.id == ClaimCandidate.claim_id)
            .where(Claim.id.is_(None))
        )
    assert orphans == 0


def test_documents_and_claims_cannot_be_deleted(sessions):
    ingest_results(sessions, [doc(meetings=[meeting()])])
    for model in (Claim, Document):
        with sessions() as session, pytest.raises(DBAPIError, match="never deleted"):
            session.execute(model.__table__.delete())
    assert count(sessions, Claim) == 1


@pytest.mark.issue(15)
def test_the_reader_shows_a_page_as_extraction_read_it(sessions, tmp_path):
    """Whether a document is a web page is stored as extraction decided it: a JSON
    Lines `html` record (no .html path, no `<html>` opening, which the reader's
    own guess needed) is an HTML original, a `text` record a plain one."""
    body = "The leaders of the SCO met in Astana on Thursday to sign a declaration. "
    records = [
        {"id": "page", "html": f"<div><h1>SCO summit</h1><p>{body * 4}</p></div>"},
        {"id": "plain", "text": f"SCO summit\n{body * 4}"},
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = ingestion.ingest_paths(sessions, [path], ExtractOptions())
    assert (report.new, report.failures) == (2, [])
    with sessions() as session:
        html = dict(session.execute(select(Document.path, Document.html)).all())
        page = session.scalars(select(Document.id).where(Document.html)).one()
        assert original(session, page).html
        assert "<p>" not in session.get(Document, page).clean_text
    assert html == {f"{path}:1": True, f"{path}:2": False}
