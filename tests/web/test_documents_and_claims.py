"""A document and the lists of documents and claims asked of the three surfaces:
`scotrack document|documents|review`, /api/v1/documents and /api/v1/claims, and
the pages /documents and /documents/{id} read the same store function and give
the same ids in the same order (#15)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(15)

API = "/api/v1"


def cli_json(url: str, *args: str) -> Any:
    """What the CLI answers `args` with, as JSON, on the database `url`."""
    result = CliRunner().invoke(app, [*args, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def a_document_read_out_of_id_order(client: TestClient) -> dict[str, Any]:
    """A document of the seeded knowledge base whose claims' reading order is not
    their id order (so the test tells the two apart)."""
    for item in client.get(f"{API}/documents", params={"limit": 200}).json()["items"]:
        document = client.get(f"{API}/documents/{item['id']}").json()
        ids = [c["id"] for c in document["claims"]]
        if ids != sorted(ids):
            return document
    raise AssertionError("no seeded document has claims out of id order")


def test_a_document_is_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    api = a_document_read_out_of_id_order(client)
    cli = cli_json(seeded_url, "document", api["id"][:12])
    web = client.get(f"/documents/{api['id']}", params={"format": "json"}).json()
    page = client.get(f"/documents/{api['id']}").text
    assert cli == api
    ids = [c["id"] for c in api["claims"]]
    assert [row["claim"] for row in web] == ids
    assert re.findall(r'<li id="claim-([0-9a-f]+)"', page) == ids
    assert [row["evidence"] for row in web] == [
        [f"{s['start']}-{s['end']}" for s in c["evidence"]] for c in api["claims"]
    ]
    starts = [c["evidence"][0]["start"] if c["evidence"] else 0 for c in api["claims"]]
    assert starts == sorted(starts)  # reading order: where the evidence starts
    for claim in api["claims"]:
        for span in claim["evidence"]:
            assert span["start"] < span["end"]
            assert api["clean_text"][span["start"] : span["end"]] == span["text"]


def test_the_document_command_prints_the_claims_and_refuses_an_unknown_id(
    client: TestClient, seeded_url: str
):
    api = a_document_read_out_of_id_order(client)
    rows = CliRunner().invoke(
        app, ["document", api["id"], "--db", seeded_url, "--format", "csv"]
    )
    assert rows.exit_code == 0, rows.output
    lines = rows.stdout.splitlines()
    assert lines[0] == "id,kind,status,summary,entity,evidence"
    assert [line.split(",")[0] for line in lines[1:]] == [
        c["id"] for c in api["claims"]
    ]
    table = CliRunner().invoke(
        app, ["document", api["id"][:12], "--db", seeded_url], env={"COLUMNS": "200"}
    )
    assert table.exit_code == 0, table.output
    assert api["claims"][0]["id"][:12] in table.stdout
    missing = CliRunner().invoke(app, ["document", "f" * 12, "--db", seeded_url])
    assert missing.exit_code != 0
    assert "ffffffffffff" in missing.output
    assert "Traceback" not in missing.output


def test_the_documents_list_is_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    question = {"sort": "-published", "from": "2017"}
    asked = [f"--{name}={value}" for name, value in question.items()]
    cli = [row["id"] for row in cli_json(seeded_url, "documents", *asked)]
    api = client.get(f"{API}/documents", params=question).json()["items"]
    web = client.get("/documents", params=question | {"format": "json"}).json()
    assert len(cli) >= 3
    assert [d["id"] for d in api] == cli
    assert [d["id"] for d in web] == cli


def test_a_documents_claims_are_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    """The claims list (`listings.claims`, by id, a page at a time) holds the
    claims the document's record holds (in reading order) on every surface."""
    document = a_document_read_out_of_id_order(client)
    listed: list[str] = []
    params: dict[str, Any] = {"document": document["id"][:12], "limit": 2}
    while True:
        page = client.get(f"{API}/claims", params=params).json()
        listed += [c["id"] for c in page["items"]]
        if page["next"] is None:
            break
        params["cursor"] = page["next"]
    cli = [c["id"] for c in cli_json(seeded_url, "document", document["id"])["claims"]]
    web = client.get(f"/documents/{document['id']}", params={"format": "json"})
    assert len(listed) >= 2
    assert listed == sorted(cli)
    assert [row["claim"] for row in web.json()] == cli
    foreign = client.get(f"{API}/claims", params={"cursor": "WyJhIiwiYiJd"})
    assert foreign.status_code == 422


def test_changes_since_a_time_are_the_same_on_the_cli_and_the_api(
    client: TestClient, seeded_url: str
):
    """The change log has no page; the CLI and the API read the same listing
    (`listings.changes`) after the same bound (`history.time_bound`), a time with
    an offset read as UTC on both."""
    first = client.get(f"{API}/changes", params={"limit": 1}).json()["items"][0]
    at = datetime.fromisoformat(first["at"]).astimezone(UTC)
    later = at.astimezone(timezone(timedelta(hours=5))).isoformat(timespec="seconds")
    assert later.endswith("+05:00")
    cli = cli_json(seeded_url, "changes", "--since", later, "--limit", "50")
    api = client.get(f"{API}/changes", params={"since": later, "limit": 50}).json()
    utc = at.replace(microsecond=0, tzinfo=None).isoformat()
    same = client.get(f"{API}/changes", params={"since": utc, "limit": 50}).json()
    assert len(cli) == 50
    assert [c["change"] for c in cli] == [c["id"] for c in api["items"]]
    assert api == same
