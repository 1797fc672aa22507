"""The `search` command on a fresh Typer app, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
import typer
from typer.testing import CliRunner, Result

from scotrack.cli.search import bold_matches, search_cli
from scotrack.store import make_engine, session_factory
from scotrack.store.provenance import Claim, Document
from scotrack.store.read.search_query import HIGHLIGHT
from scotrack.store.write.search_index import index_document

OPEN, CLOSE = HIGHLIGHT
TEXT = (
    "The SCO heads of state met in Tashkent. They signed an agreement on energy "
    "cooperation."
)

Run = Callable[..., Result]


def _store(url: str) -> None:
    engine = make_engine(url)
    try:
        with session_factory(engine).begin() as session:
            document = Document(
                id="d1",
                url="https://news.example/d1",
                version=1,
                title="Tashkent [bold red]summit[/]",
                published_date="2022-09-16",
                raw_text=TEXT,
                clean_text=TEXT,
                tags="{}",
                ingested_at="2026-11-23T10:00:00.000000+00:00",
            )
            start = TEXT.index("met in Tashkent")
            claim = Claim(
                id="c1",
                document_id="d1",
                kind="meeting",
                payload="{}",
                evidence=json.dumps([[start, start + 15]]),
                summary="Heads of state meeting, Tashkent",
                proposal="new",
                group_key="meeting:c1",
                block="meeting",
                status="pending",
            )
            session.add(document)
            session.flush()
            session.add(claim)
            session.flush()
            index_document(session, document, [claim])
    finally:
        engine.dispose()


@pytest.fixture
def search_db(initialised_db_url: str) -> str:
    _store(initialised_db_url)
    return initialised_db_url


@pytest.fixture
def run() -> Run:
    app = typer.Typer()
    app.command("search")(search_cli)
    # a second command, so that Typer keeps "search" as a subcommand name
    app.command("other")(lambda: None)
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, ["search", *args], env={"COLUMNS": "200"})

    return invoke


def test_json_output(run: Run, search_db: str) -> None:
    result = run("tashkent", "--db", search_db, "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    records = [hit for hit in hits if hit["record"]]
    texts = [hit for hit in hits if not hit["record"]]
    assert hits == records + texts  # the curated record first (#12)
    assert {hit["ref"] for hit in texts} == {"d1", "c1"}
    assert [hit["rank"] for hit in hits] == list(range(1, len(hits) + 1))
    by_ref = {hit["ref"]: hit for hit in hits}
    assert by_ref["c1"]["kind"] == "meeting"
    assert by_ref["c1"]["status"] == "pending"
    assert by_ref["c1"]["document_id"] == "d1"
    assert by_ref["c1"]["page"] == "/documents/d1#claim-c1"
    assert by_ref["d1"]["published_date"] == "2022-09-16"
    assert f"{OPEN}Tashkent{CLOSE}" in by_ref["d1"]["snippet"]


@pytest.mark.issue(12)
def test_the_curated_record_is_found_with_kind_and_page(
    run: Run, search_db: str
) -> None:
    args = ("--db", search_db, "--format", "json")
    hits = json.loads(run("tashkent", *args).stdout)
    records = {(h["kind"], h["ref"]): h for h in hits if h["record"]}
    assert ("meeting", "hos-2016") in records  # held in Tashkent
    assert ("agreement", "drugs-agreement") in records  # signed there
    assert records[("meeting", "hos-2016")]["page"] == "/meetings/hos-2016"
    (charter, *rest) = json.loads(run("Charter", *args).stdout)
    assert (charter["kind"], charter["ref"], charter["record"]) == (
        "agreement",
        "charter",
        True,
    )
    assert charter["page"] == "/agreements/charter"
    assert {h["ref"] for h in rest if h["record"]} >= {"charter-protocol-2003"}
    (gsi,) = json.loads(run("GSI", *args, "--type", "initiative").stdout)
    assert (gsi["kind"], gsi["page"]) == ("initiative", "/initiatives#initiative-GSI")
    bodies = json.loads(run('"foreign ministers"', *args, "--type", "body").stdout)
    assert [h["ref"] for h in bodies] == ["foreign-ministers"]
    table = run("Charter", "--db", search_db)
    assert "agreement (record)" in table.stdout


def test_type_filter_repeatable(run: Run, search_db: str) -> None:
    args = ("tashkent", "--db", search_db, "--format", "json")
    hits = json.loads(run(*args, "--type", "meeting").stdout)
    assert [hit["ref"] for hit in hits if not hit["record"]] == ["c1"]
    assert {hit["kind"] for hit in hits} == {"meeting"}
    both = json.loads(run(*args, "--type", "meeting", "--type", "document").stdout)
    assert {hit["ref"] for hit in both if not hit["record"]} == {"d1", "c1"}


def test_csv_output(run: Run, search_db: str) -> None:
    result = run("energy", "--db", search_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["ref"] for row in rows] == ["d1"]
    assert rows[0]["kind"] == "document"


def test_table_output(run: Run, search_db: str) -> None:
    result = run("tashkent", "--db", search_db, "--limit", "20")
    assert result.exit_code == 0, result.output
    for fragment in ("rank", "snippet", "Tashkent", "d1", "c1", "meeting (pending)"):
        assert fragment in result.stdout
    # the title's markup is text, shown as written
    assert "[bold red]summit[/]" in result.stdout
    assert OPEN not in result.stdout


def test_table_without_matches(run: Run, search_db: str) -> None:
    result = run("nothing-like-this", "--db", search_db)
    assert result.exit_code == 0, result.output
    assert "no matches" in result.stdout


def one_line_error(result: Result, *fragments: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def test_bad_type(run: Run, search_db: str) -> None:
    result = run("tashkent", "--db", search_db, "--type", "meetings")
    one_line_error(result, "unknown kind 'meetings'", "document, meeting, agreement")


def test_empty_query(run: Run, search_db: str) -> None:
    one_line_error(run("  ", "--db", search_db), "search: empty query")


def test_bad_limit(run: Run, search_db: str) -> None:
    one_line_error(run("tashkent", "--db", search_db, "--limit", "0"), "limit")


@pytest.mark.parametrize("query", ['"', "NEAR(", "AND OR NOT", "*", "col:"])
def test_hostile_query(run: Run, search_db: str, query: str) -> None:
    result = run(query, "--db", search_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_uninitialised_database(run: Run, fresh_db_url: str) -> None:
    result = run("tashkent", "--db", fresh_db_url)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bold_matches_escapes_markup() -> None:
    assert bold_matches(f"[red]x {OPEN}b{CLOSE}") == "\\[red]x [bold]b[/bold]"
