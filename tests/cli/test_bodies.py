"""`scotrack bodies` and `scotrack body`: founding dates as precise as recorded,
unknown ones said so, and every source cited (#12)."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(12)


def run(db_url: str, *args: str):
    return CliRunner().invoke(app, [*args, "--db", db_url])


def test_bodies_csv_says_unknown_and_lists_the_sources(db_url):
    result = run(db_url, "bodies", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert list(next(iter(rows.values()))) == [
        "id", "name", "kind", "founded", "seat", "predecessor_of", "sources",
    ]  # fmt: skip
    assert (rows["rats"]["founded"], rows["rats"]["seat"]) == ("2004-06", "Tashkent")
    crime = rows["transnational-crime-centre"]
    assert (crime["founded"], crime["seat"]) == ("unknown", "Bishkek")
    assert rows["shanghai-five"]["predecessor_of"] == "SCO"
    # the note's sources too, after the record's and the founding date's
    assert rows["rats"]["sources"].split("; ")[:3] == [
        "rats-agreement-text",
        "xinhua-hog-2005",
        "hog-communique-2004",
    ]


def test_body_table_shows_one_body_with_its_sources(db_url):
    result = run(db_url, "body", "Anti-Drug Centre of the SCO")
    assert result.exit_code == 0, result.output
    assert "founded: 2025-09-01" in result.stdout
    assert "seat: Dushanbe" in result.stdout
    assert "tass-tianjin" in result.stdout  # the id, cut to the terminal's width
    one = json.loads(run(db_url, "body", "anti-drug-centre", "-f", "json").stdout)
    assert one["id"] == "anti-drug-centre"
    assert [s["id"] for s in one["sources"]] == [
        "newsby-tianjin-centres-2025",
        "tass-tianjin-centres-2025",
    ]


def test_body_unknown_is_one_line_naming_it(db_url):
    result = run(db_url, "body", "no-such-council")
    assert result.exit_code == 2
    assert "no-such-council" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
