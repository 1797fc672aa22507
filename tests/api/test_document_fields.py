"""The CLI validates documents like the API (#18): each record the API refuses,
`scotrack ingest` refuses as a JSON Lines line, with the same reason, and the
lines after it are stored; on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app

from .conftest import bearer
from .test_reads import error_of

API = "/api/v1"
TEXT = "The SCO Council of Foreign Ministers met in Astana on May 21, 2024."

REFUSED = [
    pytest.param(
        '{"text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "document",
        id="deep",
    ),
    pytest.param("[1, 2]", "document", id="array"),
    pytest.param('{"text": "SCO \\ud800 met"}', "text", id="surrogate"),
    pytest.param('{"text": "x", "source": {"y": 2019}}', "source", id="outlet-object"),
    pytest.param('{"text": "x", "source": 7}', "source", id="outlet-number"),
    pytest.param('{"text": "x", "url": 5}', "url", id="url-number"),
    pytest.param('{"text": "x", "published": "2017-02-30"}', "published", id="feb30"),
    pytest.param('{"text": "x", "published": "inf"}', "published", id="inf"),
    pytest.param('{"text": "x", "published": {"y": 2019}}', "published", id="object"),
    pytest.param('{"text": 5}', "text", id="text-number"),
    pytest.param('{"text": " "}', "text", id="blank"),
    pytest.param('{"text": "x", "html": "<p>y</p>"}', "html", id="both"),
    pytest.param('{"text": "x", "title": 1}', "title", id="title"),
    pytest.param(
        json.dumps({"text": "x", "source": "s" * 301}), "source", id="long-source"
    ),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("line", "field"), REFUSED)
def test_cli_refuses_what_the_api_refuses_with_the_same_reason(
    writer: TestClient,
    tokens: dict[str, str],
    writable_url: str,
    tmp_path: Path,
    line: str,
    field: str,
) -> None:
    answer = writer.post(
        f"{API}/documents",
        content=line.encode(),
        headers=bearer(tokens["editor"]) | {"content-type": "application/json"},
    )
    reason = error_of(answer, 422, field)
    batch = tmp_path / "batch.jsonl"
    good = json.dumps({"text": TEXT, "url": "https://example.org/after"})
    batch.write_text(f"{line}\n{good}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", str(batch), "--db", writable_url, "-f", "json"]
    )
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["failures"] == [f"{batch}:1: {reason.removeprefix('document: ')}"]
    assert summary["new"] + summary["new_versions"] + summary["unchanged"] == 1
