"""The matcher (#13): dates, actors and objects decide whether a later statement
reports on an earlier pledge; and its precision and recall on the annotated
pairs of tests/data/assessments, measured by bench/matcher_bench.py, stay above
their floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scotrack.ingest.facts.implementations import content_terms, object_keys
from scotrack.store.write.matching import Target, best_matches, match

pytestmark = pytest.mark.issue(13)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "assessments"
FLOORS = {"precision": 0.85, "recall": 0.7}
"""Measured 0.9 and 0.75 (docs/compliance.md); raise them with the matcher."""

BANK = Target(
    "commitment",
    "c-bank",
    ("SCO",),
    "the member states decided to set up an SCO Development Bank",
    "2025-09-01",
)
RAILWAY = Target(
    "commitment",
    "c-railway",
    ("CHN",),
    "China will help build the China-Kyrgyzstan-Uzbekistan railway",
    "2024-06-09",
)


def statement(text: str, date: str | None, *states: str) -> dict[str, Any]:
    return {
        "progress": "done",
        "text": text,
        "states": list(states),
        "objects": list(object_keys(text)),
        "terms": list(content_terms(text)),
        "date": date,
        "evidence": [[0, len(text)]],
    }


def test_a_report_after_the_pledge_on_its_object_matches() -> None:
    said = statement("The SCO Development Bank was established in Beijing.", "2026")
    found = match(said, BANK)
    assert found is not None
    assert found.reasons[0] == "same object: development-bank"


def test_a_report_dated_before_the_pledge_or_undated_does_not() -> None:
    text = "The SCO Development Bank was established in Beijing."
    assert match(statement(text, "2025-08"), BANK) is None
    assert match(statement(text, "2025-09-01"), BANK) is None
    assert match(statement(text, None), BANK) is None


def test_the_pledges_own_document_is_no_report_of_it() -> None:
    own = Target("commitment", "c", ("SCO",), BANK.text, "2025-09-01", "d1")
    said = statement("The SCO Development Bank was established.", "2026")
    assert match(said, own, document_id="d1") is None
    assert match(said, own, document_id="d2") is not None


def test_another_states_step_counts_only_on_the_same_object() -> None:
    museum = statement("Kazakhstan opened a museum of railway history.", "2025", "KAZ")
    assert match(museum, RAILWAY) is None
    railway = statement(
        "Kyrgyzstan began construction of the China-Kyrgyzstan-Uzbekistan railway.",
        "2025",
        "KGZ",
    )
    found = match(railway, RAILWAY)
    assert found is not None
    assert "names CHN" not in found.reasons


def test_best_matches_rank_and_limit() -> None:
    said = statement(
        "China has fulfilled its pledge: the China-Kyrgyzstan-Uzbekistan railway "
        "was completed.",
        "2030",
        "CHN",
    )
    [found] = best_matches(said, [BANK, RAILWAY])
    assert found.target.id == "c-railway"


def test_the_annotated_pairs_are_real_pages_with_their_addresses() -> None:
    pages = json.loads((DATA / "pages.json").read_text(encoding="utf-8"))
    pairs = json.loads((DATA / "pairs.json").read_text(encoding="utf-8"))
    names = {p["page"] for p in pages}
    assert all(p["url"].startswith("http") and p["outlet"] for p in pages)
    assert {p["page"] for p in pairs} == names
    assert all((DATA / "pages" / f"{name}.txt").is_file() for name in names)
    assert any(not p["reports"] for p in pairs)
    for pair in pairs:  # each pledge as its gold file has it
        source = pair["commitment"]["from"]
        if source.startswith("tests/"):
            gold = json.loads((ROOT / source).read_text(encoding="utf-8"))
            texts = [c["text"] for c in gold["commitments"]]
            assert pair["commitment"]["text"] in texts


@pytest.mark.slow
def test_matcher_precision_and_recall_floors() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "matcher_bench.py"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    scores = json.loads(done.stdout)["scores"]
    assert scores["pairs"] >= 20
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, scores
