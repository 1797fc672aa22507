"""The response cache: anonymous reads replayed until the knowledge base moves."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from scotrack.api.app import create_app
from scotrack.api.cache import ResponseCache
from scotrack.settings import Settings
from scotrack.store.engine import make_engine, session_factory

from .conftest import bearer


def cache_of(app) -> ResponseCache:
    stack = app.middleware_stack
    while not isinstance(stack, ResponseCache):
        stack = stack.app
    return stack


def test_anonymous_reads_are_replayed_and_signed_in_ones_are_not(writable_url: str):
    app = create_app(Settings(db=writable_url, cache_seconds=3600))
    with TestClient(app) as client:
        first = client.get("/api/v1")
        cache = cache_of(app)
        assert (cache.hits, cache.misses) == (0, 1)
        again = client.get("/api/v1")
        assert again.content == first.content
        assert cache.hits == 1
        # the replayed answer still carries the security headers
        assert "object-src 'none'" in again.headers["content-security-policy"]
        assert client.get("/api/v1", headers=bearer("sct_x")).status_code == 401
        assert cache.hits == 1


def test_a_write_through_the_server_is_seen_at_once(writable_url: str, tokens):
    app = create_app(Settings(db=writable_url, cache_seconds=3600))
    with TestClient(app) as client:
        before = client.get("/api/v1").json()["counts"]
        made = client.post(
            "/api/v1/tokens",
            json={"name": "erin", "role": "reviewer"},
            headers=bearer(tokens["admin"]),
        )
        assert made.status_code == 201
        # a token is not a fact: the version holds, but the cache was dropped
        assert client.get("/api/v1").json()["counts"] == before
        assert cache_of(app).misses == 2


def test_a_write_by_another_process_shows_within_the_check_interval(
    writable_url: str,
):
    app = create_app(Settings(db=writable_url, cache_seconds=0.2))
    with TestClient(app) as client:
        before = client.get("/api/v1").json()["last_change"]
        engine = make_engine(writable_url)
        try:
            from scotrack.store.history import Recorder

            with session_factory(engine).begin() as session:
                Recorder(session, "someone", "edit").record(
                    "state", "CHN", {"name": "China"}, {"name": "China!"}
                )
        finally:
            engine.dispose()
        time.sleep(0.3)
        assert client.get("/api/v1").json()["last_change"] == before + 1


def test_a_refused_write_keeps_the_cache(writable_url: str):
    app = create_app(Settings(db=writable_url, cache_seconds=3600))
    with TestClient(app) as client:
        client.get("/api/v1")
        refused = client.post("/api/v1/tokens", json={"name": "x", "role": "admin"})
        assert refused.status_code == 401
        client.get("/api/v1")
        assert (cache_of(app).hits, cache_of(app).misses) == (1, 1)
