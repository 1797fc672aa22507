"""The commitment page with its assessment form and undo, the project page, the
compliance report page with its citable exports, and the state page's
compliance (#13). Each test writes on a fresh knowledge base, on SQLite and on
PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app

from .conftest import SAME_SITE, sign_in

API = "/api/v1"

pytestmark = pytest.mark.issue(13)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def accepted_commitments(
    client: TestClient, tokens: dict[str, str], count: int = 1
) -> list[str]:
    """Accept `count` commitment claims through the API; their commitment ids."""
    claims = client.get(
        f"{API}/claims", params={"kind": "commitment", "status": "pending"}
    ).json()["items"]
    found = []
    for claim in claims[:count]:
        done = client.post(
            f"{API}/claims/{claim['id']}/accept", headers=bearer(tokens["reviewer"])
        )
        assert done.status_code == 200, done.text
        found += [
            c["entity_id"]
            for c in done.json()["changes"]
            if c["entity_kind"] == "commitment"
        ]
    return found


def a_document(client: TestClient) -> dict[str, Any]:
    found = client.get(f"{API}/documents").json()["items"][0]
    return dict(client.get(f"{API}/documents/{found['id']}").json())


def assess(client: TestClient, commitment: str, **fields: str) -> Any:
    return client.post(
        f"/commitments/{commitment}/assessments",
        data=fields,
        headers=SAME_SITE,
        follow_redirects=False,
    )


def api_scores(client: TestClient, commitment: str) -> list[Any]:
    one = client.get(f"{API}/commitments/{commitment}").json()
    return [a["score"] for a in one["assessments"]]


def test_a_reviewer_records_reverses_and_undoes_from_the_page(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    [commitment] = accepted_commitments(reviewer, tokens)
    document = a_document(reviewer)
    page = reviewer.get(f"/commitments/{commitment}").text
    assert 'id="assess-form"' in page
    assert "Not assessed yet." in page
    done = assess(
        reviewer,
        commitment,
        score="1",
        on="2019-06",
        evidence=f"{document['id'][:8]}:0-20",
        note="opened",
    )
    assert done.status_code == 303, done.text
    assert (
        done.headers["location"] == f"/commitments/{commitment}?done=assessed#timeline"
    )
    # the same store function as the API: the API sees it
    assert api_scores(reviewer, commitment) == [1]
    page = reviewer.get(done.headers["location"]).text
    assert "Recorded: the assessment" in page
    assert f'href="/documents/{document["id"]}">{document["id"][:12]}:0-20</a>' in page
    assert "reviewer-user" in page
    assert "+1: full compliance" in page
    assert "Note: opened" in page
    # a later assessment reverses it, and the page says so
    again = assess(reviewer, commitment, score="-1", on="2020", citation="MFA, 2021")
    assert again.status_code == 303, again.text
    page = reviewer.get(f"/commitments/{commitment}").text
    assert "reverses +1: full compliance for <time>2019-06</time>" in page
    assert "(citation)" in page
    # as of a day before the reversal, the first one is in force
    early = reviewer.get(f"/commitments/{commitment}", params={"on": "2019-12"}).text
    assert re.search(
        r"badge status-complied\">complied</span> on <time>2019-12-31", early
    )
    rows = reviewer.get(f"/commitments/{commitment}?format=json").json()
    assert [(r["date"], r["score"], r["state"]) for r in rows] == [
        ("2019-06", 1, "kept"),
        ("2020", -1, "in force"),
    ]
    assert rows[1]["reverses"] == 1
    assert rows[0]["assessor"] == "reviewer-user"
    assert rows[0]["recorded_at"]
    # undo the latest from the page: it leaves the timeline, the log keeps it
    change = re.search(r'name="change" value="(\d+)"', page)
    assert change is not None
    assert int(change.group(1)) == rows[1]["change"]
    undone = reviewer.post(
        f"/commitments/{commitment}/undo",
        data={"change": change.group(1)},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert undone.status_code == 303, undone.text
    assert api_scores(reviewer, commitment) == [1]
    page = reviewer.get(f"/commitments/{commitment}").text
    assert 'id="undone"' in page
    assert "undone by reviewer-user" in page
    # a second undo of the same change is refused with the reason
    stale = reviewer.post(
        f"/commitments/{commitment}/undo",
        data={"change": change.group(1)},
        headers=SAME_SITE,
    )
    assert stale.status_code == 422
    assert "not the latest assessment" in stale.text


def test_anonymous_users_see_no_form_and_are_refused(
    writer: TestClient, tokens: dict[str, str]
) -> None:
    [commitment] = accepted_commitments(writer, tokens)
    page = writer.get(f"/commitments/{commitment}").text
    assert 'id="assess-form"' not in page
    assert f"/signin?next=/commitments/{commitment}" in page
    refused = assess(writer, commitment, score="1", on="2020", citation="x")
    assert refused.status_code == 401
    assert api_scores(writer, commitment) == []


def test_a_form_sent_from_another_site_is_refused(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    [commitment] = accepted_commitments(reviewer, tokens)
    refused = reviewer.post(
        f"/commitments/{commitment}/assessments",
        data={"score": "1", "on": "2020", "citation": "x"},
        headers={"sec-fetch-site": "cross-site"},
    )
    assert refused.status_code == 403
    assert api_scores(reviewer, commitment) == []


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"evidence": "page 4 of the report"}, "write DOC:START-END"),
        ({"evidence": "{doc}:0-99999999"}, "ends after the document"),
        ({"evidence": "ffffff:0-5"}, "no such document"),
        ({"evidence": "{doc}:0-5", "citation": "x"}, "give a document span"),
        ({"score": "2", "citation": "x"}, "score: &#39;2&#39; is not a score"),
        ({"on": "someday", "citation": "x"}, "date:"),
    ],
)
def test_a_bad_form_is_one_clear_error_and_keeps_what_was_typed(
    reviewer: TestClient, tokens: dict[str, str], fields: dict[str, str], reason: str
) -> None:
    [commitment] = accepted_commitments(reviewer, tokens)
    doc = a_document(reviewer)["id"][:10]
    sent = {"score": "0", "on": "2021-03", "note": "kept note"}
    sent.update({k: v.format(doc=doc) for k, v in fields.items()})
    refused = assess(reviewer, commitment, **sent)
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("text/html")
    problems = re.findall(
        r'<p class="problem" role="alert"[^>]*>([^<]*)</p>', refused.text
    )
    assert len(problems) == 1, problems
    assert reason in problems[0]
    assert "kept note</textarea>" in refused.text
    assert api_scores(reviewer, commitment) == []


def test_only_the_assessor_or_an_editor_may_undo(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    [commitment] = accepted_commitments(reviewer, tokens)
    made = reviewer.post(
        f"{API}/commitments/{commitment}/assessments",
        json={"score": 0, "date": "2020", "citation": "x"},
        headers=bearer(tokens["editor"]),
    )
    assert made.status_code == 201, made.text
    [change] = made.json()["changes"]
    page = reviewer.get(f"/commitments/{commitment}").text
    assert 'id="undo-form"' not in page  # the editor's, not the reviewer's
    refused = reviewer.post(
        f"/commitments/{commitment}/undo",
        data={"change": str(change["id"])},
        headers=SAME_SITE,
    )
    assert refused.status_code == 422
    assert "only its assessor (editor-user) or an editor" in refused.text
    sign_in(reviewer, tokens["editor"])
    assert 'id="undo-form"' in reviewer.get(f"/commitments/{commitment}").text


def test_commitment_page_by_prefix_and_its_sources(
    writer: TestClient, tokens: dict[str, str]
) -> None:
    [commitment] = accepted_commitments(writer, tokens)
    moved = writer.get(f"/commitments/{commitment[:8]}?on=2020", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/commitments/{commitment}?on=2020"
    page = writer.get(f"/commitments/{commitment}").text
    # the sentence it was read from, linked to the claim in the reader
    assert re.search(r'href="/documents/[0-9a-f]{64}#claim-[0-9a-f]+"', page)
    assert "<h2>Read from</h2>" in page
    assert writer.get("/commitments/c-nowhere00").status_code == 404
    assert writer.get(f"/commitments/{commitment}?known_on=x").status_code == 422
    # as known before anything was accepted: not there yet
    assert writer.get(f"/commitments/{commitment}?known_on=2001").status_code == 404


def put_at_meeting(
    client: TestClient, tokens: dict[str, str], commitment: str, meeting: str
) -> None:
    done = client.patch(
        f"{API}/entities/commitment/{commitment}",
        json={"set": {"meeting_id": meeting}, "reason": "made at the summit"},
        headers=bearer(tokens["editor"]),
    )
    assert done.status_code == 200, done.text


def test_compliance_report_of_a_meeting_with_chart_and_citable_exports(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    first, second, third = accepted_commitments(reviewer, tokens, 3)
    for commitment in (first, second):
        put_at_meeting(reviewer, tokens, commitment, "hos-2018")
    doc = a_document(reviewer)["id"]
    assert (
        assess(
            reviewer, first, score="1", on="2019", evidence=f"{doc}:0-12"
        ).status_code
        == 303
    )
    assert (
        assess(
            reviewer, second, score="inconclusive", on="2019", citation="none"
        ).status_code
        == 303
    )
    assert (
        assess(reviewer, third, score="-1", on="2019", citation="elsewhere").status_code
        == 303
    )
    meeting = reviewer.get("/meetings/hos-2018").text
    assert 'href="/compliance?meeting=hos-2018" id="compliance-link"' in meeting
    assert f'<a href="/commitments/{first}">' in meeting
    page = reviewer.get("/compliance", params={"meeting": "hos-2018", "on": "2020"})
    assert page.status_code == 200
    html = page.text
    assert "Commitments made at hos-2018: 2 commitments" in html
    assert f'href="/commitments/{first}"' in html
    assert f'href="/commitments/{third}"' not in html
    assert f'href="/documents/{doc}">{doc[:12]}:0-12</a>' in html
    # the mean leaves the inconclusive one out and counts it
    assert "mean <strong>+1.00</strong>" in html
    assert "2, of them 2 assessed (1 inconclusive, not averaged)" in html
    assert '<svg class="chart-scores size-480"' in html
    assert "<title>Mean compliance score by state</title>" in html
    assert 'href="/compliance/method.json?meeting=hos-2018&amp;on=2020"' in html
    csv_href = "/compliance?meeting=hos-2018&amp;on=2020&amp;format=csv"
    assert f'href="{csv_href}"' in html
    exported = reviewer.get(csv_href.replace("&amp;", "&"))
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    lines = {r["commitment"]: r for r in table if r["row"] == "commitment"}
    assert set(lines) == {first, second}
    assert (lines[first]["score"], lines[first]["document"]) == ("1", doc)
    assert lines[second]["compliance"] == "inconclusive"
    [overall] = [r for r in table if r["row"] == "all"]
    assert (overall["mean_score"], overall["inconclusive"]) == ("1.0", "1")
    method = reviewer.get(
        "/compliance/method.json", params={"meeting": "hos-2018", "on": "2020"}
    ).json()
    assert method["selection"]["meeting"] == "hos-2018"
    assert method["on"] == "2020-12-31"
    assert method["commitments"] == 2
    assert method["address"].endswith("/compliance?meeting=hos-2018&on=2020&format=csv")
    assert list(method["columns"]) == list(table[0])
    assert method["last_change"] > 0
    # a range of days made instead of a meeting; a bad one is a 422 page
    ranged = reviewer.get("/compliance", params={"from": "1990", "to": "1991"})
    assert "No commitment matches" in ranged.text
    assert reviewer.get("/compliance", params={"from": "x"}).status_code == 422
    assert (
        reviewer.get("/compliance", params={"meeting": "hos-1900"}).status_code == 404
    )


def test_the_cli_the_api_and_the_page_give_the_same_report(
    reviewer: TestClient, tokens: dict[str, str], writable_url: str
) -> None:
    """One citable table: `scotrack compliance --format csv` is the page's CSV,
    and the CLI's and the API's description is the page's method JSON."""
    first, second = accepted_commitments(reviewer, tokens, 2)
    put_at_meeting(reviewer, tokens, first, "hos-2018")
    doc = a_document(reviewer)["id"]
    assert (
        assess(
            reviewer, first, score="1", on="2019", evidence=f"{doc}:0-12"
        ).status_code
        == 303
    )
    assert (
        assess(reviewer, second, score="0", on="2019", citation="x").status_code == 303
    )
    for query in (
        {"meeting": "hos-2018", "on": "2020"},
        {"from": "2000", "on": "2020"},
    ):
        page = reviewer.get("/compliance", params={**query, "format": "csv"}).text
        options = [f"--{k}={v}" for k, v in query.items()]
        cli = CliRunner().invoke(
            app, ["compliance", *options, "--db", writable_url, "-f", "csv"]
        )
        assert cli.exit_code == 0, cli.output
        assert cli.stdout.replace("\r\n", "\n") == page
        method = reviewer.get("/compliance/method.json", params=query).json()
        api = reviewer.get(f"{API}/compliance", params=query).json()["description"]
        described = CliRunner().invoke(
            app, ["compliance", *options, "--db", writable_url, "-f", "json"]
        )
        assert described.exit_code == 0, described.output
        for other in (api, json.loads(described.stdout)["description"]):
            assert {**other, "address": None} == {**method, "address": None}
    early = reviewer.get(f"{API}/compliance", params={"from": "2099"}).json()
    assert early["commitments"] == []
    bad = reviewer.get(f"{API}/compliance", params={"to": "x"})
    assert bad.status_code == 422


