"""Every user error is one line on stderr and exit 2, no traceback (#18): a bad
database URL or schema, a bad setting, an integer past 64 bits in any integer
option of any command, a `--since` that is neither a date nor a time. The
classes already covered elsewhere: a file that is not a database and an
unreachable server (tests/cli/test_kb.py), an unwritable `--out`
(tests/cli/test_pipeline.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from sqlalchemy import text
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.engine import make_engine

HUGE = "99999999999999999999999"


def _run(*args: str, **env: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200", **env})


def one_line(result, *fragments: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _int_parameters() -> list[tuple[tuple[str, ...], str, bool, bool]]:
    """(command words, option or argument name, positional, has --db) for every
    integer parameter of every command, found by walking the CLI."""
    found = []

    def walk(command, words: tuple[str, ...]) -> None:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(None):
                walk(command.get_command(None, name), (*words, name))
            return
        names = {p.name for p in command.params}
        for param in command.params:
            if param.type_descriptor.annotation is int:
                positional = param.param_type_name == "argument"
                name = param.name if positional else param.opts[0]
                found.append((words, name, positional, "db" in names))

    walk(typer.main.get_command(app), ())
    return found


INT_PARAMETERS = _int_parameters()
REQUIRED = {
    ("extract",): ["{doc}"],
    ("ingest",): ["{doc}"],
    ("search",): ["sco"],
    ("changes",): ["--since", "2020"],
}
"""What each command needs besides its integer parameter."""


def test_the_cli_has_integer_parameters() -> None:
    assert len(INT_PARAMETERS) >= 10


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("words", "name", "positional", "takes_db"),
    INT_PARAMETERS,
    ids=[" ".join((*w, n)) for w, n, _, _ in INT_PARAMETERS],
)
def test_an_integer_past_64_bits_is_refused(
    db_url: str, tmp_path: Path, words, name, positional, takes_db
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The SCO met in Astana.", encoding="utf-8")
    args = [*words, *(a.format(doc=doc) for a in REQUIRED.get(words, []))]
    args += [HUGE] if positional else [name, HUGE]
    if takes_db:
        args += ["--db", db_url]
    if words == ("extract",):
        args += ["--out", str(tmp_path / "out")]
    result = _run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert name.strip("-").replace("_", " ") in result.stderr.replace("_", " ")


@pytest.mark.issue(18)
@pytest.mark.parametrize("command", [("members",), ("init",), ("review", "list")])
def test_an_unknown_url_scheme_is_one_line(command: tuple[str, ...]) -> None:
    one_line(_run(*command, "--db", "foo://x"), "foo://", "sqlite:///PATH")


@pytest.fixture
def newer_db(initialised_db_url: str) -> str:
    engine = make_engine(initialised_db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    finally:
        engine.dispose()
    return initialised_db_url


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "command", [("members",), ("init",), ("changes", "--since", "2025"), ("serve",)]
)
def test_a_newer_schema_is_one_line_saying_newer(
    newer_db: str, command: tuple[str, ...]
) -> None:
    line = one_line(_run(*command, "--db", newer_db), "newer schema", "f00d")
    assert "older" not in line


@pytest.mark.issue(18)
@pytest.mark.parametrize("command", [("members",), ("init",)])
def test_tables_without_a_schema_revision_are_one_line(
    fresh_db_url: str, command: tuple[str, ...]
) -> None:
    engine = make_engine(fresh_db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE state (code VARCHAR(3))"))
    finally:
        engine.dispose()
    one_line(_run(*command, "--db", fresh_db_url), "no scotrack schema revision")


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("SCOTRACK_WORKERS", "abc", "SCOTRACK_WORKERS='abc': Input should be"),
        ("SCOTRACK_WORKERS", HUGE, "less than or equal to 64"),
        ("SCOTRACK_MAX_JSON_DEPTH", "0", "SCOTRACK_MAX_JSON_DEPTH='0'"),
        ("SCOTRACK_CACHE", "maybe", "SCOTRACK_CACHE='maybe'"),
    ],
)
@pytest.mark.parametrize(
    "command", [("members",), ("extract", "x.txt"), ("serve",), ("review", "list")]
)
def test_a_bad_setting_is_one_line(
    tmp_path: Path, command: tuple[str, ...], variable: str, value: str, fragment: str
) -> None:
    result = _run(*command, SCOTRACK_DB=str(tmp_path / "kb.db"), **{variable: value})
    one_line(result, fragment)


@pytest.mark.issue(18)
@pytest.mark.parametrize("since", ["' OR 1=1 --", "2026-11-01T25:00", "yesterday x"])
def test_changes_since_is_a_date_or_a_time(db_url: str, since: str) -> None:
    one_line(_run("changes", "--since", since, "--db", db_url), "--since")


def test_changes_since_a_time_with_an_offset(db_url: str) -> None:
    result = _run(
        "changes", "--since", "2000-01-01 05:00+05:00", "--db", db_url, "-f", "json"
    )
    assert result.exit_code == 0, result.output


def _failing_members(monkeypatch: pytest.MonkeyPatch) -> None:
    """`members` meets an error scotrack does not expect (a bug, simulated)."""
    from scotrack.store.read import timeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom \x1b]52;c;aGk=\x07 at row 3")

    monkeypatch.setattr(timeline, "state_statuses", broken)


def test_an_unexpected_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    from scotrack.cli import INTERNAL_EXIT, main

    _failing_members(monkeypatch)
    monkeypatch.setattr("sys.argv", ["scotrack", "members", "--db", db_url])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == INTERNAL_EXIT == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    line = " ".join(err.split())  # the console may wrap a long line
    assert line.startswith("error: unexpected RuntimeError: boom")
    assert "\\x1b]52" in line  # the escape shown...
    assert "\x1b" not in err  # ...not obeyed
    assert "--debug" in line


def test_debug_shows_the_unexpected_error_traceback(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    from scotrack.cli import main

    _failing_members(monkeypatch)
    monkeypatch.setattr("sys.argv", ["scotrack", "members", "--db", db_url, "--debug"])
    with pytest.raises(RuntimeError, match="boom"):
        main()
