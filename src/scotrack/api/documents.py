"""/api/v1/documents: the stored documents, one with its claims, its original
content (as a download only), and posting a new one (editors).

The original of a document is whatever was ingested, HTML included; it is served
only as an attachment of a non-HTML type with `nosniff`, so a browser never
renders it on this site. The JSON answers carry text as JSON strings only.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import UploadFile

from scotrack.api.access import needs, readable
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError, from_validation_errors
from scotrack.api.meetings import DocumentBrief, document_brief
from scotrack.api.paging import (
    BY_PREFIX,
    CursorParam,
    FacetsParam,
    FromParam,
    LimitParam,
    SortParam,
    TablePage,
    ToParam,
    check_dates,
    encode_cursor,
    facets_public,
    table_key,
)
from scotrack.domain.documents import document_json
from scotrack.errors import DocumentError, InputError
from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.prepared import PreparedDocument
from scotrack.ingest.document import ExtractOptions
from scotrack.store.read import document_tables, reader
from scotrack.store.read.tables import date_range
from scotrack.store.write import ingestion
from scotrack.store.write.documents import Outcome, Stored
from scotrack.store.write.tokens import Role

router = APIRouter(prefix="/documents", tags=["documents"])

DocumentId = Annotated[
    str,
    Path(
        max_length=64,
        description="The document's id (SHA-256 of its content), or its first 6+ "
        "characters.",
    ),
]


class SpanPublic(BaseModel):
    start: int = Field(description="Offset into `clean_text` (characters).")
    end: int
    text: str


class DocumentClaim(BaseModel):
    id: str
    kind: str
    summary: str
    status: str
    proposal: str
    entity_kind: str | None
    entity_id: str | None
    evidence: list[SpanPublic]


class DocumentPublic(BaseModel):
    id: str
    url: str | None
    version: int = Field(description="1, or one more than the last at this URL.")
    previous_id: str | None
    title: str | None
    outlet: str | None
    published_date: str | None
    dateline: str | None
    ingested_at: str
    tags: dict[str, Any] = Field(
        description="The states, people and areas the document mentions."
    )
    clean_text: str = Field(
        description="The cleaned text as plain text (never HTML to render); the "
        "original is at /documents/{id}/original."
    )
    claims: list[DocumentClaim]


class DocumentCreate(BaseModel):
    """A document as JSON: `text` (plain text) or `html` (a web page)."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(
        default=None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD."
    )
    source: str | None = Field(
        default=None, max_length=300, description="The outlet, e.g. Xinhua."
    )
    title: str | None = Field(default=None, max_length=1000)


class DocumentCreated(BaseModel):
    id: str
    outcome: Outcome = Field(
        description="new; version (new content at a known URL); unchanged (the "
        "same content was stored before: nothing changed)."
    )
    version: int
    claims: int = Field(description="Claims extracted and stored (0: unchanged).")
    proposals: dict[str, int] = Field(
        description="Claims by entity-resolution proposal: link, ambiguous, new."
    )


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/DocumentCreate"}
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": ".txt (text) or .html (web page)",
                        }
                    },
                }
            },
        },
    }
}


