"""The read endpoints on the seeded knowledge base (baseline + 5 seed documents)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from scotrack.store.read import profiles

API = "/api/v1"


def error_of(response, status: int, field: str | None = None) -> str:
    """The message of an error answer, after checking its shape."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"]
    if field is not None:
        assert error["field"] == field
    return error["message"]


def walk(client: TestClient, path: str, limit: int, **query: str) -> list[dict]:
    """Every item of a list, page by page."""
    items, cursor, pages = [], None, 0
    while True:
        params = query | {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = client.get(path, params=params)
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            return items
        assert pages < 1000


# states


def test_states_on_a_day_lists_the_eight_members_of_2017(client: TestClient):
    body = client.get(f"{API}/states", params={"on": "2017-06-10"}).json()
    members = [s["code"] for s in body["items"] if s["status"] == "member"]
    assert sorted(members) == ["CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
    assert {s["status"] for s in body["items"]} > {"member", "observer"}


def test_states_filter_by_status_and_partial_dates(client: TestClient):
    before = client.get(
        f"{API}/states", params={"on": "2017-06-08", "status": "member"}
    )
    assert len(before.json()["items"]) == 6
    year = client.get(f"{API}/states", params={"on": "2017", "status": "member"})
    assert len(year.json()["items"]) == 8  # a year means its last day


@pytest.mark.parametrize("bad", ["2017-13-40", "yesterday", "17-06-10"])
def test_states_refuse_a_bad_date_naming_on(client: TestClient, bad: str):
    message = error_of(client.get(f"{API}/states", params={"on": bad}), 422, "on")
    assert message.startswith(f"on: {bad!r} is not a date")


def test_states_refuse_an_unknown_status(client: TestClient):
    error_of(client.get(f"{API}/states", params={"status": "emperor"}), 422, "status")


def test_state_profile_holds_history_meetings_and_agreements(client: TestClient):
    india = client.get(f"{API}/states/IND", params={"on": "2020-01-01"}).json()
    assert india["name"] == "India"
    history = [i["status"] for i in india["history"]]
    assert history == ["observer", "applicant", "member"]  # applicant from Ufa (#12)
    assert "hos-2023" in [m["id"] for m in india["meetings_hosted"]]
    assert india["meetings_hosted"][0]["title"]
    by_name = client.get(f"{API}/states/india").json()
    assert by_name["code"] == "IND"
    china = client.get(f"{API}/states/CHN", params={"on": "2004-01-01"}).json()
    roles = {a["agreement_id"]: a for a in china["agreements"]}
    shanghai = roles["shanghai-convention"]
    assert shanghai["signed"] == "2001-06-15"
    detail = client.get(
        f"{API}/agreements/shanghai-convention", params={"on": "2004-01-01"}
    ).json()
    party = {p["state"]: p for p in detail["party_statuses"]}["CHN"]
    assert shanghai["status"] == party["status"]


def test_an_unknown_state_is_404(client: TestClient):
    error_of(client.get(f"{API}/states/XXQ"), 404)


# meetings


def test_meetings_filter_by_body_year_and_host(client: TestClient):
    body = client.get(
        f"{API}/meetings", params={"body": "heads-of-state", "year": 2017}
    ).json()
    assert [m["id"] for m in body["items"]] == ["hos-2017"]
    astana = body["items"][0]
    assert (astana["city"], astana["host"], astana["number"]) == ("Astana", "KAZ", 17)
    hosted = client.get(f"{API}/meetings", params={"host": "India"}).json()["items"]
    assert hosted
    assert all(m["host"] == "IND" for m in hosted)


def test_meetings_refuse_unknown_bodies_and_bad_years(client: TestClient):
    error_of(client.get(f"{API}/meetings", params={"body": "zzz-council"}), 404)
    error_of(client.get(f"{API}/meetings", params={"year": "soon"}), 422, "year")


def test_a_meeting_lists_its_sources_and_the_documents_that_report_it(
    client: TestClient,
):
    meeting = client.get(f"{API}/meetings/hos-2022").json()
    assert meeting["meeting"]["city"] == "Samarkand"
    assert meeting["sources"]
    assert meeting["sources"][0]["id"]
    reporting = [d["id"] for d in meeting["documents"]]
    claims = client.get(f"{API}/claims", params={"kind": "meeting", "limit": 200})
    linked = {
        c["document_id"] for c in claims.json()["items"] if c["entity_id"] == "hos-2022"
    }
    assert linked
    assert linked <= set(reporting)
    error_of(client.get(f"{API}/meetings/hos-1066"), 404)


@pytest.mark.issue(18)
def test_a_meeting_holds_its_first_documents_and_the_rest_come_a_page_at_a_time(
    writer: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    for n in range(3):  # the seeds have one report of the Astana summit
        made = writer.post(
            f"{API}/documents",
            json={
                "text": "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation "
                "Organization met in Astana on Friday for the 17th summit of the "
                f"Council of Heads of State. Reporter {n} filed this.\n",
                "title": f"Astana {n}",
            },
            headers={"Authorization": f"Bearer {tokens['editor']}"},
        )
        assert made.status_code == 201, made.text
    monkeypatch.setattr(profiles, "DOCUMENTS_SHOWN", 2)
    meeting = writer.get(f"{API}/meetings/hos-2017").json()
    assert meeting["documents_total"] == 4
    assert len(meeting["documents"]) == 2
    rest = writer.get(
        f"{API}/meetings/hos-2017/documents",
        params={"cursor": meeting["documents_next"]},
    ).json()
    every = walk(writer, f"{API}/meetings/hos-2017/documents", 1)
    assert [d["id"] for d in meeting["documents"] + rest["items"]] == [
        d["id"] for d in every
    ]
    assert len(every) == 4
    assert rest["next"] is None
    assert [(d["published_date"] or "", d["id"]) for d in every] == sorted(
        (d["published_date"] or "", d["id"]) for d in every
    )
    error_of(writer.get(f"{API}/meetings/hos-1066/documents"), 404)
    error_of(
        writer.get(f"{API}/meetings/hos-2017/documents", params={"cursor": "x"}),
        422,
        "cursor",
    )


# agreements


def test_agreements_carry_their_status_and_ratification_counts(client: TestClient):
    items = client.get(
        f"{API}/agreements", params={"on": "2004-01-01", "limit": 200}
    ).json()["items"]
    by_id = {a["id"]: a for a in items}
    shanghai = by_id["shanghai-convention"]
    assert shanghai["in_force"] is True
    assert shanghai["on"] == "2004-01-01"
    assert shanghai["entry_into_force"] == "2003-03-29"
    ratified = [p for p in shanghai["party_statuses"] if p["status"] == "ratified"]
    assert shanghai["ratified"] >= len(ratified)
    assert shanghai["parties"] == len(shanghai["party_statuses"])
    early = client.get(f"{API}/agreements", params={"on": "2002"}).json()["items"]
    assert {a["id"]: a for a in early}["shanghai-convention"]["in_force"] is False


def test_an_agreement_says_why_it_is_in_force(client: TestClient):
    answer = client.get(
        f"{API}/agreements/shanghai-convention", params={"on": "2004-01-01"}
    ).json()
    assert answer["in_force"] is True
    assert answer["entry_into_force"] == "2003-03-29"
    assert answer["reasons"]
    assert all(isinstance(r, str) for r in answer["reasons"])
    assert {p["state"] for p in answer["party_statuses"]} >= {"CHN", "RUS"}
    before = client.get(
        f"{API}/agreements/shanghai-convention", params={"on": "2002-01-01"}
    ).json()
    assert before["in_force"] is False
    assert before["reasons"] != answer["reasons"]


@pytest.mark.issue(12)
def test_an_acceding_state_is_not_a_party_before_its_accession(client: TestClient):
    def india(on: str) -> dict:
        answer = client.get(
            f"{API}/agreements/convention-against-terrorism", params={"on": on}
        ).json()
        return {p["state"]: p for p in answer["party_statuses"]}["IND"]

    assert india("2012-06-01")["status"] == "not a party"
    later = india("2025-01-01")
    assert later["status"] == "acceded"
    assert later["in_force_from"] is None
    assert any("bound from" in m for m in later["missing"])


def test_agreements_404_and_422(client: TestClient):
    error_of(client.get(f"{API}/agreements/treaty-of-nowhere-at-all"), 404)
    error_of(client.get(f"{API}/agreements", params={"on": "2004-02-30"}), 422, "on")


# commitments and projects (the baseline holds none: accepting makes them)


def test_commitments_and_projects_are_empty_lists_at_first(client: TestClient):
    assert client.get(f"{API}/commitments").json() == {"items": [], "next": None}
    assert client.get(f"{API}/projects").json() == {"items": [], "next": None}
    error_of(client.get(f"{API}/commitments/nope-nothing"), 404)
    error_of(client.get(f"{API}/projects/nope-nothing"), 404)
    # under 6 characters and not an id: not a prefix either, as on the pages (#15)
    assert "6 characters" in error_of(client.get(f"{API}/commitments/nope"), 422)
    assert "6 characters" in error_of(client.get(f"{API}/projects/nope"), 422)


def test_commitment_and_project_filters_are_checked(client: TestClient):
    error_of(client.get(f"{API}/commitments", params={"area": "magic"}), 422, "area")
    error_of(client.get(f"{API}/commitments", params={"kind": "vow"}), 422, "kind")
    error_of(client.get(f"{API}/commitments", params={"actor": "Atlantis"}), 404)
    error_of(client.get(f"{API}/commitments", params={"meeting": "hos-1066"}), 404)
    error_of(client.get(f"{API}/projects", params={"sector": "space"}), 422, "sector")
    ok = client.get(f"{API}/projects", params={"sector": "energy", "country": "CHN"})
    assert ok.status_code == 200


# documents


def test_the_seed_documents_are_listed(client: TestClient):
    items = client.get(f"{API}/documents").json()["items"]
    assert len(items) == 5
    assert "Xinhua" in {d["outlet"] for d in items}
    assert all(len(d["id"]) == 64 for d in items)


def test_documents_filter_by_outlet_and_date(client: TestClient):
    xinhua = client.get(f"{API}/documents", params={"outlet": "xinhua"}).json()
    assert len(xinhua["items"]) == 2
    dated = client.get(
        f"{API}/documents",
        params={"published_from": "2017", "published_to": "2018-06"},
    ).json()["items"]
    assert sorted(d["published_date"] for d in dated) == ["2017-12-02", "2018-06-09"]
    error_of(
        client.get(f"{API}/documents", params={"published_to": "June"}),
        422,
        "published_to",
    )


def test_a_document_has_its_text_and_claims_with_evidence(client: TestClient):
    first = client.get(f"{API}/documents", params={"outlet": "People's Daily"})
    doc_id = first.json()["items"][0]["id"]
    document = client.get(f"{API}/documents/{doc_id}").json()
    assert document["clean_text"]
    assert document["claims"]
    for claim in document["claims"]:
        for span in claim["evidence"]:
            assert document["clean_text"][span["start"] : span["end"]] == span["text"]
    error_of(client.get(f"{API}/documents/{'0' * 64}"), 404)


def test_an_original_is_a_plain_text_download(client: TestClient):
    doc_id = client.get(f"{API}/documents").json()["items"][0]["id"]
    original = client.get(f"{API}/documents/{doc_id}/original")
    assert original.status_code == 200
    assert original.headers["content-disposition"].startswith("attachment;")
    assert original.headers["content-type"].startswith("text/plain")
    assert original.headers["x-content-type-options"] == "nosniff"
    assert original.text.strip()


# claims


def test_claims_pages_have_no_duplicates_and_no_gaps(client: TestClient):
    whole = client.get(f"{API}/claims", params={"limit": 200}).json()
    assert whole["next"] is None
    walked = walk(client, f"{API}/claims", 7)
    ids = [c["id"] for c in walked]
    assert len(ids) == len(set(ids))
    assert ids == [c["id"] for c in whole["items"]]
    assert len(ids) >= 50  # the seeds' claims: dozens, however extraction improves


def test_claims_filter_by_status_kind_and_document(client: TestClient):
    meetings = client.get(f"{API}/claims", params={"kind": "meeting"}).json()["items"]
    assert meetings
    assert {c["kind"] for c in meetings} == {"meeting"}
    document = meetings[0]["document_id"]
    own = client.get(f"{API}/claims", params={"document": document, "limit": 200})
    assert {c["document_id"] for c in own.json()["items"]} == {document}
    none = client.get(f"{API}/claims", params={"status": "accepted"}).json()
    assert none == {"items": [], "next": None}
    error_of(client.get(f"{API}/claims", params={"status": "maybe"}), 422, "status")


def test_a_claim_is_shown_with_its_evidence_sentence_and_candidates(
    client: TestClient,
):
    claims = client.get(f"{API}/claims", params={"kind": "meeting", "limit": 200})
    linked = next(c for c in claims.json()["items"] if c["entity_id"] == "hos-2022")
    claim = client.get(f"{API}/claims/{linked['id']}").json()
    assert claim["payload"]["body"] == "heads-of-state"
    assert claim["candidates"][0]["entity_id"] == "hos-2022"
    assert claim["document"]["id"] == linked["document_id"]
    sentence = claim["sentence"]
    assert "".join(p["text"] for p in sentence["parts"]) == sentence["text"]
    assert [p for p in sentence["parts"] if p["hit"]]
    assert isinstance(claim["disagreements"], list)
    assert isinstance(claim["refinements"], list)
    error_of(client.get(f"{API}/claims/{'f' * 32}"), 404)


@pytest.mark.parametrize("limit", [0, 201, -5])
def test_a_limit_out_of_range_is_422(client: TestClient, limit: int):
    message = error_of(client.get(f"{API}/claims", params={"limit": limit}), 422)
    assert message.startswith("limit:")


@pytest.mark.parametrize(
    "path", ["/claims", "/documents", "/changes", "/meetings", "/agreements"]
)
@pytest.mark.parametrize("cursor", ["garbage!", "W10", "eyJhIjoxfQ", "W251bGxd"])
def test_a_bad_cursor_is_422(client: TestClient, path: str, cursor: str):
    error_of(client.get(f"{API}{path}", params={"cursor": cursor}), 422, "cursor")


def test_a_cursor_of_another_list_is_422(client: TestClient):
    text_key = client.get(f"{API}/claims", params={"limit": 1}).json()["next"]
    number_key = client.get(f"{API}/changes", params={"limit": 1}).json()["next"]
    error_of(client.get(f"{API}/changes", params={"cursor": text_key}), 422, "cursor")
    error_of(client.get(f"{API}/claims", params={"cursor": number_key}), 422, "cursor")


# search


def test_search_marks_hits_as_structured_text(client: TestClient):
    found = client.get(f"{API}/search", params={"q": "Samarkand"}).json()
    assert found["items"]
    hit = found["items"][0]
    assert any(p["hit"] and "samarkand" in p["text"].lower() for p in hit["snippet"])
    assert "<" not in "".join(p["text"] for p in hit["snippet"])
    documents = client.get(f"{API}/search", params={"q": "SCO", "type": "document"})
    assert {h["kind"] for h in documents.json()["items"]} == {"document"}


def test_search_pages_and_errors(client: TestClient):
    walked = walk(client, f"{API}/search", 3, q="SCO")
    refs = [(h["kind"], h["ref"]) for h in walked]
    assert len(refs) == len(set(refs)) > 3
    error_of(client.get(f"{API}/search"), 422, "q")
    error_of(client.get(f"{API}/search", params={"q": "x", "type": "poem"}), 422)


@pytest.mark.issue(12)
def test_search_finds_the_curated_record_with_kind_and_links(client: TestClient):
    found = walk(client, f"{API}/search", 4, q="Tashkent")
    records = [h for h in found if h["record"]]
    assert found[: len(records)] == records  # the record first, paged with the rest
    by_ref = {(h["kind"], h["ref"]): h for h in records}
    summit = by_ref[("meeting", "hos-2016")]
    assert summit["link"] == f"{API}/meetings/hos-2016"
    assert summit["page"] == "/meetings/hos-2016"
    assert client.get(summit["link"]).status_code == 200
    assert ("agreement", "drugs-agreement") in by_ref
    charter = client.get(f"{API}/search", params={"q": "Charter"}).json()["items"][0]
    assert (charter["kind"], charter["ref"], charter["link"]) == (
        "agreement",
        "charter",
        f"{API}/agreements/charter",
    )
    only = client.get(f"{API}/search", params={"q": "GDI", "type": "initiative"})
    (gdi,) = only.json()["items"]
    assert (gdi["ref"], gdi["link"]) == ("GDI", f"{API}/initiatives")
    documents = client.get(
        f"{API}/search", params={"q": "Samarkand", "type": "document"}
    )
    assert not any(h["record"] for h in documents.json()["items"])


# the change log


def test_the_change_feed_walks_every_change_in_order(client: TestClient):
    walked = walk(client, f"{API}/changes", 50)
    ids = [c["id"] for c in walked]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) > 50
    assert walked[0]["action"] == "baseline"
    assert walked[0]["after"]
    after = client.get(f"{API}/changes", params={"since": ids[-3]}).json()
    assert [c["id"] for c in after["items"]] == ids[-2:]
    last = client.get(f"{API}/changes", params={"since": ids[-1]}).json()
    assert last == {"items": [], "next": None}
    today = client.get(f"{API}/changes", params={"since": "2000-01-01"}).json()
    assert today["items"][0]["id"] == ids[0]
    error_of(client.get(f"{API}/changes", params={"since": "last week"}), 422, "since")


def test_history_of_an_entity(client: TestClient):
    changes = client.get(f"{API}/history/meeting/hos-2017").json()
    assert changes[0]["action"] == "baseline"
    assert changes[0]["after"]["city_name"] == "Astana"
    error_of(client.get(f"{API}/history/meeting/hos-1066"), 404)
    error_of(client.get(f"{API}/history/spaceship/x"), 422, "kind")


def test_the_openapi_document_describes_every_endpoint(client: TestClient):
    spec = client.get(f"{API}/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            assert operation.get("tags"), f"{method} {path} has no tags"
    assert "/api/v1/documents/{document_id}/original" in spec["paths"]
    assert (
        "multipart/form-data"
        in (spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"])
    )


@pytest.mark.issue(12)
def test_secretaries_with_their_terms_and_sources(client: TestClient):
    terms = client.get(f"{API}/secretaries").json()
    names = [t["name"] for t in terms]
    assert names[0] == "Zhang Deguang"
    assert names.index("Rashid Alimov") < names.index("Vladimir Norov")
    assert all(t["source"]["url"].startswith("http") for t in terms)
    on = client.get(f"{API}/secretaries", params={"on": "2020-01-01"}).json()
    assert [(t["name"], t["start"], t["end"]) for t in on] == [
        ("Vladimir Norov", "2019-01-01", "2021-12-31")
    ]
    assert on[0]["source"]["id"] == "app-norov-2019"
    error_of(client.get(f"{API}/secretaries", params={"on": "2020-13"}), 422, "on")


@pytest.mark.issue(12)
def test_initiatives_earliest_first_with_their_sources(client: TestClient):
    found = client.get(f"{API}/initiatives").json()
    codes = [i["code"] for i in found]
    assert {"BRI", "GDI", "GSI", "GCI", "GGI"} <= set(codes)
    assert codes[0] == "BRI"
    gsi = next(i for i in found if i["code"] == "GSI")
    assert (gsi["proposed_by"], gsi["proposed_on"]) == ("CHN", "2022-04-21")
    assert all(i["source"]["url"].startswith("http") for i in found)
    assert all(i["projects"] == 0 for i in found)


def test_rats_directors_with_their_terms_and_sources(client: TestClient):
    params = {"office": "rats-director"}
    terms = client.get(f"{API}/secretaries", params=params).json()
    assert [t["name"] for t in terms][-1] == "Ularbek Sharsheyev"
    assert all(t["source"]["url"].startswith("http") for t in terms)
    on = client.get(f"{API}/secretaries", params={**params, "on": "2016-06-01"}).json()
    assert [(t["name"], t["start"]) for t in on] == [("Yevgeny Sysoyev", "2016-01-01")]
    assert on[0]["source"]["id"] == "asiaplus-sysoyev-2016"
    error_of(
        client.get(f"{API}/secretaries", params={"office": "treasurer"}), 422, "office"
    )
