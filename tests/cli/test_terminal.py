"""What reaches a terminal: control characters from the database print escaped, and
Rich markup in values prints as written, in every command's tables and lines; JSON
and CSV stay exact (#18)."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.panel import Panel
from rich.text import Text
from sqlalchemy import text
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.cli.terminal import Terminal, visible
from scotrack.store import make_engine

pytestmark = pytest.mark.issue(18)

MARKUP = "[bold red]x[/]"
HOSTILE = (
    "\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \x9b2J \u202eevil\u202c "
    f"\r\b\x7f\u2066 {MARKUP} end"
)
"""Colour, an OSC 52 clipboard write, a C1 CSI, a bidi override, CR, backspace,
DEL, an isolate, and markup."""
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What must never reach the terminal raw (newline and tab may)."""

SOCHI = (
    "SCO heads of government meet in Sochi\n\nPublished: 2017-12-01\n\n"
    "The 16th meeting of the Council of Heads of Government of the Shanghai "
    "Cooperation Organization was held in Sochi on Friday, December 1, 2017.\n"
)
# as long as the words they replace, so the evidence spans still hold
IN_SENTENCE = {"meet": "\x1b]2;", "heads": "\u202e[b]\b"}


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "1000"})


def shown(result) -> str:
    """The whole output (stdout and stderr), checked to hold no raw control."""
    output: str = result.output
    assert "Traceback" not in output, output
    found = sorted({f"U+{ord(c):04X}" for c in RAW.findall(output)})
    assert not found, f"raw control characters {found} in:\n{output!r}"
    return output


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return shown(result)


class Hostile:
    """A knowledge base whose documents, claims, log and tokens hold HOSTILE."""

    def __init__(self, url: str, claim: str, outputs: dict[str, str]) -> None:
        self.url = url
        self.claim = claim
        self.outputs = outputs


