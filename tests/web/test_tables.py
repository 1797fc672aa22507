"""The web's tables (#14): a document's page by the prefix the CLI prints,
column headers that sort (with aria-sort), facet links that filter, date ranges."""

from __future__ import annotations

import html as markup
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app

pytestmark = pytest.mark.issue(14)


def links(page: str, pattern: str) -> list[str]:
    return [markup.unescape(m) for m in re.findall(pattern, page)]


def test_a_document_page_by_prefix_redirects_to_its_one_address(client: TestClient):
    doc_id = client.get("/documents?format=json").json()[0]["id"]
    moved = client.get(f"/documents/{doc_id[:12]}?format=json", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/documents/{doc_id}?format=json"
    assert client.get(f"/documents/{doc_id[:12].upper()}").status_code == 200
    assert client.get(f"/documents/{doc_id[:5]}").status_code == 422
    assert client.get("/documents/ffffffffffff").status_code == 404


def test_the_review_queue_takes_a_document_prefix(reviewer: TestClient):
    doc_id = reviewer.get("/documents?format=json").json()[0]["id"]
    full = reviewer.get(f"/review?format=json&document={doc_id}").json()
    assert full
    assert reviewer.get(f"/review?format=json&document={doc_id[:12]}").json() == full
    assert reviewer.get("/review?document=ffffffffffff").status_code == 404


@pytest.mark.parametrize("sort", ["title", "-title", "outlet", "published"])
def test_documents_sort_by_a_column_across_pages(client: TestClient, sort: str):
    whole = [r["id"] for r in client.get(f"/documents?format=json&sort={sort}").json()]
    seen: list[str] = []
    path = f"/documents?sort={sort}&limit=2"
    while path:
        page = client.get(path)
        assert page.status_code == 200, page.text
        seen += re.findall(r'<td><a href="/documents/([0-9a-f]{64})">', page.text)
        following = links(page.text, r'href="(/documents\?[^"]+)" rel="next"')
        path = following[0] if following else ""
    assert seen == whole
    page = client.get(f"/documents?sort={sort}").text
    column = sort.removeprefix("-")
    order = "descending" if sort.startswith("-") else "ascending"
    assert re.search(
        rf'<th scope="col" aria-sort="{order}"><a href="/documents\?'
        rf'sort=[-]?{column}"',
        page,
    )
    assert page.count("aria-sort=") == 1


def test_documents_facets_filter_and_dates_range(client: TestClient):
    page = client.get("/documents").text
    outlet = links(page, r'href="(/documents\?outlet=Xinhua)"')
    assert outlet
    rows = client.get(outlet[0] + "&format=json").json()
    assert len(rows) == 2
    assert {r["outlet"] for r in rows} == {"Xinhua"}
    year = links(page, r'href="(/documents\?from=2017&amp;to=2017)"')
    assert year
    dated = client.get(year[0] + "&format=json").json()
    assert [r["published"][:4] for r in dated] == ["2017"]
    june = client.get("/documents?from=2017&to=2018-06&format=json").json()
    assert sorted(r["published"] for r in june) == ["2017-12-02", "2018-06-09"]
    assert client.get("/documents?from=2017-13").status_code == 422
    assert client.get("/documents?sort=nope").status_code == 422


def test_meetings_sort_facets_and_dates(client: TestClient):
    page = client.get("/meetings?sort=-date").text
    assert (
        '<th scope="col" aria-sort="descending"><a href="/meetings?sort=date"' in page
    )
    rows = client.get("/meetings?sort=-date&format=json").json()
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)
    video = links(page, r'href="(/meetings\?sort=-date&amp;held=video)"')
    assert video
    held = client.get(video[0] + "&format=json").json()
    assert held
    assert {r["format"] for r in held} == {"video"}
    host = links(page, r'href="(/meetings\?sort=-date&amp;host=CHN)"')
    assert host
    ranged = client.get("/meetings?from=2017&to=2017-06&format=json").json()
    assert ranged
    assert all("2017-01-01" <= r["date"] <= "2017-06-30" for r in ranged)
    assert client.get("/meetings?to=2017-02-30").status_code == 422


