import codecs
import json
import os
import socket
from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.decoding import decode
from scotrack.ingest.read.files import check_limits, output_name, read_documents


def _one(path: Path, options: ExtractOptions | None = None) -> RawDocument:
    (doc,) = read_documents([path], options)
    assert isinstance(doc, RawDocument), doc
    return doc


def _error(path: Path, options: ExtractOptions | None = None) -> DocumentError:
    (err,) = read_documents([path], options)
    assert isinstance(err, DocumentError), err
    return err


def test_read_text_file_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Title\r\nBody café.\r\n".encode())
    doc = _one(path)
    assert doc.id == "a"
    assert doc.text == "Title\nBody café.\n"


def test_read_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    text = (
        "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a\n"
        "\u0442\u0435\u043a\u0441\u0442"
    )
    path.write_bytes(text.encode("utf-16"))
    assert _one(path).text == text


def test_read_legacy_encoding_detected(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    sentence = "\u0421\u0438 \u0426\u0437\u0438\u043d\u044c\u043f\u0438\u043d " * 3
    path.write_bytes(
        (sentence + "\u0410\u0441\u0442\u0430\u043d\u0430.").encode("cp1251")
    )
    assert "\u0410\u0441\u0442\u0430\u043d\u0430" in (_one(path).text or "")


def test_read_html_file(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    doc = _one(path)
    assert doc.html is not None
    assert doc.text is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(128, 256)) * 3, "invalid UTF-8"),
    ],
)
def test_read_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    err = _error(path)
    assert reason in err.reason
    assert "\n" not in str(err)


def test_read_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 100, encoding="utf-8")
    err = _error(path, ExtractOptions(max_bytes=10))
    assert "too large" in err.reason


def test_read_missing_path(tmp_path: Path) -> None:
    err = _error(tmp_path / "nope.txt")
    assert "no such file" in err.reason


def test_read_directory_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    ids = [d.id for d in read_documents([tmp_path]) if isinstance(d, RawDocument)]
    assert ids == ["a", "b"]


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


def test_decode_rejects_control_characters() -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3, "x")


def test_output_name_stays_in_directory() -> None:
    assert output_name("../a/b") == "_a_b"
    assert output_name("stem:3") == "stem:3"


def test_decode_allows_a_few_control_characters_and_mixed_line_ends() -> None:
    assert decode(b"a\x01b\r\nc\rd\x0c", "x") == "a\x01b\nc\nd\x0c"
    with pytest.raises(DocumentError, match="binary"):
        decode(b"text " + b"\x1f" * 9, "x")
    assert decode(b"text " + b"\x1f" * 8, "x").startswith("text")


@pytest.mark.parametrize(
    "text", ["\u00e9t\u00e9 " + "\x1f" * 9, "\ufeffplain " + "\x02" * 9]
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_decode_counts_control_characters_in_any_encoding(
    text: str, encoding: str
) -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(text.encode(encoding), "x")


def test_decode_whitespace_only_is_empty() -> None:
    with pytest.raises(DocumentError, match="empty"):
        decode(b" \t\r\n\x0b\x0c", "x")


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


@pytest.mark.issue(18)
def test_html_nesting_limit() -> None:
    deep = RawDocument(id="d", path="d.html", html="<div>" * 300 + "x" + "</div>" * 300)
    with pytest.raises(DocumentError, match="SCOTRACK_MAX_HTML_DEPTH"):
        check_limits(deep, ExtractOptions(max_html_depth=256))
    flat = "<body>" + "<p>para<br>" * 1000 + "<div>x</div>" * 1000 + "</body>"
    check_limits(RawDocument(id="f", path="f.html", html=flat), ExtractOptions())


@pytest.mark.issue(18)
@pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and sockets are POSIX")
def test_special_files_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sock = tmp_path / "sock.jsonl"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock))
        named = list(read_documents([fifo, Path("/dev/zero"), sock]))
        walked = list(read_documents([tmp_path]))
    finally:
        server.close()
    kinds = [err.reason for err in named if isinstance(err, DocumentError)]
    assert len(kinds) == 3
    assert "FIFO" in kinds[0]
    assert "character device" in kinds[1]
    assert "socket" in kinds[2]
    assert [type(err) for err in walked] == [DocumentError, DocumentError]
