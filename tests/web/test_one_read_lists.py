"""Lists and a meeting's documents and sources asked of the three surfaces: the
CLI (`--format json`), /api/v1/... and the pages (`?format=json` or the HTML)
read one store function each and give the same ids in the same order (#15)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim

from .browsing import accept_commitments_and_projects
from .conftest import _api, client_for

pytestmark = pytest.mark.issue(15)

API = "/api/v1"


def cli_json(url: str, *args: str) -> Any:
    """What the CLI answers `args` with, as JSON, on the database `url`."""
    result = CliRunner().invoke(app, [*args, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def uncached(writable_url: str) -> Iterator[TestClient]:
    """A client without the response cache: the CLI changes the knowledge base
    behind the server's back."""
    yield from client_for(writable_url, cache=False)


def reporting(url: str, client: TestClient, meeting_id: str) -> list[list[str]]:
    """The ids of the documents that report the meeting, in order, as the CLI,
    the API (the record and its /documents list), the page's download and the
    page itself give them."""
    cli = cli_json(url, "meeting", meeting_id)
    api = client.get(f"{API}/meetings/{meeting_id}").json()
    listed = client.get(f"{API}/meetings/{meeting_id}/documents").json()
    web = client.get(f"/meetings/{meeting_id}", params={"format": "json"}).json()
    page = client.get(f"/meetings/{meeting_id}").text
    assert cli["documents_total"] == api["documents_total"]
    return [
        [d["id"] for d in cli["documents"]],
        [d["id"] for d in api["documents"]],
        [d["id"] for d in listed["items"]],
        [row["document"] for row in web],
        re.findall(r'<tr data-document="([^"]+)"', page),
    ]


def test_a_meetings_documents_follow_a_claim_accepted_with_link(
    writable_url: str, uncached: TestClient
):
    """A claim ingest linked to one meeting and accepted with --link to another
    reports the other: its document moves on all three surfaces (the API read
    the claim's ingest-time block, the page its link, #15)."""
    engine = make_engine(writable_url)
    try:
        with session_factory(engine)() as session:
            claim_id, document_id = session.execute(
                select(Claim.id, Claim.document_id).where(
                    Claim.kind == "meeting",
                    Claim.entity_kind == "meeting",
                    Claim.entity_id == "hos-2017",
                    Claim.status == "pending",
                )
            ).one()
    finally:
        engine.dispose()
    before = reporting(writable_url, uncached, "hos-2017")
    assert all(ids == before[0] for ids in before)
    assert document_id in before[0]
    assert document_id not in reporting(writable_url, uncached, "hos-2016")[0]
    result = CliRunner().invoke(
        app,
        [
            "review",
            "accept",
            claim_id,
            "--link",
            "meeting:hos-2016",
            "--keep",
            "--db",
            writable_url,
        ],
    )
    assert result.exit_code == 0, result.output
    moved_to = reporting(writable_url, uncached, "hos-2016")
    left = reporting(writable_url, uncached, "hos-2017")
    assert all(ids == moved_to[0] for ids in moved_to)
    assert all(ids == left[0] for ids in left)
    assert document_id in moved_to[0]
    assert document_id not in left[0]


