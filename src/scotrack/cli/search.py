"""The `search` command: the curated record (agreements, meetings, bodies,
initiatives) and full-text search over documents and claims (#12)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from scotrack.cli.options import DbOption, DebugOption, FormatOption, OutputFormat
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, lazy_module, run_with_errors
from scotrack.domain.vocab import FOUND_KINDS

if TYPE_CHECKING:
    from scotrack.store.read import record_search, search_query
    from scotrack.store.read.search import SearchHit
else:
    search_query = lazy_module("scotrack.store.read.search_query")
    record_search = lazy_module("scotrack.store.read.record_search")


COLUMNS = (
    "rank",
    "kind",
    "ref",
    "title",
    "snippet",
    "score",
    "status",
    "document_id",
    "published_date",
    "record",
    "page",
)
"""The fields of a hit in JSON and CSV output."""


def search_cli(
    query: Annotated[
        str,
        typer.Argument(
            help='Words that must all match; "quoted phrases"; a trailing * for a '
            "prefix (tash*)."
        ),
    ],
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            help=f"Only entries of this kind (repeatable): {', '.join(FOUND_KINDS)}.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="How many hits to show, best first.")
    ] = 20,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Search the curated record, the documents and the claims extracted from
    them, best match first.

    The record's agreements, meetings, bodies and initiatives (by title, alias,
    code or city) come first, marked `record`; then the documents and claims.
    Each hit names its kind and its page on the web app.

    Example: scotrack search Charter

    Example: scotrack search "heads of state" --type meeting --limit 5
    """

    def action() -> list[SearchHit]:
        with kb_session(db) as session:
            return record_search.search_results(
                session, query, kinds=kinds, limit=limit
            )

    hits = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.table:
        _print_table(query, hits)
        return
    render([_row(rank, hit) for rank, hit in enumerate(hits, 1)], fmt, columns=COLUMNS)


def _row(rank: int, hit: SearchHit) -> dict[str, Any]:
    return {
        "rank": rank,
        "kind": hit.kind,
        "ref": hit.ref,
        "title": hit.title,
        "snippet": hit.snippet,
        "score": hit.score,
        "status": hit.status,
        "document_id": hit.document_id,
        "published_date": hit.published_date,
        "record": hit.record,
        "page": record_search.hit_page(hit),
    }


def _print_table(query: str, hits: list[SearchHit]) -> None:
    title = f"Search: {query}"
    if not hits:
        stdout.print(f"{escape(title)}: no matches", highlight=False)
        return
    table = Table(title=escape(title), header_style="bold")
    for name in ("rank", "kind", "title", "snippet", "ref"):
        table.add_column(name)
    for rank, hit in enumerate(hits, 1):
        kind = hit.kind if hit.status is None else f"{hit.kind} ({hit.status})"
        kind += " (record)" if hit.record else ""
        table.add_row(
            str(rank), kind, escape(hit.title), bold_matches(hit.snippet), hit.ref
        )
    stdout.print(table)


def bold_matches(snippet: str) -> str:
    """Rich markup for `snippet`: its text escaped, the matched terms in bold."""
    return "".join(
        f"[bold]{escape(piece)}[/bold]" if matched else escape(piece)
        for piece, matched in search_query.snippet_parts(snippet)
    )
