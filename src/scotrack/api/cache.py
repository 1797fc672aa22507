"""A cache of anonymous read answers, kept exactly as long as the knowledge base
does not change.

Most requests are anonymous reads of pages and lists that change only when the
knowledge base does. This ASGI middleware keeps the answers to anonymous GETs
(no Authorization header, no session cookie) keyed by path and query, tagged with
the knowledge base's version (`store.history.kb_version`): the last change id and
the number of documents. Every decision on a claim and every change to a fact is
logged, and documents (with their claims) are only ever added, so the version
moves whenever an answer could.

The version is read at most once every `check_seconds` (a write by another
process, such as `scotrack ingest` or a second server worker, shows within that
time), and at once after any successful write through this process.

One request renders a missing answer while the others asking for it wait and
replay it (#18): after each change, 32 clients asking for one page rendered it 32
times. Should it not be kept (not a 200, too large, or the version moved), each
waiting request renders its own.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scotrack.api.access import COOKIE
from scotrack.errors import DatabaseUnavailable

Version = tuple[int, int]

MAX_ENTRIES = 1_000
MAX_BODY_BYTES = 1_000_000
"""Answers larger than this are not kept (the cache holds at most about 1 GB only
in theory; real pages are a few to a few hundred KB)."""
MAX_TOTAL_BYTES = 64_000_000


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """ASGI middleware: replay anonymous GET answers while the version holds."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        version: Callable[[], Version],
        check_seconds: float = 1.0,
        skip_prefixes: tuple[str, ...] = ("/static/",),
    ) -> None:
        self.app = app
        self.version = version
        self.check_seconds = check_seconds
        self.skip_prefixes = skip_prefixes
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.total = 0
        self.known: Version | None = None
        self.checked_at = 0.0
        self.hits = 0
        self.misses = 0
        self.checking = anyio.Lock()
        self.filling: dict[bytes, anyio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, self._forgetting_on_success(send))
            return
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        try:
            await self._refresh()
        except DatabaseUnavailable:  # the route answers 503; nothing is cached
            self.forget()
            await self.app(scope, receive, send)
            return
        running = self.filling.get(key)
        if running is not None:  # another request is rendering it: wait
            await running.wait()
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            await _replay(entry, send, head=scope["method"] == "HEAD")
            return
        self.misses += 1
        if key in self.filling:  # it was not kept; another waiter renders it
            await self._fill(key, scope, receive, send)
            return
        done = self.filling[key] = anyio.Event()
        try:
            await self._fill(key, scope, receive, send)
        finally:
            del self.filling[key]
            done.set()

    def _forgetting_on_success(self, send: Send) -> Send:
        """`send`, dropping the cache when the answer says a write succeeded; a
        refused write (401, 403, 413, 422 ...) changed nothing and keeps it."""

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                self.forget()
            await send(message)

        return watched

    def forget(self) -> None:
        """Drop every answer and read the version again on the next request."""
        self.entries.clear()
        self.total = 0
        self.known = None
        self.checked_at = 0.0

    def _key(self, scope: Scope) -> bytes | None:
        path: str = scope.get("path", "")
        if path.startswith(self.skip_prefixes):
            return None
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                return None
            if name == b"cookie" and COOKIE.encode() in value:
                return None
        query: bytes = scope.get("query_string", b"")
        return path.encode() + b"?" + query

    def _fresh(self) -> bool:
        elapsed = time.monotonic() - self.checked_at
        return self.known is not None and elapsed < self.check_seconds

    async def _refresh(self) -> None:
        if self._fresh():
            return
        async with self.checking:  # one look at a time; the others wait for it
            if self._fresh():
                return
            await self._check()

    async def _check(self) -> None:
        version = await anyio.to_thread.run_sync(self.version)
        self.checked_at = time.monotonic()
        if version != self.known:
            self.entries.clear()
            self.total = 0
            self.known = version

    async def _fill(
        self, key: bytes, scope: Scope, receive: Receive, send: Send
    ) -> None:
        version = self.known
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def recording(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_BODY_BYTES:
                    keep = False
            await send(message)

        await self.app(scope, receive, recording)
        if not keep or start is None or version != self.known or version is None:
            return
        if scope["method"] == "HEAD":
            return
        body = b"".join(chunks)
        self._store(key, Entry(start["status"], list(start.get("headers", [])), body))

    def _store(self, key: bytes, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.total -= len(old.body)
        self.entries[key] = entry
        self.total += len(entry.body)
        while self.entries and (
            len(self.entries) > MAX_ENTRIES or self.total > MAX_TOTAL_BYTES
        ):
            _, dropped = self.entries.popitem(last=False)
            self.total -= len(dropped.body)


async def _replay(entry: Entry, send: Send, *, head: bool) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": entry.status,
            "headers": entry.headers,
        }
    )
    await send({"type": "http.response.body", "body": b"" if head else entry.body})
