"""POST /api/v1/commitments/{id}/assessments and GET /api/v1/compliance (#13), on
both databases: a seeded commitment assessed with a document span, reported,
refused to anonymous callers and for bad input, and undone."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import bearer
from .test_reads import error_of

API = "/api/v1"

pytestmark = pytest.mark.issue(13)


def accepted_commitment(writer: TestClient, tokens: dict[str, str]) -> str:
    claim = writer.get(
        f"{API}/claims", params={"kind": "commitment", "limit": 1}
    ).json()["items"][0]
    accepted = writer.post(
        f"{API}/claims/{claim['id']}/accept", headers=bearer(tokens["reviewer"])
    )
    assert accepted.status_code == 200, accepted.text
    return str(
        next(
            c["entity_id"]
            for c in accepted.json()["changes"]
            if c["entity_kind"] == "commitment"
        )
    )


def a_document(writer: TestClient) -> dict[str, Any]:
    found = writer.get(f"{API}/documents").json()["items"][0]
    return dict(writer.get(f"{API}/documents/{found['id']}").json())


def test_assess_then_report_then_undo(writer: TestClient, tokens) -> None:
    commitment = accepted_commitment(writer, tokens)
    document = a_document(writer)
    path = f"{API}/commitments/{commitment}/assessments"
    body = {
        "score": 0,
        "date": "2019-06",
        "evidence": f"{document['id'][:8]}:0-20",
        "note": "under way",
    }
    assert writer.post(path, json=body).status_code == 401
    made = writer.post(path, json=body, headers=bearer(tokens["reviewer"]))
    assert made.status_code == 201, made.text
    [change] = made.json()["changes"]
    assert (change["action"], change["entity_id"]) == ("assess", commitment)
    report = writer.get(f"{API}/compliance", params={"on": "2020"}).json()
    [line] = [li for li in report["commitments"] if li["commitment_id"] == commitment]
    assert line["compliance"] == "partly"
    assessment = line["assessment"]
    assert (assessment["document_id"], assessment["start"], assessment["end"]) == (
        document["id"],
        0,
        20,
    )
    assert assessment["assessor"] == "reviewer-user"
    assert report["overall"]["mean_score"] == 0.0
    assert "G7/G20" in report["method"]
    early = writer.get(f"{API}/compliance", params={"on": "2019-05"}).json()
    assert early["overall"]["assessed"] == 0
    # the commitment shows its assessments too
    one = writer.get(f"{API}/commitments/{commitment}").json()
    assert [a["score"] for a in one["assessments"]] == [0]
    undone = writer.post(
        f"{API}/changes/{change['id']}/undo", headers=bearer(tokens["editor"])
    )
    assert undone.status_code == 200, undone.text
    assert writer.get(f"{API}/commitments/{commitment}").json()["assessments"] == []


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"score": 2, "date": "2020", "citation": "x"}, 422, "score"),
        ({"score": 1, "date": "someday", "citation": "x"}, 422, "date"),
        ({"score": 1, "date": "2020"}, 422, "evidence: give"),
        ({"score": 1, "date": "2020", "evidence": "abc:0-5"}, 422, "at least 6"),
        ({"score": 1, "date": "2020", "evidence": "{doc}:0-99999999"}, 422, "ends"),
    ],
)
def test_bad_assessments_are_refused(
    writer: TestClient, tokens, body: dict[str, Any], status: int, words: str
) -> None:
    commitment = accepted_commitment(writer, tokens)
    document = a_document(writer)
    if "evidence" in body:
        body = {**body, "evidence": body["evidence"].format(doc=document["id"][:10])}
    path = f"{API}/commitments/{commitment}/assessments"
    response = writer.post(path, json=body, headers=bearer(tokens["editor"]))
    assert words in error_of(response, status)


def test_unknown_commitment_and_meeting_are_404(client: TestClient, seeded_tokens):
    response = client.post(
        f"{API}/commitments/no-such/assessments",
        json={"score": 1, "date": "2020", "citation": "x"},
        headers=bearer(seeded_tokens["reviewer"]),
    )
    assert response.status_code == 404, response.text
    missing = client.get(f"{API}/compliance", params={"meeting": "hos-1900"})
    assert missing.status_code == 404
    bad = client.get(f"{API}/compliance", params={"on": "2017-02-30"})
    assert error_of(bad, 422, "on").startswith("on:")
