"""Extraction on a Dask cluster (#16): `--cluster local:N` or `--cluster ADDRESS`.

The same pipeline and the same chunking as worker processes (`workers.ChunkPool`):
chunks of files are tasks, each task returns its files' results (for `extract`,
the `sco-extract/1` bytes; for `ingest`, the prepared claims), never the cleaned
documents, and the caller writes them in input order. At most `AHEAD` chunks per
worker thread are out at a time, so memory stays flat whatever the corpus.

Dask recomputes a task whose worker was lost on another worker; a chunk that
keeps killing its workers (`KilledWorker`) is run again a file at a time and a
file that kills its worker again is reported by name, as with worker processes.

`local:N` starts a local cluster of N single-threaded worker processes for the
run and stops it after; any other value is the address of a running scheduler
(`tcp://host:8786`), whose workers must have scotrack installed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from scotrack.errors import InputError

CONNECT_SECONDS = 30
LOCAL_SCHEDULER = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}
"""A local cluster's scheduler serves no dashboard, and its HTTP server (which
it starts all the same) takes a free loopback port: by default it asks for
8787 and warns when another cluster has it, which a test run turns into an
error."""
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings of a local cluster's workers. The statistical profiler is off:
it samples the running task 100 times a second and keeps a second's call trees
for the last 1,000 seconds (`distributed.admin.low-level-log-length`), for a
dashboard a local run does not start, so a worker grew with the run's length
(about 40 MB in ten minutes of extraction, by tracemalloc in the worker)."""


class DaskPool:
    """What `ChunkPool` needs of an executor (`submit`, `shutdown`), on a Dask
    client; one pool for the whole run (a lost worker does not break it)."""

    restarts = False
    """A Dask cluster outlives a lost worker: no fresh pool is needed."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.futures: list[Any] = []
        """The tasks not finished when last looked at (for `shutdown` to cancel).
        A finished one is let go: a Dask worker keeps a task's result as long as
        any future of it lives, so holding every future kept every chunk's results
        in the workers' memory to the end of the run (818 MB a worker over 100,000
        pages); the caller's own future keeps a result until it is read."""

    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        future = self.client.submit(function, *args, pure=False)
        self.futures = [f for f in self.futures if not f.done()]
        self.futures.append(future)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        del wait
        if cancel_futures:
            self.client.cancel([f for f in self.futures if not f.done()])
        self.futures = []


def local_workers(spec: str) -> int | None:
    """N of a `local:N` spec (one to three digits), None for any other spec."""
    prefix, colon, count = spec.partition(":")
    if prefix == "local" and colon and 1 <= len(count) <= 3 and count.isdecimal():
        return int(count)
    return None


def cluster_spec(text: str) -> str:
    """`text` checked as a `--cluster` value; InputError saying what is wrong."""
    text = text.strip()
    local = local_workers(text)
    if local is not None:
        if not 1 <= local <= 64:
            raise InputError(f"--cluster {text}: local:N takes 1 to 64 workers")
        return text
    if text.startswith("local"):
        raise InputError(
            f"--cluster {text}: give local:N (N worker processes) or a scheduler "
            "address such as tcp://host:8786"
        )
    if "://" not in text and ":" not in text:
        raise InputError(
            f"--cluster {text}: not a scheduler address (tcp://host:8786) or local:N"
        )
    return text


@contextmanager
def dask_client(spec: str) -> Iterator[Any]:
    """A connected Dask client for `spec` (see `cluster_spec`), closed after;
    InputError when Dask is missing or the scheduler cannot be reached."""
    spec = cluster_spec(spec)
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise InputError(
            "--cluster: needs Dask (pip install 'dask[distributed]')"
        ) from err
    local = local_workers(spec)
    if local is not None:
        with (
            dask.config.set(LOCAL_CONFIG),
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=local,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                worker_dashboard_address=None,
                scheduler_kwargs=LOCAL_SCHEDULER,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client
        return
    try:
        client = Client(spec, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(
            f"--cluster {spec}: cannot reach the Dask scheduler ({reason})"
        ) from err
    with client:
        yield client


def worker_threads(client: Any) -> int:
    """How many tasks the cluster runs at once (at least 1)."""
    return max(1, int(sum(client.nthreads().values())))


def killed_worker() -> type[BaseException]:
    """Dask's error for a task whose workers kept dying."""
    from distributed import KilledWorker

    return KilledWorker


__all__ = ["DaskPool", "cluster_spec", "dask_client", "killed_worker", "worker_threads"]
