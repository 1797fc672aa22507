"""The issue's scenario (#13), on both databases: in a fresh knowledge base, the
Qingdao 2018 example document (a China Daily op-ed of the summit's eve) and a
commitment of it accepted; a later real page (tests/data/assessments) reporting
the Belt and Road in operation is ingested; the suggested assessment is in review
with both sentences; accepting it makes the compliance report of hos-2018 show
the commitment complied, with the evidence; undo reverts it; rejecting instead
leaves the knowledge base as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(13)

ROOT = Path(__file__).resolve().parents[2]
QINGDAO = ROOT / "examples" / "documents" / "004_f7eee19c65a560be.txt"
PAGES = ROOT / "tests" / "data" / "assessments"
LATER = "prnewswire_bri_2024"
PLEDGE = "Xi proposed the Silk Road Economic Belt"
REPORT = "the opening and operation of the China-EU Railway Express"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def json_of(*args: str) -> Any:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def kb(fresh_db_url: str, tmp_path: Path) -> tuple[str, str, str]:
    """(database, commitment id, suggestion claim id)."""
    db = fresh_db_url
    assert run("init", "--db", db).exit_code == 0
    json_of("ingest", str(QINGDAO), "--db", db)
    claims = json_of("review", "list", "--db", db)
    [meeting] = [c["id"] for c in claims if c["kind"] == "meeting"]
    assert [c["link"] for c in claims if c["id"] == meeting] == ["meeting:hos-2018"]
    [pledge] = [c["id"] for c in claims if PLEDGE in c["summary"]]
    json_of("review", "accept", pledge, "--db", db)  # the meeting stays pending
    [commitment] = json_of("commitments", "--db", db)
    assert json_of("review", "list", "--type", "assessment", "--db", db) == []
    page = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    [meta] = [p for p in page if p["page"] == LATER]
    text = (PAGES / "pages" / f"{LATER}.txt").read_text(encoding="utf-8")
    record = {"text": text, "url": meta["url"], "source": meta["outlet"]}
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(record) + "\n", encoding="utf-8")
    json_of("ingest", str(later), "--db", db)
    [suggestion] = json_of("review", "list", "--type", "assessment", "--db", db)
    assert suggestion["link"] == f"commitment:{commitment['id']}"
    return db, commitment["id"], suggestion["id"]


def test_suggestion_shows_both_sentences_accept_report_undo(
    kb: tuple[str, str, str],
) -> None:
    db, commitment, claim = kb
    shown = run("review", "show", claim, "--db", db)
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.stdout.replace("│", " ").split())
    assert REPORT in flat  # the new document's sentence
    assert "It was during his visits to four Central Asian countries" in flat
    before = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    assert before["commitments"][0]["compliance"] == "unassessed"
    changes = json_of("review", "accept", claim, "--by", "ana", "--db", db)
    entities = sorted(c["entity"] for c in changes)
    assert entities[0].startswith(f"claim:{claim}")
    assert entities[1:] == [f"commitment:{commitment}"]
    assert len({c["change"] for c in changes}) == 2
    report = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    [line] = report["commitments"]
    assert (line["commitment"], line["compliance"], line["score"]) == (
        commitment,
        "complied",
        1,
    )
    assert line["assessed_on"] == "2024-08-27"
    assert line["by"] == "ana"
    assert line["evidence"].startswith("As a matter of fact, " + REPORT)
    json_of("undo", str(changes[0]["change"]), "--db", db)
    after = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    assert after["commitments"][0]["compliance"] == "unassessed"
    [pending] = json_of("review", "list", "--type", "assessment", "--db", db)
    assert pending["id"] == claim


def test_rejecting_a_suggestion_leaves_nothing(kb: tuple[str, str, str]) -> None:
    db, commitment, claim = kb
    history = json_of("history", f"commitment:{commitment}", "--db", db)
    json_of("review", "reject", claim, "--db", db)
    report = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    assert report["commitments"][0]["compliance"] == "unassessed"
    assert json_of("history", f"commitment:{commitment}", "--db", db) == history
