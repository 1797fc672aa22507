"""The chart command: a chart of the web app as an SVG or PNG file (#17)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from scotrack.cli.options import DbOption, DebugOption, OnDateOption, on_day
from scotrack.cli.output import stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.terminal import literal
from scotrack.domain.vocab import CHART_KINDS
from scotrack.errors import InputError

KindArgument = Annotated[
    str,
    typer.Argument(help=f"Which chart: {', '.join(CHART_KINDS)}.", show_default=False),
]
OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        help="The file to write: its suffix, .svg or .png, says which.",
        show_default=False,
    ),
]
StateOption = Annotated[
    str | None,
    typer.Option(
        "--state",
        help="The state of a one-state chart (co-mentions), as a code such as IND.",
        show_default=False,
    ),
]


def chart_cli(
    kind: KindArgument,
    out: OutOption,
    on: OnDateOption = None,
    state: StateOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Write a chart of the web app (the same picture) as an SVG or PNG file:
    membership over time, meetings on a map of host cities, documents and
    claims per month, compliance by state and year, the ratification heat map,
    or a state's co-mention network.

    Example: scotrack chart ratification --out ratification.png --on 2020-01-01
    """

    def action() -> int:
        from scotrack.web.charts import files, kinds

        files.file_type(out)
        day = _on(on)
        with kb_session(db) as session:
            options = kinds.Options(day, state=state, listed=False)
            drawn = kinds.chart(session, kind, options)
        return files.write_chart(drawn, out)

    written = run_with_errors(action, debug=debug)
    stdout.print(literal(f"Wrote {kind} to {out} ({written} bytes)."))


def _on(value: str | None) -> date:
    try:
        return on_day(value)
    except (ValueError, InputError) as err:
        raise InputError(f"--on: {err}") from None
