"""The Dask pool's bookkeeping: finished tasks are let go (#16)."""

from __future__ import annotations

from typing import Any

from scotrack.ingest.cluster import DaskPool


class _Future:
    def __init__(self) -> None:
        self.finished = False
        self.cancelled = False

    def done(self) -> bool:
        return self.finished


class _Client:
    def __init__(self) -> None:
        self.made: list[_Future] = []

    def submit(self, function: Any, *args: Any, pure: bool) -> _Future:
        assert pure is False
        self.made.append(_Future())
        return self.made[-1]

    def cancel(self, futures: list[_Future]) -> None:
        for future in futures:
            future.cancelled = True


def test_the_pool_holds_no_future_of_a_finished_task() -> None:
    """A Dask worker keeps a result while any future of it lives: the pool keeps
    only the unfinished ones, so results leave the workers once read."""
    client = _Client()
    pool = DaskPool(client)
    first, second = pool.submit(print), pool.submit(print)
    first.finished = True
    third = pool.submit(print)
    assert pool.futures == [second, third]


def test_shutdown_cancels_what_is_still_running() -> None:
    client = _Client()
    pool = DaskPool(client)
    done, running = pool.submit(print), pool.submit(print)
    done.finished = True
    pool.shutdown(cancel_futures=True)
    assert (done.cancelled, running.cancelled) == (False, True)
    assert pool.futures == []
