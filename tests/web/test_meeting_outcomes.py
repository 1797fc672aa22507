"""A meeting's outcomes asked of the three surfaces: `scotrack meeting ID`,
GET /api/v1/meetings/{id} and the meeting page answer alike (#12)."""

from __future__ import annotations

import html as markup
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim
from scotrack.store.write import review

from .conftest import client_for

pytestmark = pytest.mark.issue(12)

API = "/api/v1"


def accept_astana(url: str) -> None:
    """Accept the seed's claims that report the 2017 Astana summit and the
    convention signed there (with the eight signatories the article names)."""
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            found = session.scalars(
                select(Claim.id).where(
                    Claim.entity_id.in_(["hos-2017", "extremism-convention"]),
                    Claim.document_id.in_(
                        select(Claim.document_id).where(Claim.entity_id == "hos-2017")
                    ),
                )
            ).all()
            assert len(found) == 2
            for claim_id in found:
                review.accept(session, claim_id, actor="tests", choice="keep")
            session.commit()
    finally:
        engine.dispose()


def answers(url: str, client: TestClient, meeting_id: str) -> list[Any]:
    """(agreements, participants with guest flags) from the CLI, API and page."""
    result = CliRunner().invoke(app, ["meeting", meeting_id, "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    cli = json.loads(result.stdout)
    api = client.get(f"{API}/meetings/{meeting_id}").json()
    page = client.get(f"/meetings/{meeting_id}").text
    web = {
        "agreements": [
            markup.unescape(ref)
            for ref in re.findall(r'data-agreement="([^"]*)"', page)
        ],
        "participants": re.findall(r'data-state="(\w+)" data-guest="(\w+)"', page),
    }
    return [
        {
            "agreements": [a["agreement_id"] or "" for a in body["agreements"]],
            "participants": [
                (p["state"], str(p["guest"]).lower()) for p in body["participants"]
            ],
        }
        for body in (cli, api)
    ] + [web]


@pytest.fixture
def uncached(writable_url: str) -> Iterator[TestClient]:
    """A client without the response cache: the claims are accepted behind the
    server's back, which a cached answer would see only seconds later."""
    yield from client_for(writable_url, cache=False)


def test_the_three_surfaces_give_one_meetings_outcomes(
    writable_url: str, uncached: TestClient
):
    writer = uncached
    before_cli, before_api, before_web = answers(writable_url, writer, "hos-2017")
    assert before_cli == before_api == before_web
    assert before_cli["agreements"] == ["extremism-convention"]
    accept_astana(writable_url)
    cli, api, web = answers(writable_url, writer, "hos-2017")
    assert cli == api == web
    states = [state for state, _ in cli["participants"]]
    assert states[0] == "KAZ"  # the host
    assert set(states) == {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    body = writer.get(f"{API}/meetings/hos-2017").json()
    (convention,) = body["agreements"]
    evidence = [b for b in convention["basis"] if b["claim_id"]]
    assert evidence
    assert evidence[0]["quote"]
    page = writer.get("/meetings/hos-2017").text
    assert f"#claim-{evidence[0]['claim_id']}" in page
    assert "Who took part" in page


def test_a_founding_summit_lists_its_agreements_and_signatories(client: TestClient):
    body = client.get(f"{API}/meetings/hos-2001").json()
    assert [a["agreement_id"] for a in body["agreements"]] == [
        "establishment-declaration",
        "shanghai-convention",
    ]
    founders = {p["state"] for p in body["participants"]}
    assert founders == {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
    assert all(p["basis"] for p in body["participants"])
    assert not any(p["guest"] for p in body["participants"])


def test_a_kept_meeting_record_follows_a_review_and_a_new_document(
    writable_url: str, uncached: TestClient, tokens: dict[str, str]
):
    """The server keeps a meeting's record per knowledge-base version (#18): a
    review, then a document that reports the meeting, show at once on the page
    and in the API, as the CLI (which keeps nothing) says."""
    api = uncached.get(f"{API}/meetings/hos-2017").json()
    assert uncached.get(f"{API}/meetings/hos-2017").json() == api  # kept
    assert uncached.get("/meetings/hos-2017").status_code == 200  # kept too

    def evidence(body: dict[str, Any]) -> list[str]:
        (convention,) = body["agreements"]
        return [b["claim_id"] for b in convention["basis"] if b["claim_id"]]

    assert evidence(api) == []
    accept_astana(writable_url)
    cli, api_answer, web = answers(writable_url, uncached, "hos-2017")
    assert cli == api_answer == web
    kept = uncached.get(f"{API}/meetings/hos-2017").json()
    (claim,) = evidence(kept)
    page = uncached.get("/meetings/hos-2017").text
    assert f"#claim-{claim}" in page
    posted = uncached.post(
        f"{API}/documents",
        json={
            "text": "ASTANA, June 9, 2017 - The heads of state of the Shanghai "
            "Cooperation Organisation met in Astana for the SCO summit on Friday "
            "and admitted India and Pakistan as members.\n",
            "title": "Astana summit admits two members",
            "published": "2017-06-09",
        },
        headers={"authorization": f"Bearer {tokens['editor']}"},
    )
    assert posted.status_code == 201, posted.text
    document = posted.json()["id"]
    after = uncached.get(f"{API}/meetings/hos-2017").json()
    assert after["documents_total"] == kept["documents_total"] + 1
    assert document in [d["id"] for d in after["documents"]]
    assert document not in page
    assert document in uncached.get("/meetings/hos-2017").text
