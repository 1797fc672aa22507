"""`scotrack review`: the interactive loop's edits and `review list`'s totals (#14)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim

pytestmark = pytest.mark.issue(14)

SOCHI = (
    "SCO heads of government meet in Sochi\n\nPublished: 2017-12-01\n\n"
    "The 16th meeting of the Council of Heads of Government of the Shanghai "
    "Cooperation Organization opened in Sochi on Thursday, November 30, 2017.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


@pytest.fixture
def db(fresh_db_url: str, tmp_path: Path) -> str:
    ok(run("init", "--db", fresh_db_url))
    page = tmp_path / "sochi.txt"
    page.write_text(SOCHI, encoding="utf-8")
    ok(run("ingest", str(page), "--db", fresh_db_url))
    return fresh_db_url


def meeting_claim(db: str) -> dict[str, Any]:
    """The Sochi meeting claim's fields as accepting would use them."""
    engine = make_engine(db)
    try:
        with session_factory(engine)() as session:
            claim = session.scalars(select(Claim).where(Claim.kind == "meeting")).one()
            payload: dict[str, Any] = json.loads(claim.edited_payload or claim.payload)
            return {"status": claim.status, **payload}
    finally:
        engine.dispose()


def review_meeting(db: str, keys: str) -> str:
    return ok(run("review", "--type", "meeting", "--db", db, input=keys))


def test_interactive_edit_reads_a_typed_date_as_a_date(db):
    assert meeting_claim(db)["date"] == "2017-11-30"
    shown = review_meeting(db, "e\ndate\n2017-12-01\nq\n")
    assert "not done" not in shown
    assert meeting_claim(db)["date"] == "2017-12-01"
    review_meeting(db, "e\ndate\n2017-12\nq\n")
    assert meeting_claim(db)["date"] == "2017-12"


def test_interactive_edit_shows_the_claim_again_to_accept_it(db):
    shown = review_meeting(db, "e\ndate\n2017-11\na\nq\n")
    assert shown.count("meeting claim") == 2
    assert "disagrees" not in shown  # 2017-11 holds the meeting's 2017-11-30
    claim = meeting_claim(db)
    assert (claim["date"], claim["status"]) == ("2017-11", "accepted")


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("e\nnumber\n0\nq\n", "number: 0 is not a positive whole number"),
        ("e\ndate\n2017-13\nq\n", "date: date '2017-13' is impossible"),
        ("e\ndate\n30 November\nq\n", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("e\nnumber\nsixteen\nq\n", "number: 'sixteen' is not a whole number"),
        ("e\nplanet\nMars\nq\n", "no field planet"),
    ],
)
def test_interactive_edit_refuses_a_bad_value_and_keeps_the_field(db, keys, message):
    before = meeting_claim(db)
    shown = review_meeting(db, keys)
    assert "not done" in shown
    assert message in " ".join(shown.split())
    assert meeting_claim(db) == before


@pytest.mark.parametrize("typed", ["", "null", "none"])
def test_interactive_edit_clears_a_field_only_when_asked(db, typed):
    review_meeting(db, f"e\ncity\n{typed}\nq\n")
    assert meeting_claim(db)["city"] is None


def test_interactive_review_ends_at_the_end_of_its_input(db):
    shown = review_meeting(db, "e\ncity\n")
    assert "0 decided" in shown


def test_review_edit_set_reads_values_by_field(db):
    claim_id = meeting_claim_id(db)
    ok(run("review", "edit", claim_id, "--set", "date=2017", "--db", db))
    assert meeting_claim(db)["date"] == "2017"
    ok(run("review", "edit", claim_id, "--set", "number=17", "--db", db))
    assert meeting_claim(db)["number"] == 17
    refused = run("review", "edit", claim_id, "--set", "number=0", "--db", db)
    assert refused.exit_code == 2
    assert "number: 0 is not a positive whole number" in refused.stderr
    assert meeting_claim(db)["number"] == 17


def meeting_claim_id(db: str) -> str:
    listed = json.loads(
        ok(run("review", "list", "--type", "meeting", "--db", db, "-f", "json"))
    )
    return str(listed[0]["id"])


def three_reports(db: str, tmp_path: Path) -> None:
    """Two more reports of the Sochi meeting: three pending meeting claims."""
    for n in (2, 3):
        page = tmp_path / f"sochi-{n}.txt"
        page.write_text(SOCHI.replace("meet in Sochi", f"meet in Sochi ({n})"))
        ok(run("ingest", str(page), "--db", db))


def test_review_list_says_when_it_shows_part_of_the_claims(db, tmp_path):
    three_reports(db, tmp_path)
    listing = ("review", "list", "--type", "meeting", "--db", db)
    whole = ok(run(*listing))
    assert "showing" not in whole
    first = ok(run(*listing, "--limit", "2"))
    assert "showing 1-2 of 3 pending claims; the next 1 with --offset 2" in (
        " ".join(first.split())
    )
    rest = ok(run(*listing, "--limit", "2", "--offset", "2"))
    assert "showing 3-3 of 3 pending claims" in " ".join(rest.split())
    assert "--offset 4" not in rest
    past = ok(run(*listing, "--offset", "5"))
    assert "no pending claims from --offset 5: there are 3" in " ".join(past.split())


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_review_list_keeps_machine_output_a_list_and_notes_on_stderr(db, tmp_path, fmt):
    three_reports(db, tmp_path)
    result = run(
        "review", "list", "--type", "meeting", "--limit", "2", "-f", fmt, "--db", db
    )
    out = ok(result)
    if fmt == "json":
        assert len(json.loads(out)) == 2
    else:
        assert len(out.strip().splitlines()) == 3  # the header and two rows
    assert "showing 1-2 of 3 pending claims" in result.stderr
    everything = run("review", "list", "--type", "meeting", "-f", fmt, "--db", db)
    assert ok(everything)
    assert everything.stderr == ""
