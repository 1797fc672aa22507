"""Every command and setting is documented; every command has help and an example."""

from pathlib import Path

import pytest
import typer.main

from scotrack.cli import app
from scotrack.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
SETTINGS_DOC = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    group = typer.main.get_command(app)
    paths = []
    for name in group.list_commands(None):  # type: ignore[attr-defined]
        command = group.get_command(None, name)  # type: ignore[attr-defined]
        paths.append((name,))
        if hasattr(command, "list_commands"):
            paths += [(name, sub) for sub in command.list_commands(None)]
    return paths


def command(path: tuple[str, ...]):
    current = typer.main.get_command(app)
    for word in path:
        current = current.get_command(None, word)  # type: ignore[attr-defined]
    return current


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_is_documented_in_cli_md(path):
    assert f"## scotrack {' '.join(path)}\n" in CLI_DOC


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help_ending_with_an_example(path):
    cmd = command(path)
    if hasattr(cmd, "list_commands"):
        assert cmd.help
        return
    assert cmd.help, f"scotrack {' '.join(path)} has no help text"
    assert "Example: scotrack " in cmd.help, f"scotrack {' '.join(path)} has no example"


@pytest.mark.parametrize(
    "path", [p for p in command_paths() if len(p) == 1], ids=" ".join
)
def test_every_top_level_command_is_in_the_readme(path):
    assert f"scotrack {path[0]}" in README


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_documented(name):
    assert f"`SCOTRACK_{name.upper()}`" in SETTINGS_DOC
    assert Settings.model_fields[name].description


def test_ci_runs_the_readme_commands_exactly():
    setup = README.split("## Set up (two commands)", 1)[1].split("```bash\n", 1)[1]
    install, tests = setup.split("```", 1)[0].strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci, f"{tests!r} is not a line of .ci/run"
    assert install.endswith(".venv/bin/scotrack serve")
    assert install.startswith("python3 -m venv .venv")


def _readme_inputs() -> list[str]:
    """The documents and folders the README's `scotrack extract|ingest|train`
    examples read (their positional arguments)."""
    found = []
    for line in README.splitlines():
        words = line.split()
        if words[:2] != ["$", "scotrack"] or len(words) < 3:
            continue
        if words[2] not in {"extract", "ingest", "train"}:
            continue
        skip = False
        for word in words[3:]:
            if skip:
                skip = False
            elif word.startswith("--"):
                skip = "=" not in word
            else:
                found.append(word)
    return found


def test_the_readme_examples_read_only_what_the_repository_holds() -> None:
    inputs = _readme_inputs()
    assert "examples/documents" in inputs
    for path in inputs:
        assert not path.startswith(".."), f"README reads {path}, outside the repo"
        assert (ROOT / path).exists(), f"README reads {path}, not in the repo"
