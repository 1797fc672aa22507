"""The per-document time budget: a page over it fails alone, the batch goes on,
and the work stops inside a stage, not at its end (#18). Timings are the bench's
(bench/size_bench.py); these tests use spent budgets, never a race."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.errors import DocumentError
from scotrack.ingest import budget
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.facts import commitments
from scotrack.ingest.pipeline import STAGES, extract, start_document

pytestmark = pytest.mark.issue(18)

PARAGRAPH = (
    "China and Russia agreed to deepen cooperation on energy and transport, and "
    "Kazakhstan pledged to open a logistics corridor to Uzbekistan by 2026."
)
SPENT = 1e-6
"""A budget spent by the time anything checks it."""


def page(paragraphs: int, number: int = 0) -> str:
    head = f"SCO ministers meet for the {number + 1}th time\n\n2024-05-21\n\n"
    return head + "\n\n".join(
        f"{PARAGRAPH} Meeting {i} of the SCO Council of Foreign Ministers opened."
        for i in range(paragraphs)
    )


def test_check_without_a_budget_or_with_none_never_raises() -> None:
    budget.check()
    with budget.within("page.txt", 0):
        time.sleep(0.002)
        budget.check()


def test_a_spent_budget_is_a_documents_error_naming_file_and_limit() -> None:
    with budget.within("big.txt", 0.001):
        time.sleep(0.005)
        with pytest.raises(DocumentError) as caught:
            budget.check()
    assert caught.value.path == "big.txt"
    assert caught.value.reason.startswith("extraction took more than 0.001 s")
    budget.check()  # the budget ends with its document


def test_extract_refuses_a_page_over_its_budget() -> None:
    raw = RawDocument(id="big", path="big.txt", text=page(50))
    with pytest.raises(DocumentError, match="took more than 1e-06 s"):
        extract(raw, ExtractOptions(max_seconds=SPENT))
    assert extract(raw, ExtractOptions(max_seconds=0)).facts  # 0: no limit


def test_a_stage_stops_inside_its_loop_over_sentences() -> None:
    doc = start_document(RawDocument(id="big", path="big.txt", text=page(200)))
    for stage in STAGES[: [s.name for s in STAGES].index("commitments")]:
        doc = stage.run(doc)
    with budget.within("big.txt", SPENT), pytest.raises(DocumentError):
        commitments.STAGE.run(doc)
    assert "commitments" not in doc.facts  # stopped before it had its facts


def pages(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    names = [f"page{i}.txt" for i in range(count)]
    for number, name in enumerate(names):
        (folder / name).write_text(page(3, number), encoding="utf-8")
    return names


def run(*args: str, seconds: float):
    env = {"SCOTRACK_MAX_DOCUMENT_SECONDS": str(seconds), "COLUMNS": "200"}
    return CliRunner().invoke(app, list(args), env=env)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_reports_each_page_over_budget_and_goes_on(tmp_path, workers):
    names = pages(tmp_path / "in", 3)
    out = tmp_path / "out"
    args = ["extract", str(tmp_path / "in"), "--out", str(out), "--workers", workers]
    result = run(*args, "--format", "json", seconds=SPENT)
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["failed"] == 3
    for name in names:
        assert f"{name}: extraction took more than 1e-06 s" in result.stderr
    assert "Traceback" not in result.output
    result = run(*args, seconds=0)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.json"))) == 3


@pytest.fixture
def db(initialised_db_url: str) -> str:
    return initialised_db_url


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_reports_each_page_over_budget_and_goes_on(db, tmp_path, workers):
    names = pages(tmp_path / "in", 2)
    args = ["ingest", str(tmp_path / "in"), "--db", db, "--workers", workers]
    result = run(*args, "--format", "json", seconds=SPENT)
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (0, 2)
    for name in names:
        assert f"{name}: extraction took more than 1e-06 s" in result.stderr
    result = run(*args, "--format", "json", seconds=0)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 2
