"""What every command shares: the option aliases, rendering, and errors -> exit codes.

Commands raise ScotrackError subclasses; `run_with_errors` turns them into one line
on stderr and an exit code (2 bad input, 1 some documents failed), with a traceback
only under --debug.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum, StrEnum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from scotrack.cli.terminal import Terminal, json_text, literal
from scotrack.domain.dates import PartialDate
from scotrack.domain.spreadsheets import inert
from scotrack.errors import InputError, ScotrackError
from scotrack.settings import Settings, load_settings

if TYPE_CHECKING:  # the database layer is imported when a command needs it
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

T = TypeVar("T")

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

stdout = Terminal(soft_wrap=True)
stderr = Terminal(stderr=True, soft_wrap=True)


def lazy_module(name: str) -> ModuleType:
    """Module `name`, executed on first attribute access: the commands' modules
    name the database layer at import, but only the command that runs loads it."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def actor_for(by: str | None) -> str:
    """Who a change is recorded as: --by, else the `user` setting."""
    return by or settings_for().user


def settings_for(db: str | None = None, **overrides: Any) -> Settings:
    """Settings with the command's flags on top of SCOTRACK_* variables."""
    return load_settings(db=db, **overrides)


@contextmanager
def kb_engine(db: str | None) -> Iterator[Engine]:
    """An engine on an initialised knowledge base; InputError says to run init."""
    from scotrack.store.engine import database_url, make_engine
    from scotrack.store.schema import schema_problem, schema_state

    url = settings_for(db).db
    parsed = database_url(url)
    missing_file = (
        parsed.get_backend_name() == "sqlite"
        and parsed.database not in (None, "", ":memory:")
        and not Path(parsed.database or "").expanduser().exists()
    )
    hint = f"run `scotrack init{'' if db is None else ' --db ' + db}` first"
    if missing_file:
        raise InputError(f"database {parsed.database} does not exist: {hint}")
    engine = make_engine(url)
    try:
        state = schema_state(engine)
        if state != "current":
            problem = schema_problem(engine, state)
            raise InputError(
                problem.replace("run `scotrack init`", hint.split(" first")[0])
            )
        yield engine
    finally:
        engine.dispose()


@contextmanager
def kb_session(
    db: str | None, *, known_on: str | None = None, write: bool = False
) -> Iterator[Session]:
    """A session on an initialised knowledge base; InputError says to run init.

    With `write`, its transactions take the write lock when they begin (see
    `store.engine`): for commands that write.

    With `known_on` (a date), a read-only session on the knowledge base as it
    stood at the end of that day, rebuilt from the change log.
    """
    from scotrack.store.engine import session_factory

    with kb_engine(db) as engine, session_factory(engine, write=write)() as session:
        if known_on is None:
            yield session
            return
        from scotrack.store.read.replay import known_on as replayed
        from scotrack.store.read.replay import log_start

        day, start = known_day(known_on), log_start(session)
        if start is None or day < start:
            stderr.print(
                f"note: --known-on {day}: the change log starts on "
                f"{start or 'no day'}, so the knowledge base held nothing then; "
                "give a later day",
                highlight=False,
            )
        with replayed(session, day) as view:
            yield view


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


def exit_code(failures: int) -> int:
    """0 when every document went through, 1 when any failed."""
    return 1 if failures else 0


def run_with_errors(action: Callable[[], T], *, debug: bool) -> T:
    """Run `action`; a ScotrackError becomes one line on stderr and its exit code."""
    try:
        return action()
    except ScotrackError as err:
        if debug:
            raise
        stderr.print(f"[bold red]error:[/] {escape(str(err))}", highlight=False)
        raise typer.Exit(err.exit_code) from err


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