def test_state_page_shows_compliance_and_links_the_report(
    reviewer: TestClient, tokens: dict[str, str]
) -> None:
    made = accepted_commitments(reviewer, tokens, 6)
    actors = {c: reviewer.get(f"{API}/commitments/{c}").json()["actor"] for c in made}
    commitment, actor = next((c, a) for c, a in actors.items() if a != "SCO")
    assert (
        assess(reviewer, commitment, score="0", on="2024-05", citation="x").status_code
        == 303
    )
    html = reviewer.get(f"/states/{actor}", params={"on": "2025-06-30"}).text
    assert 'id="compliance"' in html
    assert "Mean score <strong>+0.00</strong>" in html
    assert '<a href="/compliance">The compliance report</a>' in html
    assert "<td><time>2024-12-31</time></td><td>+0.00</td>" in html
    assert "<td><time>2025-06-30</time></td>" in html
    assert f'href="/commitments/{commitment}"' in html


def test_project_page_shows_its_lifecycle_with_sources(
    writer: TestClient, tokens: dict[str, str]
) -> None:
    claim = writer.get(
        f"{API}/claims", params={"kind": "project", "status": "pending"}
    ).json()["items"][0]
    done = writer.post(
        f"{API}/claims/{claim['id']}/accept", headers=bearer(tokens["reviewer"])
    )
    assert done.status_code == 200, done.text
    [project] = [
        c["entity_id"] for c in done.json()["changes"] if c["entity_kind"] == "project"
    ]
    listed = writer.get("/projects").text
    assert f'href="/projects/{project}"' in listed
    html = writer.get(f"/projects/{project}").text
    assert 'id="steps"' in html
    assert "<h2>Status timeline</h2>" in html
    # the review pages and the reader link a project's claims to its page
    claim_page = writer.get(
        f"/review/{claim['id']}", headers=bearer(tokens["reviewer"])
    )
    assert f'href="/projects/{project}"' in claim_page.text
    rows = writer.get(f"/projects/{project}?format=json").json()
    assert rows, "the accepted claim gives a status"
    assert all(r["source"] for r in rows)  # each step names its source
    assert {r["iati_activity_status"] for r in rows} <= {1, 2, 3, 4, 5, 6}
    assert writer.get("/projects/no-such-project").status_code == 404
