"""The table commands, `meetings` and `documents`, and what they share: --sort,
--from, --to and --facets, facets printed as small tables after the list (#14)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, get_args

import typer
from rich.table import Table

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    OutputFormat,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.terminal import literal
from scotrack.domain.sources import Source
from scotrack.domain.vocab import MeetingFormat
from scotrack.errors import InputError

MEETING_FORMATS: tuple[str, ...] = get_args(MeetingFormat)
MEETING_COLUMNS = (
    "id",
    "date",
    "body",
    "number",
    "city",
    "host",
    "format",
    "documents",
)
"""Columns a terminal table of meetings shows; JSON and CSV carry more."""

SortOption = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="COLUMN",
        help="Sort by this column; -COLUMN (e.g. --sort=-date) for descending.",
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD (2017: 2017-01-01).",
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD (2017-06: to the 30th).",
    ),
]
FacetsOption = Annotated[
    bool,
    typer.Option(
        "--facets",
        help="Also count the rows by each facet: small tables after the list, or "
        "`facets` in JSON (not with CSV).",
    ),
]
LimitOption = Annotated[
    int, typer.Option("--limit", min=1, max=10_000, help="Show at most this many.")
]


def fail(message: str) -> Callable[[], None]:
    def fail() -> None:
        raise InputError(message)

    return fail


def check_facets(facets: bool, fmt: OutputFormat) -> None:
    if facets and fmt is OutputFormat.csv:
        raise InputError("--facets: use table or json output (CSV holds one table)")


def render_table(
    rows: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    *,
    name: str,
    title: str,
    columns: Sequence[str] | None,
    facets: Sequence[Any] | None,
) -> None:
    """`rows` as `render` prints them; with `facets`, JSON is ``{name: rows,
    "facets": {facet: [{"value", "count"}]}}`` and a table is followed by one small
    table per facet."""
    if facets is None:
        render(rows, fmt, columns=columns, title=title)
        return
    counted = {
        f.name: [{"value": value, "count": count} for value, count in f.counts]
        for f in facets
    }
    if fmt is OutputFormat.json:
        render(rows, fmt, payload={name: list(rows), "facets": counted})
        return
    render(rows, fmt, columns=columns, title=title)
    for facet, counts in counted.items():
        table = Table(title=literal(f"by {facet}"), header_style="bold")
        table.add_column(facet)
        table.add_column("count", justify="right")
        for item in counts:
            value = item["value"]
            table.add_row(
                literal("(none)" if value is None else str(value)), str(item["count"])
            )
        stdout.print(table)


def meetings_cli(
    body: Annotated[
        str | None,
        typer.Option(
            "--body",
            help="Body code or name: heads-of-state, heads-of-government, "
            "foreign-ministers, ...; shanghai-five lists the summits of the SCO's "
            "predecessor, which are otherwise left out.",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", min=1, max=9999, help="Only meetings in this year."),
    ] = None,
    host: Annotated[
        str | None, typer.Option("--host", help="Host state code or name.")
    ] = None,
    held: Annotated[
        str | None,
        typer.Option("--held", help="The format: in-person, video or hybrid."),
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    sort: SortOption = None,
    facets: FacetsOption = False,
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the meetings of SCO bodies, by date or by any column.

    --sort takes date, body, number, city, host or format (-COLUMN: descending;
    undated or unknown last); --facets counts them by body, host, year and
    format; --from/--to keep the meetings starting in that range. `scotrack
    meeting ID` shows one with its outcomes.

    Example: scotrack meetings --body heads-of-state --year 2017

    Example: scotrack meetings --from 2017 --to 2019-06 --sort=-date --facets
    """
    if held is not None and held not in MEETING_FORMATS:
        run_with_errors(
            fail(f"--held {held!r} is not one of: {', '.join(MEETING_FORMATS)}"),
            debug=debug,
        )

    def action() -> tuple[list[dict[str, Any]], Any, str]:
        from scotrack.store.read import meetings, queries  # on demand: fast start-up
        from scotrack.store.read.tables import date_range

        check_facets(facets, fmt)
        dates = date_range(start, end)
        order = meetings.meeting_sort(sort)
        with kb_session(db, known_on=known_on) as session:
            table = meetings.meeting_table(
                session,
                body=body,
                year=year,
                host=host,
                format=held,
                dates=dates,
                sort=order,
            )
            sources = queries.sources_by_id(
                session, [m.source_id for m in table.meetings]
            )
            documents = queries.supporting_sources(
                session, "meeting", [m.id for m in table.meetings]
            )
        return (
            [
                {
                    "id": m.id,
                    "date": m.start_date,
                    "end": m.end_date,
                    "body": m.body,
                    "number": m.number,
                    "city": m.city,
                    "host": m.host,
                    "format": m.format,
                    "source": _title(sources, m.source_id),
                    "documents": [s.title for s in documents.get(m.id, [])],
                }
                for m in table.meetings
            ],
            table.facets,
            table.title,
        )

    rows, counted, title = run_with_errors(action, debug=debug)
    render_table(
        rows,
        fmt,
        name="meetings",
        title=title,
        columns=list(MEETING_COLUMNS) if fmt is OutputFormat.table else None,
        facets=counted if facets else None,
    )


def _title(sources: Mapping[str, Source], source_id: str | None) -> str | None:
    """The title of the source `source_id`, else the id itself (a dangling one
    still says where the fact came from)."""
    found = sources.get(source_id or "")
    return source_id if found is None else found.title


def documents_cli(
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only this outlet (any case).")
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    sort: SortOption = None,
    facets: FacetsOption = False,
    limit: LimitOption = 50,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the stored documents, the latest published first (undated last).

    --sort takes published, title, outlet, ingested or id (-COLUMN: descending;
    documents without the value last); --facets counts them by outlet and year
    of publication; --from/--to keep those published in that range. The
    12-character ids the table prints work wherever a document id is taken (CLI,
    API and web); JSON and CSV carry the whole id.

    Example: scotrack documents --from 2017 --to 2017-06 --sort title --facets
    """
    from scotrack.store.read import document_tables  # loaded on demand: fast start-up
    from scotrack.store.read.tables import date_range

    def action() -> document_tables.DocumentTable:
        check_facets(facets, fmt)
        query = document_tables.DocumentQuery(
            outlet=outlet,
            dates=date_range(start, end),
            sort=document_tables.document_sort(sort),
        )
        with kb_session(db) as session:
            return document_tables.document_table(
                session, query, limit=limit, facets=facets
            )

    table = run_with_errors(action, debug=debug)
    rows = [
        {
            "id": d.id if fmt is not OutputFormat.table else d.id[:12],
            "published": d.published_date,
            "outlet": d.outlet,
            "title": d.title,
            "ingested": d.ingested_at,
            "claims": d.claims,
            "pending": d.pending,
        }
        for d in table.rows
    ]
    columns = ["id", "published", "outlet", "title", "claims", "pending"]
    render_table(
        rows,
        fmt,
        name="documents",
        title=f"Documents ({table.note})",
        columns=None if fmt is not OutputFormat.table else columns,
        facets=table.facets if facets else None,
    )
