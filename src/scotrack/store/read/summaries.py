"""Aggregates computed once per knowledge-base version and kept in memory (#18).

Counting the claims by status and the documents with pending claims reads every
claim (23 ms of the dashboard's 30 with 124,000 claims), and tallying every
agreement's parties on a day loads them all. Both change only when the knowledge
base does, and `history.kb_version` (the last change id and the number of
documents, what the response cache keys on) moves whenever they could: every
decision on a claim is a logged change and claims are only added with their
document. `Summaries` keeps each value with the version it was computed at, so a
request that finds the same version reads it from memory; the first request after
any change computes it again. One `Summaries` serves one database (the server keeps
one per app); it is safe to share between threads. It holds at most `MOST` values
at a time (values keyed by a record and a day, such as a state's record on the
day asked, would otherwise grow with the days asked until the next change).

A server's read request reads the version once (`reads_only`, `session_version`),
not once a kept value: it asked it up to three times (0.1-0.3 ms each of a 3 ms
budget), and a write landing between two of them could have answered one request
from two versions (#18).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from scotrack.store.history import kb_version

T = TypeVar("T")

_READS_ONLY = "scotrack.reads_only"
"""The `session.info` key marking a session that only reads."""
_VERSION = "scotrack.kb_version"
"""The `session.info` key of the version its transaction read."""


def reads_only(session: Session) -> Session:
    """`session`, marked as one that only reads (a server's GET): `session_version`
    reads its version once a transaction and keeps it."""
    session.info[_READS_ONLY] = True
    return session


def session_version(session: Session) -> tuple[int, int]:
    """`kb_version`, read once a transaction of a session that only reads
    (`reads_only`), so every kept value one request asks for is of one version;
    read each time by any other session, which may write between two asks. It is
    read again after the transaction ends or the session flushes."""
    if not session.info.get(_READS_ONLY):
        return kb_version(session)
    kept: tuple[int, int] | None = session.info.get(_VERSION)
    if kept is None:
        kept = session.info[_VERSION] = kb_version(session)
    return kept


@event.listens_for(Session, "after_transaction_end")
def _forget_at_end(session: Session, _transaction: SessionTransaction) -> None:
    session.info.pop(_VERSION, None)


@event.listens_for(Session, "after_flush")
def _forget_on_flush(session: Session, _context: Any) -> None:
    session.info.pop(_VERSION, None)


class Summaries:
    """Values keyed by name, each valid for the knowledge-base version it was
    computed at. One request computes a missing value while the others that ask
    for it at the same version wait for it (no stampede: 32 requests arriving
    together after a change computed the state page's network 32 times, and none
    answered within 5 seconds)."""

    WAIT_SECONDS = 60.0
    """How long a request waits for another's computation before doing its own."""
    MOST = 256
    """Values kept at most; past it, the one computed first is dropped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[int, int] | None = None
        self._values: dict[Hashable, Any] = {}
        self._computing: dict[tuple[tuple[int, int], Hashable], threading.Event] = {}

    def get(self, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`'s value for `key` at `session`'s version of the knowledge
        base: from memory if computed at that version, else computed now, once."""
        version = session_version(session)
        with self._lock:
            # a request that read the version before a change (versions only
            # grow) computes its value for itself: the newer values stay
            stale = self._version is not None and version < self._version
            if not stale:
                if version != self._version:
                    self._version, self._values = version, {}
                if key in self._values:
                    found: T = self._values[key]
                    return found
                running = self._computing.get((version, key))
                if running is None:
                    mine = self._computing[(version, key)] = threading.Event()
        if stale:
            return compute()
        if running is not None:
            running.wait(self.WAIT_SECONDS)
            with self._lock:
                if self._version == version and key in self._values:
                    kept: T = self._values[key]
                    return kept
            return compute()  # the other failed, timed out or a change came
        try:
            value = compute()
            with self._lock:
                if self._version == version:
                    self._values[key] = value
                    while len(self._values) > self.MOST:
                        del self._values[next(iter(self._values))]
            return value
        finally:
            with self._lock:
                self._computing.pop((version, key), None)
            mine.set()
