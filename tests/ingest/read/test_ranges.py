"""A large archive cut into pieces reads as the whole file does (#16)."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.ingest.read.test_archives import PAGE, _warc

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read import ranges
from scotrack.ingest.read.files import read_file, read_piece
from scotrack.ingest.read.ranges import Piece, plan, units_results

OPTIONS = ExtractOptions(range_records=4)


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _here(function: Callable[..., Any], *args: Any) -> _Done:
    """A scan run at once, as a worker would run it."""
    return _Done(function(*args))


def _records(count: int) -> list[tuple[str, str, bytes, str]]:
    found = []
    for n in range(count):
        page = PAGE.replace("Tashkent", f"Tashkent {n}").encode()
        found.append(("request", f"https://example.org/{n}", b"", ""))
        found.append(("response", f"https://example.org/{n}", page, "text/html"))
    return found


def _jsonl(path: Path) -> Path:
    lines = [
        b"" if n % 5 == 0 else orjson.dumps({"text": f"The SCO met, line {n}."})
        for n in range(40)
    ]
    lines[17] = b"{not json"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _packed(path: Path) -> Path:
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    return packed


def _parquet(path: Path, rows: int = 30) -> Path:
    table = pa.table({"text": [f"The SCO met, row {n}." for n in range(rows)]})
    pq.write_table(table, path, row_group_size=3)
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    "warc": lambda folder: _warc(folder / "crawl.warc", _records(15), gz=False),
    "warc.gz": lambda folder: _warc(folder / "crawl.warc.gz", _records(15), gz=True),
    "jsonl": lambda folder: _jsonl(folder / "lines.jsonl"),
    "jsonl.gz": lambda folder: _packed(_jsonl(folder / "lines.jsonl")),
    "parquet": lambda folder: _parquet(folder / "rows.parquet"),
}


def _seen(results: Any) -> list[Any]:
    """What a result says: a document's fields, an error's text."""
    return [
        str(item)
        if isinstance(item, DocumentError)
        else (item.id, item.path, item.url, item.text, item.html)
        for item in results
    ]


@pytest.mark.parametrize("scan", [97, 1000, 1 << 20])
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_the_pieces_of_a_large_file_read_as_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, scan: int
) -> None:
    """Windows smaller and larger than a record: every record that straddles a
    window's edge is read once, by the piece it starts in, with its number in
    the file (ids, error names)."""
    monkeypatch.setattr(ranges, "SCAN_BYTES", scan)
    path = MAKERS[kind](tmp_path)
    units = plan([path], OPTIONS, _here)
    pieces = [unit for unit in units if isinstance(unit, Piece)]
    assert len(pieces) == len(units) >= 4
    assert [piece.index for piece in pieces] == list(range(len(pieces)))
    whole = _seen(read_file(path, OPTIONS))
    cut = [seen for piece in pieces for seen in _seen(read_piece(piece, OPTIONS))]
    assert cut == whole
    assert len({seen[0] for seen in cut if isinstance(seen, tuple)}) == len(
        [seen for seen in cut if isinstance(seen, tuple)]
    )


def test_a_bad_line_in_a_piece_is_named_by_its_line_in_the_file(
    tmp_path: Path,
) -> None:
    path = _jsonl(tmp_path / "lines.jsonl")
    units = plan([path], OPTIONS, _here)
    errors = [
        item.path
        for unit in units
        if isinstance(unit, Piece)
        for item in read_piece(unit, OPTIONS)
        if isinstance(item, DocumentError)
    ]
    assert errors == [f"{path}:18"]


def test_small_files_broken_gzip_and_pages_are_one_unit(tmp_path: Path) -> None:
    small = _warc(tmp_path / "small.warc.gz", _records(2), gz=True)
    lines = _jsonl(tmp_path / "lines.jsonl")
    packed = _packed(lines)
    packed.write_bytes(packed.read_bytes()[:-30])  # truncated: read whole
    text = tmp_path / "page.txt"
    text.write_text("The SCO met.", encoding="utf-8")
    files = [small, packed, text]
    assert plan(files, OPTIONS, _here) == files
    assert plan([lines], ExtractOptions(range_records=0), _here) == [lines]


def test_a_gzip_warc_whose_scan_finds_damage_is_read_whole(tmp_path: Path) -> None:
    """A member that does not inflate (or one whole-file gzip stream) is not
    cut: the file is read as before, and its errors are today's."""
    path = _warc(tmp_path / "crawl.warc.gz", _records(15), gz=True)
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 40] = bytes(40)
    path.write_bytes(bytes(data))
    assert plan([path], OPTIONS, _here) == [path]
    plain = _warc(tmp_path / "one.warc", _records(15), gz=False)
    single = tmp_path / "one.warc.gz"
    single.write_bytes(gzip.compress(plain.read_bytes()))
    assert plan([single], OPTIONS, _here) == [single]


def test_a_cut_file_without_a_page_reports_as_the_whole_file(tmp_path: Path) -> None:
    records = [("request", f"https://example.org/{n}", b"", "") for n in range(12)]
    path = _warc(tmp_path / "requests.warc.gz", records, gz=True)
    units = plan([path], OPTIONS, _here)
    assert len(units) == 3
    batches = iter([list(read_piece(unit, OPTIONS)) for unit in units])  # type: ignore[arg-type]
    found = [list(results) for results in units_results(units, batches)]
    assert _seen(found[0]) == _seen(read_file(path, OPTIONS))
    assert [str(err) for err in found[0]] == [f"{path}: no HTML page in this WARC file"]


def test_a_plain_warc_with_a_wrong_length_is_read_whole(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc", _records(15), gz=False)
    data = path.read_bytes()
    at = data.index(b"Content-Length: ", len(data) // 2) + len(b"Content-Length: ")
    path.write_bytes(data[:at] + b"9" + data[at:])
    assert plan([path], OPTIONS, _here) == [path]
    assert any(isinstance(item, DocumentError) for item in read_file(path, OPTIONS))
    assert all(
        isinstance(item, RawDocument | DocumentError)
        for item in read_file(path, OPTIONS)
    )


def test_a_partition_extract_wrote_is_read_whole(tmp_path: Path) -> None:
    """Its rows are documents as they were extracted, joined to its items (two
    row groups of 256 documents at most)."""
    from scotrack.ingest.partitions import write_partitions

    source = _parquet(tmp_path / "rows.parquet", rows=300)
    list(write_partitions([source], tmp_path / "out", ExtractOptions()))
    (partition,) = (tmp_path / "out" / "documents").glob("*.parquet")
    assert plan([partition], ExtractOptions(range_records=1), _here) == [partition]
