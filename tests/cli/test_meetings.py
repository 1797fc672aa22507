"""`scotrack meeting ID`: one meeting with its outcomes, on SQLite and
PostgreSQL (#12). The same answer from the API and the page:
tests/web/test_meeting_outcomes.py."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(12)

FOUNDERS = {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["meeting", *args], env={"COLUMNS": "200"})


def test_json_lists_the_agreements_and_who_took_part(db_url: str):
    result = run("hos-2001", "--db", db_url, "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["meeting"]["id"] == "hos-2001"
    assert body["meeting"]["city"] == "Shanghai"
    assert [a["agreement_id"] for a in body["agreements"]] == [
        "establishment-declaration",
        "shanghai-convention",
    ]
    assert {p["state"] for p in body["participants"]} == FOUNDERS
    china = body["participants"][0]
    assert (china["state"], china["roles"][0]) == ("CHN", "host")
    assert all(b["source"]["url"] for b in china["basis"])


def test_table_cites_each_line(db_url: str):
    result = run("hos-2001", "--db", db_url)
    assert result.exit_code == 0, result.output
    for fragment in (
        "1st Council of Heads of State, Shanghai",
        "Agreements adopted or signed there",
        "Who took part",
        "[1] declaration-2001:",
        "[2] shanghai-convention-text:",
    ):
        assert fragment in result.stdout


def test_csv_holds_one_row_per_participant(db_url: str):
    result = run("hos-2001", "--db", db_url, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["state"] for r in rows} == FOUNDERS
    assert {r["sources"] for r in rows if r["state"] == "KAZ"} == {
        "declaration-2001; shanghai-convention-text"
    }


def test_an_unknown_meeting_is_one_line(db_url: str):
    result = run("hos-1066", "--db", db_url)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "hos-1066" in lines[0]
    assert "Traceback" not in result.output


def test_a_shanghai_five_summit_shows_its_members_and_its_guest(db_url: str):
    """The SCO's predecessor's summits are shown on request; at Dushanbe in 2000
    Uzbekistan, no member of the Shanghai Five, was a guest."""
    result = run("sf-2000", "--db", db_url, "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["meeting"]["body"] == "shanghai-five"
    guests = {p["state"]: p["guest"] for p in body["participants"]}
    assert guests == dict.fromkeys(FOUNDERS - {"UZB"}, False) | {"UZB": True}
    listed = CliRunner().invoke(
        app,
        ["meetings", "--body", "shanghai-five", "--db", db_url, "--format", "json"],
    )
    assert listed.exit_code == 0, listed.output
    assert [m["id"] for m in json.loads(listed.stdout)] == [
        "sf-1996",
        "sf-1997",
        "sf-1998",
        "sf-1999",
        "sf-2000",
    ]
    sco = CliRunner().invoke(app, ["meetings", "--db", db_url, "--format", "json"])
    assert not [m for m in json.loads(sco.stdout) if m["id"].startswith("sf-")]


@pytest.mark.issue(12)
def test_the_meetings_table_is_titled_by_the_body_asked_for(db_url: str):
    """The Shanghai Five's summits are not "SCO meetings": the title says whose."""

    def title(*args: str) -> str:
        result = CliRunner().invoke(app, ["meetings", *args, "--db", db_url])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()[0].strip()

    assert title() == "SCO meetings"
    assert title("--body", "shanghai-five") == (
        "Meetings of the Shanghai Five (the SCO's predecessor)"
    )
    assert title("--body", "foreign-ministers") == (
        "SCO meetings: Council of Foreign Ministers"
    )
