"""A state, an agreement, a commitment and a project asked of the three surfaces:
`scotrack state|agreement|commitment|project`, /api/v1/... and the pages read
one store function each and give the same answer (#15). Each surface finds a
record by the same refs: a state by code or name, an agreement by id, title or
alias, a commitment or a project by its id or a unique prefix of 6+ characters;
the pages redirect any other ref to the record's one address."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.read.matrix import CELL_LABELS

from .browsing import accept_commitments_and_projects, assess_for_pages
from .conftest import _api, client_for

pytestmark = pytest.mark.issue(15)

API = "/api/v1"
TWINS = ("c-abcdef01", "c-abcdef02")
"""Two commitments whose ids share the prefix `c-abcdef`."""


def run(url: str, *args: str) -> Any:
    return CliRunner().invoke(app, [*args, "--db", url])


def cli_json(url: str, *args: str) -> Any:
    """What the CLI answers `args` with, as JSON, on the database `url`."""
    result = run(url, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def recorded(templates: Any) -> tuple[str, str, str]:
    """The seeded knowledge base with its commitment and project claims accepted,
    a commitment assessed twice (+1 in 2019-06, -1 in 2020-06) and two more whose
    ids share a prefix; the url, that commitment's id and a project's id."""
    url = _api.seeded_copy(templates, f"records_{uuid.uuid4().hex[:8]}")
    accept_commitments_and_projects(url)
    commitment, project = assess_for_pages(url)
    engine = make_engine(url)
    try:
        with session_factory(engine).begin() as session:
            for twin in TWINS:
                session.add(
                    models.Commitment(id=twin, actor="CHN", kind="pledge", text=twin)
                )
    finally:
        engine.dispose()
    return url, commitment, project


@pytest.fixture
def surfaces(recorded: tuple[str, str, str]) -> Iterator[TestClient]:
    yield from client_for(recorded[0])


def test_a_commitment_is_the_same_on_the_cli_the_api_and_the_web(
    recorded: tuple[str, str, str], surfaces: TestClient
):
    url, commitment, _ = recorded
    asked = {"on": "2021-01-01"}
    api = surfaces.get(f"{API}/commitments/{commitment}", params=asked).json()
    by_prefix = surfaces.get(f"{API}/commitments/{commitment[:8]}", params=asked)
    cli = cli_json(url, "commitment", commitment[:8], "--on", asked["on"])
    web = surfaces.get(f"/commitments/{commitment}", params=asked | {"format": "json"})
    page = surfaces.get(f"/commitments/{commitment}", params=asked).text
    assert by_prefix.json() == api
    assert cli == api
    assert (api["id"], api["on"], api["compliance"]) == (
        commitment,
        "2021-01-01",
        "not complied",
    )
    assert (api["score"], api["assessed_on"]) == (-1, "2020-06")
    assert f"<time>{api['on']}</time>" in page
    rows = [r for r in web.json() if r["state"] != "undone"]
    assert [r["date"] for r in rows if r["state"] == "in force"] == [api["assessed_on"]]
    assert sorted((r["date"], r["score"]) for r in rows) == sorted(
        (a["date"], a["score"]) for a in api["assessments"]
    )
    # the page moves a prefix to the record's one address
    moved = surfaces.get(
        f"/commitments/{commitment[:8]}", params=asked, follow_redirects=False
    )
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/commitments/{commitment}?on=2021-01-01"


def test_a_project_is_the_same_on_the_cli_the_api_and_the_web(
    recorded: tuple[str, str, str], surfaces: TestClient
):
    url, _, project = recorded
    asked = {"on": "2030-01-01"}
    api = surfaces.get(f"{API}/projects/{project}", params=asked).json()
    cli = cli_json(url, "project", project, "--on", asked["on"])
    web = surfaces.get(f"/projects/{project}", params=asked | {"format": "json"})
    assert cli == api
    assert (api["id"], api["on"]) == (project, "2030-01-01")
    assert api["history"], "an accepted project claim gives a status"
    steps = web.json()
    assert sorted((s["date"], s["status"]) for s in steps) == sorted(
        (h["date"], h["status"]) for h in api["history"]
    )
    current = [s["status"] for s in steps if s["current"]]
    assert current == ([] if api["status"] is None else [api["status"]])


@pytest.mark.parametrize(
    ("ref", "status", "says"),
    [
        ("c-abcdef", 409, "c-abcdef01"),  # a prefix of two: give more of it
        ("c-ab", 422, "at least 6 characters"),  # not an id, too short a prefix
        ("c-nowhere00", 404, "no such commitment"),
    ],
)
def test_a_commitment_ref_gets_the_same_answer_on_every_surface(
    recorded: tuple[str, str, str],
    surfaces: TestClient,
    ref: str,
    status: int,
    says: str,
):
    api = surfaces.get(f"{API}/commitments/{ref}")
    page = surfaces.get(f"/commitments/{ref}")
    cli = run(recorded[0], "commitment", ref)
    assert api.status_code == status
    assert says in api.json()["error"]["message"]
    assert page.status_code == status
    assert cli.exit_code == 2  # bad input, as every error the user can fix
    assert says in cli.output
    assert "Traceback" not in cli.output


def test_a_project_ref_gets_the_same_answer_on_every_surface(
    recorded: tuple[str, str, str], surfaces: TestClient
):
    url, _, project = recorded
    for ref, status in ((project[:3], 422), ("p-nowhere00", 404)):
        assert surfaces.get(f"{API}/projects/{ref}").status_code == status
        assert surfaces.get(f"/projects/{ref}").status_code == status
        assert run(url, "project", ref).exit_code == 2


def cell(status: str, certain: bool, in_force: bool | None) -> str:
    """The matrix slug the page shows for a party status the API gives."""
    if not certain or (status == "signed" and in_force is True):
        return "unknown"
    return status.replace(" ", "-")


def test_a_state_is_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    asked = {"on": "2019-01-15"}
    api = client.get(f"{API}/states/china", params=asked).json()
    cli = cli_json(seeded_url, "state", "China")
    moved = client.get("/states/china", params=asked, follow_redirects=False)
    web = client.get("/states/CHN", params=asked | {"format": "json"}).json()
    assert moved.status_code == 308
    assert moved.headers["location"] == "/states/CHN?on=2019-01-15"
    rows = [r for r in web if r["section"] == "agreement"]
    assert len(rows) >= 3
    assert [a["title"] for a in api["agreements"]] == [r["what"] for r in rows]
    assert [a["title"] for a in cli["agreements"]] == [r["what"] for r in rows]
    for role, row in zip(api["agreements"], rows, strict=True):
        agreement = client.get(f"{API}/agreements/{role['agreement_id']}", params=asked)
        slug = cell(role["status"], role["certain"], agreement.json()["in_force"])
        assert row["to"] == CELL_LABELS[slug]
    assert {a["status"] for a in api["agreements"]} >= {"in force", "ratified"}
    # the whole record: its history, hosted meetings, agreements' dates and
    # commitments, the same on the three (#15)
    history = [(i["status"], i["start"], i["end"]) for i in api["history"]]
    assert len(history) >= 1
    assert [(i["status"], i["start"], i["end"]) for i in cli["history"]] == history
    assert [
        (r["what"], r["from"], r["to"]) for r in web if r["section"] == "status"
    ] == history
    dates = [(a["agreement_id"], a["signed"], a["ratified"]) for a in api["agreements"]]
    assert [
        (a["agreement_id"], a["signed"], a["ratified"]) for a in cli["agreements"]
    ] == dates
    assert [r["from"] for r in rows] == [signed for _, signed, _ in dates]
    hosted = [m["id"] for m in api["meetings_hosted"]]
    assert hosted
    assert [m["id"] for m in cli["meetings_hosted"]] == hosted
    page = client.get("/states/CHN", params=asked).text
    for meeting in hosted:
        assert f'href="/meetings/{meeting}"' in page
    made = [c["id"] for c in api["commitments"]]
    assert [c["id"] for c in cli["commitments"]] == made
    for commitment in made:
        assert f"/commitments/{commitment}" in page


def test_an_agreement_is_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    title = "Convention on Countering Extremism"
    asked = {"on": "2019-01-15"}
    cli = cli_json(seeded_url, "agreement", title, "--on", asked["on"])
    api = client.get(f"{API}/agreements/{quote(title)}", params=asked).json()
    moved = client.get(
        f"/agreements/{quote(title)}", params=asked, follow_redirects=False
    )
    one = f"/agreements/{api['id']}"
    web = client.get(one, params=asked | {"format": "json"}).json()
    page = client.get(one, params=asked).text
    assert moved.status_code == 308
    assert moved.headers["location"] == f"{one}?on=2019-01-15"
    assert cli["agreement"]["id"] == api["id"]
    assert (cli["on"], cli["in_force"]) == (api["on"], api["in_force"])
    assert cli["entry_into_force"] == api["entry_into_force"]
    assert cli["explanation"] == api["reasons"]
    parties = [(p["state"], p["status"], p["certain"]) for p in api["party_statuses"]]
    assert len(parties) >= 4
    assert [(p["state"], p["status"], p["certain"]) for p in cli["parties"]] == parties
    assert [(r["state"], r["status"]) for r in web] == [
        (state, cell(status, certain, api["in_force"]))
        for state, status, certain in parties
    ]
    for party in cli["parties"]:  # the CLI's sources are among the page's
        if party["source"] is not None:
            assert f'id="source-{party["source"]["id"]}"' in page


@pytest.mark.issue(12)
def test_the_bodies_are_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    api = client.get(f"{API}/bodies").json()
    cli = cli_json(seeded_url, "bodies")
    web = client.get("/bodies", params={"format": "json"}).json()
    page = client.get("/bodies").text
    assert cli == api
    assert [r["id"] for r in web] == [b["id"] for b in api]
    for row, body in zip(web, api, strict=True):
        assert (row["founded"], row["seat"]) == (body["founded"], body["seat"])
        assert row["sources"] == "; ".join(s["id"] for s in body["sources"])
        for source in body["sources"]:  # each source linked on the page
            assert f'id="source-{body["id"]}-{source["id"]}"' in page
    found = {b["id"]: b for b in api}
    assert (found["rats"]["founded"], found["rats"]["seat"]) == ("2004-06", "Tashkent")
    assert found["secretariat"]["founded"] == "2004-01-15"
    assert found["transnational-crime-centre"]["founded"] is None  # not guessed
    assert found["shanghai-five"]["predecessor_of"] == "SCO"
    assert api[-1]["id"] == "shanghai-five"  # the predecessor after the SCO's own
    one = client.get(f"{API}/bodies/Secretariat").json()
    assert one == found["secretariat"]
    assert cli_json(seeded_url, "body", "secretariat") == one


@pytest.mark.issue(12)
def test_a_body_ref_gets_the_same_answer_on_every_surface(
    client: TestClient, seeded_url: str
):
    api = client.get(f"{API}/bodies/nowhere-council")
    cli = run(seeded_url, "body", "nowhere-council")
    assert api.status_code == 404
    assert cli.exit_code == 2
    assert "Traceback" not in cli.output


@pytest.mark.issue(12)
def test_an_unclear_status_says_the_same_missing_fact_on_every_surface(
    client: TestClient, seeded_url: str
):
    asked = {"on": "2018-04-15"}
    agreement = "extremism-convention"
    api = client.get(f"{API}/agreements/{agreement}", params=asked).json()
    cli = cli_json(seeded_url, "agreement", agreement, "--on", asked["on"])
    web = client.get(f"/agreements/{agreement}", params=asked | {"format": "json"})
    page = client.get(f"/agreements/{agreement}", params=asked).text
    matrix = client.get("/agreements", params=asked).text
    gaps = {p["state"]: p["unclear"] for p in api["party_statuses"] if p["unclear"]}
    assert gaps["UZB"].startswith("ratified 2018-04, no day recorded")
    assert {p["state"]: p["unclear"] for p in cli["parties"] if p["unclear"]} == gaps
    assert {r["state"]: r["unclear"] for r in web.json() if r["unclear"]} == gaps
    for text in gaps.values():
        assert f'<span class="gap">{text}</span>' in matrix
        assert text in page
    decided = [p for p in api["party_statuses"] if p["certain"]]
    assert all(p["unclear"] is None for p in decided if p["status"] != "signed")
