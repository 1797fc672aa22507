"""Archive inputs: WARC, gzipped JSON Lines and Parquet, read as streams (#16)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.files import document_files, read_documents, read_file

PAGE = (
    "<html><head><title>Ministers meet in Tashkent</title></head><body>"
    "<p>The foreign ministers of the member states met in Tashkent.</p></body></html>"
)


def _warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gz: bool) -> Path:
    """A WARC file of (type, url, body, content type) records; a response gets
    a 200 status line unless its content type starts with a status ("404 ...")."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for kind, url, body, content_type in records:
            if kind == "response":
                status, _, ctype = content_type.partition(" ")
                if not status.isdigit():
                    status, ctype = "200", content_type
                headers = StatusAndHeaders(
                    f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=headers,
                )
            elif kind == "request":
                headers = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                )
                record = writer.create_warc_record(
                    url,
                    "request",
                    payload=io.BytesIO(b""),
                    length=0,
                    http_headers=headers,
                )
            else:
                record = writer.create_warc_record(
                    url,
                    kind,
                    payload=io.BytesIO(body),
                    length=len(body),
                    warc_content_type=content_type,
                )
            writer.write_record(record)
    return path


def _pages(results: list[RawDocument | DocumentError]) -> list[RawDocument]:
    return [item for item in results if isinstance(item, RawDocument)]


def _errors(results: list[RawDocument | DocumentError]) -> list[str]:
    return [str(item) for item in results if isinstance(item, DocumentError)]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_records_become_documents_with_their_url(
    tmp_path: Path, gz: bool
) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    path = _warc(
        tmp_path / name,
        [
            ("request", "https://news.example.org/a", b"", ""),
            ("response", "https://news.example.org/a", PAGE.encode(), "text/html"),
            ("response", "https://news.example.org/logo.png", b"\x89PNG", "image/png"),
            ("response", "https://news.example.org/gone", b"<p>x</p>", "404 text/html"),
            ("resource", "https://news.example.org/b", PAGE.encode(), "text/html"),
            ("metadata", "https://news.example.org/a", b"x: y", "application/json"),
        ],
        gz=gz,
    )
    results = list(read_file(path))
    assert _errors(results) == []
    pages = _pages(results)
    assert [page.url for page in pages] == [
        "https://news.example.org/a",
        "https://news.example.org/b",
    ]
    assert [page.id for page in pages] == ["crawl:2", "crawl:5"]
    assert all(page.html == PAGE and page.published is None for page in pages)
    assert pages[0].path == f"{path}:2"


def test_warc_page_decoded_by_its_bytes(tmp_path: Path) -> None:
    body = "<p>Déclaration de Douchanbé signed in Dushanbe.</p>".encode("cp1252")
    path = _warc(
        tmp_path / "legacy.warc",
        [("response", "https://x.example/", body, "text/html")],
        gz=False,
    )
    (page,) = _pages(list(read_file(path)))
    assert "Déclaration" in (page.html or "")


def test_warc_without_html_and_not_a_warc(tmp_path: Path) -> None:
    empty = _warc(
        tmp_path / "images.warc",
        [("response", "https://x.example/a.png", b"\x89PNG", "image/png")],
        gz=False,
    )
    assert _errors(list(read_file(empty))) == [
        f"{empty}: no HTML page in this WARC file"
    ]
    bogus = tmp_path / "bogus.warc"
    bogus.write_bytes(b"this is not a WARC file\n" * 10)
    assert _errors(list(read_file(bogus))) == [
        f"{bogus}: not a WARC file (no WARC record at its start)"
    ]


