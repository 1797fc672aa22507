"""Archive inputs through the real CLI (#16): the same pages given as text files,
as gzipped JSON Lines, as Parquet and as a WARC file of HTML pages give the same
extraction and the same knowledge base, on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scotrack.cli import app
from scotrack.store.engine import make_engine
from scotrack.store.provenance import Document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "documents"


def _texts() -> dict[str, str]:
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted(EXAMPLES.glob("*.txt"))
    }


def _run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _archives(folder: Path) -> dict[str, Path]:
    texts = _texts()
    records = [json.dumps({"id": stem, "text": text}) for stem, text in texts.items()]
    jsonl = folder / "pages.jsonl.gz"
    jsonl.write_bytes(gzip.compress("\n".join(records).encode()))
    parquet = folder / "pages.parquet"
    pq.write_table(pa.table({"id": list(texts), "text": list(texts.values())}), parquet)
    return {"jsonl.gz": jsonl, "parquet": parquet}


def _extracted(out: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(out.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = item
    return found


@pytest.mark.slow
def test_extract_archives_gives_what_the_text_files_give(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    result = _run("extract", str(EXAMPLES), "--out", str(plain))
    assert result.exit_code == 0, result.output
    expected = _extracted(plain)
    for kind, path in _archives(tmp_path).items():
        out = tmp_path / kind
        result = _run("extract", str(path), "--out", str(out), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["written"] == len(expected)
        assert _extracted(out) == expected, kind


def _warc(path: Path, pages: dict[str, str]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for stem, text in pages.items():
            paragraphs = "".join(
                f"<p>{html.escape(line)}</p>"
                for line in text.splitlines()
                if line.strip()
            )
            body = f"<html><body><article>{paragraphs}</article></body></html>".encode()
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8")],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                f"https://news.example.org/{stem}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
            writer.write_record(record)
    return path


@pytest.mark.slow
def test_ingest_archives_builds_one_knowledge_base(
    tmp_path: Path, fresh_db_url: str
) -> None:
    assert _run("init", "--db", fresh_db_url).exit_code == 0
    archives = _archives(tmp_path)
    first = _run(
        "ingest", str(archives["jsonl.gz"]), "--db", fresh_db_url, "-f", "json"
    )
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == len(_texts())
    # the same pages as Parquet are the same documents: nothing new
    again = _run("ingest", str(archives["parquet"]), "--db", fresh_db_url, "-f", "json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["new"] == 0
    warc = _warc(tmp_path / "crawl.warc.gz", _texts())
    crawled = _run("ingest", str(warc), "--db", fresh_db_url, "-f", "json")
    assert crawled.exit_code == 0, crawled.output
    assert json.loads(crawled.stdout)["new"] == len(_texts())
    listed = _run("documents", "--db", fresh_db_url, "-f", "json", "--limit", "100")
    assert len(json.loads(listed.stdout)) == 2 * len(_texts())
    engine = make_engine(fresh_db_url)
    try:
        with engine.connect() as connection:
            urls = connection.scalars(
                select(Document.url).where(Document.url.is_not(None))
            ).all()
    finally:
        engine.dispose()
    assert sorted(urls) == sorted(
        f"https://news.example.org/{stem}" for stem in _texts()
    )
