"""The API's tables (#14): documents by id or prefix, sorts by any column with
cursors that keep working, facets on request, partial-date ranges."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .test_reads import API, error_of, walk

pytestmark = pytest.mark.issue(14)


def test_a_document_is_found_by_the_prefix_the_cli_prints(client: TestClient):
    doc_id = walk(client, f"{API}/documents", 50)[0]["id"]
    short = doc_id[:12]  # what `scotrack documents` prints
    assert client.get(f"{API}/documents/{short}").json()["id"] == doc_id
    assert client.get(f"{API}/documents/{doc_id[:8].upper()}").status_code == 200
    original = client.get(f"{API}/documents/{short}/original")
    assert original.status_code == 200
    assert "6 characters" in error_of(client.get(f"{API}/documents/{short[:5]}"), 422)
    error_of(client.get(f"{API}/documents/ffffffffffff"), 404)
    claims = client.get(f"{API}/claims", params={"document": short}).json()["items"]
    assert claims
    assert {c["document_id"] for c in claims} == {doc_id}


@pytest.mark.parametrize("sort", ["title", "-published", "outlet", "-ingested", "id"])
def test_documents_sort_by_any_column_across_pages(client: TestClient, sort: str):
    whole = walk(client, f"{API}/documents", 50, sort=sort)
    paged = walk(client, f"{API}/documents", 2, sort=sort)
    assert [d["id"] for d in paged] == [d["id"] for d in whole]
    assert len(whole) == 5
    field = {"title": "title", "published": "published_date", "outlet": "outlet"}
    name = field.get(sort.removeprefix("-"))
    if name:
        values = [d[name] for d in whole if d[name] is not None]
        assert values == sorted(values, reverse=sort.startswith("-"))
        assert [d[name] for d in whole][len(values) :] == [None] * (5 - len(values))


def test_documents_default_to_id_order_and_refuse_foreign_cursors(
    client: TestClient,
):
    ids = [d["id"] for d in walk(client, f"{API}/documents", 2)]
    assert ids == sorted(ids)
    page = client.get(f"{API}/documents", params={"sort": "title", "limit": 1})
    cursor = page.json()["next"]
    other = client.get(f"{API}/documents", params={"cursor": cursor, "sort": "id"})
    error_of(other, 422, "cursor")
    assert "choose one of" in error_of(
        client.get(f"{API}/documents", params={"sort": "nope"}), 422
    )


def test_documents_facets_and_date_range(client: TestClient):
    body = client.get(f"{API}/documents", params={"facets": "true"}).json()
    assert body["facets"]["outlet"][0] == {"value": "Xinhua", "count": 2}
    years = {f["value"]: f["count"] for f in body["facets"]["year"]}
    assert years["2017"] == 1
    assert client.get(f"{API}/documents").json()["facets"] is None
    ranged = client.get(
        f"{API}/documents", params={"from": "2017", "to": "2018-06", "facets": 1}
    ).json()
    assert sorted(d["published_date"] for d in ranged["items"]) == [
        "2017-12-02",
        "2018-06-09",
    ]
    assert sum(f["count"] for f in ranged["facets"]["year"]) == 2
    error_of(client.get(f"{API}/documents", params={"to": "June"}), 422, "to")
    error_of(client.get(f"{API}/documents", params={"from": "2019", "to": "2018"}), 422)


def test_meetings_sort_facets_and_range(client: TestClient):
    newest = walk(client, f"{API}/meetings", 3, sort="-date")
    dates = [m["start_date"] for m in newest if m["start_date"]]
    assert dates == sorted(dates, reverse=True)
    by_city = walk(client, f"{API}/meetings", 50, sort="city")
    cities = [m["city"] for m in by_city if m["city"]]
    assert cities == sorted(cities)
    ranged = client.get(
        f"{API}/meetings", params={"from": "2017", "to": "2017-06", "facets": "true"}
    ).json()
    assert ranged["items"]
    assert all("2017-01-01" <= m["start_date"] <= "2017-06-30" for m in ranged["items"])
    assert set(ranged["facets"]) == {"body", "host", "year", "format"}
    assert ranged["facets"]["year"] == [
        {"value": "2017", "count": len(ranged["items"])}
    ]
    video = client.get(f"{API}/meetings", params={"held": "video"}).json()["items"]
    assert video
    assert {m["format"] for m in video} == {"video"}
    error_of(client.get(f"{API}/meetings", params={"sort": "-nope"}), 422)
    error_of(client.get(f"{API}/meetings", params={"from": "2017-13"}), 422, "from")


def test_agreements_sort_facets_range_and_paging(client: TestClient):
    params = {"on": "2020-01-01"}
    whole = walk(client, f"{API}/agreements", 50, sort="-parties", **params)
    paged = walk(client, f"{API}/agreements", 3, sort="-parties", **params)
    assert [a["id"] for a in paged] == [a["id"] for a in whole]
    parties = [a["parties"] for a in whole]
    assert parties == sorted(parties, reverse=True)
    found = client.get(
        f"{API}/agreements",
        params={"party": "IND", "from": "2001", "to": "2009-06", "facets": "true"},
    ).json()
    assert found["items"]
    assert all("2001" <= a["signed"] <= "2009-06-30" for a in found["items"])
    assert set(found["facets"]) == {"kind", "in_force", "year", "party"}
    kinds = {f["value"]: f["count"] for f in found["facets"]["kind"]}
    assert sum(kinds.values()) == len(found["items"])
    assert client.get(f"{API}/agreements").json()["facets"] is None
    error_of(client.get(f"{API}/agreements", params={"sort": "size"}), 422)
    error_of(client.get(f"{API}/agreements", params={"in_force": "maybe"}), 422)
    error_of(client.get(f"{API}/agreements", params={"kind": "pact"}), 422)
    error_of(client.get(f"{API}/agreements", params={"from": "2017-13"}), 422, "from")


def test_commitments_show_compliance_sort_facets_and_range(assessed: TestClient):
    path = f"{API}/commitments"
    whole = walk(assessed, path, 50, on="2019-12-31")
    assert len(whole) >= 5
    compliance = {c["id"]: (c["compliance"], c["score"]) for c in whole}
    assert sorted(compliance.values())[-1] == ("unassessed", None)
    assert ("complied", 1) in compliance.values()
    later = {c["id"]: (c["compliance"], c["score"]) for c in walk(assessed, path, 50)}
    assert ("not complied", -1) in later.values()  # assessed on 2020-01
    assert ("inconclusive", None) in later.values()  # its assessment's score: null
    by_score = walk(assessed, path, 2, sort="-compliance")
    assert [c["compliance"] for c in by_score][:2] == ["complied", "not complied"]
    assert [c["id"] for c in by_score] == [
        c["id"] for c in walk(assessed, path, 50, sort="-compliance")
    ]
    actors = [c["actor"] for c in walk(assessed, path, 3, sort="-actor")]
    assert actors == sorted(actors, reverse=True)
    found = assessed.get(path, params={"facets": "true", "compliance": "unassessed"})
    body = found.json()
    assert body["items"]
    assert {c["compliance"] for c in body["items"]} == {"unassessed"}
    assert set(body["facets"]) == {
        "actor", "kind", "area", "year", "meeting", "compliance"
    }  # fmt: skip
    assert body["facets"]["compliance"] == [
        {"value": "unassessed", "count": len(body["items"])}
    ]
    made = [c["made_on"] for c in walk(assessed, path, 50, **{"from": "2018"})]
    assert made
    assert all(m >= "2018" for m in made)
    error_of(assessed.get(path, params={"sort": "score"}), 422)
    error_of(assessed.get(path, params={"compliance": "maybe"}), 422)
    error_of(assessed.get(path, params={"to": "2018-02-30"}), 422, "to")
    error_of(assessed.get(path, params={"meeting": "hos-1999"}), 404)


def test_the_review_queue_sorts_filters_and_counts(client: TestClient):
    path = f"{API}/claims/groups"
    whole = client.get(path, params={"limit": 200, "sort": "-published"}).json()
    assert whole["total"] == len(whole["items"]) >= 20
    dates = [g["published_date"] for g in whole["items"] if g["published_date"]]
    assert dates == sorted(dates, reverse=True)
    paged = []
    for offset in range(0, whole["total"], 7):
        page = client.get(
            path, params={"limit": 7, "offset": offset, "sort": "-published"}
        ).json()
        assert (page["total"], page["claims"]) == (whole["total"], whole["claims"])
        paged += [g["id"] for g in page["items"]]
    assert paged == [g["id"] for g in whole["items"]]
    counted = client.get(path, params={"facets": "true", "status": "all"}).json()
    assert set(counted["facets"]) == {
        "kind", "status", "document", "source", "size", "score"
    }  # fmt: skip
    for facet in ("kind", "source", "score"):
        for item in counted["facets"][facet]:
            if item["value"] is None:
                continue
            chosen = client.get(
                path, params={facet: item["value"], "status": "all", "limit": 1}
            ).json()
            assert chosen["total"] == item["count"], (facet, item)
    ranged = client.get(path, params={"from": "2017", "to": "2017"}).json()
    assert ranged["items"]
    assert {g["published_date"][:4] for g in ranged["items"]} == {"2017"}
    assert client.get(path).json()["facets"] is None
    error_of(client.get(path, params={"sort": "size"}), 422)
    error_of(client.get(path, params={"size": "5"}), 422)
    error_of(client.get(path, params={"score": "high"}), 422)
    error_of(client.get(path, params={"from": "2017-13"}), 422, "from")
    error_of(client.get(path, params={"document": "ffffffffffff"}), 404)
