"""The knowledge-base commands, through the real Typer app, on SQLite and PostgreSQL."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.errors import Ambiguous

FOUNDERS = {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def one_line_error(result, *fragments: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def test_init_creates_and_is_idempotent(run, fresh_db_url):
    first = as_json(run("init", "--db", fresh_db_url, "--format", "json"))
    inserted = {t["table"]: t["inserted"] for t in first["tables"]}
    assert inserted["state"] > 190
    assert inserted["meeting"] >= 25
    second = as_json(run("init", "--db", fresh_db_url, "--format", "json"))
    assert all(
        t["inserted"] == t["updated"] == t["deleted"] == 0 for t in second["tables"]
    )
    assert second["revision"] == first["revision"]


def test_init_table_output(run, fresh_db_url):
    result = run("init", "--db", fresh_db_url)
    assert result.exit_code == 0
    assert "Baseline loaded" in result.stdout
    assert "status_interval" in result.stdout


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2017-06-08", FOUNDERS),
        ("2017-06-10", FOUNDERS | {"IND", "PAK"}),
        ("2023-07-05", FOUNDERS | {"IND", "PAK", "IRN"}),
        ("2024-07-05", FOUNDERS | {"IND", "PAK", "IRN", "BLR"}),
    ],
)
def test_members_on_a_date(run, db_url, day, expected):
    rows = as_json(run("members", "--db", db_url, "--on", day, "--format", "json"))
    assert {row["state"] for row in rows} == expected
    assert all(row["status"] == "member" for row in rows)


def test_members_with_another_status(run, db_url):
    rows = as_json(
        run(
            "members",
            "--db",
            db_url,
            "--on",
            "2016-01-01",
            "--status",
            "observer",
            "--format",
            "json",
        )
    )
    # India and Pakistan were applicants from Ufa 2015 (#12)
    assert {"IRN", "MNG", "AFG", "BLR"} <= {row["state"] for row in rows}
    assert {"IND", "PAK"}.isdisjoint(row["state"] for row in rows)
    everything = as_json(
        run(
            "members",
            "--db",
            db_url,
            "--on",
            "2016-01-01",
            "--status",
            "all",
            "--format",
            "json",
        )
    )
    assert len(everything) > len(rows)
    statuses = {row["state"]: row["status"] for row in everything}
    assert (statuses["IND"], statuses["PAK"]) == ("applicant", "applicant")


def test_members_as_csv(run, db_url):
    result = run("members", "--db", db_url, "--on", "2017-06-10", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 8
    assert rows[0].keys() >= {"state", "name", "status", "since"}


def test_members_table(run, db_url):
    result = run("members", "--db", db_url, "--on", "2017-06-10")
    assert result.exit_code == 0
    assert "Pakistan" in result.stdout
    assert "2017-06-09" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("members", "--on", "2017-02-30"), ("2017-02-30", "impossible")),
        (("members", "--on", "June 2017"), ("June 2017", "YYYY-MM-DD")),
        (("members", "--status", "emperor"), ("--status", "emperor")),
        (("state", "Atlantis"), ("Atlantis", "not a known state")),
        (("agreement", "zzzz qqqq"), ("zzzz qqqq",)),
        (("meetings", "--body", "Council of Wizards"), ("Council of Wizards",)),
        (("commitments", "--area", "space-opera"), ("--area", "space-opera")),
        (("commitments", "--kind", "threat"), ("--kind", "threat")),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(run, db_url, args, fragments):
    one_line_error(run(*args, "--db", db_url), *fragments)


def test_ambiguous_agreement_lists_candidates(run, db_url):
    line = one_line_error(run("agreement", "convention", "--db", db_url), "ambiguous")
    assert "Countering Extremism" in line
    assert "against Terrorism" in line
    assert "[extremism-convention]" in line  # ids survive terminal markup


def test_debug_shows_the_exception(db_url):
    result = CliRunner().invoke(
        app, ["agreement", "convention", "--db", db_url, "--debug"]
    )
    assert isinstance(result.exception, Ambiguous)


def test_agreement_status_per_state(run, db_url):
    data = as_json(
        run(
            "agreement",
            "Convention on Countering Extremism",
            "--on",
            "2018-01-01",
            "--db",
            db_url,
            "--format",
            "json",
        )
    )
    assert data["on"] == "2018-01-01"
    assert "Countering Extremism" in data["agreement"]["title"]
    parties = {p["state"]: p["status"] for p in data["parties"]}
    # Iran and Belarus acceded later (2023, #12): not parties yet on that day
    assert parties.keys() == FOUNDERS | {"IND", "PAK", "IRN", "BLR"}
    signatories = {s: parties[s] for s in FOUNDERS | {"IND", "PAK"}}
    assert set(signatories.values()) <= {"signed", "ratified", "in force"}
    assert (parties["IRN"], parties["BLR"]) == ("not a party", "not a party")
    assert data["explanation"]
    before = as_json(
        run(
            "agreement",
            "Convention on Countering Extremism",
            "--on",
            "2017-06-08",
            "--db",
            db_url,
            "--format",
            "json",
        )
    )
    earlier = {p["state"]: p["status"] for p in before["parties"]}
    assert {earlier[s] for s in FOUNDERS | {"IND", "PAK"}} == {"not signed"}
    assert {earlier["IRN"], earlier["BLR"]} == {"not a party"}
    assert before["in_force"] is False


def test_agreement_table_explains(run, db_url):
    result = run(
        "agreement", "Shanghai Convention", "--on", "2004-01-01", "--db", db_url
    )
    assert result.exit_code == 0
    assert "2003-03-29" in result.stdout
    assert "On 2004-01-01 it is in force." in result.stdout


def test_agreements_list(run, db_url):
    rows = as_json(
        run("agreements", "--on", "2004-01-01", "--db", db_url, "--format", "json")
    )
    by_title = {row["title"]: row for row in rows}
    charter = next(
        row for title, row in by_title.items() if title.startswith("Charter")
    )
    assert charter["in_force"] == "yes"
    assert charter["entry_into_force"] == "2003-09-19"
    table = run("agreements", "--db", db_url)
    assert table.exit_code == 0


def test_meetings_filters(run, db_url):
    rows = as_json(
        run("meetings", "--db", db_url, "--year", "2017", "--format", "json")
    )
    summit = [row for row in rows if row["body"] == "heads-of-state"]
    assert [(row["city"], row["number"], row["date"]) for row in summit] == [
        ("Astana", 17, "2017-06-08")
    ]
    by_name = as_json(
        run(
            "meetings",
            "--db",
            db_url,
            "--body",
            "Council of Heads of State",
            "--format",
            "json",
        )
    )
    assert len(by_name) == 25
    assert {row["body"] for row in by_name} == {"heads-of-state"}
    hosted = as_json(
        run(
            "meetings",
            "--db",
            db_url,
            "--host",
            "Kazakh",
            "--body",
            "heads-of-state",
            "--format",
            "json",
        )
    )
    assert {row["city"] for row in hosted} == {"Astana"}


def test_state_profile(run, db_url):
    data = as_json(run("state", "India", "--db", db_url, "--format", "json"))
    assert data["state"]["code"] == "IND"
    statuses = [i["status"] for i in data["history"]]
    assert statuses[-3:] == ["observer", "applicant", "member"]
    assert any("Countering Extremism" in a["title"] for a in data["agreements"])
    table = run("state", "IND", "--db", db_url)
    assert table.exit_code == 0
    assert "Status history" in table.stdout
    assert "Meetings hosted" in table.stdout
    csv_out = run("state", "KAZ", "--db", db_url, "--format", "csv")
    assert csv_out.exit_code == 0
    assert "# Meetings hosted" in csv_out.stdout


def test_commitments_empty_baseline(run, db_url):
    rows = as_json(
        run("commitments", "--db", db_url, "--actor", "CHN", "--format", "json")
    )
    assert rows == []


def test_uninitialised_database_says_to_run_init(run, tmp_path):
    missing = tmp_path / "none.db"
    line = one_line_error(run("members", "--db", str(missing)), "scotrack init")
    assert str(missing) in line
    assert not missing.exists()


def test_empty_database_says_to_run_init(run, fresh_db_url):
    # a fresh SQLite URL names no file yet; a fresh PostgreSQL database is empty
    one_line_error(run("members", "--db", fresh_db_url), "scotrack init --db")


def test_unwritable_database_path(run, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    one_line_error(run("init", "--db", str(blocker / "kb.db")), str(blocker))


@pytest.mark.parametrize(
    "command",
    [
        ("members",),
        ("init",),
        ("meetings",),
        ("review", "list"),
        ("changes", "--since", "2025"),
    ],
)
def test_an_unreachable_postgresql_server_is_one_line_and_exit_2(run, command):
    url = "postgresql://nobody:secret@127.0.0.1:1/none"
    line = one_line_error(run(*command, "--db", url), "cannot connect", "127.0.0.1")
    assert "secret" not in line
    assert "Connection refused" in line


@pytest.mark.parametrize(
    "command", [("members",), ("init",), ("changes", "--since", "2025")]
)
def test_a_file_that_is_no_database_is_one_line_and_exit_2(run, tmp_path, command):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 200)
    before = junk.read_bytes()
    line = one_line_error(run(*command, "--db", str(junk)), str(junk))
    assert "not a database" in line
    assert junk.read_bytes() == before


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.stdout.startswith("scotrack ")


def test_no_command_shows_help():
    result = CliRunner().invoke(app, [])
    assert "Usage" in result.output


def test_an_empty_sqlite_file_says_to_run_init(run, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    one_line_error(run("members", "--db", str(empty)), "holds no knowledge base")


@pytest.mark.issue(12)
def test_agreement_lists_each_ratification_with_its_source(run, db_url):
    data = as_json(
        run(
            "agreement",
            "Convention against Terrorism",
            "--on",
            "2012-06-01",
            "--db",
            db_url,
            "--format",
            "json",
        )
    )
    parties = {p["state"]: p for p in data["parties"]}
    assert parties["KAZ"]["ratified"] == "2011-01-10"
    assert parties["KAZ"]["source"]["id"] == "kz-law-381-iv-2011"
    assert "381-IV" in parties["KAZ"]["source"]["title"]
    assert parties["KAZ"]["source"]["url"].startswith("https://zakonpravo.kz/")
    assert parties["CHN"]["ratified"] == "2014-12-28"
    assert parties["CHN"]["status"] == "signed"  # not yet on 2012-06-01
    assert parties["KGZ"]["missing"] == ["ratification (no source)"]
    assert data["entry_into_force"] == "2012-01-14"
    assert data["entry_into_force_source"]["id"] == "kz-law-381-iv-2011"
    assert data["in_force"] is True
    recorded = "2012-01-14 (kz-law-381-iv-2011)"
    assert any(recorded in line for line in data["explanation"])
    table = run(
        "agreement", "Convention against Terrorism", "--on=2012-06-01", "--db", db_url
    )
    assert table.exit_code == 0, table.output
    assert "no source" in table.stdout
    assert "kz-law-381-iv-2011: Law of the Republic of Kazakhstan" in table.stdout
    assert "On 2012-06-01 it is in force." in table.stdout


@pytest.mark.issue(12)
def test_agreement_shows_acceding_states_as_not_a_party_then_acceded(run, db_url):
    """India, Pakistan, Iran and Belarus acceded to the Convention against
    Terrorism after its entry into force (2012), and no rule gives the day it binds
    a later party: "not a party" before, "acceded" with an unknown day after."""

    def parties(on: str) -> dict[str, dict]:
        data = as_json(
            run(
                "agreement",
                "Convention against Terrorism",
                f"--on={on}",
                "--db",
                db_url,
                "--format=json",
            )
        )
        return {p["state"]: p for p in data["parties"]}

    early, late = parties("2012-06-01"), parties("2025-01-01")
    for code in ("IND", "PAK", "IRN", "BLR"):
        assert early[code]["status"] == "not a party", early[code]
        assert late[code]["status"] == "acceded", late[code]
        assert late[code]["in_force_from"] is None
        assert any("bound from" in m for m in late[code]["missing"])
    table = run(
        "agreement", "Convention against Terrorism", "--on=2025-01-01", "--db", db_url
    )
    india = next(line for line in table.stdout.splitlines() if "│ IND" in line)
    assert "acceded" in india
    assert "unknown" in india


@pytest.mark.issue(12)
def test_agreements_are_the_scos_and_the_shanghai_fives_are_shown_by_name(run, db_url):
    rows = as_json(run("agreements", "--db", db_url, "--format", "json"))
    assert not [r for r in rows if r["id"].startswith("border-")]
    data = as_json(
        run(
            "agreement",
            "Agreement on Confidence Building in the Military Field in the Border Area",
            "--db",
            db_url,
            "--format",
            "json",
        )
    )
    assert data["agreement"]["id"] == "border-confidence-agreement-1996"
    parties = {p["state"]: p for p in data["parties"]}
    assert parties.keys() == {"CHN", "KAZ", "KGZ", "RUS", "TJK"}
    assert parties["KAZ"]["ratified"] == "1996-12-24"


@pytest.mark.issue(12)
def test_agreements_on_a_day_leave_out_those_not_yet_signed(run, db_url):
    rows = as_json(
        run("agreements", "--on", "2005-01-01", "--db", db_url, "--format", "json")
    )
    ids = {row["id"] for row in rows}
    assert {"shanghai-convention", "charter", "drugs-agreement"} <= ids
    assert "good-neighbourliness-treaty" not in ids
    assert "extremism-convention" not in ids
    assert all(row["signed"] <= "2005-01-01" for row in rows)


@pytest.mark.issue(12)
def test_members_applicants_between_ufa_and_astana(run, db_url):
    rows = as_json(
        run(
            "members",
            "--status",
            "applicant",
            "--on",
            "2016-01-01",
            "--db",
            db_url,
            "--format",
            "json",
        )
    )
    assert {row["state"] for row in rows} == {"IND", "PAK"}


@pytest.mark.issue(12)
def test_secretaries_list_terms_with_their_sources(run):
    rows = as_json(run("secretaries", "--format", "json"))
    assert len(rows) == 8
    assert all(row["source"] and row["source_url"] for row in rows)
    on = as_json(run("secretaries", "--on", "2017-06-09", "--format", "json"))
    assert [(r["name"], r["state"]) for r in on] == [("Rashid Alimov", "TJK")]
    table = run("secretaries")
    assert table.exit_code == 0
    assert "Zhang Deguang" in table.stdout
    one_line_error(run("secretaries", "--on", "2017-02-30"), "2017-02-30")


@pytest.mark.issue(12)
def test_secretaries_office_lists_the_rats_directors(run):
    rows = as_json(run("secretaries", "--office", "rats-director", "--format", "json"))
    assert len(rows) == 8
    assert rows[0]["name"] == "V. T. Kasymov"
    assert all(row["source"] and row["source_url"] for row in rows)
    on = as_json(
        run(
            "secretaries",
            "--office",
            "rats-director",
            "--on",
            "2020-01-01",
            "-f",
            "json",
        )
    )
    assert [(r["name"], r["from"], r["to"]) for r in on] == [
        ("Dzhumakhon Giyosov", "2019-01-01", "2021-12-31")
    ]
    table = run("secretaries", "--office", "rats-director")
    assert table.exit_code == 0
    assert "Directors of the RATS Executive Committee" in table.stdout
    one_line_error(run("secretaries", "--office", "treasurer"), "office")


FORMULA = '=HYPERLINK("x")'


@pytest.mark.issue(18)
def test_csv_puts_a_quote_before_a_formula(run, initialised_db_url):
    edited = run(
        "edit", "meeting:hog-2017", "--set", f"city_name={FORMULA}",
        "--reason", "a spreadsheet must not run it", "--db", initialised_db_url,
    )  # fmt: skip
    assert edited.exit_code == 0, edited.output
    listed = run(
        "meetings", "--year", "2017", "--format", "csv", "--db", initialised_db_url
    )
    assert listed.exit_code == 0, listed.output
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(listed.stdout))}
    assert rows["hog-2017"]["city"] == "'" + FORMULA
    assert rows["hog-2017"]["number"] == "16"  # numbers stay numbers
