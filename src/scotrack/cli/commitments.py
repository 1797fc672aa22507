"""`scotrack commitments`: the commitments table, each commitment with its
compliance on a day, sorted by any column, filtered, with facet counts and a
date range (#14)."""

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
from scotrack.domain.vocab import AREAS, COMMITMENT_KINDS, COMPLIANCES

COLUMNS = ("id", "actor", "speaker", "kind", "area", "text", "made_on", "compliance")
"""Columns a terminal table of commitments shows; JSON and CSV carry all."""


def commitments_cli(
    actor: Annotated[
        str | None, typer.Option("--actor", help="State code or name, or SCO.")
    ] = None,
    area: Annotated[
        str | None, typer.Option("--area", help=f"One of: {', '.join(AREAS)}.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=f"One of: {', '.join(COMMITMENT_KINDS)}."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", min=1, max=9999, help="Only those made this year."),
    ] = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", help="Only those made at this meeting.")
    ] = None,
    compliance: Annotated[
        str | None,
        typer.Option(
            "--compliance",
            help=f"Compliance on the day: {', '.join(COMPLIANCES)}.",
        ),
    ] = None,
    on: OnDateOption = None,
    start: FromOption = None,
    end: ToOption = None,
    sort: SortOption = None,
    facets: FacetsOption = False,
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List tracked commitments (pledges, proposals, calls) with their compliance.

    Each commitment's compliance is its latest assessment made by --on (default
    today): complied (+1), partly (0), not complied (-1), inconclusive, or
    unassessed. By date made unless --sort says otherwise: made, actor,
    speaker, kind, area, text, meeting, compliance (by score; inconclusive and
    unassessed last) or id (-COLUMN: descending). --facets counts them by actor,
    kind, area, year, meeting and compliance; --from/--to keep those made in that
    range.

    Example: scotrack commitments --actor CHN --area trade

    Example: scotrack commitments --compliance unassessed --sort actor --facets
    """
    for option, value, allowed in (
        ("--area", area, AREAS),
        ("--kind", kind, COMMITMENT_KINDS),
        ("--compliance", compliance, COMPLIANCES),
    ):
        if value is not None and value not in allowed:
            message = f"{option} {value!r} is not one of: {', '.join(allowed)}"
            run_with_errors(fail(message), debug=debug)

    def action() -> tuple[list[dict[str, Any]], Any]:
        from scotrack.store.read import commitments  # on demand: fast start-up
        from scotrack.store.read.tables import date_range

        check_facets(facets, fmt)
        query = commitments.CommitmentQuery(
            on=on_day(on),
            actor=actor,
            kind=kind,
            area=area,
            year=year,
            meeting=meeting,
            compliance=compliance,
            dates=date_range(start, end),
            sort=commitments.commitment_sort(sort),
        )
        with kb_session(db, known_on=known_on) as session:
            table = commitments.commitment_table(session, query)
        return [commitment_item(line) for line in table.lines], table.facets

    rows, counted = run_with_errors(action, debug=debug)
    render_table(
        rows,
        fmt,
        name="commitments",
        title=f"Commitments, compliance on {on_day(on).isoformat()}",
        columns=list(COLUMNS) if fmt is OutputFormat.table and rows else None,
        facets=counted if facets else None,
    )


def commitment_item(line: Any) -> dict[str, Any]:
    """One row of the commitments table as the CLI prints it."""
    c = line.commitment
    return {
        "id": c.id,
        "actor": c.actor,
        "speaker": c.speaker,
        "kind": c.kind,
        "area": c.area,
        "text": c.text,
        "made_on": c.made_on,
        "meeting": c.meeting_id,
        "compliance": line.compliance,
        "score": line.score,
        "assessed_on": None if line.current is None else line.current.date,
    }
