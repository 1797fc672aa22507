"""Full-text search over documents and claims, on SQLite (FTS5) and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.provenance import Claim, Document
from scotrack.store.read import search as fts
from scotrack.store.read import search_query
from scotrack.store.read.search import SearchHit
from scotrack.store.read.search_query import HIGHLIGHT
from scotrack.store.write import search_index

OPEN, CLOSE = HIGHLIGHT

SUMMIT = (
    "The heads of state of the SCO met in Tashkent on 11 September. "
    "They signed an agreement on energy cooperation and transport corridors. "
    "Leaders also discussed security.\n"
    "Reporters waited outside."
)
TRADE = (
    "Exporters in Almaty reported more freight to Tashkent. Freight to Tashkent "
    "grew again, and shippers in Tashkent expect further growth. State officials "
    "said the heads of customs would meet."
)
TURKISH = "Şanghay İşbirliği Örgütü liderleri Toshkent şehrinde bir araya geldi."
HOSTILE = (
    '"',
    '""',
    '"unclosed phrase',
    "AND OR NOT",
    "NOT",
    "*",
    "**tash",
    "(",
    "NEAR(",
    "NEAR(a b",
    "col:",
    "title:tashkent",
    "^tashkent",
    "-energy",
    "a:*",
    "tashkent & | ! <-> :*",
    "'; DROP TABLE document; --",
    "O'Brien",
    "\\",
    "{title body}:energy",
    "\x00",
)


def _document(
    doc_id: str, title: str | None, clean_text: str, published: str
) -> Document:
    return Document(
        id=doc_id,
        url=f"https://news.example/{doc_id}",
        version=1,
        title=title,
        outlet="Example News",
        published_date=published,
        raw_text=clean_text,
        clean_text=clean_text,
        tags="{}",
        ingested_at="2026-11-23T10:00:00.000000+00:00",
    )


def _claim(
    claim_id: str,
    document: Document,
    kind: str,
    summary: str,
    evidence: str,
    status: str = "pending",
) -> Claim:
    start = document.clean_text.index(evidence)
    return Claim(
        id=claim_id,
        document_id=document.id,
        kind=kind,
        payload="{}",
        evidence=json.dumps([[start, start + len(evidence)]]),
        summary=summary,
        proposal="new",
        group_key=f"{kind}:{claim_id}",
        block=kind,
        status=status,
    )


def _store(session: Session) -> None:
    summit = _document(
        "d-summit", "Tashkent summit of heads of state", SUMMIT, "2022-09-16"
    )
    trade = _document("d-trade", "Freight news", TRADE, "2022-10-01")
    turkish = _document("d-turkish", None, TURKISH, "2022-09-17")
    claims = {
        summit.id: [
            _claim(
                "c-meeting",
                summit,
                "meeting",
                "Heads of state meeting, Tashkent",
                "met in Tashkent",
            ),
            _claim(
                "c-agreement",
                summit,
                "agreement",
                "Agreement on energy cooperation signed",
                "agreement on energy",
                status="accepted",
            ),
        ],
        trade.id: [],
        turkish.id: [
            _claim("c-turkish", turkish, "meeting", "Zirve Toshkent", "Toshkent"),
        ],
    }
    session.add_all([summit, trade, turkish])
    session.flush()
    for document in (summit, trade, turkish):
        session.add_all(claims[document.id])
        session.flush()
        search_index.index_document(session, document, claims[document.id])


@pytest.fixture
def indexed(session: Session) -> Session:
    _store(session)
    return session


def refs(hits: list[SearchHit]) -> list[str]:
    return [hit.ref for hit in hits]


def test_title_match_ranks_first(indexed: Session) -> None:
    hits = fts.search(indexed, "tashkent", kinds=["document"])
    assert refs(hits) == ["d-summit", "d-trade"]
    assert hits[0].score > hits[1].score


def test_claims_and_documents_found_together(indexed: Session) -> None:
    assert set(refs(fts.search(indexed, "tashkent"))) == {
        "d-summit",
        "d-trade",
        "c-meeting",
    }


def test_snippet_marks_matched_terms(indexed: Session) -> None:
    (hit,) = fts.search(indexed, "energy", kinds=["document"])
    assert f"{OPEN}energy{CLOSE}" in hit.snippet
    assert search_query.snippet_parts(hit.snippet).count(("energy", True)) >= 1
    assert len(hit.snippet) < len(SUMMIT)


def test_claim_body_is_the_evidence_sentence(indexed: Session) -> None:
    (hit,) = fts.search(indexed, "transport", kinds=["agreement"])
    assert hit.ref == "c-agreement"
    plain = "".join(piece for piece, _ in search_query.snippet_parts(hit.snippet))
    assert plain.startswith("They signed an agreement")
    assert "Tashkent" not in plain


def test_hits_carry_status_document_and_date(indexed: Session) -> None:
    hits = {hit.ref: hit for hit in fts.search(indexed, "energy")}
    assert hits["c-agreement"].status == "accepted"
    assert hits["c-agreement"].document_id == "d-summit"
    assert hits["c-agreement"].published_date == "2022-09-16"
    assert hits["d-summit"].status is None
    assert hits["d-summit"].published_date == "2022-09-16"


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["meeting"], {"c-meeting"}),
        (["meeting", "document"], {"c-meeting", "d-summit", "d-trade"}),
        (["agreement"], set()),
        ([], {"c-meeting", "d-summit", "d-trade"}),
    ],
)
def test_kinds_filter(indexed: Session, kinds: list[str], expected: set[str]) -> None:
    assert set(refs(fts.search(indexed, "tashkent", kinds=kinds))) == expected


def test_unknown_kind(indexed: Session) -> None:
    with pytest.raises(InputError, match=r"unknown kind 'meetings'.*document, meeting"):
        fts.search(indexed, "tashkent", kinds=["meetings"])


def test_all_words_must_match(indexed: Session) -> None:
    assert refs(fts.search(indexed, "freight almaty", kinds=["document"])) == [
        "d-trade"
    ]
    assert fts.search(indexed, "freight energy") == []


def test_phrase_query(indexed: Session) -> None:
    # both documents have "heads" and "state"; only one has the phrase
    assert refs(fts.search(indexed, '"heads of state" corridors')) == ["d-summit"]
    assert set(refs(fts.search(indexed, "heads state", kinds=["document"]))) == {
        "d-summit",
        "d-trade",
    }


def test_prefix_query(indexed: Session) -> None:
    assert "d-summit" in refs(fts.search(indexed, "tashk*"))
    assert fts.search(indexed, "tashk") == []
    assert refs(fts.search(indexed, '"energy coop"*', kinds=["document"])) == [
        "d-summit"
    ]


def test_limit_and_offset_page_through(indexed: Session) -> None:
    everything = refs(fts.search(indexed, "tashkent"))
    first = refs(fts.search(indexed, "tashkent", limit=2))
    rest = refs(fts.search(indexed, "tashkent", limit=2, offset=2))
    assert first + rest == everything


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_do_not_fail(indexed: Session, query: str) -> None:
    hits = fts.search(indexed, query)
    assert isinstance(hits, list)
    assert inspect(indexed.connection()).has_table("document")


def test_operators_are_plain_words(indexed: Session) -> None:
    # "-energy" is not NOT energy, "tashkent:" is no column filter, "(" no group
    assert "d-summit" in refs(fts.search(indexed, "-energy"))
    assert "d-summit" in refs(fts.search(indexed, "tashkent: (energy)"))
    assert fts.search(indexed, "energy OR freight") == []


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query(indexed: Session, query: str) -> None:
    with pytest.raises(InputError, match="search: empty query"):
        fts.search(indexed, query)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (fts.MAX_LIMIT + 1, 0), (5, -1)])
def test_bad_limit_or_offset(indexed: Session, limit: int, offset: int) -> None:
    with pytest.raises(InputError, match=r"search: (limit|offset)"):
        fts.search(indexed, "tashkent", limit=limit, offset=offset)


def test_spellings_are_different_words(indexed: Session) -> None:
    assert set(refs(fts.search(indexed, "Toshkent"))) == {"d-turkish", "c-turkish"}
    assert "d-turkish" not in refs(fts.search(indexed, "Tashkent"))


def test_diacritics(indexed: Session, backend: str) -> None:
    documents = ["document"]
    assert refs(fts.search(indexed, "Şanghay", kinds=documents)) == ["d-turkish"]
    assert refs(fts.search(indexed, "ŞANGHAY örgütü", kinds=documents)) == ["d-turkish"]
    folded = refs(fts.search(indexed, "Sanghay", kinds=documents))
    # FTS5's unicode61 tokenizer removes diacritics; PostgreSQL's english does not
    assert folded == (["d-turkish"] if backend == "sqlite" else [])


def test_reindex_gives_the_same_results(indexed: Session) -> None:
    queries = ("tashkent", "energy", '"heads of state"', "tash*", "Toshkent")
    before = [fts.search(indexed, query) for query in queries]
    assert search_index.reindex(indexed) == 3 + 3
    assert [fts.search(indexed, query) for query in queries] == before
    count = indexed.execute(text("SELECT count(*) FROM search_entry")).scalar_one()
    assert count == 6


def test_reindex_of_an_empty_database(session: Session) -> None:
    assert search_index.reindex(session) == 0
    assert fts.search(session, "tashkent") == []


# the parts without a database


def test_parse_query() -> None:
    terms = search_query.parse_query('"heads of state" tash* AND ( col: "open')
    assert terms == [
        search_query.Term("heads of state"),
        search_query.Term("tash", prefix=True),
        search_query.Term("AND"),
        search_query.Term("col:"),
        search_query.Term("open"),
    ]
    assert search_query.fts5_query(terms) == (
        '"heads of state" "tash"* "AND" "col:" "open"'
    )


def test_snippet_parts() -> None:
    assert search_query.snippet_parts(f"a {OPEN}b{CLOSE} c{OPEN}d{CLOSE}") == [
        ("a ", False),
        ("b", True),
        (" c", False),
        ("d", True),
    ]


@pytest.mark.issue(18)
def test_pages_of_tied_hits_are_slices_of_the_whole_list(indexed: Session) -> None:
    """Search reads further only the entries ranked at least as well as a page's
    last one (#18); entries tied with it across the page's edge still come in
    kind and ref order, so every page is a slice of the whole list."""
    twins = [
        _document(f"d-twin-{n:02}", "Freight news", TRADE, "2022-10-01")
        for n in range(12)
    ]
    indexed.add_all(twins)
    indexed.flush()
    for twin in twins:
        search_index.index_document(indexed, twin, [])
    everything = refs(fts.search(indexed, "freight", limit=100))
    assert {f"d-twin-{n:02}" for n in range(12)} <= set(everything)
    for limit in (1, 5, 7):
        for offset in (0, 3, 5, 11):
            page = fts.search(indexed, "freight", limit=limit, offset=offset)
            assert refs(page) == everything[offset : offset + limit], (limit, offset)
    tied = fts.search(indexed, "freight", kinds=["document"], limit=4, offset=2)
    documents = refs(fts.search(indexed, "freight", kinds=["document"], limit=100))
    assert refs(tied) == documents[2:6]


BENCH_QUERIES = ("energy", "Tashkent", "trade local currencies", "security", "summit")
"""Queries of bench/serve_bench.py that this corpus matches, and one more."""


@pytest.mark.issue(18)
@pytest.mark.parametrize("ties", [0, 2, fts.TIES])
def test_every_page_is_the_full_ranking_cut(
    indexed: Session, backend: str, ties: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are cut from the order of every match by rank, kind and ref, however
    many entries share a rank (#18: SQLite ranks once and keeps `TIES` more; with
    more ties than that it ranks again). Eight copies of one report tie in
    groups of eight, stored in the reverse of their ids' order."""
    for copy in reversed(range(8)):
        summit = _document(f"d-copy{copy}", "Summit report", SUMMIT, "2022-09-18")
        session_claims = [
            _claim(f"c-copy{copy}-{n}", summit, "meeting", "Summit", "met in Tashkent")
            for n in range(2)
        ]
        indexed.add(summit)
        indexed.flush()
        indexed.add_all(session_claims)
        indexed.flush()
        search_index.index_document(indexed, summit, session_claims)
    monkeypatch.setattr(fts, "TIES", ties)
    for query in BENCH_QUERIES:
        everything = fts.search(indexed, query, limit=fts.MAX_LIMIT)
        scores = [(-hit.score, hit.kind, hit.ref) for hit in everything]
        assert scores == sorted(scores)
        if backend == "sqlite":  # as one statement ranking every match orders them
            assert refs(everything) == list(
                indexed.scalars(
                    text(
                        f"SELECT ref FROM search_entry WHERE search_entry MATCH :q "
                        f"ORDER BY {fts._RANK}, kind, ref"
                    ),
                    {"q": search_query.fts5_query(search_query.parse_query(query))},
                )
            )
        for limit, offset in [(1, 0), (3, 0), (5, 2), (20, 0), (4, 9), (2, 40)]:
            page = fts.search(indexed, query, limit=limit, offset=offset)
            assert page == everything[offset : offset + limit], (query, limit, offset)
    assert len(fts.search(indexed, "Tashkent", limit=fts.MAX_LIMIT)) > 20


def _recent_matches(session: Session, backend: str, word: str, count: int) -> set[str]:
    """The refs of the `count` entries holding `word` indexed last."""
    if backend == "sqlite":
        statement = (
            "SELECT ref FROM search_entry WHERE search_entry MATCH :q "
            "ORDER BY rowid DESC LIMIT :n"
        )
    else:
        statement = (
            "SELECT ref FROM search_entry "
            "WHERE tsv @@ websearch_to_tsquery('english', :q) ORDER BY id DESC LIMIT :n"
        )
    return set(session.scalars(text(statement), {"q": word, "n": count}))


@pytest.mark.issue(18)
def test_a_common_word_is_ranked_among_its_most_recent_matches(
    indexed: Session, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past RANKED matches only the RANKED most recently indexed are ranked, in
    the order the whole ranking gives them, and the hits end there (#18)."""
    for n in range(6):  # more Tashkent, better rank: indexed worst first
        report = TRADE.replace("Almaty", "Tashkent " * n)
        document = _document(f"d-report{n}", "Freight news", report, "2022-11-01")
        indexed.add(document)
        indexed.flush()
        search_index.index_document(indexed, document, [])
    everything = fts.search(indexed, "tashkent", limit=fts.MAX_LIMIT)
    assert len(everything) == 9
    monkeypatch.setattr(fts, "RANKED", 4)
    recent = _recent_matches(indexed, backend, "tashkent", 4)
    ranked = fts.search(indexed, "tashkent", limit=fts.MAX_LIMIT)
    assert refs(ranked) == [hit.ref for hit in everything if hit.ref in recent]
    assert refs(ranked) == ["d-report5", "d-report4", "d-report3", "d-report2"]
    assert fts.search(indexed, "tashkent", limit=3, offset=2) == ranked[2:4]
    assert fts.search(indexed, "tashkent", limit=3, offset=4) == []
    documents = fts.search(indexed, "tashkent", kinds=["document"], limit=10)
    assert refs(documents) == refs(ranked)
    claims = fts.search(indexed, "tashkent", kinds=["meeting"], limit=10)
    assert refs(claims) == ["c-meeting"]  # the kinds are counted, not the others
    monkeypatch.setattr(fts, "RANKED", 9)
    assert fts.search(indexed, "tashkent", limit=fts.MAX_LIMIT) == everything
