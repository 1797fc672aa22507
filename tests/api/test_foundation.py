"""The server's shared machinery: headers, errors, limits, tokens, sign-in."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from scotrack.api.access import COOKIE, readable
from scotrack.api.app import create_app
from scotrack.api.database import limit_queries
from scotrack.api.errors import from_database, from_scotrack
from scotrack.errors import InputError
from scotrack.settings import Settings
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.disagreements import Disagreement, Disagreements

from .conftest import bearer

CSP_PARTS = (
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
)


def test_a_disagreement_is_known_by_its_class_not_its_attributes():
    """409 with the fields for `Disagreements`; an input error that happens to
    carry a `found` is still 422 (#15: isinstance, not duck typing)."""
    found = [Disagreement("date", "2017-06-09", "2017-06-10")]
    error = from_scotrack(Disagreements("meeting m1", found))
    assert (error.status, error.code) == (409, "disagreement")
    assert error.details == [
        {"field": "date", "knowledge_base": "2017-06-09", "claim": "2017-06-10"}
    ]
    lookalike = InputError("bad field")
    lookalike.found = found  # type: ignore[attr-defined]
    assert from_scotrack(lookalike).status == 422


@pytest.mark.parametrize("path", ["/api/v1", "/signin", "/static/app.css", "/nope"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str):
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    for part in CSP_PARTS:
        assert part in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_only_the_api_page_allows_inline_styles(client: TestClient):
    csp = client.get("/docs").headers["content-security-policy"]
    assert "style-src 'self' 'unsafe-inline'" in csp
    assert "script-src 'self';" in csp


def test_api_errors_have_one_shape_and_never_echo_input(client: TestClient):
    response = client.get("/api/v1/<script>alert(1)</script>")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "there is nothing at this address",
        }
    }


def test_page_errors_are_pages_that_never_echo_input(client: TestClient):
    response = client.get("/nothing-<b>here</b>")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<b>here" not in response.text
    assert "&lt;b&gt;" not in response.text
    assert "404" in response.text


def test_the_about_endpoint_counts_what_the_knowledge_base_holds(client: TestClient):
    about = client.get("/api/v1").json()
    assert about["counts"]["documents"] == 5
    assert about["counts"]["states"] > 100
    assert about["last_change"] > 0


def test_a_route_that_declares_no_access_is_closed(seeded_url: str):
    app = create_app(Settings(db=seeded_url))
    extra = APIRouter()

    @extra.get("/undeclared")
    def undeclared() -> dict[str, str]:
        return {"secret": "leaked"}

    @extra.get("/declared")
    @readable
    def declared() -> dict[str, str]:
        return {"open": "yes"}

    app.include_router(extra, prefix="/api/v1")
    with TestClient(app) as client:
        closed = client.get("/api/v1/undeclared")
        assert closed.status_code == 403
        assert "declares no access rule" in closed.json()["error"]["message"]
        assert client.get("/api/v1/declared").json() == {"open": "yes"}


def test_bodies_over_the_limit_are_refused_before_the_route(writable_url: str, tokens):
    app = create_app(Settings(db=writable_url, max_request_bytes=1_000))
    with TestClient(app) as client:
        big = {"name": "x" * 5_000, "role": "reviewer"}
        response = client.post(
            "/api/v1/tokens", json=big, headers=bearer(tokens["admin"])
        )
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "too_large"
        assert "1,000 bytes" in response.json()["error"]["message"]


def test_a_body_without_length_is_counted(writable_url: str, tokens):
    app = create_app(Settings(db=writable_url, max_request_bytes=1_000))

    def chunks():
        for _ in range(10):
            yield b"x" * 500

    with TestClient(app) as client:
        response = client.post(
            "/api/v1/tokens",
            content=chunks(),
            headers={**bearer(tokens["admin"]), "content-type": "application/json"},
        )
        assert response.status_code == 413


