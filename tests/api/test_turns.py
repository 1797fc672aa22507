"""Reads take turns (#18): many concurrent reads hold at most `READ_SLOTS`
sessions, and a session is closed before its answer is sent.

The app is called as an ASGI application in one event loop, so the requests are
really concurrent (a TestClient sends one at a time)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import pytest
from sqlalchemy import event

from scotrack.api.app import create_app
from scotrack.api.database import READ_SLOTS
from scotrack.settings import Settings

Send = Callable[[dict[str, Any]], Awaitable[None]]


async def ask(app: Any, path: str, send: Send) -> None:
    """GET `path` from `app`, handing its answer's messages to `send`."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
        "state": {},
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    await app(scope, receive, send)


def checked_out(app: Any) -> Callable[[], tuple[int, int, int]]:
    """Count the app's pooled connections in use: (now, most at once, times
    taken)."""
    counts = {"now": 0, "peak": 0, "taken": 0}

    def out(*_args: Any) -> None:
        counts["now"] += 1
        counts["taken"] += 1
        counts["peak"] = max(counts["peak"], counts["now"])

    def back(*_args: Any) -> None:
        counts["now"] -= 1

    event.listen(app.state.engine, "checkout", out)
    event.listen(app.state.engine, "checkin", back)
    return lambda: (counts["now"], counts["peak"], counts["taken"])


@pytest.mark.parametrize("path", ["/api/v1/states", "/members"])
def test_concurrent_reads_hold_at_most_the_read_slots(seeded_url: str, path: str):
    app = create_app(Settings(db=seeded_url, cache=False))
    counts = checked_out(app)
    statuses: list[int] = []

    async def record(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    async def main() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(3 * READ_SLOTS + 2):
                group.start_soon(ask, app, path, record)

    anyio.run(main)
    app.state.engine.dispose()
    assert statuses == [200] * (3 * READ_SLOTS + 2)
    assert 1 <= counts()[1] <= READ_SLOTS


def test_a_client_that_reads_slowly_holds_no_connection(seeded_url: str):
    app = create_app(Settings(db=seeded_url, cache=False))
    counts = checked_out(app)
    in_use: list[int] = []

    async def slow_reader(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            in_use.append(counts()[0])  # what the app holds while it is sent

    anyio.run(ask, app, "/api/v1/states", slow_reader)
    app.state.engine.dispose()
    assert counts()[1] >= 1  # the route did read
    assert in_use == [0]


def test_concurrent_misses_of_one_answer_render_it_once(seeded_url: str):
    app = create_app(Settings(db=seeded_url, cache_seconds=3600))
    counts = checked_out(app)
    bodies: list[bytes] = []

    async def record(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            bodies.append(message["body"])

    async def main() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(10):
                group.start_soon(ask, app, "/api/v1/states", record)

    anyio.run(main)
    app.state.engine.dispose()
    assert len(bodies) == 10
    assert len(set(bodies)) == 1
    assert 1 <= counts()[2] <= 2  # the cache's look at the version, one rendering
