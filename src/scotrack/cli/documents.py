"""The `document` command: one stored document with its claims and their
evidence, read by `store.read.reader.reading` as the API and the reader page read it
(#15). The list of documents is `documents` (tables.py)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import DbOption, DebugOption, FormatOption, OutputFormat
from scotrack.cli.output import jsonable, render
from scotrack.cli.sessions import kb_session, run_with_errors

if TYPE_CHECKING:
    from scotrack.store.read.reader import Reading

CLAIM_COLUMNS = ("id", "kind", "status", "summary", "entity", "evidence")
"""Columns the terminal table of a document's claims shows."""


def document_cli(
    document_id: Annotated[
        str,
        typer.Argument(
            help="The document's id, or its first 6+ characters as `scotrack "
            "documents` prints them."
        ),
    ],
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one stored document: its title, outlet, dates and address, and its
    claims in reading order (where their evidence starts in the text), each with
    its kind, status, linked entity and evidence spans (character offsets into
    the clean text).

    JSON holds the document as /api/v1/documents/{id} answers it (metadata, clean
    text, claims with each span's text); CSV holds the claims.

    Example: scotrack document 3f9a1c2b7d4e --format json
    """

    def action() -> Reading:
        from scotrack.store.read import reader  # loaded on demand: fast start-up

        with kb_session(db) as session:
            return reader.reading(session, document_id)

    found = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=document_payload(found))
        return
    document = found.document
    details = [document.outlet or "unknown outlet", document.published_date]
    title = f"{document.title or 'Untitled document'} ({document.id[:12]}): " + (
        ", ".join(part for part in details if part)
    )
    render(
        claim_rows(found, short=fmt is OutputFormat.table),
        fmt,
        title=title,
        columns=CLAIM_COLUMNS,
    )


def document_payload(found: Reading) -> dict[str, Any]:
    """The document and its claims as JSON values, in the API's shape."""
    claims = [jsonable(claim) for claim in found.claims]
    return {**jsonable(asdict(found.document)), "claims": claims}


def claim_rows(found: Reading, *, short: bool) -> list[dict[str, Any]]:
    """One flat row per claim; `short` ids (12 characters) for a terminal."""
    return [
        {
            "id": c.id[:12] if short else c.id,
            "kind": c.kind,
            "status": c.status,
            "summary": c.summary,
            "entity": f"{c.entity_kind}:{c.entity_id}" if c.entity_id else None,
            "evidence": [f"{a}-{b}" for a, b in c.spans],
        }
        for c in found.claims
    ]
