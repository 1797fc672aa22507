"""`scotrack agreements`: the agreements table, each agreement's status on a day,
sorted by any column, filtered, with facet counts and a signature date range
(#14)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    OnDateOption,
    OutputFormat,
    on_day,
)
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.tables import (
    FacetsOption,
    FromOption,
    SortOption,
    ToOption,
    check_facets,
    fail,
    render_table,
)

COLUMNS = (
    "title",
    "signed",
    "place",
    "in_force",
    "entry_into_force",
    "ratified",
    "parties",
)
"""Columns a terminal table of agreements shows; JSON and CSV carry all."""


def agreements_cli(
    on: OnDateOption = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only this kind: convention, charter, ..."),
    ] = None,
    in_force: Annotated[
        str | None,
        typer.Option("--in-force", help="yes, no or unknown: in force on the day."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", min=1, max=9999, help="Only those signed this year."),
    ] = None,
    party: Annotated[
        str | None,
        typer.Option("--party", help="Only those with this party (code or name)."),
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
    """List the key agreements and whether each is in force on a date.

    By signature date unless --sort says otherwise: title, kind, signed, place,
    in_force, entry_into_force, ratified, parties or id (-COLUMN: descending;
    those without the value last). --facets counts them by kind, in force on
    the day, year signed and party; --from/--to keep those signed in that range.
    The Shanghai Five's border agreements (1996, 1997) are the SCO's
    predecessor's, not the SCO's: `scotrack agreement NAME` shows them.

    Example: scotrack agreements --on 2010-01-01

    Example: scotrack agreements --party IND --sort=-ratified --facets
    """

    from scotrack.store.read.agreements import IN_FORCE  # on demand: fast start-up

    if in_force is not None and in_force not in IN_FORCE:
        run_with_errors(
            fail(f"--in-force {in_force!r} is not one of: {', '.join(IN_FORCE)}"),
            debug=debug,
        )

    def action() -> tuple[list[dict[str, Any]], Any]:
        from scotrack.store.read import agreements  # on demand: fast start-up
        from scotrack.store.read.tables import date_range

        check_facets(facets, fmt)
        query = agreements.AgreementQuery(
            on=on_day(on),
            kind=kind,
            in_force=in_force,
            year=year,
            party=party,
            dates=date_range(start, end),
            sort=agreements.agreement_sort(sort),
        )
        with kb_session(db, known_on=known_on) as session:
            table = agreements.agreement_table(session, query)
        return [agreement_item(row) for row in table.rows], table.facets

    rows, counted = run_with_errors(action, debug=debug)
    render_table(
        rows,
        fmt,
        name="agreements",
        title=f"SCO agreements on {on_day(on).isoformat()}",
        columns=None if fmt is OutputFormat.json else list(COLUMNS),
        facets=counted if facets else None,
    )


def agreement_item(row: Any) -> dict[str, Any]:
    """One row of the agreements table as the CLI prints it."""
    agreement = row.agreement
    return {
        "id": agreement.id,
        "title": agreement.title,
        "kind": agreement.kind,
        "signed": agreement.signed_date,
        "place": agreement.place,
        "in_force": row.in_force,
        "entry_into_force": row.entry_into_force,
        "ratified": row.ratified,
        "parties": row.parties,
    }