def test_warc_record_with_a_wrong_length_is_reported(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    whole = _warc(
        tmp_path / "whole.warc",
        [
            ("response", f"https://x.example/{n}", PAGE.encode(), "text/html")
            for n in range(3)
        ],
        gz=False,
    )
    data = whole.read_bytes()
    second = data.index(b"WARC/1.0", 10)
    length = data.index(b"Content-Length: ", second)
    broken = data[:length] + b"Content-Length: 9" + data[length + 17 :]
    path = tmp_path / "broken.warc"
    path.write_bytes(broken)
    results = list(read_file(path))
    assert len(_pages(results)) >= 1
    (error,) = _errors(results)
    assert error.startswith(f"{path}:2: ")
    assert "damaged WARC file" in error or "cut short" in error
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(("gz", "short"), [(True, 200), (True, 40), (False, 100)])
def test_truncated_warc_keeps_what_came_before(
    tmp_path: Path, gz: bool, short: int
) -> None:
    name = "whole.warc.gz" if gz else "whole.warc"
    whole = _warc(
        tmp_path / name,
        [
            ("response", f"https://x.example/{n}", PAGE.encode(), "text/html")
            for n in range(3)
        ],
        gz=gz,
    )
    data = whole.read_bytes()
    cut = tmp_path / f"cut{name.removeprefix('whole')}"
    cut.write_bytes(data[: len(data) - short])
    results = list(read_file(cut))
    assert len(_pages(results)) == 2
    (error,) = _errors(results)
    assert error.startswith(f"{cut}:3: ")
    assert error.endswith("the rest of it is skipped")


def test_gzipped_jsonl_read_a_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    lines = [
        json.dumps({"text": "Leaders met in Astana.", "url": "https://a.example"}),
        "{not json",
        "",
        json.dumps({"html": PAGE, "id": "p2", "published": "2024-07-04"}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    results = list(read_file(path))
    pages = _pages(results)
    assert [page.id for page in pages] == ["feed.jsonl:1", "p2"]
    assert pages[1].published == "2024-07-04"
    (error,) = _errors(results)
    assert error.startswith(f"{path}:2: ")


def test_gzipped_jsonl_damaged_or_not_gzip(tmp_path: Path) -> None:
    good = "\n".join(
        json.dumps({"text": f"Page {n * 7919 % 100003} on the SCO."})
        for n in range(20000)
    )
    packed = gzip.compress(good.encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    results = list(read_file(cut))
    assert 0 < len(_pages(results)) < 20000
    (error,) = _errors(results)
    assert "truncated" in error or "damaged" in error
    assert error.startswith(f"{cut}:")
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_text(good)
    assert _errors(list(read_file(plain))) == [
        f"{plain}: not a gzip file (its name ends .gz)"
    ]


def test_parquet_rows_become_documents(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "archive.parquet"
    table = pa.table(
        {
            "text": ["Leaders met in Astana.", None, "", "Ministers met in Delhi."],
            "html": [None, PAGE, None, None],
            "url": ["https://a.example", None, None, "https://d.example"],
            "published": [dt.date(2024, 7, 4), None, None, dt.date(2023, 7, 4)],
            "ignored": [1, 2, 3, 4],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    results = list(read_file(path))
    pages = _pages(results)
    assert [page.id for page in pages] == ["archive:1", "archive:2", "archive:4"]
    assert pages[0].published == "2024-07-04"
    assert pages[0].url == "https://a.example"
    assert pages[1].html == PAGE
    (error,) = _errors(results)
    assert error.startswith(f"{path}:3: text:")


def test_parquet_without_a_document_column_or_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "wrong.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    assert _errors(list(read_file(path))) == [
        f"{path}: no `text` or `html` column: one of them holds the documents"
    ]
    bogus = tmp_path / "bogus.parquet"
    bogus.write_bytes(b"not parquet at all")
    (error,) = _errors(list(read_file(bogus)))
    assert error.startswith(f"{bogus}: not a readable Parquet file")


def test_archive_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    pq.write_table(pa.table({"text": ["x" * 5000]}), path)
    options = ExtractOptions(max_file_bytes=100)
    (error,) = _errors(list(read_file(path, options)))
    assert "file too large" in error
    assert "SCOTRACK_MAX_FILE_BYTES" in error


def test_folder_walk_finds_archives(tmp_path: Path) -> None:
    _warc(
        tmp_path / "a.warc.gz",
        [("response", "https://a.example/", PAGE.encode(), "text/html")],
        gz=True,
    )
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "SCO"}'))
    pq.write_table(pa.table({"text": ["SCO"]}), tmp_path / "c.parquet")
    (tmp_path / "d.tar.gz").write_bytes(b"")
    names = [item.name for item in document_files([tmp_path]) if isinstance(item, Path)]
    assert names == ["a.warc.gz", "b.jsonl.gz", "c.parquet"]
    assert len(_pages(list(read_documents([tmp_path])))) == 3


def test_parquet_without_pyarrow_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"text": ["SCO"]}), path)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert _errors(list(read_file(path))) == [
        f"{path}: reading Parquet needs pyarrow: pip install 'scotrack[parquet]' "
        "(or pyarrow)"
    ]
