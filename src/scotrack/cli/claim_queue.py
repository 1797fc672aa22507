"""`scotrack review list`: the review queue as a table (#14), one row per group
of claims, the largest first, paged with totals; sorted by any column, filtered,
with facet counts and a publication date range."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli import tables
from scotrack.cli.options import (
    MAX_ID,
    DbOption,
    DebugOption,
    FormatOption,
    OutputFormat,
)
from scotrack.cli.output import print_note
from scotrack.cli.sessions import kb_session, lazy_module, run_with_errors

if TYPE_CHECKING:
    from scotrack.store.read import queue
else:
    queue = lazy_module("scotrack.store.read.queue")


def _queue_row(row: queue.QueueRow) -> dict[str, Any]:
    claim = row.claim
    link = f"{claim.entity_kind}:{claim.entity_id}" if claim.entity_id else ""
    return {
        "id": claim.id[:12],
        "kind": claim.kind,
        "summary": claim.summary,
        "proposal": claim.proposal,
        "link": link,
        "score": "" if row.score is None else row.score,
        "claims": row.claims,
        "documents": row.documents,
        "status": claim.status,
        "document": claim.document_id[:12],
        "source": row.outlet,
        "published": row.published_date,
    }


QUEUE_COLUMNS = (
    "id",
    "kind",
    "summary",
    "proposal",
    "link",
    "score",
    "claims",
    "documents",
    "status",
)
"""Columns a terminal table of the queue shows; JSON and CSV carry more."""


def _queue_note(page: queue.Queue) -> str:
    """ "showing 1-50 of 812 groups (19,500 claims); the next 50 with --offset 50" """
    note = page.note
    last = page.offset + len(page.rows)
    if page.rows and last < page.groups:
        note += f"; the next {min(page.groups - last, page.limit)} with --offset {last}"
    return note


def list_cli(
    status: Annotated[
        str, typer.Option("--status", help="pending, accepted, rejected or all.")
    ] = "pending",
    kind: Annotated[
        str | None, typer.Option("--type", help="Only claims of this kind.")
    ] = None,
    document: Annotated[
        str | None,
        typer.Option("--document", help="Only claims of this document (id or 6+)."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Only claims of documents of this outlet."),
    ] = None,
    size: Annotated[
        str | None,
        typer.Option("--size", help="Only groups of this size: 1, 2-9, 10-99, 100+."),
    ] = None,
    score: Annotated[
        str | None,
        typer.Option(
            "--score",
            help="Only groups whose best link score is 90-100, 50-89, 0-49 or "
            "unscored.",
        ),
    ] = None,
    start: tables.FromOption = None,
    end: tables.ToOption = None,
    sort: tables.SortOption = None,
    facets: tables.FacetsOption = False,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=10_000, help="At most this many.")
    ] = 50,
    offset: Annotated[
        int, typer.Option("--offset", min=0, max=MAX_ID, help="Skip this many first.")
    ] = 0,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the claims to review, one row per group, the largest groups first.

    A group holds the claims of many documents about one fact; groups come by
    size, then by link score. Each row shows the group's claim with the best link
    score and how many claims and documents the group holds; `review accept ID
    --group` decides it all. A line says which groups are shown of how many
    ("showing 1-50 of 812 groups (19,500 claims)"; on stderr with --format json
    or csv, and there only when some are left out, so that stdout stays a plain
    list of rows).

    --sort takes claims, documents, score, kind, summary, proposal, status,
    document (its title), published, source or id (-COLUMN: descending; ties:
    the larger group, the better score). --from/--to keep the claims of
    documents published in that range. --facets counts the groups by kind,
    status (whatever --status says), document, source, size and score band.

    Example: scotrack review list --status pending --type meeting --offset 50

    Example: scotrack review list --status all --from 2017 --sort=-published --facets
    """

    def action() -> queue.Queue:
        from scotrack.store.read.tables import date_range

        tables.check_facets(facets, format)
        query = queue.QueueQuery(
            status=None if status == "all" else status,
            kind=kind,
            document=document,
            source=source,
            size=size,
            score=score,
            dates=date_range(start, end),
            sort=queue.queue_sort(sort),
        )
        with kb_session(db) as session:
            return queue.review_queue(
                session,
                query=query,
                limit=limit,
                offset=offset,
                labels=("--status", "--type"),
                facets=facets,
            )

    page = run_with_errors(action, debug=debug)
    noun = "claims" if status == "all" else f"{status} claims"
    tables.render_table(
        [_queue_row(row) for row in page.rows],
        format,
        name="claims",
        title=noun,
        columns=list(QUEUE_COLUMNS) if format is OutputFormat.table else None,
        facets=page.facets if facets else None,
    )
    whole = offset == 0 and len(page.rows) == page.groups
    if format is OutputFormat.table or not whole:
        print_note(_queue_note(page), format)
