"""Worker processes for `pipeline.extract_paths`: chunks of files out, each file's
results back in input order (#16).

A `concurrent.futures.ProcessPoolExecutor` of spawned processes. At most `AHEAD`
chunks per worker are submitted beyond those the caller has taken, so a slow
consumer never holds the corpus in memory.

A worker that dies (killed, out of memory, a crash inside a C library) breaks the
pool, and `concurrent.futures` says so instead of waiting for it forever (as
`multiprocessing.Pool` did). The chunk it was working on is then run again a file
at a time in a fresh pool: a file that kills its worker again is reported as a
`DocumentError` naming it, the other files' results are kept, and the chunks
that were waiting are run as before.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from scotrack.errors import DocumentError
from scotrack.ingest.read.files import holds_many
from scotrack.ingest.read.ranges import Piece, Submit, Unit, unit_path, units_results

AHEAD = 4
"""Chunks per worker that may be done or under way before the caller takes them."""

DIED = (
    "a worker process died while extracting this file (killed, out of memory, or "
    "a crash); the rest of the batch goes on"
)

DIED_PIECE = (
    "a worker process died while extracting records {first:,} to {last:,} of this "
    "file (killed, out of memory, or a crash); the rest of the batch goes on"
)

FileResults = list[Any]
"""What one file (or piece of one) gives: its documents' results and errors,
in order."""
Run = Callable[[Unit], FileResults]
PartRun = Callable[[str, list[Unit]], list[FileResults]]
Plan = Callable[..., list[Unit]]
"""`plan(files, submit=...)`: the units the tasks read (`ranges.plan`)."""
"""Runs a named chunk: `extract --out-format parquet` writes it as the
partition of that name (`partitions.write_partition`)."""


def chunk_size(files: int, workers: int) -> int:
    """Files per task: enough that a task outweighs its cost, small enough that
    every worker gets several."""
    return max(1, min(32, files // (workers * 8)))


def run_chunk(paths: list[Unit], run: Run) -> list[FileResults]:
    """Each file's results, in a worker process."""
    return [run(path) for path in paths]


def run_named_chunk(name: str, paths: list[Unit], run: Run) -> list[FileResults]:
    """`run_chunk`, for a pool that names its chunks (the name unused)."""
    del name
    return run_chunk(paths, run)


def chunks(files: Sequence[Unit], workers: int) -> list[list[Unit]]:
    """`files` in chunks of `chunk_size`, in order; a file that may hold many
    documents (WARC, Parquet, JSON Lines), or a piece of one, is a chunk of its
    own.

    A task's results are held whole where it ran until the caller takes them,
    and `chunk_size` grows with the number of files: chunks of archives made a
    worker grow with the corpus (Parquet files of 1,000 pages, 7.5 MB of
    `sco-extract/1` each: a file a task at 10,000 pages, 6 at 100,000). A task
    now holds at most one archive's results, whatever the corpus (#16)."""
    size = chunk_size(len(files), workers)
    found: list[list[Unit]] = []
    pages: list[Unit] = []
    for path in files:
        if isinstance(path, Piece) or holds_many(path):
            if pages:
                found.append(pages)
                pages = []
            found.append([path])
            continue
        pages.append(path)
        if len(pages) == size:
            found.append(pages)
            pages = []
    if pages:
        found.append(pages)
    return found


def chunk_name(number: int) -> str:
    """The name of a run's chunk `number` (from 0): five digits."""
    return f"{number:05d}"


class Executor(Protocol):
    """What a pool needs of an executor: `ProcessPoolExecutor`, or a Dask client
    (`cluster.DaskPool`)."""

    def submit(self, function: Callable[..., Any], /, *args: Any) -> Any: ...

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None: ...


