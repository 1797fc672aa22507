"""CSL-JSON and BibTeX exports (#17): every source a citation, the structure
checked and the BibTeX parsed back; on both databases."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.store import models
from scotrack.store.exports import Snapshot, export
from scotrack.store.exports.citations import bibtex_entries, csl_items

from ._exports import session_on, shared_seeded_url

ENTRY = re.compile(r"@(\w+)\{([^,\s]+),\n((?:  \w+ = \{.*\},\n)*)\}")
FIELD = re.compile(r"  (\w+) = \{(.*)\},\n")


def parse_bibtex(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    """key -> (entry type, fields): a parser for the subset the export writes,
    strict enough that a stray brace or line break fails it."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("%"))
    entries = {}
    for match in ENTRY.finditer(body):
        fields = dict(FIELD.findall(match.group(3)))
        for value in fields.values():
            unescaped = re.sub(r"\\[{}]", "", value)
            assert unescaped.count("{") == unescaped.count("}"), value
        assert match.group(2) not in entries
        entries[match.group(2)] = (match.group(1), fields)
    assert len(entries) == body.count("\n@") + body.startswith("@"), "unparsed entry"
    return entries


@pytest.fixture
def seeded_session(databases) -> Iterator[Session]:
    with session_on(shared_seeded_url(databases)) as session:
        yield session


def test_csl_json_cites_every_source(seeded_session, tmp_path):
    out = tmp_path / "sources.json"
    report = export(seeded_session, "csl", out)
    items = json.loads(out.read_text(encoding="utf-8"))
    assert items[0]["id"] == "scotrack-snapshot"
    assert items[0]["type"] == "dataset"
    sources = seeded_session.scalars(select(models.Source)).all()
    assert {item["id"] for item in items[1:]} == {s.id for s in sources}
    assert report.rows["source"] == len(sources)
    for item in items[1:]:
        assert item["type"] in {"webpage", "document"}
        assert isinstance(item["title"], str)
        assert item["title"]
        if "URL" in item:
            assert item["URL"].startswith("http")
        for key in ("issued", "accessed"):
            if key in item:
                (parts,) = item[key]["date-parts"]
                assert 1 <= len(parts) <= 3
                assert all(isinstance(p, int) for p in parts)
    dated = [item for item in items[1:] if "issued" in item]
    assert len(dated) > len(items) // 2


def test_bibtex_parses_with_one_entry_per_source(seeded_session, tmp_path):
    out = tmp_path / "sources.bib"
    export(seeded_session, "bibtex", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("% scotrack snapshot: {")
    entries = parse_bibtex(text)
    sources = seeded_session.scalars(select(models.Source)).all()
    assert len(entries) == len(sources) + 1
    assert entries["scotrack-snapshot"][0] == "dataset"
    for source in sources:
        kind, fields = entries[source.id]
        assert kind == ("online" if source.url else "misc")
        assert fields["title"]
        if source.url:
            assert fields["url"].startswith("http")
        if source.published_date:
            assert fields["date"] == source.published_date
            assert re.fullmatch(r"\d{4}", fields["year"])


def snapshot_with(source: dict, document: dict | None = None) -> Snapshot:
    tables = {"source": [source], "document": [document] if document else []}
    return Snapshot("0.1.0", None, None, 7, "2026-12-07T00:00:00+00:00", tables)


def test_citations_escape_and_carry_the_access_day():
    source = {
        "id": "doc:ab cd{1}",
        "title": "Oil & gas: 50% {up}\nagain_#1 ~ ^ \\",
        "publisher": "Press, Inc.",
        "url": "https://example.org/a b{c}",
        "published_date": "2024-05",
        "document_id": "d1",
    }
    document = {"id": "d1", "ingested_at": "2026-11-23T10:01:02.000000+00:00"}
    taken = snapshot_with(source, document)
    (item,) = csl_items(taken)[1:]
    assert item["issued"] == {"date-parts": [[2024, 5]]}
    assert item["accessed"] == {"date-parts": [[2026, 11, 23]]}
    text = "\n\n".join(bibtex_entries(taken)) + "\n"
    entries = parse_bibtex(text)
    kind, fields = entries["doc:ab-cd-1-"]
    assert kind == "online"
    assert fields["title"] == (
        r"Oil \& gas: 50\% \{up\} again\_\#1 \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{}"
    )
    assert fields["url"] == "https://example.org/a%20b%7Bc%7D"
    assert fields["urldate"] == "2026-11-23"
    assert fields["date"] == "2024-05"
