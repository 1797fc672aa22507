"""Every `$ scotrack ...` example of the README runs, in order, on a fresh knowledge
base holding the example documents, and prints what the README shows: each cell of
its tables, each complete line of its JSON, each error line word for word. The
`curl` example runs against the app with the token the README's `token create`
printed. Only `scotrack train` is left out: it rewrites the shipped models, and
tests/ingest/classifiers checks that command on its own.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.api.app import create_app
from scotrack.cli import app
from scotrack.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ELIDED = ("...", "…")


@dataclass
class Example:
    command: str
    shown: list[str] = field(default_factory=list)


def readme_examples() -> list[Example]:
    """The commands of the README's console blocks, each with the lines below it."""
    examples: list[Example] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append(Example(line[2:]))
            elif examples:
                examples[-1].shown.append(line)
    return examples


def expected_fragments(shown: list[str]) -> tuple[list[str], set[str]]:
    """What the output must contain: whole lines, and the words of table cells
    (a cell wraps where the terminal is narrow), none elided."""
    lines, cell_words = [], set()
    for line in shown:
        if any(mark in line for mark in ELIDED) or not line.strip():
            continue
        if line.startswith(("│", "┃")):
            cell_words |= set(line.replace("│", " ").replace("┃", " ").split())
        elif not line.startswith(("┏", "┡", "└", "sct_")):
            lines.append(line.strip().rstrip(","))
    return lines, cell_words


def words(text: str) -> str:
    return " ".join(text.split())


def table_words(text: str) -> set[str]:
    return set(re.sub(r"[│┃]", " ", text).split())


@pytest.mark.slow
def test_every_readme_example_runs_and_prints_what_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    env = {"SCOTRACK_DB": db, "COLUMNS": "120", "NO_COLOR": "1"}
    runner = CliRunner()
    assert runner.invoke(app, ["init"], env=env).exit_code == 0
    examples = readme_examples()
    assert len(examples) >= 15
    token = None
    for example in examples:
        argv = shlex.split(example.command)
        if argv[0] == "curl":
            assert token is not None, "the README makes a token before using it"
            _run_curl(argv, token, db)
            continue
        assert argv[0] == "scotrack", example.command
        if argv[1] == "train":
            continue
        result = runner.invoke(app, argv[1:], env=env)
        errors = [line for line in example.shown if line.startswith("error:")]
        if errors:
            assert result.exit_code == 2, (example.command, result.output)
            assert words(result.stderr) == words("\n".join(errors)), example.command
            continue
        assert result.exit_code == 0, (example.command, result.output)
        lines, cell_words = expected_fragments(example.shown)
        for line in lines:
            assert words(line) in words(result.stdout), (example.command, line)
        if "seconds" not in "".join(example.shown[:2]):  # counts and timings vary
            missing = cell_words - table_words(result.stdout)
            assert not missing, (example.command, missing, result.stdout)
        if argv[1:3] == ["token", "create"]:
            token = result.stdout.split()[-1]
            assert token.startswith("sct_")
    assert token is not None


def _run_curl(argv: list[str], token: str, db: str) -> None:
    method = argv[argv.index("-X") + 1] if "-X" in argv else "GET"
    url = next(word for word in argv if word.startswith("http"))
    path = "/" + url.split("/", 3)[3]
    os.environ.pop("SCOTRACK_DB", None)
    client = TestClient(create_app(Settings(db=db)))
    response = client.request(
        method, path, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, (path, response.text)
