"""From a folder of documents to reviewed facts, through the real CLI, on both
back ends: ingest the seeds, review the 2017 Sochi meeting, see it, undo it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "documents"
SOCHI = "meeting:hog-2017"


@pytest.fixture
def db(initialised_db_url: str) -> str:
    return initialised_db_url


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(result):
    return json.loads(ok(result))


def one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0], result.stderr
    assert "Traceback" not in result.output


def sochi_claims(db: str) -> list[dict]:
    listed = as_json(
        run("review", "list", "--type", "meeting", "--db", db, "-f", "json")
    )
    return [c for c in listed if c["link"] == SOCHI]


@pytest.mark.slow
def test_ingest_review_history_undo(db):
    summary = as_json(run("ingest", str(SEEDS), "--db", db, "--format", "json"))
    assert summary["new"] == 5
    assert summary["failed"] == 0
    assert summary["claims"] > 20
    again = as_json(run("ingest", str(SEEDS), "--db", db, "--format", "json"))
    assert (again["new"], again["unchanged"], again["claims"]) == (0, 5, 0)

    claims = sochi_claims(db)
    assert claims, "the Sochi seed's meeting claim links to the 2017 meeting"
    ids = [c["id"] for c in claims]
    changes = as_json(
        run("review", "accept", *ids, "--by", "alice", "--db", db, "-f", "json")
    )
    assert {c["entity"] for c in changes} >= {SOCHI}

    meetings = as_json(run("meetings", "--year", "2017", "--db", db, "-f", "json"))
    sochi = next(m for m in meetings if m["id"] == "hog-2017")
    assert any("Li Keqiang" in t or "SCO" in t for t in sochi["documents"])
    assert ok(run("meetings", "--year", "2017", "--db", db)).count("Sochi") == 1

    log = as_json(run("history", SOCHI, "--db", db, "-f", "json"))
    assert [c["action"] for c in log] == ["baseline", "accept"]
    assert log[1]["by"] == "alice"
    assert log[1]["source"].startswith("doc:")

    first = next(c["change"] for c in changes if c["entity"] == SOCHI)
    ok(run("undo", str(first), "--by", "bob", "--db", db))
    meetings = as_json(run("meetings", "--year", "2017", "--db", db, "-f", "json"))
    assert next(m for m in meetings if m["id"] == "hog-2017")["documents"] == []
    log = as_json(run("history", SOCHI, "--db", db, "-f", "json"))
    assert [c["action"] for c in log] == ["baseline", "accept", "undo"]
    one_line_error(run("undo", str(first), "--db", db), "undo change")

    since = as_json(run("changes", "--since", "2000-01-01", "--db", db, "-f", "json"))
    assert {c["action"] for c in since} == {"baseline", "accept", "undo"}
    before_log = run(
        "meetings", "--year", "2017", "--known-on", "1999", "--db", db, "-f", "json"
    )
    assert as_json(before_log) == []
    # an empty answer says why: the day is before the log's first change
    assert "--known-on 1999-12-31: the change log starts on" in before_log.stderr
    today = run("meetings", "--year", "2017", "--known-on", "2100", "--db", db)
    assert "note:" not in today.stderr

    found = as_json(run("search", "Sochi", "--db", db, "-f", "json"))
    assert found
    assert any(hit["kind"] == "meeting" for hit in found)


def test_interactive_review_accepts_rejects_and_quits(db, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "SCO heads of government meet in Sochi\n\nPublished: 2017-12-01\n\n"
        "The 16th meeting of the Council of Heads of Government of the Shanghai "
        "Cooperation Organization was held in Sochi on Friday, December 1, 2017.\n",
        encoding="utf-8",
    )
    ok(run("ingest", str(page), "--db", db))
    pending = as_json(run("review", "list", "--db", db, "-f", "json"))
    assert pending
    shown = ok(run("review", "--db", db, "--by", "carol", input="a\nq\n"))
    assert "Sochi" in shown
    assert "candidates" in shown
    assert "a accept" in shown
    decided = as_json(
        run("review", "list", "--status", "accepted", "--db", db, "-f", "json")
    )
    assert [c["id"] for c in decided] == [pending[0]["id"]]
    if len(pending) > 1:
        ok(run("review", "--db", db, input="r\nnot SCO\nq\n"))
        rejected = run(
            "review", "list", "--status", "rejected", "--db", db, "-f", "json"
        )
        assert len(as_json(rejected)) == 1


def test_review_errors_are_one_line(db):
    one_line_error(run("review", "accept", "ab", "--db", db), "6 characters")
    one_line_error(run("review", "reject", "abcdef12", "--db", db), "no such claim")
    one_line_error(run("review", "list", "--type", "planet", "--db", db), "--type")
    one_line_error(run("review", "list", "--status", "maybe", "--db", db), "--status")
    one_line_error(run("history", "meeting:nope", "--db", db), "no recorded changes")
    one_line_error(run("undo", "999999", "--db", db), "no such change")
    one_line_error(run("changes", "--since", "2017-13", "--db", db), "--since")
    one_line_error(run("members", "--known-on", "yesterday", "--db", db), "--known-on")
    one_line_error(
        run("edit", "meeting:hos-2017", "--set", "number", "--reason", "x", "--db", db),
        "FIELD=VALUE",
    )


def test_edit_then_history_and_known_on(db):
    ok(
        run(
            "edit", "meeting:hos-2017", "--set", "format=hybrid",
            "--reason", "ministry page", "--by", "ed", "--db", db,
        )
    )  # fmt: skip
    log = as_json(run("history", "meeting:hos-2017", "--db", db, "-f", "json"))
    assert log[-1]["action"] == "edit"
    assert log[-1]["reason"] == "ministry page"
    assert log[-1]["after"]["format"] == "hybrid"
    now = as_json(run("meetings", "--year", "2017", "--db", db, "-f", "json"))
    assert now[0]["format"] == "hybrid"
    then = as_json(
        run(
            "meetings", "--year", "2017", "--known-on", "2020", "--db", db, "-f", "json"
        )
    )
    assert then == []


def test_ingest_reports_bad_files_and_goes_on(db, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "good.txt").write_text(
        "SCO foreign ministers meet\n\n2024-05-21\n\nThe Council of Foreign Ministers "
        "of the SCO met in Astana on May 21, 2024.\n",
        encoding="utf-8",
    )
    result = run("ingest", str(tmp_path), "--db", db, "--format", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (1, 2)
    assert "empty.txt" in result.stderr
    assert "binary.txt" in result.stderr
    assert "Traceback" not in result.output
    missing = run("ingest", str(tmp_path / "missing"), "--db", db)
    assert missing.exit_code == 1
    assert "missing: no such file" in missing.stderr
