"""The options every command shares, spelled once: --db, --format, --on,
--known-on, --by, --note, --debug, and the days --on and --known-on stand for."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

MAX_ID = 2**63 - 1
"""The largest id or count an integer option takes: a database integer (#18)."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite path (default: SCOTRACK_DB, else a file in the "
        "user data directory).",
        show_default=False,
    ),
]


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format: table, json or csv."),
]


DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks for errors.")
]


OnDateOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        help="As of this date: YYYY, YYYY-MM or YYYY-MM-DD (a partial date means its "
        "last day). Default: today.",
        show_default=False,
    ),
]


ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="Who decides or changes (default: SCOTRACK_USER, else the login name).",
        show_default=False,
    ),
]


NoteOption = Annotated[
    str | None, typer.Option("--note", help="Why: kept with the decision.")
]


KnownOnOption = Annotated[
    str | None,
    typer.Option(
        "--known-on",
        help="As the knowledge base stood at the end of this day (UTC), from its "
        "change log: what was known then. Combine with --on for what was true then.",
        show_default=False,
    ),
]


def known_day(value: str) -> date:
    """The day `--known-on` stands for: its last day when partial."""
    try:
        return PartialDate.parse(value).last_day()
    except (ValueError, InputError) as err:
        raise InputError(f"--known-on: {err}") from None


def on_day(value: str | None) -> date:
    """The day `--on` stands for: its last day when partial, today if absent."""
    if value is None:
        return date.today()
    return PartialDate.parse(value).last_day()