@pytest.fixture(scope="module")
def hostile(databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    name = f"scotrack_{uuid.uuid4().hex[:12]}"
    url = databases.create(name)
    page = tmp_path_factory.mktemp("hostile") / "sochi.txt"
    page.write_text(SOCHI, encoding="utf-8")
    outputs: dict[str, str] = {}
    assert run("init", "--db", url).exit_code == 0
    assert run("ingest", str(page), "--db", url).exit_code == 0
    claims = json.loads(run("review", "list", "--format", "json", "--db", url).stdout)
    claim = claims[0]["id"]
    engine = make_engine(url)
    # the documents' text is guarded against rewriting (#18): the guard is lifted
    # for this fixture alone, which plants hostile text where ingest would not
    postgres = url.startswith("postgresql")
    with engine.begin() as connection:
        triggers = []
        if postgres:
            connection.execute(text("ALTER TABLE document DISABLE TRIGGER USER"))
        else:  # SQLite cannot disable a trigger: drop, then create again
            triggers = connection.execute(
                text(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'document'"
                )
            ).all()
            for name, _ in triggers:
                connection.execute(text(f'DROP TRIGGER "{name}"'))
        clean = "clean_text"
        for word in IN_SENTENCE:
            clean = f"replace({clean}, '{word}', :{word.lower()})"
        connection.execute(
            text(f"UPDATE document SET title = :h, outlet = :o, clean_text = {clean}"),
            {"h": HOSTILE, "o": HOSTILE}
            | {word.lower(): value for word, value in IN_SENTENCE.items()},
        )
        connection.execute(
            text("UPDATE search_entry SET title = :h, body = :body"),
            {"h": HOSTILE, "body": f"Sochi {HOSTILE} Sochi"},
        )
        if postgres:
            connection.execute(text("ALTER TABLE document ENABLE TRIGGER USER"))
        for _, statement in triggers:
            connection.execute(text(statement))
    engine.dispose()
    writes = {
        "review edit": ("review", "edit", claim, "--set", f"city={HOSTILE}"),
        "edit": ("edit", "meeting:hog-2017", "--set", f"city_name={HOSTILE}"),
        "token create": ("token", "create", "--role", "reviewer", "--name", HOSTILE),
        "edit agreement": (
            "edit", "agreement:establishment-declaration", "--set", f"title={HOSTILE}",
        ),
    }  # fmt: skip
    for command, args in writes.items():
        extra = ("--reason", HOSTILE) if args[0] == "edit" else ("--note", HOSTILE)
        extra = () if command == "token create" else extra
        result = run(*args, *extra, "--by", HOSTILE, "--db", url)
        assert result.exit_code == 0, result.output
        outputs[command] = result.output
    yield Hostile(url, claim, outputs)
    databases.drop(name)


@pytest.mark.parametrize(
    "value",
    [
        "\x1b[2J",
        "\x1b]52;c;aGk=\x07",
        "\x9b31m",
        "a\rb",
        "a\bb",
        "\x00\x7f",
        "\u202eevil",
        "\u2067x\u2069",
        "\u061c\u200e\u200f",
        "\u2028\u2029",
        "\udcff",
    ],
)
def test_visible_escapes_every_control(value: str) -> None:
    escaped = visible(value)
    assert not RAW.search(escaped)
    assert escaped.encode("utf-8")  # lone surrogates too: no UnicodeEncodeError


@pytest.mark.parametrize(
    "value",
    [
        "Shanghai Cooperation Organisation",
        "line\nnext\tcolumn",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ stays
        "Шанхайская организация сотрудничества 上海合作组织",
        "[bold]x[/]",
    ],
)
def test_visible_leaves_ordinary_text_alone(value: str) -> None:
    assert visible(value) == value


def test_visible_writes_escapes_as_python_does() -> None:
    assert visible("\x1b[31m\u202e\r") == "\\x1b[31m\\u202e\\r"


@pytest.mark.parametrize(
    "command",
    [
        ("search", "Sochi"),
        ("review", "list"),
        ("review", "list", "--status", "all"),
        ("history", "meeting:hog-2017"),
        ("history", "claim:{claim}"),
        ("changes", "--since", "2000"),
        ("token", "list"),
        ("meetings", "--year", "2017"),
        ("agreements",),
        ("agreement", "establishment-declaration"),
    ],
    ids=lambda c: " ".join(c),
)
def test_tables_escape_controls_and_markup(hostile: Hostile, command) -> None:
    args = [part.format(claim=hostile.claim) for part in command]
    output = ok(*args, "--db", hostile.url)
    assert "\\x1b[31mred" in output
    assert MARKUP in output


def test_review_show_escapes_the_evidence_and_the_claim(hostile: Hostile) -> None:
    output = ok("review", "show", hostile.claim, "--db", hostile.url)
    assert "\\x1b]2;" in output  # in the evidence sentence
    assert "\\u202e[b]\\x08" in output
    assert output.count("\\x1b[31mred") >= 2  # title | outlet, and the city
    assert MARKUP in output


def test_write_commands_escape_what_they_print(hostile: Hostile) -> None:
    for command, output in hostile.outputs.items():
        found = sorted({f"U+{ord(c):04X}" for c in RAW.findall(output)})
        assert not found, f"{command}: raw control characters {found}"
        assert "\\x1b[31mred" in output, command


def test_error_lines_escape_the_value_they_name(hostile: Hostile) -> None:
    result = run("history", HOSTILE, "--db", hostile.url)
    assert result.exit_code == 2
    assert "\\x1b[31mred" in shown(result)


def test_json_and_csv_keep_values_exact(hostile: Hostile) -> None:
    tokens = json.loads(
        run("token", "list", "--format", "json", "--db", hostile.url).stdout
    )
    assert tokens[0]["name"] == HOSTILE
    listed = run("token", "list", "--format", "csv", "--db", hostile.url).stdout
    rows = list(csv.DictReader(io.StringIO(listed, newline="")))
    assert rows[0]["name"] == HOSTILE


def test_ingest_failure_lines_escape_the_file_name(
    hostile: Hostile, tmp_path: Path
) -> None:
    (tmp_path / "bad\x1b[2J\u202e.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path), "--db", hostile.url)
    assert "bad\\x1b[2J\\u202e.txt" in shown(result)


def test_terminal_escapes_text_that_bypasses_markup() -> None:
    """A ready Text or a panel title reaches the output escaped all the same."""
    out = io.StringIO()
    console = Terminal(file=out, width=80, force_terminal=True)
    console.print(Text("a\x1b]52;c;aGk=\x07b"), style="bold")
    console.print(Panel("body", title="\u202etitle", subtitle="\x9b2J"))
    printed = out.getvalue()
    assert "a\\x1b]52;c;aGk=b" in printed  # (Rich's Text itself drops the BEL)
    assert "\\u202etitle" in printed
    assert "\\x9b2J" in printed
    assert not RAW.search(printed.replace("\x1b[", ""))  # Rich's own colours aside


def test_a_console_built_at_import_follows_the_width_when_it_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    console = Terminal(file=io.StringIO())
    monkeypatch.setenv("COLUMNS", "150")
    assert console.width == 150
    assert Terminal(file=io.StringIO(), width=90).width == 90
