"""JSON Lines files (`read.jsonl`), read through `read_documents`: one document a
line, each bad line reported and the next one read."""

import json
from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.files import read_documents


def test_read_jsonl_lines_ids_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": "One.", "published": "2024-07-04", "source": "Xinhua"}),
        "",
        "{not json",
        json.dumps({"id": "custom", "html": "<p>x</p>", "url": "http://e.x"}),
        json.dumps({"url": "http://e.x"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(read_documents([path]))
    first, bad, custom, empty = results
    assert isinstance(first, RawDocument)
    assert first.id == "batch:1"
    assert first.published == "2024-07-04"
    assert isinstance(bad, DocumentError)
    assert "malformed JSON" in bad.reason
    assert bad.path.endswith(":3")
    assert isinstance(custom, RawDocument)
    assert custom.id == "custom"
    assert custom.html == "<p>x</p>"
    assert isinstance(empty, DocumentError)


GOOD_LINE = json.dumps({"id": "after", "text": "SCO leaders met in Astana."})
DEEP = "[" * 100_000 + "]" * 100_000

BAD_LINES = [
    pytest.param('{"text": "x", "meta": ' + DEEP + "}", "nested too deeply", id="deep"),
    pytest.param('{"text": "SCO \\ud800 met"}', "lone surrogate", id="surrogate"),
    pytest.param('{"text": "x", "source": "\\udfff"}', "source: not valid", id="surr2"),
    pytest.param("not json", "malformed JSON (Expecting value)", id="invalid"),
    pytest.param("[1, 2]", "not a JSON object (an array)", id="array"),
    pytest.param('"a string"', "not a JSON object (a string)", id="string"),
    pytest.param('{"text": "x", "n": 1' + "0" * 5000 + "}", "malformed", id="bigint"),
    pytest.param('{"text": "x", "source": {"y": 2019}}', "source: Input", id="outlet"),
    pytest.param('{"text": "x", "url": 5}', "url: Input should be a valid", id="url"),
    pytest.param('{"text": 5}', "text: Input should be a valid string", id="text"),
    pytest.param(
        '{"text": "x", "published": "2017-02-30"}', "has no day 30", id="feb30"
    ),
    pytest.param('{"text": "x", "published": "inf"}', "'inf' is not a date", id="inf"),
    pytest.param(
        '{"text": "x", "published": {"y": 2019}}', "published: Input", id="dict"
    ),
    pytest.param('{"text": "x", "html": "<p>y</p>"}', "not both", id="both"),
    pytest.param('{"text": "x", "id": [1]}', "id: Input should be", id="id"),
    pytest.param('{"text": "x", "url": "' + "u" * 2001 + '"}', "at most", id="long"),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_jsonl_bad_line_reported_and_the_next_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{line}\n{GOOD_LINE}\n", encoding="utf-8")
    bad, good = read_documents([path])
    assert isinstance(bad, DocumentError)
    assert bad.path == f"{path}:1"
    assert reason in bad.reason
    assert "\n" not in bad.reason
    assert isinstance(good, RawDocument)
    assert good.id == "after"


@pytest.mark.issue(18)
def test_jsonl_fields_checked_and_normalised(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    record = {
        "id": 7,
        "text": "x",
        "published": " 2017-6-9 ",
        "url": " ",
        "source": "T",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    (doc,) = read_documents([path])
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.published, doc.url, doc.source) == (
        "7",
        "2017-06-09",
        None,
        "T",
    )


@pytest.mark.issue(18)
def test_jsonl_limits_line_length_and_depth(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    long = json.dumps({"text": "x" * 500})
    nested = json.dumps({"text": "x", "m": [[[[1]]]]})
    path.write_text(f"{long}\r\n{nested}\n{GOOD_LINE}", encoding="utf-8")
    options = ExtractOptions(max_line_bytes=100, max_json_depth=3)
    too_long, too_deep, good = read_documents([path], options)
    assert isinstance(too_long, DocumentError)
    assert too_long.path.endswith(":1")
    assert "line too long" in too_long.reason
    assert "SCOTRACK_MAX_LINE_BYTES" in too_long.reason
    assert isinstance(too_deep, DocumentError)
    assert too_deep.path.endswith(":2")
    assert "SCOTRACK_MAX_JSON_DEPTH" in too_deep.reason
    assert isinstance(good, RawDocument)
    # brackets inside strings are text, not depth
    path.write_text(json.dumps({"text": "[[[[{{{{"}), encoding="utf-8")
    (doc,) = read_documents([path], options)
    assert isinstance(doc, RawDocument)


@pytest.mark.issue(18)
def test_jsonl_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(GOOD_LINE * 1, encoding="utf-8")
    (err,) = read_documents([path], ExtractOptions(max_file_bytes=10))
    assert isinstance(err, DocumentError)
    assert "SCOTRACK_MAX_FILE_BYTES" in err.reason
    # a JSON Lines file is not one document: the document limit is per line
    (doc,) = read_documents([path], ExtractOptions(max_bytes=len(GOOD_LINE) - 5))
    assert isinstance(doc, RawDocument)
