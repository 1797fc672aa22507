"""The lists of agreements and commitments, and the change log, asked of the
three surfaces: `scotrack agreements|commitments|changes`, /api/v1/... and the
pages read one store function each and give the same rows in the same order,
with the same filters (#15)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app

from .browsing import accept_commitments_and_projects, assess_for_pages
from .conftest import _api, client_for

pytestmark = pytest.mark.issue(15)

API = "/api/v1"


def cli_json(url: str, *args: str) -> Any:
    """What the CLI answers `args` with, as JSON, on the database `url`."""
    result = CliRunner().invoke(app, [*args, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def api_items(client: TestClient, path: str, **params: str) -> list[dict[str, Any]]:
    """Every item of an API list, its pages followed."""
    items: list[dict[str, Any]] = []
    asked: dict[str, str] = {**params, "limit": "100"}
    while True:
        page = client.get(f"{API}{path}", params=asked)
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        if not body.get("next"):
            return items
        asked["cursor"] = body["next"]


@pytest.fixture(scope="module")
def assessed(templates: Any) -> str:
    """The seeded knowledge base with its commitment and project claims accepted
    and a commitment assessed twice (+1 in 2019-06, -1 in 2020-06)."""
    url = _api.seeded_copy(templates, f"lists_{uuid.uuid4().hex[:8]}")
    accept_commitments_and_projects(url)
    assess_for_pages(url)
    return url


@pytest.fixture
def on_assessed(assessed: str) -> Iterator[TestClient]:
    yield from client_for(assessed)


@pytest.mark.parametrize(
    "filters",
    [
        {"on": "2019-01-15"},
        {"on": "2005-01-01"},
        {"on": "2024-01-01", "kind": "convention"},
        {"on": "2024-01-01", "in_force": "yes", "sort": "-signed"},
    ],
    ids=["2019", "2005", "conventions", "in-force-latest-first"],
)
def test_the_agreements_list_is_the_same_on_the_three_surfaces(
    client: TestClient, seeded_url: str, filters: dict[str, str]
):
    options = [
        f"--{name.replace('_', '-')}{'=' if value.startswith('-') else ' '}{value}"
        for name, value in filters.items()
    ]
    args = [part for option in options for part in option.split(" ", 1)]
    cli = cli_json(seeded_url, "agreements", *args)
    api = api_items(client, "/agreements", **filters)
    web = client.get("/agreements", params=filters | {"format": "json"}).json()
    page = client.get("/agreements", params=filters).text
    listed = [a["id"] for a in api]
    assert listed, filters
    assert [a["id"] for a in cli] == listed
    in_force = {True: "yes", False: "no", None: "unknown"}
    assert [(a["in_force"], a["ratified"], a["parties"]) for a in cli] == [
        (in_force[a["in_force"]], a["ratified"], a["parties"]) for a in api
    ]
    # the page's matrix has a column per agreement listed that has parties (the
    # regulations and strategies have none), in the list's order
    with_parties = [a["id"] for a in api if a["parties"]]
    assert [key for key in web[0] if key not in ("state", "name")] == with_parties
    for agreement in listed:
        assert f"/agreements/{agreement}" in page


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "CHN"},
        {"kind": "pledge", "sort": "actor"},
        {"on": "2019-12-31", "compliance": "complied"},
        {"on": "2021-01-01", "compliance": "not complied"},
    ],
    ids=["all", "china", "pledges-by-actor", "complied-2019", "not-complied-2021"],
)
def test_the_commitments_list_is_the_same_on_the_three_surfaces(
    on_assessed: TestClient, assessed: str, filters: dict[str, str]
):
    args = [part for name, value in filters.items() for part in (f"--{name}", value)]
    cli = cli_json(assessed, "commitments", *args)
    api = api_items(on_assessed, "/commitments", **filters)
    web = on_assessed.get("/commitments", params=filters | {"format": "json"}).json()
    listed = [c["id"] for c in api]
    assert listed, filters
    assert [c["id"] for c in cli] == listed
    assert [r["id"] for r in web] == listed
    shown = [(c["actor"], c["kind"], c["area"]) for c in api]
    assert [(c["actor"], c["kind"], c["area"]) for c in cli] == shown
    assert [(r["actor"], r["kind"], r["area"]) for r in web] == shown
    assert [r["compliance"] for r in web] == [c["compliance"] for c in cli]


def test_the_change_log_is_the_same_on_the_cli_and_the_api(
    on_assessed: TestClient, assessed: str
):
    """The change log has no page of its own (each record's page shows its
    history); the CLI and the API read `listings.changes` alike."""
    cli = cli_json(assessed, "changes", "--since", "2000")
    api = api_items(on_assessed, "/changes", since="2000-01-01")
    assert len(api) > 10
    # the CLI names its columns for a table (`change`, `by`, `entity` as
    # kind:id); the values are the API's
    assert [c["change"] for c in cli] == [c["id"] for c in api]
    assert [(c["action"], c["by"], c["entity"], c["after"]) for c in cli] == [
        (c["action"], c["actor"], f"{c['entity_kind']}:{c['entity_id']}", c["after"])
        for c in api
    ]
