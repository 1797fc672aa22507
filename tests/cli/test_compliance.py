"""`scotrack assess` and `scotrack compliance` (#13), on both databases: a
commitment extracted from the Qingdao summit, assessed with a span of a later
document, reported, replayed with --known-on and undone."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(13)

SUMMIT = (
    "QINGDAO, June 10, 2018. At the SCO summit in Qingdao, Chinese President Xi "
    "Jinping announced that China will provide 3,000 training opportunities for SCO "
    "member states over the next three years.\n"
)
LATER = (
    "BEIJING, May 5, 2021. China has trained 3,000 officials and specialists from "
    "SCO member states since 2018, the foreign ministry said.\n"
)


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def json_of(*args: str) -> Any:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def kb(initialised_db_url: str, tmp_path: Path) -> tuple[str, str, str]:
    """A knowledge base with the Qingdao pledge accepted and a later document
    stored: (database, commitment id, later document id)."""
    db = initialised_db_url
    (tmp_path / "qingdao.txt").write_text(SUMMIT, encoding="utf-8")
    json_of("ingest", str(tmp_path / "qingdao.txt"), "--db", db)
    claims = json_of("review", "list", "--db", db)
    for kind in ("meeting", "commitment"):
        [claim] = [c["id"] for c in claims if c["kind"] == kind]
        json_of("review", "accept", claim, "--db", db)
    [commitment] = json_of("commitments", "--db", db)
    # accepting it linked it to the summit its document is about (#13)
    report = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    assert [c["commitment"] for c in report["commitments"]] == [commitment["id"]]
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    json_of("ingest", str(tmp_path / "later.txt"), "--db", db)
    return db, commitment["id"], _document_id(db)


def _document_id(db: str) -> str:
    from sqlalchemy import select

    from scotrack.store import make_engine
    from scotrack.store.provenance import Document

    engine = make_engine(db)
    try:
        with engine.connect() as connection:
            found = connection.scalars(
                select(Document.id).where(Document.clean_text.contains("trained"))
            )
            return str(found.one())
    finally:
        engine.dispose()


def test_assess_report_known_on_and_undo(kb: tuple[str, str, str]) -> None:
    db, commitment, document = kb
    start = LATER.index("China has trained")
    end = LATER.index(" since 2018")
    done = json_of(
        "assess",
        commitment,
        "--score",
        "1",
        "--on",
        "2021-05",
        "--evidence",
        f"{document[:8]}:{start}-{end}",
        "--note",
        "the pledge is met",
        "--by",
        "ana",
        "--db",
        db,
    )
    [row] = done
    assert (row["commitment"], row["score"], row["by"]) == (commitment, 1, "ana")
    report = json_of("compliance", "--meeting", "hos-2018", "--db", db)
    [line] = report["commitments"]
    assert line["compliance"] == "complied"
    assert (line["document"], line["start"], line["end"]) == (document, start, end)
    assert (
        line["evidence"]
        == "China has trained 3,000 officials and specialists from SCO member states"
    )
    assert report["by_state"] == [
        {
            "row": "state",
            "key": "CHN",
            "commitments": 1,
            "assessed": 1,
            "inconclusive": 0,
            "mean_score": 1.0,
        }
    ]
    assert "G7/G20" in report["method"]
    # on a day before the date it refers to, the pledge was not yet assessed
    early = json_of("compliance", "--meeting", "hos-2018", "--on", "2020", "--db", db)
    assert early["commitments"][0]["compliance"] == "unassessed"
    assert early["overall"]["mean_score"] is None
    # as known today (the log has the assessment)
    today = datetime.now(UTC).date()
    known = json_of("compliance", "--known-on", str(today), "--db", db)
    assert known["commitments"][0]["compliance"] == "complied"
    csv_text = run("compliance", "--db", db, "-f", "csv").stdout
    assert csv_text.splitlines()[1].startswith(f"commitment,{commitment},")
    table = run("compliance", "--meeting", "hos-2018", "--db", db)
    assert table.exit_code == 0
    assert "complied" in table.stdout
    assert "Mean score by state" in table.stdout
    # undo reverts it
    json_of("undo", str(row["change"]), "--db", db)
    assert json_of("compliance", "--db", db)["commitments"][0]["score"] is None


def test_later_assessment_reverses_and_undo_restores(kb: tuple[str, str, str]) -> None:
    db, commitment, _document = kb
    first = ("--score", "1", "--on", "2021-05", "--citation", "Xinhua, 2021")
    json_of("assess", commitment, *first, "--db", db)
    second = ("--score", "-1", "--on", "2021-05", "--citation", "MFA, 2021")
    [reverse] = json_of("assess", commitment, *second, "--db", db)
    found = json_of("compliance", "--db", db)["commitments"][0]
    assert (found["compliance"], found["evidence"]) == ("not complied", "MFA, 2021")
    json_of("undo", str(reverse["change"]), "--db", db)
    found = json_of("compliance", "--db", db)["commitments"][0]
    assert (found["score"], found["evidence"]) == (1, "Xinhua, 2021")
    history = json_of("history", f"commitment:{commitment}", "--db", db)
    assert [h["action"] for h in history][-3:] == ["assess", "assess", "undo"]


REFUSED = (
    (["c-nope", "--score", "1", "--citation", "x"], "commitment 'c-nope'"),
    (["{c}", "--score", "2", "--citation", "x"], "score: '2' is not a score"),
    (["{c}", "--score", "1", "--evidence", "{d}:0-9999"], "ends after"),
    (["{c}", "--score", "1", "--evidence", "abc:0-5"], "at least 6"),
    (["{c}", "--score", "1"], "evidence: give a document span"),
)


def test_assess_refusals(kb: tuple[str, str, str]) -> None:
    db, commitment, document = kb
    for args, message in REFUSED:
        filled = [a.format(c=commitment, d=document[:10]) for a in args]
        result = run("assess", *filled, "--on", "2021", "--db", db)
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_compliance_refusals(kb: tuple[str, str, str]) -> None:
    db = kb[0]
    for args, message in (
        (["--meeting", "hos-1900"], "meeting 'hos-1900'"),
        (["--on", "someday"], "--on:"),
        (["--known-on", "someday"], "--known-on:"),
    ):
        result = run("compliance", *args, "--db", db)
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