def cli_json(url: str, *args: str) -> Any:
    """What the CLI answers `args` with, as JSON, on the database `url`."""
    result = CliRunner().invoke(app, [*args, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def page_ids(page: str, table: str, pattern: str) -> list[str]:
    """The ids the rows of the page's table `table` link to, in order."""
    body = page[page.index(f'<table id="{table}"') :]
    body = body[: body.index("</table>")]
    return re.findall(pattern, body)


def test_agreements_table_sorts_filters_and_counts(client: TestClient):
    page = client.get("/agreements?on=2020-01-01&sort=-ratified").text
    assert '<th scope="col" class="num" aria-sort="descending">' in page
    assert page.count("aria-sort=") == 1
    india = links(page, r'href="(/agreements\?on=2020-01-01&amp;sort=-ratified'
                  r'&amp;party=IND)"')  # fmt: skip
    assert india
    filtered = client.get(india[0]).text
    listed = page_ids(filtered, "agreements", r'<a href="/agreements/([a-z0-9-]+)')
    assert listed
    # the matrix shows the agreements the table holds, in its order
    heads = re.findall(r'class="col-head"><a href="/agreements/([a-z0-9-]+)', filtered)
    assert heads == listed
    assert "Belarus" in filtered  # the party facet names states
    ranged = client.get("/agreements?from=2001&to=2002").text
    early = page_ids(ranged, "agreements", r'<a href="/agreements/([a-z0-9-]+)')
    # the declaration, the Shanghai Convention, the Almaty memorandum, the Charter
    # and the RATS agreement
    assert len(early) == 5
    assert client.get("/agreements?sort=nope").status_code == 422
    assert client.get("/agreements?in_force=maybe").status_code == 422


def test_agreements_are_the_same_on_the_cli_the_api_and_the_web(
    client: TestClient, seeded_url: str
):
    question = {"on": "2020-01-01", "party": "IND", "from": "2001", "sort": "-ratified"}
    asked = [f"--{name}={value}" for name, value in question.items()]
    cli = [r["id"] for r in cli_json(seeded_url, "agreements", *asked)]
    api = client.get("/api/v1/agreements", params=question).json()["items"]
    web = client.get("/agreements", params=question).text
    assert len(cli) >= 5
    assert [a["id"] for a in api] == cli
    assert page_ids(web, "agreements", r'<a href="/agreements/([a-z0-9-]+)') == cli


def test_commitments_table_shows_compliance_sorts_and_filters(assessed: TestClient):
    page = assessed.get("/commitments?on=2019-12-31&sort=-compliance").text
    rows = page_ids(page, "commitments", r'<tr data-commitment="([^"]+)"')
    assert len(rows) >= 5
    assert 'class="badge status-complied">complied<' in page
    assert '<th scope="col" aria-sort="descending">' in page
    unassessed = links(
        page, r'href="(/commitments\?on=2019-12-31&amp;sort=-compliance'
        r'&amp;compliance=unassessed)"'
    )  # fmt: skip
    assert unassessed
    kept = assessed.get(unassessed[0] + "&format=json").json()
    assert kept
    assert {r["compliance"] for r in kept} == {"unassessed"}
    assert len(kept) == len(rows) - 1
    assert assessed.get("/commitments?sort=score").status_code == 422
    assert assessed.get("/commitments?compliance=maybe").status_code == 422


def test_commitments_are_the_same_on_the_cli_the_api_and_the_web(
    assessed: TestClient, assessed_url: str
):
    question = {"on": "2020-06-30", "sort": "-compliance", "from": "2017"}
    asked = [f"--{name}={value}" for name, value in question.items()]
    cli = cli_json(assessed_url, "commitments", *asked)
    api = assessed.get("/api/v1/commitments", params=question).json()["items"]
    web = assessed.get("/commitments", params=question | {"format": "json"}).json()
    assert len(cli) >= 3
    shown = [(r["id"], r["compliance"], r["score"]) for r in cli]
    assert [(r["id"], r["compliance"], r["score"]) for r in api] == shown
    assert [(r["id"], r["compliance"], r["score"]) for r in web] == shown
    page = assessed.get("/commitments", params=question).text
    ids = page_ids(page, "commitments", r'<tr data-commitment="([^"]+)"')
    assert ids == [r["id"] for r in cli]


def test_the_review_queue_sorts_counts_and_pages_in_its_sort(reviewer: TestClient):
    page = reviewer.get("/review?sort=score").text
    assert '<th scope="col" class="num" aria-sort="ascending">' in page
    assert page.count("aria-sort=") == 1
    whole = reviewer.get("/review?sort=score&format=json").json()
    scores = [r["score"] for r in whole if r["score"] is not None]
    assert scores == sorted(scores)
    assert [r["score"] for r in whole][len(scores) :] == [None] * (
        len(whole) - len(scores)
    )
    xinhua = links(page, r'href="(/review\?sort=score&amp;source=Xinhua)"')
    assert xinhua
    kept = reviewer.get(xinhua[0] + "&format=json").json()
    assert kept
    assert {r["source"] for r in kept} == {"Xinhua"}
    unscored = links(page, r'href="(/review\?sort=score&amp;score=unscored)"')
    assert unscored
    assert {r["score"] for r in reviewer.get(unscored[0] + "&format=json").json()} == {
        None
    }
    assert reviewer.get("/review?sort=nope").status_code == 422
    assert reviewer.get("/review?size=5").status_code == 422


def test_the_review_queue_is_the_same_on_the_cli_the_api_and_the_web(
    reviewer: TestClient, writable_url: str
):
    question = {"sort": "-published", "from": "2017", "score": "unscored"}
    asked = [f"--{name}={value}" for name, value in question.items()]
    cli = cli_json(writable_url, "review", "list", *asked, "--limit", "200")
    api = reviewer.get("/api/v1/claims/groups", params=question | {"limit": 200}).json()
    web = reviewer.get("/review", params=question | {"format": "json"}).json()
    assert len(cli) >= 10
    assert [r["id"] for r in cli] == [r["id"][:12] for r in api["items"]]
    assert [r["claim"] for r in web] == [r["id"] for r in api["items"]][:50]
    assert api["total"] == len(cli)
