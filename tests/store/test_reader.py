"""A document for reading: its record, claims in reading order, text segments."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import NotFound
from scotrack.store.provenance import Claim, Document
from scotrack.store.read.reader import (
    ClaimMark,
    Span,
    document_id,
    original,
    reading,
    text_segments,
)


def mark(claim_id: str, *spans: tuple[int, int]) -> ClaimMark:
    evidence = tuple(Span(a, b, "") for a, b in spans)
    return ClaimMark(claim_id, "meeting", "s", "pending", "new", None, None, evidence)


def test_text_segments_cut_at_every_boundary() -> None:
    text = "0123456789"
    pieces = text_segments(text, (mark("a", (2, 5)), mark("b", (4, 8), (20, 30))))
    assert [(p.text, p.claims) for p in pieces] == [
        ("01", ()),
        ("23", ("a",)),
        ("4", ("a", "b")),
        ("567", ("b",)),
        ("89", ()),
    ]
    assert "".join(p.text for p in pieces) == text


def test_text_segments_without_claims() -> None:
    assert [p.text for p in text_segments("abc", ())] == ["abc"]
    assert text_segments("", ()) == []


def add_document(
    session: Session,
    doc_id: str,
    at: str,
    claims: int,
    evidence: dict[int, str] | None = None,
) -> None:
    session.add(
        Document(
            id=doc_id,
            title=f"doc {doc_id}",
            raw_text="x",
            clean_text="The summit met in Astana.",
            tags="{}",
            ingested_at=at,
        )
    )
    session.flush()
    for n in range(claims):
        session.add(
            Claim(
                id=f"{doc_id}{n:02d}",
                document_id=doc_id,
                kind="meeting",
                payload="{}",
                evidence=(evidence or {}).get(n, "[[4, 10]]"),
                summary=f"claim {n}",
                proposal="new",
                group_key=f"g{doc_id}{n}",
                block="b",
                status="pending" if n else "accepted",
            )
        )
    session.flush()


def test_reading(session: Session) -> None:
    add_document(session, "dx", "2024-01-01T00:00:00", claims=3)
    found = reading(session, "dx")
    assert [c.id for c in found.claims] == ["dx00", "dx01", "dx02"]
    assert [s.text for s in found.segments] == ["The ", "summit", " met in Astana."]
    assert found.segments[1].claims == ("dx00", "dx01", "dx02")
    with pytest.raises(NotFound):
        reading(session, "missing")


@pytest.mark.issue(15)
def test_reading_orders_claims_by_their_evidence_and_keeps_spans_that_cover_text(
    session: Session,
) -> None:
    spans = {0: "[[18, 24]]", 1: "[[3, 3], [-2, 3], [20, 99]]"}
    add_document(session, "dy", "2024-01-01T00:00:00", claims=3, evidence=spans)
    found = reading(session, "dy")
    assert [c.id for c in found.claims] == ["dy01", "dy02", "dy00"]
    assert found.claims[0].evidence == (Span(0, 3, "The"), Span(20, 25, "tana."))
    assert found.document.tags == {}
    assert found.document.clean_text == "The summit met in Astana."
    assert original(session, "dy").raw_text == "x"
    assert not original(session, "dy").html


@pytest.mark.issue(15)
def test_document_id_is_the_full_id_of_a_prefix(session: Session) -> None:
    add_document(session, "docabcdef01", "2024-01-01T00:00:00", claims=0)
    assert document_id(session, "docabcdef01") == "docabcdef01"
    assert document_id(session, "docabc") == "docabcdef01"
    with pytest.raises(NotFound):
        document_id(session, "missing-doc")
