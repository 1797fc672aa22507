"""A command's work: settings, an engine or session on an initialised knowledge
base, modules loaded on first use, and errors turned into one line and an exit
code (2 bad input, 1 some documents failed), a traceback only under --debug."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.markup import escape

from scotrack.cli.options import known_day
from scotrack.cli.output import stderr
from scotrack.errors import InputError, ScotrackError
from scotrack.settings import Settings, load_settings

if TYPE_CHECKING:  # the database layer is imported when a command needs it
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


T = TypeVar("T")


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
