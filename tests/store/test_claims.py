"""The read models of a claim, its document and its candidates (#15): what the
surfaces get of a claim, and never an ORM row, at run time as by import."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError, NotFound
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import ClaimCandidate, Document
from scotrack.store.read import queue
from scotrack.store.read.claims import (
    CandidateRecord,
    ClaimDocument,
    ClaimRecord,
    claim_row,
    find_claim,
)
from scotrack.store.write import review

from ._claims import doc, ingest, meeting


@pytest.fixture
def session(initialised_db_url: str) -> Iterator[Session]:
    engine = make_engine(initialised_db_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def rows_in(value: Any, seen: set[int] | None = None) -> list[str]:
    """Where in `value` (a read model, followed through its dataclasses, lists,
    tuples and dicts) an ORM row sits, as paths; empty: none."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | int | float | bool | None):
        return []
    seen.add(id(value))
    if isinstance(value, models.Base):
        return [type(value).__name__]
    children: list[tuple[str, Any]] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        children = [(f"[{key!r}]", item) for key, item in value.items()]
        children += [("key", key) for key in value]
    elif isinstance(value, list | tuple | set | frozenset):
        children = [(f"[{i}]", item) for i, item in enumerate(value)]
    return [
        f"{name}.{found}" for name, child in children for found in rows_in(child, seen)
    ]


def test_rows_in_finds_a_row_however_deep(session):
    [claim] = ingest(session, doc(meetings=[meeting()]))
    record = find_claim(session, claim.id)
    assert rows_in(record) == []
    assert rows_in({"a": [(1, claim)]}) == ["['a'].[0].[1].Claim"]
    hidden = dataclasses.replace(queue.review_queue(session).rows[0], claim=claim)
    assert rows_in([hidden]) == ["[0].claim.Claim"]


def test_no_orm_row_reaches_a_surface(session):
    claims = ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting(format="video")]),
        doc("c", meetings=[meeting(date=None, number=None, country=None)]),
    )
    for claim in claims:
        item = review.view(session, claim.id[:8])
        assert rows_in(item) == []
        assert rows_in(find_claim(session, claim.id)) == []
    found = queue.review_queue(session, status=None, facets=True)
    assert found.rows
    assert rows_in(found) == []


def test_a_claim_is_read_with_its_document_candidates_and_group(session):
    first, second = ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting(format="video")]),
    )
    item = review.view(session, first.id[:8])
    assert isinstance(item.claim, ClaimRecord)
    assert (item.claim.id, item.claim.kind, item.claim.status) == (
        first.id,
        "meeting",
        "pending",
    )
    assert item.claim.payload == json.loads(first.payload)
    assert item.claim.edited_payload is None
    stored = session.get(Document, first.document_id)
    assert stored is not None
    assert item.document == ClaimDocument(
        id=first.document_id,
        path=stored.path,
        title="SCO summit in Astana",
        outlet=stored.outlet,
        published_date="2017-06-10",
        url=None,
    )
    [row] = [c for c in first.candidates if c.position == 0]
    assert item.candidates[0] == CandidateRecord(
        entity_kind=row.entity_kind,
        entity_id=row.entity_id,
        label=row.label,
        score=row.score,
        reasons=tuple(json.loads(row.reasons)),
    )
    assert item.candidates[0].reasons
    assert all(isinstance(r, str) for c in item.candidates for r in c.reasons)
    assert [member.id for member in item.group] == sorted([first.id, second.id])


def test_a_candidate_without_reasons_has_an_empty_tuple(session):
    [claim] = ingest(session, doc(meetings=[meeting()]))
    session.add(
        ClaimCandidate(
            claim_id=claim.id,
            position=len(claim.candidates),
            entity_kind="meeting",
            entity_id="hos-2018",
            label="another",
            score=1,
            reasons="[]",
        )
    )
    session.flush()
    session.expire(claim)
    assert review.view(session, claim.id).candidates[-1].reasons == ()


def test_an_edited_claim_reads_both_payloads(session):
    [claim] = ingest(session, doc(meetings=[meeting()]))
    review.edit_claim(session, claim.id, {"city": "Bishkek"}, actor="ed")
    record = find_claim(session, claim.id)
    assert record.payload["city"] == "Astana"
    assert record.edited_payload is not None
    assert record.edited_payload["city"] == "Bishkek"
    effective = record.effective_payload
    assert effective["city"] == "Bishkek"
    effective["city"] = "changed"  # a copy: the record stays as read
    assert record.effective_payload["city"] == "Bishkek"
    assert review.view(session, claim.id).payload == record.effective_payload


def test_a_record_is_a_snapshot_the_writes_do_not_touch(session):
    [claim] = ingest(session, doc(meetings=[meeting()]))
    record = find_claim(session, claim.id)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.status = "accepted"  # type: ignore[misc]
    review.reject(session, record.id, actor="ed", note="no")
    assert record.status == "pending"
    after = find_claim(session, record.id[:10])
    assert (after.status, after.decided_by, after.note) == ("rejected", "ed", "no")


def test_a_claim_is_found_by_id_or_prefix_like_its_row(session):
    [claim] = ingest(session, doc(meetings=[meeting()]))
    assert find_claim(session, claim.id[:6]).id == claim.id
    assert claim_row(session, claim.id[:6]) is claim
    with pytest.raises(InputError, match="6 characters"):
        find_claim(session, "ab")
    with pytest.raises(NotFound, match="no such claim"):
        find_claim(session, "abcdef0")
