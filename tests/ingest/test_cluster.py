"""The Dask pool's bookkeeping: finished tasks are let go, and a local
cluster's workers keep nothing per task after a run (#16)."""

from __future__ import annotations

import gzip
from functools import partial
from pathlib import Path
from typing import Any

import orjson
import pytest

from scotrack.ingest.cluster import DaskPool, dask_client
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.output import Extracted, extracted
from scotrack.ingest.pipeline import extract_paths


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


@pytest.mark.slow
def test_a_local_clusters_workers_keep_nothing_per_task(tmp_path: Path) -> None:
    """What a worker could keep for each task is checked after a run: results
    (every future let go), the scheduler's tasks, and the profiler's call trees
    (a tree a second for the last 1,000 seconds, about 40 MB in ten minutes of
    extraction: off in a local cluster)."""
    files = []
    for number in range(6):
        path = tmp_path / f"part{number}.jsonl"
        lines = [
            {"id": f"d{number}-{n}", "text": f"The SCO met in Astana on {n + 1} July."}
            for n in range(3)
        ]
        path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines))
        files.append(path)

    def held(dask_worker: Any) -> dict[str, int]:
        return {
            "results": len(dask_worker.data),
            "tasks": len(dask_worker.state.tasks),
            "profiles": len(dask_worker.profile_history),
        }

    def scheduled(dask_scheduler: Any) -> int:
        return len(dask_scheduler.tasks)

    made = partial(extracted, with_evidence=False)
    with dask_client("local:2") as client:
        address = client.scheduler.address
        found = list(extract_paths(files, then=made, cluster=address))
        workers = client.run(held)
        tasks = client.run_on_scheduler(scheduled)
    assert [doc.id for doc in found if isinstance(doc, Extracted)] == [
        f"d{number}-{n}" for number in range(6) for n in range(3)
    ]
    assert list(workers.values()) == [{"results": 0, "tasks": 0, "profiles": 0}] * 2
    assert tasks == 0


@pytest.mark.slow
@pytest.mark.issue(16)
def test_large_files_cut_into_tasks_on_a_cluster_give_the_whole_files_results(
    tmp_path: Path,
) -> None:
    """WARC, WARC.gz, JSON Lines (also gzipped) and Parquet files of more records than
    `range_records`, each several tasks on a local cluster of 2, give the
    `sco-extract/1` bytes and the partitions' rows that reading each file whole
    in one process gives, in the same order."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from tests.ingest.read.test_archives import PAGE, _warc

    from scotrack.ingest.partitions import write_partitions
    from scotrack.ingest.read.partitions import partition_documents
    from scotrack.ingest.read.ranges import plan

    records = []
    for n in range(7):
        page = PAGE.replace("Tashkent", f"Tashkent on {n + 1} May").encode()
        records.append(("request", f"https://example.org/{n}", b"", ""))
        records.append(("response", f"https://example.org/{n}", page, "text/html"))
    texts = [f"The SCO ministers met in Astana on {n + 1} June." for n in range(7)]
    jsonl = tmp_path / "in" / "lines.jsonl"
    jsonl.parent.mkdir()
    jsonl.write_bytes(b"\n".join(orjson.dumps({"text": text}) for text in texts))
    parquet = tmp_path / "in" / "rows.parquet"
    pq.write_table(pa.table({"text": texts}), parquet, row_group_size=2)
    packed = tmp_path / "in" / "packed.jsonl.gz"
    packed.write_bytes(gzip.compress(jsonl.read_bytes()))
    files = [
        _warc(tmp_path / "in" / "crawl.warc", records, gz=False),
        _warc(tmp_path / "in" / "crawl.warc.gz", records, gz=True),
        jsonl,
        packed,
        parquet,
    ]
    whole = ExtractOptions(range_records=0, with_implementations=False)
    cut = ExtractOptions(range_records=3, with_implementations=False)
    units = plan(files, cut, lambda function, *args: _Done(function(*args)))
    assert len(units) == 5 + 5 + 3 + 3 + 2  # a WARC's 14 records: 7 pages

    made = partial(extracted, with_evidence=True)

    def seen(results: Any) -> list[Any]:
        return [(doc.id, doc.path, doc.data) for doc in results]

    expected = seen(extract_paths(files, whole, then=made))
    assert len(expected) == 35
    with dask_client("local:2") as client:
        address = client.scheduler.address
        assert seen(extract_paths(files, cut, then=made, cluster=address)) == expected
        list(write_partitions(files, tmp_path / "cut", cut, cluster=address))
    list(write_partitions(files, tmp_path / "whole", whole))

    def rows(out: Path) -> list[Any]:
        found = []
        for part in sorted((out / "documents").glob("*.parquet")):
            found += [
                (doc.id, doc.path, doc.raw_text) for doc in partition_documents(part)
            ]
        return found

    assert len(list((tmp_path / "cut" / "documents").glob("*.parquet"))) == 18
    assert rows(tmp_path / "cut") == rows(tmp_path / "whole")
    assert [row[0] for row in rows(tmp_path / "whole")] == [doc[0] for doc in expected]


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value
