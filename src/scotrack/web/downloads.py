"""The /export page: every whole-knowledge-base format, what it is for, and a
download link to `/api/v1/export` (#17)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.store.exports import FORMATS, unavailable
from scotrack.store.exports.downloads import USES, filename
from scotrack.web.render import page

router = APIRouter(include_in_schema=False)

ORDER = (
    "datapackage", "parquet", "sqlite", "graphml", "gexf", "csl", "bibtex", "iati",
)  # fmt: skip
"""The formats as the page lists them: tables first, then networks, citations."""


@dataclass(frozen=True, slots=True)
class FormatChoice:
    name: str
    use: str
    what: str
    filename: str
    href: str
    missing: str | None


def choices() -> list[FormatChoice]:
    return [
        FormatChoice(
            name,
            USES[name],
            FORMATS[name],
            filename(name, on=None, known_on=None),
            f"/api/v1/export?format={name}",
            unavailable(name),
        )
        for name in ORDER
    ]


@router.get("/export")
@readable
def export_page(request: Request) -> Response:
    return page(request, "export.html", title="Export", formats=choices())
