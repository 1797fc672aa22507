"""Storing documents in batches: one transaction, and one COPY a table, for many
documents (#16).

`store_batch` stores what `DocumentStore.store` would store for each document
of a batch, in order, with the same outcome: a document already stored (or
earlier in the batch) is `unchanged`, new content at a known URL (or at the URL
of a document earlier in the batch) is its next version, and each claim joins
the group `DocumentStore` would give it. The difference is the cost: the
writers' lock, the check that no other writer stored documents meanwhile and
the look-ups of known ids and URLs are made once for the batch, not once a
document; the rows of the big tables (documents, claims, their candidates and
the search entries) go in with one COPY each on PostgreSQL (psycopg 3's
`cursor.copy`), one multi-row insert each elsewhere; and the batch is committed
once. Documents and claims are only ever inserted, so the guards of revision
9e5b7c3d1a48 (no update of a document's texts, nor of a claim's payload or
evidence) hold as they do for one document at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from scotrack.ingest.claims.prepared import PreparedDocument
from scotrack.store.write.documents import (
    CANDIDATE,
    CLAIM,
    DOCUMENT,
    DocumentStore,
    Row,
    Stored,
    candidate_values,
    document_values,
    stored,
)
from scotrack.store.write.search_index import prepared_entries
from scotrack.store.write.suggestions import suggest, targets

if TYPE_CHECKING:
    import psycopg

BATCH = 200
"""Documents a transaction by default: enough that the per-transaction costs
(the lock, the look-ups, the commit) are spread thin, few enough that a batch
that must be stored again a document at a time costs little."""

SEARCH_COLUMNS = ("kind", "ref", "title", "body")
INSERT_SEARCH = text(
    "INSERT INTO search_entry (kind, ref, title, body) "
    "VALUES (:kind, :ref, :title, :body)"
)


def store_batch(
    store: DocumentStore, batch: Sequence[PreparedDocument]
) -> list[Stored]:
    """Add the documents of `batch` and their claims (executed, not committed);
    what storing each did, in order."""
    session = store.session
    store.begin()
    known = _known(session, batch)
    latest = _latest(session, batch)
    outcomes: list[tuple[PreparedDocument, Row] | Stored] = []
    for prepared in batch:
        if prepared.id in known:
            outcomes.append(Stored(prepared.id, "unchanged", known[prepared.id], 0))
            continue
        url = prepared.document.url
        previous = latest.get(url) if url else None
        version = 1 if previous is None else previous[1] + 1
        outcomes.append((prepared, document_values(prepared, previous, version)))
        known[prepared.id] = version
        if url:
            latest[url] = (prepared.id, version)
    new = [outcome for outcome in outcomes if not isinstance(outcome, Stored)]
    groups = iter(
        store.group_claims([claim for prepared, _ in new for claim in prepared.claims])
    )
    documents: list[Row] = []
    claims: list[Row] = []
    candidates: list[Row] = []
    entries: list[dict[str, str]] = []
    found: list[tuple[PreparedDocument, Row, list[Row]] | Stored] = []
    for outcome in outcomes:
        if isinstance(outcome, Stored):
            found.append(outcome)
            continue
        prepared, document = outcome
        own = [store.claim_values(claim, next(groups)) for claim in prepared.claims]
        documents.append(document)
        claims += own
        candidates += [
            row
            for claim in prepared.claims
            for row in candidate_values(claim.claim.key, claim.resolution)
        ]
        entries += prepared_entries(document, prepared.claims)
        found.append((prepared, document, own))
    store.add_stored(len(documents))
    insert_rows(session, DOCUMENT, documents)
    insert_rows(session, CLAIM, claims)
    insert_rows(session, CANDIDATE, candidates)
    _insert_entries(session, entries)
    results = []
    matched = targets(session) if any(p.statements for p in batch) else []
    for item in found:
        if isinstance(item, Stored):
            results.append(item)
            continue
        prepared, document, own = item
        # after the documents' own claims: their reports on earlier pledges (#13)
        suggested = suggest(session, prepared.id, prepared.statements, known=matched)
        results.append(stored(document, own, suggested, document["version"] == 1))
    return results


def _known(session: Session, batch: Sequence[PreparedDocument]) -> dict[str, int]:
    """The version of each document of `batch` already stored, by id."""
    ids = sorted({prepared.id for prepared in batch})
    query = select(DOCUMENT.c.id, DOCUMENT.c.version).where(DOCUMENT.c.id.in_(ids))
    return {str(id_): int(version) for id_, version in session.execute(query)}


def _latest(
    session: Session, batch: Sequence[PreparedDocument]
) -> dict[str, tuple[str, int]]:
    """The id and version of the latest document stored from each URL of `batch`."""
    urls = sorted({p.document.url for p in batch if p.document.url})
    if not urls:
        return {}
    query = select(DOCUMENT.c.url, DOCUMENT.c.id, DOCUMENT.c.version).where(
        DOCUMENT.c.url.in_(urls)
    )
    latest: dict[str, tuple[str, int]] = {}
    for url, id_, version in session.execute(query):
        if url not in latest or version > latest[url][1]:
            latest[url] = (str(id_), int(version))
    return latest


def insert_rows(session: Session, table: Table, rows: list[Row]) -> None:
    """Insert `rows` (dicts with the same keys) into `table`: COPY on
    PostgreSQL, one multi-row insert elsewhere."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, table.name, list(rows[0]), rows)
    else:
        session.execute(table.insert(), rows)


def _insert_entries(session: Session, rows: list[dict[str, str]]) -> None:
    """The search entries (a table outside the ORM's metadata)."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, "search_entry", list(SEARCH_COLUMNS), rows)
    else:
        session.execute(INSERT_SEARCH, rows)


def _copy(
    session: Session, table: str, columns: list[str], rows: Sequence[dict[str, Any]]
) -> None:
    """`COPY table (columns) FROM STDIN` on the session's own connection, so in
    its transaction."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    connection = cast(
        "psycopg.Connection[Any]", session.connection().connection.driver_connection
    )
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


__all__ = ["BATCH", "insert_rows", "store_batch"]
