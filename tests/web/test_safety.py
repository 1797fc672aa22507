"""Untrusted document text never becomes live markup on any page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient

from .hostile import PAYLOADS, ingest_hostile


class LiveMarkup(HTMLParser):
    """Collects what a browser would run: inline scripts, event handlers,
    javascript: links, frames and images."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self.found.append("inline script")
        if tag in ("iframe", "img", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")


def live(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_reader_escapes_a_hostile_document(
    writer: TestClient, writable_url: str, tmp_path: Path
) -> None:
    doc_id = ingest_hostile(writable_url, tmp_path)
    response = writer.get(f"/documents/{doc_id}")
    assert response.status_code == 200
    html = response.text
    assert live(html) == []
    assert "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;iframe srcdoc=" in html
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;" in html
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_hostile_text_is_escaped_everywhere_it_shows(
    writer: TestClient, writable_url: str, tmp_path: Path
) -> None:
    doc_id = ingest_hostile(writable_url, tmp_path)
    for path in ("/documents", "/search?q=onerror", "/search?q=Qingdao", "/"):
        html = writer.get(path).text
        assert live(html) == [], path
    assert "<mark>onerror</mark>" in writer.get("/search?q=onerror").text
    assert len(PAYLOADS) == 5
    assert live(PAYLOADS[0] + PAYLOADS[1]) == ["inline script", "img", "img onerror"]
    assert doc_id
