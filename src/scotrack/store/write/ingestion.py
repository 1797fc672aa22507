"""From extraction results to stored documents: the loop behind `scotrack ingest`.

`ingest_results` stores each extracted document in its own transaction (see
`DocumentStore`), begun with the write lock taken (`session_factory(write=True)`);
a transaction that loses a race with another writer (busy past the timeout, a
PostgreSQL serialization failure or deadlock, or the same document stored by a
concurrent run: a unique violation) is rolled back and run again, a few times at
most (#18). A document that fails (it could not be read, or storing it raised) is
rolled back alone, reported, and the run goes on. `catalogue` builds
the entity-resolution catalogue from what the database knows now.

`prepare_record` and `prepare_upload` extract and resolve one document given as a
JSON object or as the bytes of a file (what `POST /api/v1/documents` receives),
read the way `scotrack ingest` reads a JSON Lines line or a file, against a
catalogue read beforehand and without a session, so that no write lock is held
while a document is extracted (#18); `store_prepared` then stores it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from scotrack.data import City
from scotrack.domain.states import StateIndex
from scotrack.errors import DocumentError, InputError, ScotrackError
from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.prepared import PreparedDocument, prepared_document
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.pipeline import extract, extract_paths
from scotrack.ingest.read import archives, decoding, files, jsonl
from scotrack.store import models
from scotrack.store.engine import is_contention, retrying, writer
from scotrack.store.read import profiles, queries
from scotrack.store.write import bulk
from scotrack.store.write.documents import DocumentStore, Stored

Result = PreparedDocument | DocumentError
LOG = logging.getLogger(__name__)
ARCHIVE_LABELS = {
    "warc": "WARC",
    "jsonl.gz": "gzipped JSON Lines",
    "parquet": "Parquet",
}


def catalogue(session: Session) -> Catalogue:
    """Every entity the knowledge base holds, for entity resolution."""
    cities = [
        City(row.name, row.state_id, tuple(a.alias for a in row.aliases))
        for row in session.scalars(select(models.City))
    ]
    return Catalogue(
        meetings=queries.meetings(session),
        agreements=queries.agreements(session),
        projects=profiles.projects(session),
        states=StateIndex(queries.states(session)),
        bodies=queries.bodies(session),
        cities=cities,
        commitments=queries.commitments(session),
        membership=queries.membership(session),
    )


@dataclass(slots=True)
class IngestReport:
    """Counts of one run, and the one-line reason of each failure."""

    new: int = 0
    versions: int = 0
    unchanged: int = 0
    claims: int = 0
    proposals: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """`path: warning` for each stored document with a warning (not English)."""

    @property
    def documents(self) -> int:
        return self.new + self.versions + self.unchanged

    def add(self, stored: Stored) -> None:
        if stored.outcome == "new":
            self.new += 1
        elif stored.outcome == "version":
            self.versions += 1
        else:
            self.unchanged += 1
        self.claims += stored.claims
        for proposal, count in stored.proposals.items():
            self.proposals[proposal] = self.proposals.get(proposal, 0) + count


def ingest_paths(
    sessions: sessionmaker[Session],
    paths: Sequence[str | Path],
    options: ExtractOptions,
    *,
    workers: int = 1,
    on_result: Callable[[Result, str | None], None] | None = None,
    cluster: str | None = None,
    batch: int = 1,
) -> IngestReport:
    """Extract and prepare the documents under `paths` and store each; see
    `ingest_results`. `workers` counts every process: with 2 or more, this one
    stores while `workers - 1` others extract and prepare (storing is serial, so
    a worker per core would only take CPU from it). With `cluster` (`local:N` or
    a Dask scheduler's address) the documents are extracted and prepared on that
    Dask cluster and only the prepared claims come back to be stored here.
    `batch`: documents stored a transaction (see `ingest_results`)."""
    with sessions() as session:
        known = catalogue(session)
    prepare = partial(prepared_document, catalogue=known)
    results = extract_paths(
        paths,
        options,
        workers=max(1, workers - 1),
        then=prepare,
        separate=workers > 1,
        cluster=cluster,
    )
    return ingest_results(
        sessions, results, catalogue=known, on_result=on_result, batch=batch
    )


def ingest_results(
    sessions: sessionmaker[Session],
    results: Iterable[Result],
    *,
    catalogue: Catalogue,
    on_result: Callable[[Result, str | None], None] | None = None,
    batch: int = 1,
) -> IngestReport:
    """Store every result, one transaction each or, with `batch` > 1, one
    transaction for up to `batch` documents (`bulk.store_batch`: COPY on
    PostgreSQL); `on_result(result, error)` after each is stored (error: the
    one-line reason it failed, else None). `catalogue` must be the one the
    documents were prepared against. A batch that fails is rolled back and its
    documents stored one at a time, so only the failing one is reported."""
    report = IngestReport()
    with _writing(sessions)() as session:
        writer = _Writer(DocumentStore(session, catalogue), report, on_result)
        pending: list[Result] = []
        for result in results:
            if batch <= 1:
                writer.store_each([result])
                continue
            pending.append(result)
            if sum(isinstance(r, PreparedDocument) for r in pending) >= batch:
                writer.store_batch(pending)
                pending = []
        writer.store_batch(pending)
    return report


@dataclass(slots=True)
class _Writer:
    """Stores results into `store`, counting them in `report`."""

    store: DocumentStore
    report: IngestReport
    on_result: Callable[[Result, str | None], None] | None

    def rollback(self) -> None:
        self.store.session.rollback()
        self.store.forget_cache()

    def store_batch(self, results: list[Result]) -> None:
        """Store the documents of `results` in one transaction, else one at a time."""
        prepared = [r for r in results if isinstance(r, PreparedDocument)]
        if len(prepared) <= 1:
            self.store_each(results)
            return
        try:
            outcomes = retrying(
                partial(_store_many, self.store, prepared),
                retry_on=_lost_race,
                on_retry=self.rollback,
            )
        except Exception as err:  # a document of the batch fails: find which, alone
            self.rollback()
            LOG.info("a batch is stored a document at a time (%s)", _reason(err))
            self.store_each(results)
            return
        stored = iter(outcomes)
        for result in results:
            if isinstance(result, DocumentError):
                self._done(result, str(result))
                continue
            self.report.add(next(stored))
            self._warnings(result)
            self._done(result, None)

    def store_each(self, results: list[Result]) -> None:
        """Store each of `results` in a transaction of its own."""
        for result in results:
            error = None
            if isinstance(result, DocumentError):
                error = str(result)
            else:
                try:
                    stored = retrying(
                        partial(_store_one, self.store, result),
                        retry_on=_lost_race,
                        on_retry=self.rollback,
                    )
                    self.report.add(stored)
                    self._warnings(result)
                except Exception as err:  # any failure is this document's (#18)
                    self.rollback()
                    path = result.document.path
                    error = f"{path}: not stored ({_reason(err)})"
            self._done(result, error)

    def _warnings(self, result: PreparedDocument) -> None:
        doc = result.document
        self.report.warnings += [f"{doc.path}: {w}" for w in doc.warnings]

    def _done(self, result: Result, error: str | None) -> None:
        if error is not None:
            self.report.failures.append(error)
        if self.on_result is not None:
            self.on_result(result, error)


def _store_one(store: DocumentStore, prepared: PreparedDocument) -> Stored:
    stored = store.store(prepared)
    store.session.commit()
    return stored


def _store_many(store: DocumentStore, batch: list[PreparedDocument]) -> list[Stored]:
    found = bulk.store_batch(store, batch)
    store.session.commit()
    return found


def _lost_race(err: BaseException) -> bool:
    """Worth storing the document again: another writer was in the way, or
    stored the same document (or claim) first, so that this time it is found."""
    return is_contention(err) or isinstance(err, IntegrityError)


def _writing(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """`sessions`, made to take the write lock when a transaction begins (a
    factory bound to a connection, as in tests, is left as it is)."""
    bind = sessions.kw.get("bind")
    if isinstance(bind, Engine):
        return sessionmaker(
            class_=sessions.class_, **{**sessions.kw, "bind": writer(bind)}
        )
    return sessions


def _reason(err: Exception) -> str:
    if isinstance(err, SQLAlchemyError):
        original = getattr(err, "orig", None)
        text = str(original if original is not None else err)
        return f"database error: {text.splitlines()[0] if text else type(err).__name__}"
    if isinstance(err, ScotrackError):
        return str(err)
    return f"{type(err).__name__}: {err}"


def prepare_record(
    record: Mapping[str, Any],
    options: ExtractOptions,
    known: Catalogue,
    *,
    where: str = "request body",
) -> PreparedDocument:
    """The document a JSON object holds (`text` or `html`, optional `url`,
    `published`, `source`, `title`), like a line of a JSON Lines file, extracted
    and resolved against `known`. DocumentError when it holds no document or
    extraction refuses it."""
    found = jsonl.record_document(dict(record), where, default_id=where)
    if isinstance(found, DocumentError):
        raise found
    return prepare_raw(found, options, known)


def prepare_upload(
    filename: str, data: bytes, options: ExtractOptions, known: Catalogue
) -> PreparedDocument:
    """An uploaded file, extracted and resolved against `known`: HTML if its name
    ends .html/.htm/.xhtml, else text; decoded like a file on disk (BOM, UTF-8,
    else the detected encoding). DocumentError naming `filename` when refused,
    among others for an archive (WARC, .jsonl.gz, Parquet), which
    `scotrack ingest` reads."""
    name = PurePath(filename or "upload").name or "upload"
    if len(data) > options.max_bytes:
        raise DocumentError(
            name,
            f"file too large ({len(data):,} bytes; the limit is {options.max_bytes:,})",
        )
    kind = archives.archive_kind(Path(name))
    if kind is not None:  # read as text, a WARC file became one page (#16)
        raise DocumentError(
            name,
            f"a {ARCHIVE_LABELS[kind]} archive holds many documents: load it with "
            "`scotrack ingest FILE`, not as an upload",
        )
    suffix = PurePath(name).suffix.lower()
    if suffix in files.JSONL_SUFFIXES:
        raise DocumentError(
            name, "a JSON Lines file holds many documents: post them one at a time"
        )
    text = decoding.decode(data, name)
    if text.isspace():
        raise DocumentError(name, "empty file (no text)")
    stem = PurePath(name).stem
    if suffix in files.HTML_SUFFIXES:
        raw = RawDocument(id=stem, path=name, html=text)
    else:
        raw = RawDocument(id=stem, path=name, text=text)
    return prepare_raw(raw, options, known)


def prepare_raw(
    raw: RawDocument, options: ExtractOptions, known: Catalogue
) -> PreparedDocument:
    """One document extracted (the title, date and source it gives kept) and
    resolved against `known`; no database. DocumentError when refused."""
    doc = extract(raw, options)
    try:
        return prepared_document(doc, known)
    except InputError as err:
        raise DocumentError(raw.path, str(err)) from err


def store_prepared(
    session: Session, prepared: PreparedDocument, known: Catalogue
) -> Stored:
    """Store a prepared document and its claims; executed, not committed."""
    return DocumentStore(session, known).store(prepared)
