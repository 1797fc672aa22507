"""Reviewing claims in the browser: sign-in required, decisions change the KB."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .conftest import SAME_SITE


def pending(client: TestClient, kind: str | None = None) -> list[dict[str, str]]:
    path = "/review?format=json" + (f"&kind={kind}" if kind else "")
    rows: list[dict[str, str]] = client.get(path).json()
    return rows


@pytest.mark.parametrize("path", ["/review", "/review/abc"])
def test_review_needs_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert 'href="/signin?next=' in response.text


def test_anonymous_posts_are_refused(writer: TestClient) -> None:
    response = writer.post("/review/abc/reject", data={"note": "x"}, headers=SAME_SITE)
    assert response.status_code == 401


def test_queue_lists_pending_claims_with_filters(reviewer: TestClient) -> None:
    html = reviewer.get("/review").text
    assert html.count('<tr data-claim="') == 50
    assert 'rel="next"' in html
    meetings = pending(reviewer, "meeting")
    assert meetings
    assert {r["kind"] for r in meetings} == {"meeting"}
    by_doc = reviewer.get(f"/review?format=json&document={meetings[0]['document']}")
    assert {r["document"] for r in by_doc.json()} == {meetings[0]["document"]}
    assert reviewer.get("/review?kind=nonsense").status_code == 422


def test_claim_page_shows_evidence_candidates_and_forms(reviewer: TestClient) -> None:
    claim = next(r for r in pending(reviewer, "membership"))
    html = reviewer.get(f"/review/{claim['claim']}").text
    assert '<blockquote class="evidence" id="evidence">' in html
    assert re.search(r"<mark>[^<]+</mark>", html)
    assert 'action="/review/' in html
    assert 'id="accept-form"' in html
    assert "Candidates" in html
    assert reviewer.get("/review/ffffffffffff").status_code == 404
    # the 12-character id the CLI prints leads to the page's one address
    moved = reviewer.get(f"/review/{claim['claim'][:12]}", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/review/{claim['claim']}"


def test_accept_by_form_changes_the_knowledge_base(reviewer: TestClient) -> None:
    claim = next(r for r in pending(reviewer, "meeting") if r["entity"])
    meeting_id = claim["entity"].split(":", 1)[1]
    before = reviewer.get(f"/meetings/{meeting_id}").text
    assert "Supporting documents" not in before
    response = reviewer.post(
        f"/review/{claim['claim']}/accept",
        data={"note": "checked"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    if response.status_code == 409:  # the claim disagrees: keep the KB's values
        assert "disagrees" in response.text
        response = reviewer.post(
            f"/review/{claim['claim']}/accept",
            data={"note": "checked", "choice": "keep"},
            headers=SAME_SITE,
            follow_redirects=False,
        )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/review/{claim['claim']}?done=accepted"
    page = reviewer.get(response.headers["location"]).text
    assert "Accepted: the knowledge base" in page
    assert "decided by reviewer-user" in page
    after = reviewer.get(f"/meetings/{meeting_id}").text
    assert "Supporting documents" in after
    assert claim["claim"] not in {r["claim"] for r in pending(reviewer)}


def test_reject_and_edit_by_form(reviewer: TestClient) -> None:
    first, second = pending(reviewer, "commitment")[:2]
    rejected = reviewer.post(
        f"/review/{first['claim']}/reject",
        data={"note": "not a commitment"},
        headers=SAME_SITE,
    )
    assert rejected.status_code == 200
    assert "Rejected: the claim stays" in rejected.text
    again = reviewer.post(f"/review/{first['claim']}/reject", headers=SAME_SITE)
    assert again.status_code == 422
    assert "already rejected" in again.text
    edited = reviewer.post(
        f"/review/{second['claim']}/edit",
        data={"field.area": "energy", "note": "area"},
        headers=SAME_SITE,
    )
    assert edited.status_code == 200, edited.text
    assert "Edited:" in edited.text
    assert 'value="energy"' in edited.text
    bad = reviewer.post(
        f"/review/{second['claim']}/edit",
        data={"field.area": "nowhere"},
        headers=SAME_SITE,
    )
    assert bad.status_code == 422
    assert 'class="problem"' in bad.text


def test_disagreement_without_a_choice_shows_the_page_again(
    reviewer: TestClient,
) -> None:
    for claim in pending(reviewer):
        html = reviewer.get(f"/review/{claim['claim']}").text
        if 'id="disagreements"' in html:
            break
    else:
        pytest.skip("no seeded claim disagrees with the knowledge base")
    response = reviewer.post(
        f"/review/{claim['claim']}/accept", data={}, headers=SAME_SITE
    )
    assert response.status_code == 409
    assert 'class="problem"' in response.text
    assert 'name="choice" value="keep"' in response.text


def test_cross_site_decisions_are_refused(reviewer: TestClient) -> None:
    claim = pending(reviewer)[0]
    response = reviewer.post(
        f"/review/{claim['claim']}/reject", headers={"sec-fetch-site": "cross-site"}
    )
    assert response.status_code == 403


def test_any_claim_can_be_relinked_from_its_page(reviewer: TestClient) -> None:
    claim = next(r for r in pending(reviewer, "meeting") if r["entity"])
    html = reviewer.get(f"/review/{claim['claim']}").text
    kind, entity = claim["entity"].split(":", 1)
    assert f'value="" checked> {kind} {entity} (proposed)' in html
    assert '<input type="radio" name="link" value="new">' in html
    response = reviewer.post(
        f"/review/{claim['claim']}/accept",
        data={"link": "new", "choice": "take"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    decided = reviewer.get(f"/api/v1/claims/{claim['claim']}").json()
    assert decided["status"] == "accepted"
    assert decided["entity_id"] != entity  # a new meeting, not the proposed one


@pytest.mark.issue(14)
def test_claim_values_read_as_text_not_json(reviewer: TestClient) -> None:
    claims = pending(reviewer, "agreement")
    pages = {c["claim"]: reviewer.get(f"/review/{c['claim']}").text for c in claims}
    claim_id, html = next(
        (cid, page) for cid, page in pages.items() if "field-parties" in page
    )
    fields = html[html.index("<h2>Fields</h2>") : html.index("<h2>Candidates</h2>")]
    candidates = html[html.index("<h2>Candidates</h2>") :].split("</section>")[0]
    for shown in (fields, candidates):
        assert "[&#39;" not in shown  # a Python list
        assert "[&#34;" not in shown  # a JSON list
        assert "&#34;]" not in shown
    assert re.search(r"<dt>parties</dt><dd>[A-Z]{3}, [A-Z]{3}", fields)
    assert re.search(r'id="field-parties" name="field.parties" value="[A-Z]{3}, ', html)
    edited = reviewer.post(
        f"/review/{claim_id}/edit",
        data={"field.parties": "CHN, RUS"},
        headers=SAME_SITE,
    )
    assert edited.status_code == 200, edited.text
    assert "<dt>parties</dt><dd>CHN, RUS</dd>" in edited.text
    assert 'name="field.parties" value="CHN, RUS"' in edited.text


@pytest.mark.issue(14)
def test_edit_form_reads_each_field_by_its_type(reviewer: TestClient) -> None:
    """A date typed as a year stays a date (it was read as the number 2017)."""
    claim = pending(reviewer, "meeting")[0]["claim"]
    edited = reviewer.post(
        f"/review/{claim}/edit",
        data={"field.date": "2017", "field.number": "16"},
        headers=SAME_SITE,
    )
    assert edited.status_code == 200, edited.text
    assert 'id="field-date" name="field.date" value="2017"' in edited.text
    zero = reviewer.post(
        f"/review/{claim}/edit", data={"field.number": "0"}, headers=SAME_SITE
    )
    assert zero.status_code == 422
    assert "positive whole number" in zero.text


ASTANA = (
    "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation Organization met "
    "in Astana on Friday for the 17th summit of the Council of Heads of State. "
    "Reporter {n} filed this.\n"
)


def post_reports(client: TestClient, editor: str, count: int) -> None:
    """Near-identical reports of the Astana summit: with the example page's, one
    group of `count` + 1 claims, the largest of the queue."""
    for n in range(count):
        made = client.post(
            "/api/v1/documents",
            json={"text": ASTANA.format(n=n), "title": "Astana"},
            headers={"Authorization": f"Bearer {editor}"},
        )
        assert made.status_code == 201, made.text


@pytest.mark.issue(14)
def test_queue_has_one_row_per_group_with_totals_and_pages(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    post_reports(reviewer, tokens["editor"], 2)
    html = reviewer.get("/review").text
    totals = re.search(r"showing 1-50 of (\d+) groups \(([\d,]+) claims\)", html)
    assert totals is not None, html
    assert int(totals.group(2).replace(",", "")) > int(totals.group(1))
    assert 'href="/review?offset=50" rel="next"' in html
    assert 'rel="prev"' not in html
    rows = pending(reviewer)
    assert (rows[0]["claims"], rows[0]["documents"]) == (3, 3)
    assert rows[0]["entity"] == "meeting:hos-2017"
    later = reviewer.get("/review?offset=50").text
    assert 'href="/review" rel="prev"' in later
    assert f"showing 51-{totals.group(1)} of {totals.group(1)} groups" in later


@pytest.mark.issue(14)
def test_accept_all_decides_the_group_and_undo_reverts_it(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    post_reports(reviewer, tokens["editor"], 2)
    first, second = pending(reviewer)[:2]
    html = reviewer.get(f"/review/{first['claim']}").text
    assert 'id="accept-group">Accept all 3</button>' in html
    assert 'id="reject-group">Reject all 3</button>' in html
    assert f'href="/review/{second["claim"]}" id="next-group" rel="next"' in html
    assert '<script src="/static/review.js" defer></script>' in html
    assert 'id="shortcuts" hidden>Keys: <kbd>a</kbd> accept' in html
    assert 'id="undo-form"' not in html
    response = reviewer.post(
        f"/review/{first['claim']}/accept",
        data={"group": "1", "choice": "keep"},
        headers=SAME_SITE,
    )
    assert response.status_code == 200, response.text
    assert "Accepted 3 claims of the group in one decision" in response.text
    assert 'id="undo-form"' in response.text
    assert pending(reviewer)[0]["claim"] != first["claim"]
    forged = reviewer.post(
        f"/review/{first['claim']}/undo", headers={"sec-fetch-site": "cross-site"}
    )
    assert forged.status_code == 403
    undone = reviewer.post(f"/review/{first['claim']}/undo", headers=SAME_SITE)
    assert undone.status_code == 200, undone.text
    assert "Undone: the claim is pending again." in undone.text
    assert pending(reviewer)[0]["claim"] == first["claim"]
    again = reviewer.post(f"/review/{first['claim']}/undo", headers=SAME_SITE)
    assert again.status_code == 422
    assert "no decision of yours to undo" in again.text
    rejected = reviewer.post(
        f"/review/{first['claim']}/reject", data={"group": "1"}, headers=SAME_SITE
    )
    assert "Rejected 3 claims of the group" in rejected.text


def test_the_shortcut_script_is_served(reviewer: TestClient) -> None:
    script = reviewer.get("/static/review.js")
    assert script.status_code == 200
    for key in ("a:", "r:", "n:", "u:"):
        assert key in script.text
