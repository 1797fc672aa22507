"""`scotrack review`: the interactive loop's edits and `review list`'s totals (#14)."""

from __future__ import annotations

import json
import re
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
    "Cooperation Organization was held in Sochi on Friday, December 1, 2017.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


@pytest.fixture
def db(initialised_db_url: str, tmp_path: Path) -> str:
    page = tmp_path / "sochi.txt"
    page.write_text(SOCHI, encoding="utf-8")
    ok(run("ingest", str(page), "--db", initialised_db_url))
    return initialised_db_url


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
    assert meeting_claim(db)["date"] == "2017-12-01"
    shown = review_meeting(db, "e\ndate\n2017-11-30\nq\n")
    assert "not done" not in shown
    assert meeting_claim(db)["date"] == "2017-11-30"
    review_meeting(db, "e\ndate\n2017-12\nq\n")
    assert meeting_claim(db)["date"] == "2017-12"


def test_interactive_edit_shows_the_claim_again_to_accept_it(db):
    shown = review_meeting(db, "e\ndate\n2017-12\na\nq\n")
    assert shown.count("meeting claim") == 2
    assert "hog-2017" in shown  # the claim links to the Sochi meeting
    assert "disagrees" not in shown  # 2017-12 holds the meeting's 2017-12-01
    claim = meeting_claim(db)
    assert (claim["date"], claim["status"]) == ("2017-12", "accepted")


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


ASTANA = (
    "SCO leaders meet in Astana\n\n"
    "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation Organization met "
    "in Astana on Friday for the 17th summit of the Council of Heads of State.\n"
)


def two_groups(db: str, tmp_path: Path) -> None:
    """The Sochi meeting reported three times, the Astana summit once."""
    three_reports(db, tmp_path)
    page = tmp_path / "astana.txt"
    page.write_text(ASTANA, encoding="utf-8")
    ok(run("ingest", str(page), "--db", db))


def test_review_list_shows_one_row_per_group_with_totals(db, tmp_path):
    two_groups(db, tmp_path)
    listing = ("review", "list", "--type", "meeting", "--db", db)
    whole = " ".join(ok(run(*listing)).split())
    assert "showing 1-2 of 2 groups (4 claims)" in whole
    rows = json.loads(ok(run(*listing, "-f", "json")))
    assert [(r["claims"], r["documents"]) for r in rows] == [(3, 3), (1, 1)]
    first = " ".join(ok(run(*listing, "--limit", "1")).split())
    assert "showing 1-1 of 2 groups (4 claims); the next 1 with --offset 1" in first
    rest = " ".join(ok(run(*listing, "--limit", "1", "--offset", "1")).split())
    assert "showing 2-2 of 2 groups (4 claims)" in rest
    assert "--offset 2" not in rest
    past = " ".join(ok(run(*listing, "--offset", "5")).split())
    assert "no groups from offset 5: there are 2" in past


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_review_list_keeps_machine_output_a_list_and_notes_on_stderr(db, tmp_path, fmt):
    two_groups(db, tmp_path)
    result = run(
        "review", "list", "--type", "meeting", "--limit", "1", "-f", fmt, "--db", db
    )
    out = ok(result)
    if fmt == "json":
        assert len(json.loads(out)) == 1
    else:
        assert len(out.strip().splitlines()) == 2  # the header and one row
    assert "showing 1-1 of 2 groups (4 claims)" in result.stderr
    everything = run("review", "list", "--type", "meeting", "-f", fmt, "--db", db)
    assert ok(everything)
    assert everything.stderr == ""


def statuses(db: str) -> list[str]:
    engine = make_engine(db)
    try:
        with session_factory(engine)() as session:
            return sorted(session.scalars(select(Claim.status)))
    finally:
        engine.dispose()


def test_accept_group_decides_every_report_and_one_undo_reverts_it(db, tmp_path):
    three_reports(db, tmp_path)
    accept = ("review", "accept", meeting_claim_id(db), "--group", "--db", db)
    done = " ".join(ok(run(*accept)).split())
    assert statuses(db) == ["accepted"] * 3
    change = re.search(r"accepted 3 claims in one batch \(scotrack undo (\d+)", done)
    assert change is not None, done
    ok(run("undo", change.group(1), "--db", db))
    assert statuses(db) == ["pending"] * 3
    ok(run("review", "reject", meeting_claim_id(db), "--group", "--db", db))
    assert statuses(db) == ["rejected"] * 3


def test_accept_all_by_filter_with_a_dry_run(db, tmp_path):
    two_groups(db, tmp_path)
    bulk = ("review", "accept", "--all", "--kind", "meeting", "--db", db)
    dry = " ".join(ok(run(*bulk, "--dry-run")).split())
    assert "4 pending claims matched; would accept 4 in 2 groups" in dry
    assert "(dry run: nothing changed)" in dry
    assert statuses(db) == ["pending"] * 4
    done = " ".join(ok(run(*bulk, "--min-score", "100", "--dry-run")).split())
    assert "would accept" in done
    assert "Input should be" in run(*bulk, "--min-score", "101").output
    done = " ".join(ok(run(*bulk, "--source", "nobody")).split())
    assert "0 pending claims matched" in done
    done = " ".join(ok(run(*bulk)).split())
    assert "accepted 4 in 2 groups (one batch: scotrack undo" in done
    assert statuses(db) == ["accepted"] * 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--all", "abcdef"], "give claim ids or --all with filters, not both"),
        (["--kind", "meeting"], "--kind, --document, --source, --min-score and"),
        ([], "give claim ids (6+ characters each), or --all"),
        (["--all", "--take"], "--all accepts each group as proposed"),
        (["--all", "--kind", "nonsense"], "--kind 'nonsense': choose one of"),
        (["--all", "--document", "ab"], "give at least 6 characters"),
    ],
)
def test_accept_all_refuses_mixed_options(db, args, message):
    result = run("review", "accept", *args, "--db", db)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.issue(18)
def test_interactive_decision_after_another_writer_committed(db, monkeypatch):
    """Another writer commits while the reviewer looks at a claim: the decision
    still goes through (no read transaction is kept open across the prompt, which
    on SQLite could not be upgraded to a write any more)."""
    from rich.prompt import Prompt

    from scotrack.store.write.tokens import Role, create_token

    answers = iter(["a", "q"])

    def ask(*_args: Any, **_kwargs: Any) -> str:
        key = next(answers)
        if key == "a":  # meanwhile, someone else writes
            engine = make_engine(db)
            try:
                with session_factory(engine, write=True).begin() as other:
                    create_token(other, name="x", role=Role.reviewer, created_by="t")
            finally:
                engine.dispose()
        return key

    monkeypatch.setattr(Prompt, "ask", ask)
    shown = review_meeting(db, "")
    assert "1 decided" in shown
    assert meeting_claim(db)["status"] == "accepted"
