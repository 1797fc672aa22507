"""The export command: the whole knowledge base in a standard format (#17)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    KnownOnOption,
    OnDateOption,
    OutputFormat,
    known_day,
    on_day,
)
from scotrack.cli.output import render, stderr, stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.terminal import literal
from scotrack.errors import InputError

if TYPE_CHECKING:
    from scotrack.store.exports import ExportReport

EXPORT_FORMATS = (
    "datapackage", "graphml", "gexf", "csl", "bibtex", "sqlite", "parquet", "iati",
)  # fmt: skip
"""The formats of `scotrack.store.exports.FORMATS`, named here so `--help` needs
no database layer; tests/cli/test_exports.py checks the two agree."""

ExportFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        help=f"What to write: {', '.join(EXPORT_FORMATS)}.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        help="Where to write: a new path (a new or empty folder for datapackage "
        "and parquet).",
        show_default=False,
    ),
]
SummaryOption = Annotated[
    OutputFormat,
    typer.Option("--summary", help="How to show what was written: table, json or csv."),
]


def export_cli(
    fmt: ExportFormatOption,
    out: OutOption,
    on: OnDateOption = None,
    known_on: KnownOnOption = None,
    db: DbOption = None,
    summary: SummaryOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Export the whole knowledge base in a standard format, recording the
    scotrack version, --on, --known-on and the last change id, so a cited
    snapshot can be rebuilt.

    Example: scotrack export --format datapackage --out ./sco-2024 --on 2024-12-31
    """

    def action() -> ExportReport:
        from scotrack.store.exports import check_out, export, steps

        check_out(out, fmt)
        day = None if on is None else _on(on)
        then = None if known_on is None else known_day(known_on)
        with kb_session(db) as session, _bar(steps()) as step:
            return export(session, fmt, out, on=day, known_on=then, step=step)

    report = run_with_errors(action, debug=debug)
    if known_on is not None and report.snapshot.last_change_id is None:
        stderr.print(
            f"note: --known-on {report.snapshot.known_on}: the change log starts "
            "later, so the export holds no facts; give a later day",
            highlight=False,
        )
    rows = [{"table": name, "rows": count} for name, count in report.rows.items()]
    meta = report.snapshot.metadata()
    if summary is OutputFormat.table:
        stdout.print(literal(f"Wrote {report.format} to {report.out}."))
        stdout.print(literal(", ".join(f"{k}: {v}" for k, v in meta.items())))
    payload: dict[str, Any] = {
        "format": report.format,
        "out": str(report.out),
        "files": list(report.files),
        "rows": report.rows,
        **meta,
    }
    render(rows, summary, title="Exported", payload=payload)


def _on(value: str) -> Any:
    try:
        return on_day(value)
    except (ValueError, InputError) as err:
        raise InputError(f"--on: {err}") from None


@contextmanager
def _bar(total: int) -> Iterator[Any]:
    """A step callback driving a Rich progress bar on stderr (on a terminal)."""
    bar = Progress(
        TextColumn("[bold]export"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[table]}"),
        console=stderr,
        disable=not stderr.is_terminal,
    )
    with bar:
        task = bar.add_task("export", total=total, table="")

        def step(name: str) -> None:
            bar.update(task, advance=1, table=name)

        yield step