def process_pool(workers: int) -> ProcessPoolExecutor:
    """`workers` spawned processes."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


class ChunkPool:
    """The files of one run shared out to `workers` spawned processes, or to
    the executor `new_pool` makes (`broken`: the errors that say a worker died
    under a task; `restarts`: whether the executor is then unusable, as a
    process pool is, and must be made again).

    Each chunk is run by `run` a file at a time or, when `run_part` is given
    instead, by `run_part(name, files)`: its name is its number
    (`chunk_name`), and `-K` after it for the K-th file of a chunk run again a
    file at a time. With `plan`, the files are first made into the units the
    tasks read (a large file cut into pieces, `ranges.plan`), with the pool's
    workers scanning them."""

    def __init__(
        self,
        files: list[Path],
        run: Run | None,
        workers: int,
        *,
        new_pool: Callable[[], Executor] | None = None,
        broken: tuple[type[BaseException], ...] = (BrokenProcessPool,),
        restarts: bool = True,
        run_part: PartRun | None = None,
        plan: Plan | None = None,
    ) -> None:
        if run_part is None:
            if run is None:
                raise ValueError("ChunkPool needs run or run_part")
            run_part = partial(run_named_chunk, run=run)
        self.run_part = run_part
        self.workers = workers
        self.broken = broken
        self.restarts = restarts
        self.submitted = 0
        """Chunks handed to the pool so far (a test reads it)."""
        self.pending: deque[tuple[str, list[Unit], Any]] = deque()
        self.todo: deque[tuple[str, list[Unit]]] = deque()
        self._new_pool = new_pool or partial(process_pool, workers)
        self.pool = self._new_pool()
        self.units: list[Unit] = list(files)
        if plan is not None:
            self.units = plan(files, submit=self._scan)
        self.todo.extend(
            (chunk_name(number), part)
            for number, part in enumerate(chunks(self.units, workers))
        )

    def _scan(self, function: Callable[..., Any], *args: Any) -> Any:
        """`function(*args)` submitted for the plan (a scan); a pool that broke
        under an earlier scan is made again first."""
        try:
            return self.pool.submit(function, *args)
        except self.broken:
            self._restart()
            return self.pool.submit(function, *args)

    def results(self) -> Iterator[Iterable[Any]]:
        """Each file's results, in input order (a file cut into pieces gives
        theirs in turn)."""
        return units_results(self.units, self._unit_results())

    def _unit_results(self) -> Iterator[FileResults]:
        """Each unit's results, in order."""
        try:
            while self.todo or self.pending:
                self._fill()
                name, part, future = self.pending.popleft()
                try:
                    batch = future.result()
                except self.broken:
                    batch = self._rescue(name, part)
                yield from batch
        except BaseException:
            # stopped early (an error, ^C, the caller gone): do not wait for
            # the chunks under way, the workers stop once they are done
            self.pool.shutdown(wait=False, cancel_futures=True)
            raise
        self.pool.shutdown(wait=True)

    def _fill(self) -> None:
        """Submit chunks until `AHEAD` per worker are under way."""
        while self.todo and len(self.pending) < AHEAD * self.workers:
            name, part = self.todo.popleft()
            try:
                future = self.pool.submit(self.run_part, name, part)
            except self.broken:
                self.todo.appendleft((name, part))
                if self.pending:
                    return  # the next result says which chunk broke it
                self._restart()
                continue
            self.submitted += 1
            self.pending.append((name, part, future))

    def _restart(self) -> None:
        """A fresh pool; the chunks the broken one held go back to be run (an
        executor that outlives a lost worker is kept, with its tasks)."""
        if not self.restarts:
            return
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.todo.extendleft(reversed([(name, part) for name, part, _ in self.pending]))
        self.pending.clear()
        self.pool = self._new_pool()

    def _rescue(self, name: str, part: list[Unit]) -> list[FileResults]:
        """The results of a chunk whose worker died, a file at a time; a file
        that kills its worker again is reported, and the run goes on."""
        self._restart()
        found: list[FileResults] = []
        for number, path in enumerate(part):
            single = f"{name}-{number:03d}"
            try:
                found.append(
                    self.pool.submit(self.run_part, single, [path]).result()[0]
                )
            except self.broken:
                found.append([_died(path)])
                self._restart()
        return found


def _died(unit: Unit) -> DocumentError:
    """The error for a file or piece whose worker kept dying."""
    if isinstance(unit, Piece):
        reason = DIED_PIECE.format(first=unit.first + 1, last=unit.last)
        return DocumentError(unit.where(), reason)
    return DocumentError(str(unit_path(unit)), DIED)


__all__ = [
    "AHEAD",
    "DIED",
    "ChunkPool",
    "Executor",
    "PartRun",
    "Plan",
    "Submit",
    "chunk_name",
    "chunk_size",
    "chunks",
    "process_pool",
    "run_chunk",
    "run_named_chunk",
]
