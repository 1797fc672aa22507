"""Full-text search over documents and claims: one interface, two back ends.

The index (`store.write.search_index` writes it) is the `search_entry` table: on
SQLite an FTS5 virtual table, on PostgreSQL a table with a generated, weighted
tsvector and a GIN index, one entry per document and per claim. Claim status,
document id and published date are not indexed but joined here at query time.

A query is parsed into terms and rebuilt as a safe query for each back end
(`search_query`). Differences that remain: SQLite folds diacritics ("Sanghay"
finds "Şanghay") and does not stem; PostgreSQL stems English ("meetings" finds
"meeting") and drops stop words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from scotrack.domain.passages import ELLIPSIS
from scotrack.errors import InputError
from scotrack.store.provenance import Claim, Document
from scotrack.store.read.search_query import (
    DOCUMENT,
    HIGHLIGHT,
    Term,
    checked_kinds,
    fts5_query,
    parse_query,
)

SNIPPET_TOKENS = 24
"""Roughly how many words a snippet holds."""
TITLE_WEIGHT = 10.0
"""SQLite bm25 weight of the title column against 1.0 for the body (PostgreSQL
weights title A and body B: 1.0 against 0.4)."""
_RANK = f"bm25(search_entry, 0.0, 0.0, {TITLE_WEIGHT}, 1.0)"
_SNIPPET = f"snippet(search_entry, 3, :open, :close, :ellipsis, {SNIPPET_TOKENS})"
_MARKS = {"open": HIGHLIGHT[0], "close": HIGHLIGHT[1], "ellipsis": ELLIPSIS}
TIES = 500
"""Entries past a page's last that SQLite keeps by rank, so that those tied with
the last are ordered by kind and ref as well (more: every match is ranked again)."""
MAX_LIMIT = 1000
RANKED = 2000
"""A query matching more entries than this is ranked among the RANKED most
recently indexed of them, and its hits end there (#18). Ranking costs one to two
microseconds a match: "sco" matches 94,000 of the 134,000 entries of a
10,000-document knowledge base (112 ms to rank them all, 4-6 ms to rank 2,000),
and a word that common says little about which entry is best. More words or a
kind narrow such a search to the entries wanted."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result. `score` is higher for better hits and comparable only
    within one result list. `document_id` and `published_date` are the document's
    (a claim's are those of its document); `status` is set for claims only. An
    entry of the curated record (`record`, see `record_search`) has its kind
    (agreement, meeting, body, initiative), its id as `ref` and its date."""

    kind: str
    ref: str
    title: str
    snippet: str
    score: float
    status: str | None = None
    document_id: str | None = None
    published_date: str | None = None
    record: bool = False


def search(
    session: Session,
    query: str,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """The entries matching every term of `query`, best first.

    `kinds` keeps only those kinds (see `search_query.KINDS`). Snippets mark
    matched terms with HIGHLIGHT. A query with no letter or digit in it matches
    nothing. Raises InputError for an empty query, an unknown kind or a bad
    limit/offset.
    """
    terms = parse_query(query)
    wanted = checked_kinds(kinds)
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"search: limit must be 1 to {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise InputError(f"search: offset must be 0 or more, not {offset}")
    if not terms:
        return []
    if session.get_bind().dialect.name == "postgresql":
        rows = _search_postgres(session, terms, wanted, limit, offset)
    else:
        rows = _search_sqlite(session, terms, wanted, limit, offset)
    return _with_details(session, rows)


class _Row(NamedTuple):
    kind: str
    ref: str
    title: str
    snippet: str | None
    score: float


def _search_sqlite(
    session: Session,
    terms: Sequence[Term],
    kinds: list[str] | None,
    limit: int,
    offset: int,
) -> list[Any]:
    """The page of matches by rank, then kind and ref, bm25 worked out once for
    every match ranked (#18: it was twice, 40 of the 80 ms of a search for
    "china" with its 34,000 matches; past RANKED matches only the most recent
    RANKED are ranked: rowids grow as entries are indexed). SQLite keeps the
    best `limit + offset + TIES` by rank alone, which holds every entry tied
    with the page's last one unless more than TIES are (`_tied_page` then
    ranks every match again); only the page's own entries are read further for
    their titles and snippets."""
    where = "search_entry MATCH :match"
    if kinds is not None:
        where += " AND kind IN :kinds"
    window = limit + offset
    params: dict[str, Any] = {"match": fts5_query(terms), "kept": window + TIES}
    if kinds is not None:
        params["kinds"] = kinds
    floor = session.execute(
        _expanding(
            f"SELECT rowid FROM search_entry WHERE {where} "
            f"ORDER BY rowid DESC LIMIT 1 OFFSET :last",
            kinds,
        ),
        {**params, "last": RANKED - 1},
    ).scalar()
    if floor is not None:  # more than RANKED match: the most recent are ranked
        where += " AND rowid >= :floor"
        params["floor"] = floor
    best = session.execute(
        _expanding(
            f"SELECT rowid, {_RANK} AS r FROM search_entry WHERE {where} "
            f"ORDER BY r, rowid LIMIT :kept",
            kinds,
        ),
        params,
    ).all()
    if len(best) <= offset:
        return []
    if len(best) >= window:
        bound = best[window - 1].r
        if len(best) == window + TIES and best[-1].r <= bound:
            return _tied_page(session, where, params, bound, limit, offset)
        best = [row for row in best if row.r <= bound]
    ranks = {row.rowid: row.r for row in best}
    keys = session.execute(
        _expanding("SELECT rowid, kind, ref FROM search_entry WHERE rowid IN :ids"),
        {"ids": list(ranks)},
    ).all()
    ordered = sorted(keys, key=lambda row: (ranks[row.rowid], row.kind, row.ref))
    page = ordered[offset:window]
    # one pass over the matches between the page's first and last rowid: `rowid
    # IN` would start the full-text query over for each (2.6 against 0.6 ms for a
    # page of "tashkent trade")
    ids = [row.rowid for row in page]
    shown = session.execute(
        _expanding(
            f"SELECT rowid, title, {_SNIPPET} AS snippet FROM search_entry "
            f"WHERE search_entry MATCH :match AND rowid BETWEEN :low AND :high "
            f"AND +rowid IN :ids"
        ),
        {
            **_MARKS,
            "match": params["match"],
            "ids": ids,
            "low": min(ids),
            "high": max(ids),
        },
    ).all()
    texts = {row.rowid: (row.title, row.snippet) for row in shown}
    return [
        _Row(row.kind, row.ref, *texts[row.rowid], -ranks[row.rowid]) for row in page
    ]


def _tied_page(
    session: Session,
    where: str,
    params: dict[str, Any],
    bound: float,
    limit: int,
    offset: int,
) -> list[Any]:
    """The page when more than TIES entries share the rank `bound` of its last
    one: the entries ranked at least as well, by rank, kind and ref."""
    statement = _expanding(
        f"SELECT kind, ref, title, {_SNIPPET} AS snippet, -{_RANK} AS score "
        f"FROM search_entry WHERE {where} AND {_RANK} <= :bound "
        f"ORDER BY {_RANK}, kind, ref LIMIT :limit OFFSET :offset",
        params.get("kinds"),
    )
    found = session.execute(
        statement,
        {**params, **_MARKS, "bound": bound, "limit": limit, "offset": offset},
    )
    return list(found)


def _expanding(sql: str, kinds: list[str] | None = None) -> TextClause:
    """`sql` with its list parameters (`:ids`, `:kinds` when there are kinds)."""
    lists = [name for name in ("ids", "kinds") if f":{name}" in sql]
    if kinds is None and "kinds" in lists:
        lists.remove("kinds")
    return text(sql).bindparams(*(bindparam(n, expanding=True) for n in lists))


def _search_postgres(
    session: Session,
    terms: Sequence[Term],
    kinds: list[str] | None,
    limit: int,
    offset: int,
) -> list[Any]:
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    parts = []
    for index, term in enumerate(terms):
        name = f"t{index}"
        if term.prefix:
            # letters and digits only, so to_tsquery sees no operator of the user's
            words = term.words
            params[name] = " <-> ".join([*words[:-1], f"{words[-1]}:*"])
            parts.append(f"to_tsquery('english', :{name})")
        else:
            params[name] = '"' + " ".join(term.words) + '"'
            parts.append(f"websearch_to_tsquery('english', :{name})")
    where = "e.tsv @@ q.query"
    if kinds is not None:
        where += " AND e.kind IN :kinds"
    # past RANKED matches, only the most recently indexed RANKED are ranked
    floor = (
        f"SELECT e.id FROM search_entry e, q WHERE {where} "
        f"ORDER BY e.id DESC LIMIT 1 OFFSET :last"
    )
    where += f" AND e.id >= COALESCE(({floor}), 0)"
    params["last"] = RANKED - 1
    options = (
        f'StartSel="{HIGHLIGHT[0]}", StopSel="{HIGHLIGHT[1]}", '
        f"MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS // 2}, "
        f'MaxFragments=2, FragmentDelimiter=" {ELLIPSIS} "'
    )
    params["options"] = options
    statement = text(
        f"WITH q AS (SELECT {' && '.join(parts)} AS query), "
        f"ranked AS (SELECT e.kind, e.ref, e.title, e.body, "
        f"ts_rank(e.tsv, q.query) AS score FROM search_entry e, q WHERE {where} "
        f"ORDER BY score DESC, e.kind, e.ref LIMIT :limit OFFSET :offset) "
        f"SELECT r.kind, r.ref, r.title, "
        f"ts_headline('english', r.body, q.query, :options) AS snippet, r.score "
        f"FROM ranked r, q ORDER BY r.score DESC, r.kind, r.ref"
    )
    if kinds is not None:
        statement = statement.bindparams(bindparam("kinds", expanding=True))
        params["kinds"] = kinds
    return list(session.execute(statement, params))


def _with_details(session: Session, rows: Sequence[Any]) -> list[SearchHit]:
    """Hits with each claim's status and document, and each document's date."""
    claim_refs = [row.ref for row in rows if row.kind != DOCUMENT]
    claims = {
        claim_id: (status, document_id)
        for claim_id, status, document_id in session.execute(
            select(Claim.id, Claim.status, Claim.document_id).where(
                Claim.id.in_(claim_refs)
            )
        )
    }
    document_ids = {row.ref for row in rows if row.kind == DOCUMENT}
    document_ids.update(document_id for _, document_id in claims.values())
    dated = select(Document.id, Document.published_date).where(
        Document.id.in_(document_ids)
    )
    dates: dict[str, str | None] = dict(session.execute(dated).all())
    hits = []
    for row in rows:
        status, document_id = (
            (None, row.ref)
            if row.kind == DOCUMENT
            else claims.get(row.ref, (None, None))
        )
        hits.append(
            SearchHit(
                kind=row.kind,
                ref=row.ref,
                title=row.title,
                snippet=" ".join((row.snippet or "").split()),
                score=float(row.score),
                status=status,
                document_id=document_id,
                published_date=dates.get(document_id or ""),
            )
        )
    return hits
