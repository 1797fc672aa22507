"""`scotrack documents` and `scotrack meetings` as tables (#14): --sort by any
column, --facets, --from/--to with partial dates, and the document ids the CLI
prints taken everywhere a document id is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(14)

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "documents"


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def as_json(*args: str) -> Any:
    return json.loads(ok(run(*args, "-f", "json")))


def one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0], result.stderr


@pytest.fixture(scope="module")
def db(databases) -> str:
    url = databases.create("scotrack_cli_tables")
    ok(run("init", "--db", url))
    ok(run("ingest", str(SEEDS), "--db", url))
    return url


def test_documents_print_short_ids_that_work_everywhere(db: str) -> None:
    table = ok(run("documents", "--db", db))
    rows = as_json("documents", "--db", db)
    assert len(rows) == 5
    short = rows[0]["id"][:12]
    assert short in table
    assert rows[0]["id"] not in table  # the table shows 12 characters
    dry = ("review", "accept", "--all", "--dry-run", "--db", db, "--document")
    groups = as_json(*dry, short)
    assert sum(g["claims"] for g in groups) == rows[0]["pending"]
    assert as_json(*dry, rows[0]["id"]) == groups
    one_line_error(run(*dry, "ffffffffffff"), "no such document")
    one_line_error(run(*dry, short[:4]), "6 characters")


def test_documents_latest_published_first_and_any_sort(db: str) -> None:
    rows = as_json("documents", "--db", db)
    dated = [r["published"] for r in rows if r["published"]]
    assert dated == sorted(dated, reverse=True)
    assert [r["published"] for r in rows][len(dated) :] == [None] * (5 - len(dated))
    titles = [r["title"] for r in as_json("documents", "--sort", "title", "--db", db)]
    present = [t for t in titles if t]
    assert present == sorted(present)
    back = as_json("documents", "--sort=-outlet", "--db", db)
    outlets = [r["outlet"] for r in back if r["outlet"]]
    assert outlets == sorted(outlets, reverse=True)
    assert back[-1]["outlet"] is None
    assert len(as_json("documents", "--limit", "2", "--db", db)) == 2
    one_line_error(
        run("documents", "--sort", "size", "--db", db), "sort 'size': choose one of"
    )


def test_documents_facets_and_dates(db: str) -> None:
    found = as_json(
        "documents", "--from", "2017", "--to", "2018-06", "--facets", "--db", db
    )
    published = sorted(r["published"] for r in found["documents"])
    assert published == ["2017-12-02", "2018-06-09"]
    years = {f["value"]: f["count"] for f in found["facets"]["year"]}
    assert years == {"2017": 1, "2018": 1}
    table = " ".join(ok(run("documents", "--facets", "--db", db)).split())
    assert "by outlet" in table
    assert "Xinhua │ 2" in table
    one_line_error(
        run("documents", "--from", "2017-13", "--db", db), "from: date '2017-13'"
    )
    one_line_error(run("documents", "--facets", "-f", "csv", "--db", db), "--facets")


def test_meetings_sort_facets_and_dates(db: str) -> None:
    newest = as_json("meetings", "--sort=-date", "--db", db)
    dates = [str(m["date"]) for m in newest if m["date"]]
    assert dates == sorted(dates, reverse=True)
    by_host = as_json("meetings", "--sort", "host", "--db", db)
    hosts = [m["host"] for m in by_host if m["host"]]
    assert hosts == sorted(hosts)
    found = as_json(
        "meetings", "--from", "2017", "--to", "2017-06", "--facets", "--db", db
    )
    assert found["meetings"]
    assert all(
        "2017-01-01" <= str(m["date"]) <= "2017-06-30" for m in found["meetings"]
    )
    assert set(found["facets"]) == {"body", "host", "year", "format"}
    video = as_json("meetings", "--held", "video", "--db", db)
    assert video
    assert {m["format"] for m in video} == {"video"}
    table = " ".join(ok(run("meetings", "--facets", "--db", db)).split())
    assert "by body" in table
    assert "by format" in table
    one_line_error(run("meetings", "--held", "radio", "--db", db), "--held 'radio'")
    one_line_error(run("meetings", "--sort", "-size", "--db", db), "sort '-size'")


def test_agreements_sort_filter_facets_and_dates(db: str) -> None:
    rows = as_json("agreements", "--db", db)
    assert len(rows) >= 10
    signed = [str(r["signed"]) for r in rows if r["signed"]]
    assert signed == sorted(signed)
    most = as_json("agreements", "--sort=-ratified", "--on", "2020-01-01", "--db", db)
    ratified = [r["ratified"] for r in most]
    assert ratified == sorted(ratified, reverse=True)
    found = as_json(
        "agreements", "--party", "IND", "--from", "2001", "--to", "2009-06",
        "--facets", "--db", db,
    )  # fmt: skip
    assert found["agreements"]
    assert all("2001" <= str(r["signed"]) <= "2009-06-30" for r in found["agreements"])
    assert set(found["facets"]) == {"kind", "in_force", "year", "party"}
    assert {"value": "IND", "count": len(found["agreements"])} in found["facets"][
        "party"
    ]
    yes = as_json("agreements", "--in-force", "yes", "--on", "2013-01-01", "--db", db)
    assert yes
    assert {r["in_force"] for r in yes} == {"yes"}
    table = " ".join(ok(run("agreements", "--facets", "--db", db)).split())
    assert "by party" in table
    one_line_error(run("agreements", "--sort", "size", "--db", db), "sort 'size'")
    one_line_error(
        run("agreements", "--in-force", "maybe", "--db", db), "--in-force 'maybe'"
    )
    one_line_error(run("agreements", "--kind", "pact", "--db", db), "kind 'pact'")
    one_line_error(run("agreements", "--to", "2017-13", "--db", db), "to: date")


def test_commitments_take_table_options_and_refuse_unknown_values(db: str) -> None:
    assert as_json("commitments", "--db", db) == []
    empty = as_json("commitments", "--facets", "--from", "2017", "--db", db)
    assert empty == {
        "commitments": [],
        "facets": {
            name: []
            for name in ("actor", "kind", "area", "year", "meeting", "compliance")
        },
    }
    assert "by compliance" in ok(run("commitments", "--facets", "--db", db))
    one_line_error(
        run("commitments", "--compliance", "kept", "--db", db), "--compliance 'kept'"
    )
    one_line_error(run("commitments", "--sort", "-score", "--db", db), "sort '-score'")
    one_line_error(run("commitments", "--meeting", "hos-1999", "--db", db), "hos-1999")
    one_line_error(run("commitments", "--from", "2017-13", "--db", db), "from: date")


def test_review_list_sorts_filters_counts_and_totals(db: str) -> None:
    listing = ("review", "list", "--db", db)
    rows = as_json(*listing, "--sort=-published", "--limit", "200")
    dates = [r["published"] for r in rows if r["published"]]
    assert dates == sorted(dates, reverse=True)
    first = run(*listing, "--sort=-published", "--limit", "5", "-f", "json")
    assert [r["id"] for r in json.loads(ok(first))] == [r["id"] for r in rows[:5]]
    assert f"showing 1-5 of {len(rows)} groups" in first.stderr
    found = as_json(*listing, "--from", "2017", "--to", "2017", "--facets")
    assert found["claims"]
    assert {r["published"][:4] for r in found["claims"]} == {"2017"}
    assert set(found["facets"]) == {
        "kind", "status", "document", "source", "size", "score"
    }  # fmt: skip
    xinhua = as_json(*listing, "--source", "xinhua", "--limit", "200")
    assert xinhua
    assert {r["source"] for r in xinhua} == {"Xinhua"}
    assert "by source" in ok(run(*listing, "--facets"))
    one_line_error(run(*listing, "--sort", "size"), "sort 'size'")
    one_line_error(run(*listing, "--size", "5"), "size '5'")
    one_line_error(run(*listing, "--score", "high"), "score 'high'")
    one_line_error(run(*listing, "--to", "2017-13"), "to: date")
    one_line_error(run(*listing, "--facets", "-f", "csv"), "--facets")
