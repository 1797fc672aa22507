"""The values the server keeps per knowledge-base version: one request reads the
version once, and a write shows in the next request (#18)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from scotrack.api.app import create_app
from scotrack.settings import Settings

from .conftest import bearer

API = "/api/v1"
VERSION_QUERY = re.compile(r'max\("?change"?\.id\)', re.IGNORECASE)
"""How `history.kb_version`'s statement reads the last change."""
READS = (
    "/",
    "/agreements",
    "/agreements?on=2010-01-01",
    "/states/CHN",
    "/meetings",
    "/documents",
    "/search?q=energy",
    f"{API}/agreements",
    f"{API}/states/CHN",
    f"{API}/meetings",
    f"{API}/search?q=energy",
)
"""Pages and API reads that ask for more than one kept value."""


@contextmanager
def uncached(url: str) -> Iterator[tuple[TestClient, list[str]]]:
    """A client of an app without the response cache (whose own look at the
    version would be counted too), and the version statements its engine runs."""
    app = create_app(Settings(db=url, cache=False))
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if VERSION_QUERY.search(statement):
            seen.append(statement)

    event.listen(app.state.engine, "before_cursor_execute", count)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, seen


@pytest.mark.issue(18)
@pytest.mark.parametrize("path", READS)
def test_a_request_reads_the_version_once(seeded_url: str, path: str) -> None:
    with uncached(seeded_url) as (client, seen):
        for ask in ("computes", "finds kept"):
            seen.clear()
            answer = client.get(path)
            assert answer.status_code == 200, answer.text
            assert len(seen) == 1, f"{path} ({ask}) read the version {len(seen)} times"


@pytest.mark.issue(18)
def test_a_write_between_two_requests_is_seen_by_the_second(
    writable_url: str, tokens: dict[str, str]
) -> None:
    path = f"{API}/meetings"

    def hos_2017(client: TestClient) -> dict[str, Any]:
        answer = client.get(path, params={"limit": 200})
        assert answer.status_code == 200, answer.text
        found: dict[str, Any] = next(
            m for m in answer.json()["items"] if m["id"] == "hos-2017"
        )
        return found

    with uncached(writable_url) as (client, _seen):
        before = hos_2017(client)
        assert before["format"] != "hybrid"
        assert hos_2017(client) == before  # kept
        done = client.patch(
            f"{API}/entities/meeting/hos-2017",
            json={"set": {"format": "hybrid"}, "reason": "per the MFA"},
            headers=bearer(tokens["editor"]),
        )
        assert done.status_code == 200, done.text
        assert hos_2017(client)["format"] == "hybrid"
