"""The `projects` and `initiatives` tables, on SQLite and PostgreSQL (#12)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.domain.dates import PartialDate
from scotrack.domain.projects import Project, StatusChange
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.baseline import load_projects

pytestmark = pytest.mark.issue(12)


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def as_json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_initiatives_list_each_with_its_source(db_url: str):
    rows = as_json("initiatives", "--db", db_url)
    codes = [r["code"] for r in rows]
    assert {"BRI", "GDI", "GSI", "GCI", "GGI"} <= set(codes)
    assert codes[0] == "BRI"  # the earliest proposed
    assert all(r["source"] and r["source_url"] for r in rows)
    gdi = next(r for r in rows if r["code"] == "GDI")
    assert (gdi["proposed_by"], gdi["proposed_on"]) == ("CHN", "2021-09-21")
    table = run("initiatives", "--db", db_url)
    assert table.exit_code == 0, table.output
    assert "Global Security Initiative" in table.stdout
    listed = run("initiatives", "--db", db_url, "--format", "csv")
    read = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert [r["code"] for r in read] == codes


@pytest.fixture
def with_project(initialised_db_url: str) -> str:
    engine = make_engine(initialised_db_url)
    try:
        with session_factory(engine).begin() as session:
            load_projects(
                session,
                (
                    Project(
                        "cku-highway",
                        "China-Kyrgyzstan-Uzbekistan highway",
                        "transport",
                        countries=("CHN", "KGZ", "UZB"),
                        initiative="BRI",
                        history=(
                            StatusChange(PartialDate.parse("2014"), "agreed"),
                            StatusChange(PartialDate.parse("2018-02"), "completed"),
                        ),
                    ),
                ),
            )
    finally:
        engine.dispose()
    return initialised_db_url


def test_projects_with_their_status_on_a_day(with_project: str):
    (row,) = as_json("projects", "--db", with_project, "--on", "2016")
    assert (row["name"], row["status"], row["initiative"]) == (
        "China-Kyrgyzstan-Uzbekistan highway",
        "agreed",
        "BRI",
    )
    assert row["countries"] == ["CHN", "KGZ", "UZB"]
    assert as_json("projects", "--db", with_project)[0]["status"] == "completed"
    assert as_json("projects", "--db", with_project, "--country", "Kyrgyzstan")
    assert as_json("projects", "--db", with_project, "--sector", "energy") == []
    initiatives = as_json("initiatives", "--db", with_project)
    assert next(r for r in initiatives if r["code"] == "BRI")["projects"] == 1
    listed = run("projects", "--db", with_project, "--format", "csv")
    assert listed.stdout.splitlines()[0].startswith("id,name,sector,countries")


def test_projects_refuse_an_unknown_sector_in_one_line(db_url: str):
    result = run("projects", "--db", db_url, "--sector", "castles")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --sector 'castles' is not one of: energy, transport, industry, "
        "agriculture, telecom, finance, social"
    ]
    empty = run("projects", "--db", db_url)
    assert empty.exit_code == 0
    assert "No project matches" in empty.stdout