@router.get(
    "",
    response_model=TablePage[DocumentBrief],
    summary="Stored documents",
    description="By id (stable while documents are added) unless `sort` says "
    "otherwise: published, title, outlet, ingested or id, `-` for descending "
    "(documents without the value last); filter by outlet and published date "
    "(`from`/`to`, or the older `published_from`/`published_to`); `facets=true` "
    "counts the matching documents by outlet and year of publication.",
)
@readable
def list_documents(
    request: Request,
    session: DbSession,
    outlet: Annotated[
        str | None, Query(max_length=300, description="The outlet (any case).")
    ] = None,
    start: FromParam = None,
    end: ToParam = None,
    published_from: Annotated[
        str | None,
        Query(max_length=10, description="The same as `from`."),
    ] = None,
    published_to: Annotated[
        str | None,
        Query(max_length=10, description="The same as `to`."),
    ] = None,
    sort: SortParam = None,
    facets: FacetsParam = False,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> TablePage[DocumentBrief]:
    bounds = {"from": start, "to": end}
    check_dates(
        bounds | {"published_from": published_from, "published_to": published_to}
    )
    query = document_tables.DocumentQuery(
        outlet=outlet,
        dates=date_range(start or published_from, end or published_to),
        sort=document_tables.document_sort(sort, document_tables.BY_ID),
    )
    after = table_key(cursor, 4, lambda key: document_tables.key_fits(key, query.sort))
    table = document_tables.document_table(
        session,
        query,
        after=after,
        limit=limit,
        facets=facets,
        summaries=request.app.state.summaries,
    )
    return TablePage(
        items=[document_brief(d) for d in table.rows],
        next=None if table.next is None else encode_cursor(table.next),
        facets=facets_public(table.facets) if facets else None,
    )


@router.get(
    "/{document_id}",
    response_model=DocumentPublic,
    summary="One document: metadata, clean text, claims with evidence",
    description="Its claims in reading order: by where their first evidence "
    "span starts in the text, then by id; each span covers text.",
    responses=BY_PREFIX,
)
@readable
def get_document(session: DbSession, document_id: DocumentId) -> DocumentPublic:
    found = reader.reading(session, document_id)
    document = found.document
    return DocumentPublic(
        **dataclasses.asdict(document),
        claims=[
            DocumentClaim(
                id=c.id,
                kind=c.kind,
                summary=c.summary,
                status=c.status,
                proposal=c.proposal,
                entity_kind=c.entity_kind,
                entity_id=c.entity_id,
                evidence=[
                    SpanPublic(start=s.start, end=s.end, text=s.text)
                    for s in c.evidence
                ],
            )
            for c in found.claims
        ],
    )


@router.get(
    "/{document_id}/original",
    summary="The original content, as a download",
    description="The raw text or HTML as ingested, as an attachment "
    "(application/octet-stream for HTML, text/plain otherwise); never served as "
    "a page.",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}, "text/plain": {}}},
        **BY_PREFIX,
    },
)
@readable
def get_original(session: DbSession, document_id: DocumentId) -> Response:
    found = reader.original(session, document_id)
    suffix, media = (
        ("html", "application/octet-stream")
        if found.html
        else ("txt", "text/plain; charset=utf-8")
    )
    name = f"{found.id[:16]}.{suffix}"  # hex: safe in the header
    return Response(
        content=found.raw_text.encode("utf-8"),
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.post(
    "",
    status_code=201,
    response_model=DocumentCreated,
    summary="Ingest one document (editors)",
    description="A JSON body (`text` or `html`, optional `url`, `published`, "
    "`source`, `title`) or a multipart upload of one file (`file`: .txt or .html). "
    "The document is extracted, its claims stored for review. Bodies may be up to "
    "SCOTRACK_MAX_DOCUMENT_BYTES.",
    openapi_extra=UPLOAD_BODY,
    responses={415: {"description": "The body is neither JSON nor multipart."}},
)
@needs(Role.editor)
async def create_document(request: Request, session: DbSession) -> DocumentCreated:
    """Read the body, extract the document with no transaction open, then store it
    in a write transaction of its own: the token check began one, which is ended
    first, so a slow extraction never holds the write lock (#18)."""
    await run_in_threadpool(session.commit)
    options = request.app.state.settings.extract_options()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        async with request.form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiError(
                    422,
                    "file: attach the document as the form field `file`",
                    field="file",
                )
            data = await upload.read()
            name = upload.filename or "upload.txt"
        known = await run_in_threadpool(_catalogue, request.app.state.sessions)
        prepared = await run_in_threadpool(_upload, name, data, options, known)
    elif kind == "application/json":
        record = _record(await request.body(), options.max_json_depth)
        known = await run_in_threadpool(_catalogue, request.app.state.sessions)
        prepared = await run_in_threadpool(_record_document, record, options, known)
    else:
        raise ApiError(
            415,
            "send the document as application/json or multipart/form-data",
            field="content-type",
        )
    stored = await run_in_threadpool(_store, session, prepared, known)
    return DocumentCreated(
        id=stored.document_id,
        outcome=stored.outcome,
        version=stored.version,
        claims=stored.claims,
        proposals=dict(stored.proposals),
    )


def _record(body: bytes, max_depth: int) -> DocumentCreate:
    try:  # the check `scotrack ingest` makes of a JSON Lines line (#18)
        fields = document_json(body.decode("utf-8"), max_depth=max_depth)
    except UnicodeDecodeError:
        fields = None  # pydantic's answer below names the bad byte
    except InputError as err:
        raise ApiError(422, str(err), field=err.field) from None
    try:
        record = DocumentCreate.model_validate_json(body)
    except ValidationError as err:
        raise from_validation_errors(err.errors()) from None
    return record.model_copy(update={"published": fields and fields.published})


def _catalogue(sessions: sessionmaker[Session]) -> Catalogue:
    """What the knowledge base knows now, read without taking the write lock."""
    with sessions() as reader:
        return ingestion.catalogue(reader)


def _record_document(
    record: DocumentCreate, options: ExtractOptions, known: Catalogue
) -> PreparedDocument:
    field = "text" if record.text is not None else "html"
    try:
        return ingestion.prepare_record(
            record.model_dump(exclude_none=True), options, known
        )
    except DocumentError as err:
        raise ApiError(422, f"{field}: {err.reason}", field=field) from None


def _upload(
    name: str, data: bytes, options: ExtractOptions, known: Catalogue
) -> PreparedDocument:
    try:
        return ingestion.prepare_upload(name, data, options, known)
    except DocumentError as err:
        raise ApiError(422, f"file: {err.reason}", field="file") from None


def _store(session: Session, prepared: PreparedDocument, known: Catalogue) -> Stored:
    """Store the extracted document: the write transaction begins here."""
    stored = ingestion.store_prepared(session, prepared, known)
    session.commit()
    return stored
