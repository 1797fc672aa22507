"""Search finds the curated record too: agreements, meetings, bodies and
initiatives by title, alias, code and city, ahead of documents and claims, the
same on SQLite and PostgreSQL (#12)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.read.record_search import hit_page, search_results
from scotrack.store.read.search import SearchHit
from scotrack.store.read.search_query import HIGHLIGHT

pytestmark = pytest.mark.issue(12)


def found(session: Session, query: str, **options) -> list[tuple[str, str]]:
    return [(h.kind, h.ref) for h in search_results(session, query, **options)]


def test_a_title_word_finds_the_agreement(small: Session):
    (hit,) = search_results(small, "charter")
    assert (hit.kind, hit.ref, hit.record) == ("agreement", "charter", True)
    assert hit.published_date == "2002-06-07"
    assert hit.title == "Charter of the Shanghai Cooperation Organization"


def test_a_city_finds_its_meetings_and_the_agreements_signed_there(small: Session):
    assert found(small, "Astana") == [
        ("meeting", "hos-2017"),  # in its title
        ("agreement", "extremism-convention"),  # signed there
    ]
    (meeting, agreement) = search_results(small, "ASTÁNA")  # case, diacritics
    assert f"{HIGHLIGHT[0]}Astana{HIGHLIGHT[1]}" in agreement.snippet
    assert meeting.score > agreement.score


def test_aliases_and_codes_find_bodies_and_initiatives(small: Session):
    assert found(small, "CFM") == [("body", "foreign-ministers")]
    assert found(small, "BRI") == [("initiative", "bri")]
    assert found(small, '"belt and road"') == [("initiative", "bri")]
    assert found(small, "Shanghai Convention") == [("agreement", "shanghai-convention")]


def test_every_term_must_match_whole_words_or_a_prefix(small: Session):
    assert found(small, "charter astana") == []
    assert found(small, "chart") == []
    assert found(small, "chart*") == [("agreement", "charter")]
    assert found(small, '"Cooperation Organization" charter') == [
        ("agreement", "charter")
    ]


def test_kinds_keep_the_record_entries_of_those_kinds(small: Session):
    assert found(small, "Astana", kinds=["agreement"]) == [
        ("agreement", "extremism-convention")
    ]
    assert found(small, "Astana", kinds=["document"]) == []
    assert found(small, "Astana", kinds=["body", "initiative"]) == []
    with pytest.raises(InputError, match="unknown kind 'castle'"):
        search_results(small, "Astana", kinds=["castle"])


def test_limit_and_offset_page_through_the_record(small: Session):
    first = found(small, "Astana", limit=1)
    second = found(small, "Astana", limit=1, offset=1)
    assert first + second == found(small, "Astana")
    assert found(small, "Astana", offset=2) == []
    with pytest.raises(InputError, match="limit"):
        search_results(small, "Astana", limit=0)
    with pytest.raises(InputError, match="empty query"):
        search_results(small, "  ")


@pytest.mark.parametrize(
    ("kind", "ref", "record", "page"),
    [
        ("agreement", "charter", True, "/agreements/charter"),
        ("meeting", "hos-2017", True, "/meetings/hos-2017"),
        ("body", "heads-of-state", True, "/meetings?body=heads-of-state"),
        ("initiative", "BRI", True, "/initiatives#initiative-BRI"),
        ("document", "d1", False, "/documents/d1"),
        ("meeting", "c1", False, "/documents/d1#claim-c1"),
    ],
)
def test_hit_page_is_the_web_page_of_each_kind(kind, ref, record, page):
    hit = SearchHit(kind, ref, "t", "", 1.0, document_id="d1", record=record)
    assert hit_page(hit) == page


def test_an_edit_is_found_at_once(small: Session):
    """The record's entries are kept per knowledge-base version: a logged edit
    moves the version, so the next search reads the edited title."""
    from scotrack.store.write.edits import edit_entity

    assert found(small, "statute") == []
    edit_entity(
        small,
        "agreement:charter",
        {"title": "Founding Statute of the Organisation"},
        actor="ed",
        reason="test",
    )
    small.flush()
    assert found(small, "statute") == [("agreement", "charter")]
