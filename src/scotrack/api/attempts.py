"""Failed sign-ins, limited per client address (#18).

Every check of a token that fails (an API bearer token, the sign-in form, a
session cookie) counts against the client's address. After FAILURES failures
within WINDOW seconds, the address may not try again until the oldest of them
is WINDOW old: API requests and the sign-in form answer 429 with Retry-After,
and a session cookie is not checked (the page is shown as to anyone).

Sign-in takes only the token's secret, which names no account, so the limit is
per address; a token is 256 random bits, so the limit is against noise and
scanners more than against guessing. The counts live in the server process
(each worker counts its own); behind a proxy, run uvicorn with
`--proxy-headers` so the address is the client's, not the proxy's.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import Request

from scotrack.api.errors import ApiError

FAILURES = 5
WINDOW = 60.0
ADDRESSES = 10_000
"""Addresses remembered at most; the least recently failing are forgotten."""


class FailedSignIns:
    """Recent failed token checks by client address."""

    def __init__(
        self,
        *,
        failures: int = FAILURES,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures = failures
        self.window = window
        self.clock = clock
        self.recent: OrderedDict[str, deque[float]] = OrderedDict()
        self.lock = threading.Lock()

    def wait(self, address: str) -> int:
        """Seconds `address` must wait before its next try; 0: it may try."""
        with self.lock:
            times = self._pruned(address)
            if times is None or len(times) < self.failures:
                return 0
            return max(1, math.ceil(times[0] + self.window - self.clock()))

    def fail(self, address: str) -> None:
        """Count a failed try from `address`."""
        with self.lock:
            times = self._pruned(address) or deque()
            times.append(self.clock())
            self.recent[address] = times
            self.recent.move_to_end(address)
            while len(self.recent) > ADDRESSES:
                self.recent.popitem(last=False)

    def _pruned(self, address: str) -> deque[float] | None:
        times = self.recent.get(address)
        if times is None:
            return None
        oldest = self.clock() - self.window
        while times and times[0] <= oldest:
            times.popleft()
        if not times:
            del self.recent[address]
            return None
        return times


def address_of(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def failed_sign_ins(request: Request) -> FailedSignIns:
    limiter: FailedSignIns = request.app.state.failed_sign_ins
    return limiter


def refuse_if_limited(request: Request) -> None:
    """429 with Retry-After when the caller's address failed too often."""
    seconds = failed_sign_ins(request).wait(address_of(request))
    if seconds:
        raise ApiError(
            429,
            f"too many failed sign-ins from this address; try again in "
            f"{seconds} seconds",
            headers={"Retry-After": str(seconds)},
        )


def count_failure(request: Request) -> None:
    failed_sign_ins(request).fail(address_of(request))
