"""`scotrack ingest` survives its bad items (#18): each bad JSON Lines line is
reported with its file, line number and reason, and the lines after it are
stored; on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

from .test_pipeline import HOSTILE_LINES, _lines

TEXT = "The SCO Council of Foreign Ministers met in Astana on May {day}, 2024."


@pytest.mark.issue(18)
def test_ingest_bad_lines_each_reported_and_the_rest_stored(
    initialised_db_url: str, tmp_path: Path
) -> None:
    records: list[object] = []
    for number, line in enumerate(HOSTILE_LINES):
        records += [line, {"id": f"good{number}", "text": TEXT.format(day=number + 1)}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text(_lines(*records), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", str(batch), "--db", initialised_db_url, "-f", "json"]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (8, 8)
    failed = [line.split(": ", 1)[0] for line in summary["failures"]]
    assert failed == [f"{batch}:{2 * n + 1}" for n in range(8)]
    for where in failed:
        assert result.stderr.count(f"{where}:") == 1, result.stderr
