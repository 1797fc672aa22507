"""GET /api/v1/export: the whole knowledge base as a file (#17).

The file is built whole in a temporary folder before the answer starts (so an
error is a JSON error, never half a file), then streamed from disk in chunks and
deleted. The limits that keep one client from exhausting the server:

- `EXPORTS_AT_ONCE` exports run at a time in each server process; another
  request meanwhile gets 429 with `Retry-After` (an export reads every table and
  holds them in memory while it writes);
- the export's reads share the request's query time limit
  (`SCOTRACK_QUERY_SECONDS`): past it the answer is 400 `query_timeout`, and the
  CLI's `scotrack export`, which has no limit, is the way;
- anonymous answers up to the response cache's size limit are kept until the
  knowledge base changes, so a repeated download is not rebuilt.
"""

from __future__ import annotations

import threading
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.schemas import on_day
from scotrack.store.exports import FORMATS, unavailable
from scotrack.store.exports.downloads import MEDIA_TYPES, download

router = APIRouter(tags=["export"])

EXPORTS_AT_ONCE = 1
"""Exports one server process builds at the same time."""
RETRY_AFTER_SECONDS = 5
_running = threading.BoundedSemaphore(EXPORTS_AT_ONCE)


class ExportFormat(StrEnum):
    """The formats of `scotrack.store.exports.FORMATS` (a test checks they agree)."""

    datapackage = "datapackage"
    graphml = "graphml"
    gexf = "gexf"
    csl = "csl"
    bibtex = "bibtex"
    sqlite = "sqlite"
    parquet = "parquet"
    iati = "iati"


KnownOnParam = Annotated[
    str | None,
    Query(
        max_length=10,
        description="The knowledge base as it stood at the end of this day (UTC), "
        "rebuilt from the change log: YYYY, YYYY-MM or YYYY-MM-DD (a partial date "
        "means its last day). Default: as it is now.",
    ),
]
ExportOnParam = Annotated[
    str | None,
    Query(
        max_length=10,
        description="Keep what had happened by the end of this day: YYYY, YYYY-MM "
        "or YYYY-MM-DD (a partial date means its last day). Default: everything.",
    ),
]

_FILE = {"schema": {"type": "string", "format": "binary"}}
_CSL = {"schema": {"type": "array", "items": {"type": "object"}}}
"""CSL-JSON is JSON: an array of citation items."""
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file, as an attachment named for the format and days.",
        "content": {
            media: _CSL if media.endswith("+json") else _FILE
            for media, _ in sorted(set(MEDIA_TYPES.values()))
        },
    },
    404: {"description": "`iati`: the snapshot holds no project with a date."},
    429: {
        "description": "Another export is being built: try again after "
        "`Retry-After` seconds.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    },
    501: {"description": "The format needs a package this server lacks."},
}


@router.get(
    "/export",
    response_class=FileResponse,
    summary="The whole knowledge base as a file",
    description="Every table of the knowledge base in a standard format: "
    + "; ".join(f"`{name}`: {what}" for name, what in FORMATS.items())
    + ". Folder formats (datapackage, parquet) come as a zip file. The file "
    "records the scotrack version, `on`, `known_on` and the last change id.",
    responses=RESPONSES,
)
@readable
def get_export(
    session: DbSession,
    fmt: Annotated[
        ExportFormat, Query(alias="format", description="The format to export.")
    ],
    on: ExportOnParam = None,
    known_on: KnownOnParam = None,
) -> FileResponse:
    # blank is absent: the /export page's form sends the fields it leaves empty
    day = on_day(on) if on and on.strip() else None
    then = on_day(known_on, "known_on") if known_on and known_on.strip() else None
    reason = unavailable(fmt.value)
    if reason is not None:
        raise ApiError(501, reason, code="not_available")
    if not _running.acquire(blocking=False):
        raise ApiError(
            429,
            "another export is being built; try again shortly",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    try:
        made = download(session, fmt.value, on=day, known_on=then)
    finally:
        _running.release()
    return FileResponse(
        made.path,
        media_type=made.media_type,
        filename=made.filename,
        background=BackgroundTask(made.remove),
    )
