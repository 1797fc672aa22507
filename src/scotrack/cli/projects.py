"""The `projects` and `initiatives` commands: the cooperation projects of the
knowledge base with their status on a day, and the initiatives (BRI, GDI, GSI,
GCI, GGI, ...) they may belong to, as tables (#12)."""

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
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.tables import fail
from scotrack.domain.vocab import SECTORS

PROJECT_COLUMNS = ("id", "name", "sector", "countries", "status", "initiative")
"""Columns a terminal table of projects shows; JSON and CSV carry more."""
INITIATIVE_COLUMNS = ("code", "name", "proposed_by", "proposed_on", "projects")
"""Columns a terminal table of initiatives shows; JSON and CSV carry more."""


def projects_cli(
    sector: Annotated[
        str | None,
        typer.Option("--sector", help=f"Only this sector: {', '.join(SECTORS)}."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only projects this state takes part in."),
    ] = None,
    on: OnDateOption = None,
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the cooperation projects, by name, with their status on a date.

    Projects come from the curated record and from accepted project claims; the
    status is the latest one recorded by the day (none: not yet recorded).

    Example: scotrack projects --sector transport --country KGZ
    """
    if sector is not None and sector not in SECTORS:
        run_with_errors(
            fail(f"--sector {sector!r} is not one of: {', '.join(SECTORS)}"),
            debug=debug,
        )

    def action() -> list[dict[str, Any]]:
        from scotrack.store.read import portfolio, queries  # on demand: fast start-up

        day = on_day(on)
        with kb_session(db, known_on=known_on) as session:
            code = None if country is None else queries.find_state(session, country)
            overview = portfolio.projects_overview(
                session,
                on=day,
                sector=sector,
                country=None if code is None else code.code,
            )
        return [
            {
                "id": r.project.id,
                "name": r.project.name,
                "sector": r.project.sector,
                "countries": list(r.project.countries),
                "status": r.status,
                "initiative": r.project.initiative,
                "financing": r.project.financing,
                "planned_start": r.project.planned_start,
                "actual_start": r.project.actual_start,
                "actual_end": r.project.actual_end,
                "source": r.project.source_id,
            }
            for r in overview.rows
        ]

    rows = run_with_errors(action, debug=debug)
    if not rows and fmt is OutputFormat.table:
        stdout.print(
            "No project matches: projects come from the curated record and from "
            "accepted project claims (scotrack review)."
        )
        return
    render(
        rows,
        fmt,
        title=f"Cooperation projects on {on_day(on).isoformat()}",
        columns=list(PROJECT_COLUMNS) if fmt is OutputFormat.table else None,
    )


def initiatives_cli(
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the initiatives (BRI, GDI, GSI, GCI, GGI, ...), earliest proposed
    first, with who proposed them, when, their source and how many projects of
    the knowledge base belong to each.

    Example: scotrack initiatives --format csv
    """

    def action() -> list[dict[str, Any]]:
        from scotrack.store.read import portfolio  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            found = portfolio.initiative_table(session)
        return [
            {
                "code": r.initiative.code,
                "name": r.initiative.name,
                "proposed_by": r.initiative.proposed_by,
                "proposed_on": r.initiative.proposed_on,
                "aliases": list(r.initiative.aliases),
                "projects": r.projects,
                "source": None if r.source is None else r.source.id,
                "source_title": None if r.source is None else r.source.title,
                "source_url": None if r.source is None else r.source.url,
            }
            for r in found
        ]

    rows = run_with_errors(action, debug=debug)
    render(
        rows,
        fmt,
        title="Initiatives",
        columns=list(INITIATIVE_COLUMNS) if fmt is OutputFormat.table else None,
    )
