"""Every page exports what it shows: the same URL with ``?format=csv`` or
``?format=json`` answers the rows of its main table instead of the page.

Rows are flat dicts of str, int, float, bool or None (lists are joined with
"; " in CSV); the JSON export is the list of those dicts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response

from scotrack.domain.spreadsheets import inert
from scotrack.web.render import page

Format = Literal["html", "csv", "json"]
FormatParam = Annotated[
    Format, Query(description="html (the page), csv or json (its rows).")
]
Row = dict[str, Any]


def csv_text(rows: Sequence[Row], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    """A row's value as a cell: lists joined, and no string a spreadsheet would
    run as a formula (`domain.spreadsheets.inert`, the CLI's rule too)."""
    if isinstance(value, list | tuple):
        return "; ".join(str(inert(item)) for item in value)
    return "" if value is None else inert(value)


def respond(
    request: Request,
    template: str,
    rows: Sequence[Row],
    fmt: Format,
    *,
    name: str,
    **context: Any,
) -> Response:
    """The page, or its rows as CSV or JSON (`name` names the download)."""
    if fmt == "json":
        return JSONResponse(
            list(rows),
            headers={"Content-Disposition": f'inline; filename="{name}.json"'},
        )
    if fmt == "csv":
        columns = list(rows[0]) if rows else []
        return Response(
            csv_text(rows, columns),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return page(request, template, rows=rows, exportable=True, **context)
