"""A claim's evidence passage on the three surfaces that show it: `scotrack
review show`, /api/v1/claims/{id} and the review page /review/{id} (#15). All
three show `domain.passages.passage`, the text search keeps as the claim's body;
each case is one where the claim view's old `evidence_sentence` cut differently
(tests/domain/test_passages.py has the rules)."""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.domain.passages import SENTENCE_CONTEXT, SEPARATOR
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim, Document
from scotrack.store.write import search_index

from .conftest import _api, client_for, make_tokens, sign_in

pytestmark = pytest.mark.issue(15)

API = "/api/v1"
WINDOW = "word " * 80 + "pact" + " word" * 80
TEXT = (
    "SCO ministers met in Tashkent. Then they left.\n"
    "The  SCO\tministers   met in Samarkand. Reporters waited.\n"
    f"{WINDOW}\n"
    "Leaders signed a charter."
)


def _span(word: str, length: int | None = None) -> tuple[int, int]:
    start = TEXT.index(word)
    return (start, start + (len(word) if length is None else length))


CASES: dict[str, tuple[list[tuple[int, int]], str, list[str]]] = {
    # a span ending on its sentence's full stop: that sentence alone
    "stop": (
        [_span("SCO ministers met in Tashkent.")],
        "SCO ministers met in Tashkent.",
        ["SCO ministers met in Tashkent."],
    ),
    # white space runs are one space, the mark on the span's words
    "space": (
        [(TEXT.index("ministers   met"), TEXT.index(" Reporters") - 1)],
        "The SCO ministers met in Samarkand.",
        ["ministers met in Samarkand"],
    ),
    # every span, the sentences apart joined, each span marked
    "spans": (
        [_span("Reporters"), _span("Tashkent")],
        f"SCO ministers met in Tashkent.{SEPARATOR}Reporters waited.",
        ["Tashkent", "Reporters"],
    ),
    # a span past the end of the text is clipped to it
    "clip": (
        [(TEXT.index("Leaders"), len(TEXT) + 40)],
        "Leaders signed a charter.",
        ["Leaders signed a charter."],
    ),
}


@pytest.fixture(scope="module")
def crafted(templates: Any) -> tuple[str, dict[str, str]]:
    """The seeded knowledge base with a document of TEXT and one claim per case
    (and "window": a span in a line of no full stop); the url, the claims' ids."""
    url = _api.seeded_copy(templates, f"passage_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url)
    ids = {}
    try:
        with session_factory(engine).begin() as session:
            model = session.scalars(
                select(Claim).where(Claim.status == "pending").order_by(Claim.id)
            ).first()
            assert model is not None
            document = Document(
                id="e" * 64,
                version=1,
                title="Crafted",
                raw_text=TEXT,
                clean_text=TEXT,
                tags="{}",
                ingested_at="2026-12-07T10:00:00.000000+00:00",
            )
            session.add(document)
            session.flush()  # before its claims: no relationship orders them
            columns = {c.key: getattr(model, c.key) for c in Claim.__table__.columns}
            spans = {case: found[0] for case, found in CASES.items()}
            spans["window"] = [_span("pact")]
            for case, evidence in spans.items():
                ids[case] = f"passage{case}".ljust(32, "0")
                session.add(
                    Claim(
                        **columns
                        | {
                            "id": ids[case],
                            "document_id": document.id,
                            "evidence": json.dumps([list(s) for s in evidence]),
                            "group_key": f"passage-{case}",
                        }
                    )
                )
            session.flush()
            search_index.reindex(session)
    finally:
        engine.dispose()
    return url, ids


@pytest.fixture(scope="module")
def surfaces(crafted: tuple[str, dict[str, str]]) -> Iterator[TestClient]:
    url, _ = crafted
    secret = make_tokens(url)["reviewer"]
    for client in client_for(url):
        sign_in(client, secret)
        yield client


def api_passage(client: TestClient, claim: str) -> tuple[str, list[str]]:
    sentence = client.get(f"{API}/claims/{claim}").json()["sentence"]
    assert "".join(p["text"] for p in sentence["parts"]) == sentence["text"]
    first = sentence["text"][sentence["start"] : sentence["end"]]
    hits = [p["text"] for p in sentence["parts"] if p["hit"]]
    assert hits[0] == first
    return sentence["text"], hits


def web_passage(client: TestClient, claim: str) -> tuple[str, list[str]]:
    page = client.get(f"/review/{claim}").text
    opening = '<blockquote class="evidence" id="evidence">'
    start = page.index(opening) + len(opening)
    quoted = page[start : page.index("</blockquote>", start)]
    marks = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", quoted)]
    return html.unescape(re.sub(r"</?mark>", "", quoted)), marks


def stored_body(url: str, claim: str) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return str(
                connection.execute(
                    text("SELECT body FROM search_entry WHERE ref = :ref"),
                    {"ref": claim},
                ).scalar_one()
            )
    finally:
        engine.dispose()


def cli_passage(url: str, claim: str) -> str:
    result = CliRunner().invoke(
        app, ["review", "show", claim, "--db", url], env={"COLUMNS": "1000"}
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_surface_shows_the_one_passage(
    crafted: tuple[str, dict[str, str]], surfaces: TestClient, case: str
) -> None:
    url, ids = crafted
    _, shown, marks = CASES[case]
    assert api_passage(surfaces, ids[case]) == (shown, marks)
    assert web_passage(surfaces, ids[case]) == (shown, marks)
    assert shown in cli_passage(url, ids[case])
    assert stored_body(url, ids[case]) == shown  # what search keeps for the claim


def test_a_line_without_a_full_stop_gives_a_window(
    crafted: tuple[str, dict[str, str]], surfaces: TestClient
) -> None:
    url, ids = crafted
    shown, marks = api_passage(surfaces, ids["window"])
    assert marks == ["pact"]
    assert len(shown) <= 2 * SENTENCE_CONTEXT + 4 < len(WINDOW)  # was the whole line
    assert web_passage(surfaces, ids["window"]) == (shown, marks)
    assert shown in cli_passage(url, ids["window"])
    assert stored_body(url, ids["window"]) == shown
