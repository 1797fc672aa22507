"""The web's tables (#14): a document's page by the prefix the CLI prints,
column headers that sort (with aria-sort), facet links that filter, date ranges."""

from __future__ import annotations

import html as markup
import re

import pytest
from fastapi.testclient import TestClient

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
