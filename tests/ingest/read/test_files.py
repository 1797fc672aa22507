import codecs
import os
import socket
from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import ExtractOptions, RawDocument
from scotrack.ingest.read.files import (
    check_limits,
    is_page,
    output_name,
    read_documents,
)


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


@pytest.mark.issue(15)
def test_a_page_is_what_arrived_as_one_or_text_that_opens_with_markup() -> None:
    """Given as HTML, a document is a page whatever it opens with (`<header>`);
    given as text, only when it opens with HTML markup (a page saved as .txt)."""
    assert is_page(RawDocument(id="a", path="a.html", html="<header>x</header>"))
    assert is_page(RawDocument(id="b", path="b.jsonl:1", html="SCO news"))
    assert is_page(RawDocument(id="c", path="c.txt", text="  <p>fragment</p>"))
    assert is_page(RawDocument(id="d", path="d.txt", text="<!DOCTYPE html><html>"))
    assert is_page(RawDocument(id="e", path="e.txt", text="<header>x</header>"))
    assert not is_page(RawDocument(id="f", path="f.txt", text="Plain < with a sign"))
    assert not is_page(RawDocument(id="g", path="g.html.txt", text="SCO news"))


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


def test_output_name_stays_in_directory() -> None:
    assert output_name("../a/b") == "_a_b"
    assert output_name("stem:3") == "stem:3"


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
