"""Worker processes (#16): bounded hand-out, and a worker that dies costs only
the file it was extracting, without a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.pipeline import extract_file
from scotrack.ingest.workers import AHEAD, ChunkPool, chunk_size, chunks

SRC = Path(__file__).resolve().parents[2] / "src"
PAGE = "SCO ministers meet\n\nThe foreign ministers of the SCO met in Astana.\n"


def _pages(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"p{n:03}.txt"
        path.write_text(PAGE, encoding="utf-8")
        paths.append(path)
    return paths


def test_chunk_size_gives_every_worker_several() -> None:
    assert chunk_size(1, 2) == 1
    assert chunk_size(160, 2) == 10
    assert chunk_size(100_000, 2) == 32


def test_an_archive_is_a_task_of_its_own_whatever_the_corpus() -> None:
    """A task's results are held whole until read: a chunk of several archives
    made workers grow with the number of files (6 Parquet files of 1,000 pages
    a task at 100,000 pages)."""
    names = ["a.parquet", "b.warc.gz", "c.jsonl", "d.jsonl.gz", "e.NDJSON"]
    archives = [Path(f"{n:04}{name}") for n in range(200) for name in names]
    assert chunks(archives, 2) == [[path] for path in archives]
    pages = [Path(f"p{n:03}.txt") for n in range(160)]
    mixed = [*pages[:5], archives[0], *pages[5:], archives[1]]
    found = chunks(mixed, 2)
    assert [path for part in found for path in part] == mixed
    assert found[:2] == [pages[:5], [archives[0]]]
    assert found[-1] == [archives[1]]
    assert max(len(part) for part in found) == chunk_size(len(mixed), 2)


@pytest.mark.slow
def test_chunks_are_handed_out_only_as_results_are_taken(tmp_path: Path) -> None:
    files = _pages(tmp_path, 160)
    run = partial(extract_file, options=ExtractOptions())
    pool = ChunkPool(files, run, 2)
    results = pool.results()
    first = next(results)
    assert first[0].id == "p000"
    chunks = len(files) // chunk_size(len(files), 2)
    assert pool.submitted <= AHEAD * 2 < chunks
    assert len([first, *results]) == len(files)
    assert pool.submitted == chunks


SCRIPT = """
import json, os, signal, sys
from pathlib import Path
from scotrack.ingest.pipeline import extract_paths

def then(doc):
    if doc.id == "p005":
        os.kill(os.getpid(), signal.SIGKILL)  # a worker dies hard on this page
    return doc.id

if __name__ == "__main__":
    found = []
    for result in extract_paths([sys.argv[1]], workers=2, then=then):
        found.append(result if isinstance(result, str) else f"ERR {result}")
    print(json.dumps(found))
"""


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_only_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    _pages(folder, 40)
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, str(script), str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert len(found) == 40
    (error,) = [item for item in found if item.startswith("ERR")]
    assert "p005.txt" in error
    assert "a worker process died" in error
    assert [item for item in found if not item.startswith("ERR")] == [
        f"p{n:03}" for n in range(40) if n != 5
    ]


def test_a_pool_shuts_down_and_waits_once_its_last_result_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller reads every result: the pool shuts down, waiting for its
    workers, as the results run out (not later, when it is collected)."""
    from concurrent.futures import ProcessPoolExecutor

    from scotrack.ingest.pipeline import extract_paths

    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text("The SCO met in Astana on 4 July 2024.\n")
    calls: list[bool] = []
    real = ProcessPoolExecutor.shutdown

    def recorded(self: ProcessPoolExecutor, wait: bool = True, **kw: bool) -> None:
        calls.append(wait)
        real(self, wait=wait, **kw)

    monkeypatch.setattr(ProcessPoolExecutor, "shutdown", recorded)
    results = extract_paths([tmp_path], workers=2)
    assert len([next(results) for _ in range(3)]) == 3
    assert calls == []
    assert list(results) == []
    assert calls == [True]


@pytest.mark.slow
@pytest.mark.issue(16)
def test_a_large_file_is_several_tasks_with_the_whole_files_results(
    tmp_path: Path,
) -> None:
    """A JSON Lines file of more records than `range_records` is cut into
    tasks, scanned by the workers, and its results are the whole file's, in
    order (ids, line numbers in errors)."""
    from scotrack.ingest.read.ranges import plan

    path = tmp_path / "lines.jsonl"
    lines = [
        json.dumps({"text": f"The SCO ministers met in Astana on {n % 28 + 1} May."})
        for n in range(24)
    ]
    lines[9] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ExtractOptions(range_records=5)
    run = partial(extract_file, options=options)
    pool = ChunkPool([path], run, 2, plan=partial(plan, options=options))
    found = [list(results) for results in pool.results()]
    assert pool.submitted == 5
    assert [_seen(results) for results in found] == [_seen(run(path))]


def _seen(results: list[Any]) -> list[str]:
    return [str(doc) if isinstance(doc, DocumentError) else doc.id for doc in results]
