"""What the commands print: tables, JSON and CSV (`render`), notes beside them,
and progress bars, on terminals that escape control characters (`terminal`)."""

from __future__ import annotations

import csv
import dataclasses
import io
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum
from typing import Any

from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from scotrack.cli.options import OutputFormat
from scotrack.cli.terminal import Terminal, json_text, literal
from scotrack.domain.dates import PartialDate
from scotrack.domain.spreadsheets import inert

stdout = Terminal(soft_wrap=True)


stderr = Terminal(stderr=True, soft_wrap=True)


def jsonable(value: Any) -> Any:
    """Dataclasses, dates and tuples as plain JSON values (partial dates as ISO)."""
    if isinstance(value, PartialDate):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # field by field: asdict would turn a nested PartialDate into a dict (#15)
        found = dataclasses.fields(value)
        return {f.name: jsonable(getattr(value, f.name)) for f in found}
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _csv_cell(value: Any) -> str:
    """`_cell`, with no string a spreadsheet would run as a formula (the web's
    CSV rule too, `domain.spreadsheets.inert`); numbers stay numbers."""
    if isinstance(value, list | tuple):
        return ", ".join(_csv_cell(item) for item in value)
    return _cell(inert(value))


def render(
    rows: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    payload: Any = None,
) -> None:
    """Print `rows` as a Rich table, JSON (`payload` if given, else rows) or CSV.

    A table shows values as they read, controls escaped and markup not applied
    (`terminal.literal`); JSON keeps them exact, and so does CSV but for a `'`
    in front of a string a spreadsheet would run as a formula (#18).
    """
    if fmt is OutputFormat.json:
        sys.stdout.write(json_text(jsonable(rows if payload is None else payload)))
        sys.stdout.write("\n")
        return
    names = list(columns) if columns else (list(rows[0]) if rows else [])
    if fmt is OutputFormat.csv:
        sys.stdout.write(csv_line(names))
        for row in rows:
            cells = [_csv_cell(jsonable(row.get(n))) for n in names]
            sys.stdout.write(csv_line(cells))
        return
    if not names:
        stdout.print(literal(f"{title}: none" if title else "(none)"))
        return
    caption = None if title is None else literal(title, style="table.title")
    table = Table(title=caption, show_lines=False, header_style="bold")
    for name in names:
        table.add_column(name.replace("_", " "))
    for row in rows:
        table.add_row(*(literal(_cell(jsonable(row.get(name)))) for name in names))
    stdout.print(table)


def csv_line(fields: Sequence[str]) -> str:
    """One CSV record ending in a newline; a field holding a line break or a
    carriage return is quoted, so the record reads back whole (#18)."""
    buffer = io.StringIO()
    # "\r\n" as terminator makes the writer quote both characters; one "\n" ends it
    csv.writer(buffer, lineterminator="\r\n").writerow(fields)
    return buffer.getvalue()[:-2] + "\n"


def page_note(*, shown: int, total: int, offset: int, noun: str) -> str | None:
    """What a page of a longer list leaves out, or None when it shows everything.

    A list cut at `--limit` says so instead of passing for the whole (#14):
    "showing 1-50 of 65 pending claims; the next 15 with --offset 50 (or a
    larger --limit)".
    """
    if shown >= total and offset == 0:
        return None
    if shown == 0:
        return f"no {noun} from --offset {offset}: there are {total}"
    last = offset + shown
    note = f"showing {offset + 1}-{last} of {total} {noun}"
    if last < total:
        note += f"; the next {min(total - last, shown)} with --offset {last}"
        note += " (or a larger --limit)"
    return note


def print_note(note: str | None, fmt: OutputFormat) -> None:
    """A line for people beside the output: after a table, on stderr for JSON and
    CSV, so what a program reads on stdout keeps its shape."""
    if note is None:
        return
    console = stdout if fmt is OutputFormat.table else stderr
    console.print(escape(note), highlight=False)


@contextmanager
def progress(description: str, *, total: int | None) -> Iterator[Progress]:
    """A Rich progress bar on stderr: documents done, rate, failures, elapsed."""
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TextColumn("[red]{task.fields[failures]} failed"),
        TimeElapsedColumn(),
        console=stderr,
        transient=False,
        disable=not stderr.is_terminal,
    )
    with bar:
        bar.add_task(description, total=total, rate="-", failures=0)
        yield bar
