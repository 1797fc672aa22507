"""Lists and a meeting's documents and sources asked of the three surfaces: the
CLI (`--format json`), /api/v1/... and the pages (`?format=json` or the HTML)
read one store function each and give the same ids in the same order (#15)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim

from .conftest import client_for

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
