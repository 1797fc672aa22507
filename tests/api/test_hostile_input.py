"""Hostile and careless input never makes the server answer 500 (#18).

Each probe of the issue, anonymous and signed in, answers 4xx with the API's one
error shape (pages: an HTML error page), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from scotrack.store.read import search_query

from .conftest import bearer
from .test_reads import error_of

API = "/api/v1"
HUGE = str(2**64)
"""Past 64 bits: no database column holds it."""
DEEP = "[" * 100_000 + "]" * 100_000
SAME_SITE = {"sec-fetch-site": "same-origin"}

pytestmark = pytest.mark.issue(18)

SEARCH_SYNTAX = [
    "a\x00b",
    "\x00",
    '"',
    '""',
    '"unclosed',
    "*",
    "sco*",
    "NEAR(sco summit)",
    "-sco",
    "sco -",
    "(sco",
    "sco)",
    "sco OR",
    "AND",
    "^sco",
    "sco:summit",
    "title:sco",
    "'",
    "\\",
    "{sco}",
    "sco\x01\x1f",
]


def cursor_of(value: object) -> str:
    text = json.dumps(value).encode()
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


@pytest.mark.parametrize("query", SEARCH_SYNTAX)
def test_search_syntax_is_never_a_server_error(client: TestClient, query: str):
    response = client.get(f"{API}/search", params={"q": query})
    assert response.status_code in {200, 422}, response.text
    if response.status_code == 422:
        error_of(response, 422, "q")
    page = client.get("/search", params={"q": query})
    assert page.status_code in {200, 422}, page.text


def test_a_nul_in_a_parameter_is_422_naming_it(client: TestClient):
    message = error_of(client.get(f"{API}/search", params={"q": "SCO\x00"}), 422, "q")
    assert "NUL" in message
    assert client.get("/search", params={"q": "SCO\x00"}).status_code == 422


def test_search_reads_control_characters_as_spaces():
    assert search_query.parse_query("Qingdao\x00summit*\x1b") == [
        search_query.Term("Qingdao"),
        search_query.Term("summit", prefix=True),
    ]
    assert "\x00" not in search_query.fts5_query(search_query.parse_query('"a\x00b"'))


@pytest.mark.parametrize(
    "path",
    [
        f"{API}/changes?since={HUGE}",
        f"{API}/changes?since=-{HUGE}",
        f"{API}/changes?since={2**31}",
        f"{API}/changes?since=-1",
        f"{API}/changes?limit={HUGE}",
        f"{API}/changes?limit=-1",
        f"{API}/claims?limit=-{HUGE}",
        f"{API}/meetings?year={HUGE}",
        f"{API}/search?q=sco&limit={HUGE}",
        f"{API}/states/%00",
        f"{API}/meetings/%00",
        f"{API}/documents/%00",
        f"{API}/claims/%00",
        f"{API}/history/meeting/%00",
        f"{API}/changes?since=%00",
        f"{API}/documents?outlet=%00",
        f"{API}/claims?document=%00",
    ],
)
def test_out_of_range_and_nul_parameters_are_4xx(client: TestClient, path: str):
    response = client.get(path)
    assert 400 <= response.status_code < 500, response.text
    error_of(response, response.status_code)


@pytest.mark.parametrize(
    "path", ["/search?q=%ED%A0%80", "/search?q=%FF%FE", "/states/%ED%A0%80"]
)
def test_malformed_utf8_is_never_a_server_error(client: TestClient, path: str):
    for prefix in (API, ""):
        assert client.get(prefix + path).status_code in {200, 404, 422}


@pytest.mark.parametrize(
    "key",
    [[2**64], [-(2**64)], [2**63], [2**31], [1e308], ["\x00"], [True], [None]],
)
@pytest.mark.parametrize("path", ["changes", "claims", "documents", "meetings"])
def test_forged_cursors_are_422(client: TestClient, path: str, key: list):
    response = client.get(f"{API}/{path}", params={"cursor": cursor_of(key)})
    assert response.status_code in {200, 422}, response.text
    if response.status_code == 422:
        error_of(response, 422, "cursor")


@pytest.mark.parametrize(
    "change_id", ["9" * 23, HUGE, str(2**63), str(2**31), "-1", "0"]
)
def test_undo_of_an_impossible_change_id_is_4xx(writer: TestClient, tokens, change_id):
    response = writer.post(
        f"{API}/changes/{change_id}/undo", headers=bearer(tokens["editor"])
    )
    assert response.status_code in {404, 422}, response.text
    error_of(response, response.status_code)


@pytest.mark.parametrize("token_id", ["9" * 23, str(2**63), str(2**31), "-1"])
def test_revoking_an_impossible_token_id_is_4xx(writer: TestClient, tokens, token_id):
    response = writer.post(
        f"{API}/tokens/{token_id}/revoke", headers=bearer(tokens["admin"])
    )
    assert response.status_code in {404, 422}, response.text
    error_of(response, response.status_code)


def pending_claim(client: TestClient, kind: str) -> str:
    found = client.get(f"{API}/claims", params={"status": "pending", "kind": kind})
    return found.json()["items"][0]["id"]


def test_a_deep_json_body_is_4xx(writer: TestClient, tokens):
    claim = pending_claim(writer, "commitment")
    response = writer.patch(
        f"{API}/claims/{claim}",
        content='{"set": {"target": ' + DEEP + "}}",
        headers={**bearer(tokens["reviewer"]), "content-type": "application/json"},
    )
    assert response.status_code in {400, 422}, response.text
    assert "deep" in error_of(response, response.status_code)


@pytest.mark.parametrize("field", ["target", "parties", "number", "date", "name"])
def test_a_deep_json_value_in_the_edit_form_is_422(
    writer: TestClient, tokens, field: str
):
    claim = pending_claim(writer, "commitment")
    writer.cookies.set("scotrack_session", tokens["reviewer"])
    response = writer.post(
        f"/review/{claim}/edit",
        data={f"field.{field}": DEEP},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code in {303, 422}, response.text[:300]


def test_a_nul_in_a_written_text_is_4xx(writer: TestClient, tokens):
    claim = pending_claim(writer, "commitment")
    edit = writer.patch(
        f"{API}/claims/{claim}",
        json={"set": {"actor": "A\x00B"}, "note": "n\x00"},
        headers=bearer(tokens["reviewer"]),
    )
    assert 400 <= edit.status_code < 500, edit.text
    error_of(edit, edit.status_code)
    token = writer.post(
        f"{API}/tokens",
        json={"name": "a\x00b", "role": "reviewer"},
        headers=bearer(tokens["admin"]),
    )
    assert 400 <= token.status_code < 500, token.text
    error_of(token, token.status_code)


@pytest.mark.parametrize("number", [2**31, 10**30])
def test_a_number_past_what_the_database_holds_is_refused_at_edit(
    writer: TestClient, tokens, number: int
):
    claim = pending_claim(writer, "meeting")
    edit = writer.patch(
        f"{API}/claims/{claim}",
        json={"set": {"number": number}},
        headers=bearer(tokens["reviewer"]),
    )
    assert "whole number" in error_of(edit, 422)
    writer.cookies.set("scotrack_session", tokens["reviewer"])
    form = writer.post(
        f"/review/{claim}/edit",
        data={"field.number": str(number)},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert form.status_code == 422