def test_a_slow_query_is_stopped_and_reported(seeded_url: str):
    engine = make_engine(seeded_url)
    try:
        with session_factory(engine)() as session:
            limit_queries(session, 0.05)
            endless = text(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                "WHERE x < 100000000) SELECT count(*) FROM n"
            )
            with pytest.raises(OperationalError) as caught:
                session.execute(endless)
            error = from_database(caught.value)
            assert (error.status, error.code) == (400, "query_timeout")
    finally:
        engine.dispose()


def test_tokens_by_role_over_the_api(writer: TestClient, tokens):
    made = writer.post(
        "/api/v1/tokens",
        json={"name": "carol", "role": "editor"},
        headers=bearer(tokens["admin"]),
    )
    assert made.status_code == 201, made.text
    secret = made.json()["token"]
    assert secret.startswith("sct_")
    listed = writer.get("/api/v1/tokens", headers=bearer(tokens["admin"])).json()
    assert "carol" in [t["name"] for t in listed]
    assert all("token" not in t and "digest" not in t for t in listed)
    # the new token works, and stops working once revoked
    assert writer.get("/api/v1", headers=bearer(secret)).status_code == 200
    revoked = writer.post(
        f"/api/v1/tokens/{made.json()['id']}/revoke", headers=bearer(tokens["admin"])
    )
    assert revoked.json()["revoked_at"]
    refused = writer.get("/api/v1", headers=bearer(secret))
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"


def test_token_writes_need_the_admin_role(writer: TestClient, tokens):
    body = {"name": "mallory", "role": "admin"}
    anonymous = writer.post("/api/v1/tokens", json=body)
    assert anonymous.status_code == 401
    reviewer = writer.post(
        "/api/v1/tokens", json=body, headers=bearer(tokens["editor"])
    )
    assert reviewer.status_code == 403
    assert "editor" in reviewer.json()["error"]["message"]
    bad = writer.post("/api/v1/tokens", json=body, headers={"Authorization": "Basic x"})
    assert bad.status_code == 401
    forged = writer.post("/api/v1/tokens", json=body, headers=bearer("sct_forged"))
    assert forged.status_code == 401


def test_bad_parameters_are_422_naming_the_field(writer: TestClient, tokens):
    response = writer.post(
        "/api/v1/tokens",
        json={"name": "dave", "role": "overlord"},
        headers=bearer(tokens["admin"]),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "role"
    assert "overlord" not in error["message"]


def test_sign_in_sets_a_strict_http_only_cookie(writer: TestClient, tokens):
    response = writer.post(
        "/signin",
        data={"token": tokens["reviewer"], "next": "/members"},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/members"
    cookie = response.headers["set-cookie"]
    assert f"{COOKIE}=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    page = writer.get("/signin")
    assert "reviewer-user" in page.text


def test_sign_in_refuses_a_bad_token_and_foreign_redirects(writer: TestClient, tokens):
    bad = writer.post(
        "/signin", data={"token": "sct_nope"}, headers={"origin": "http://testserver"}
    )
    assert bad.status_code == 401
    assert "unknown or revoked" in bad.text
    elsewhere = writer.post(
        "/signin",
        data={"token": tokens["reviewer"], "next": "//evil.example/"},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert elsewhere.headers["location"] == "/"


def test_cross_site_forms_are_refused(writer: TestClient, tokens):
    cross = writer.post(
        "/signin",
        data={"token": tokens["reviewer"]},
        headers={"sec-fetch-site": "cross-site"},
    )
    assert cross.status_code == 403
    no_origin = writer.post("/signin", data={"token": tokens["reviewer"]})
    assert no_origin.status_code == 403
    other_origin = writer.post(
        "/signin",
        data={"token": tokens["reviewer"]},
        headers={"origin": "http://evil.example"},
    )
    assert other_origin.status_code == 403


def test_an_unreachable_database_answers_503_without_naming_it() -> None:
    url = "postgresql://nobody:secret@127.0.0.1:1/none"
    app = create_app(Settings(db=url))  # type: ignore[call-arg]
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/api/v1/states")
        page = client.get("/members", headers={"accept": "text/html"})
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "unavailable"
    assert "secret" not in answer.text
    assert "127.0.0.1" not in answer.text
    assert page.status_code == 503
    assert "secret" not in page.text