def walk(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of an API list, following its cursors."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        asked = params | ({} if cursor is None else {"cursor": cursor})
        body = client.get(path, params=asked).json()
        items.extend(body["items"])
        cursor = body["next"]
        if cursor is None:
            return items


@pytest.mark.parametrize("on", ["2005-08-01", "2017-06-10", "2024-01-01"])
def test_the_states_list_is_the_same_on_the_three_surfaces(
    client: TestClient, seeded_url: str, on: str
):
    """`scotrack members --status all`, GET /api/v1/states and the table of
    /members: every state with a status on the day, by status then code, with
    the same interval and certainty; a status filter is the read's."""
    cli = cli_json(seeded_url, "members", "--on", on, "--status", "all")
    api = walk(client, f"{API}/states", on=on, limit=7)
    web = client.get("/members", params={"on": on, "format": "json"}).json()
    page = client.get("/members", params={"on": on}).text
    fields = ("status", "since", "until", "certain")
    answers = [
        [(s["state"], *(s[f] for f in fields)) for s in cli],
        [(s["code"], *(s[f] for f in fields)) for s in api],
        [(s["state"], *(s[f] for f in fields)) for s in web],
    ]
    assert answers[0] == answers[1] == answers[2]
    assert len(answers[0]) >= 6
    for state, *_ in answers[0]:
        assert f"/states/{state}" in page
    for status in ("member", "observer"):
        cli = cli_json(seeded_url, "members", "--on", on, "--status", status)
        api = walk(client, f"{API}/states", on=on, status=status)
        expected = [s[0] for s in answers[0] if s[1] == status]
        assert [s["state"] for s in cli] == expected
        assert [s["code"] for s in api] == expected


def test_the_meetings_list_is_the_same_on_the_three_surfaces(
    client: TestClient, seeded_url: str
):
    """`scotrack meetings`, GET /api/v1/meetings and /meetings: the same
    meetings in the same order, with the same dates and hosts, filtered alike."""
    for asked in ({}, {"body": "heads-of-state"}, {"host": "CHN"}):
        options = [part for key, value in asked.items() for part in (f"--{key}", value)]
        cli = cli_json(seeded_url, "meetings", *options)
        api = walk(client, f"{API}/meetings", limit=30, **asked)
        web = client.get("/meetings", params=asked | {"format": "json"}).json()
        answers = [
            [(m["id"], m["date"], m["host"]) for m in cli],
            [(m["id"], m["start_date"], m["host"]) for m in api],
            [(m["id"], m["date"], m["host"]) for m in web],
        ]
        assert answers[0] == answers[1] == answers[2]
        assert answers[0]


@pytest.fixture(scope="module")
def with_projects(templates: Any) -> str:
    """A seeded knowledge base with its project claims accepted."""
    url = _api.seeded_copy(templates, f"projects_{uuid.uuid4().hex[:8]}")
    accept_commitments_and_projects(url)
    return url


@pytest.fixture
def projects_client(with_projects: str) -> Iterator[TestClient]:
    yield from client_for(with_projects)


def test_the_projects_list_is_the_same_on_the_three_surfaces(
    with_projects: str, projects_client: TestClient
):
    """`scotrack projects`, GET /api/v1/projects and /projects: by name then id,
    each with its status today (the API listed them by id, with no status)."""
    cli = cli_json(with_projects, "projects")
    api = walk(projects_client, f"{API}/projects", limit=1)
    web = projects_client.get("/projects", params={"format": "json"}).json()
    answers = [
        [(p["id"], p["name"], p["sector"], p["countries"], p["status"]) for p in rows]
        for rows in (cli, api, web)
    ]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]
    assert [a[1] for a in answers[0]] == sorted(a[1] for a in answers[0])
    country = answers[0][0][3][0]
    cli = cli_json(with_projects, "projects", "--country", country)
    api = walk(projects_client, f"{API}/projects", country=country)
    web = projects_client.get(
        "/projects", params={"country": country, "format": "json"}
    ).json()
    assert [p["id"] for p in cli] == [p["id"] for p in api] == [p["id"] for p in web]
    assert [p["id"] for p in cli] == [a[0] for a in answers[0] if country in a[3]]


def test_a_meetings_sources_are_the_same_on_the_three_surfaces(
    writable_url: str, uncached: TestClient
):
    """A meeting's sources (its own and those of the accepted claims that
    support it, by date published then id) on the CLI, the API and the page,
    before and after a claim is accepted."""

    def sources() -> list[list[str]]:
        cli = cli_json(writable_url, "meeting", "hos-2017")
        api = uncached.get(f"{API}/meetings/hos-2017").json()
        page = uncached.get("/meetings/hos-2017").text
        own = api["meeting"]["source_id"]
        shown = re.findall(r'data-source="([^"]+)"', page)
        return [
            [s["id"] for s in cli["sources"]],
            [s["id"] for s in api["sources"]],
            # the page shows the meeting's own source first, then the others
            sorted(shown, key=lambda s: s != own) if own in shown else shown,
            [own, *(s["id"] for s in api["sources"] if s["id"] != own)],
        ]

    before = sources()
    assert before[0] == before[1]
    assert before[2] == before[3]
    assert len(before[0]) == 1
    engine = make_engine(writable_url)
    try:
        with session_factory(engine)() as session:
            claim_id = session.scalar(
                select(Claim.id).where(
                    Claim.kind == "meeting",
                    Claim.entity_kind == "meeting",
                    Claim.entity_id == "hos-2017",
                )
            )
    finally:
        engine.dispose()
    assert claim_id is not None
    accepted = CliRunner().invoke(
        app, ["review", "accept", claim_id, "--keep", "--db", writable_url]
    )
    assert accepted.exit_code == 0, accepted.output
    after = sources()
    assert after[0] == after[1]
    assert after[2] == after[3]
    assert len(after[0]) == 2
