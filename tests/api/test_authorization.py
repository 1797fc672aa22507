"""Who may call what: one row per route of the app, checked with every role.

Every APIRoute of the app (the API's and the pages') must have a row in TABLE;
a new route without one fails `test_every_route_has_a_row`, so access is decided
before a route ships. A row gives the status each caller gets: a number, or OK
for "allowed": any answer but 401, 403 and 5xx (a write may still be refused
for its content, e.g. 404 or 422).
"""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from .conftest import bearer

OK = "ok"
CALLERS = ("anonymous", "reviewer", "editor", "admin")
RANKS = {"reviewer": 1, "editor": 2, "admin": 3}
Row = dict[str, int | str]


def everyone(status: int | str = 200) -> Row:
    return dict.fromkeys(CALLERS, status)


def needs(role: str, allowed: int | str = OK) -> Row:
    """Anonymous 401, roles below `role` 403, `role` and above `allowed`."""
    row: Row = {"anonymous": 401}
    for caller, rank in RANKS.items():
        row[caller] = allowed if rank >= RANKS[role] else 403
    return row


TABLE: dict[tuple[str, str], Row] = {
    # the API: reads are open to everyone
    ("GET", "/api/v1"): everyone(),
    ("GET", "/api/v1/states"): everyone(),
    ("GET", "/api/v1/states/{code}"): everyone(),
    ("GET", "/api/v1/meetings"): everyone(),
    ("GET", "/api/v1/meetings/{meeting_id}"): everyone(),
    ("GET", "/api/v1/meetings/{meeting_id}/documents"): everyone(),
    ("GET", "/api/v1/agreements"): everyone(),
    ("GET", "/api/v1/agreements/{agreement_id}"): everyone(),
    ("GET", "/api/v1/commitments"): everyone(),
    ("GET", "/api/v1/commitments/{commitment_id}"): everyone(404),
    ("GET", "/api/v1/compliance"): everyone(),
    ("GET", "/api/v1/projects"): everyone(),
    ("GET", "/api/v1/projects/{project_id}"): everyone(404),
    ("GET", "/api/v1/secretaries"): everyone(),
    ("GET", "/api/v1/bodies"): everyone(),
    ("GET", "/api/v1/bodies/{body_id}"): everyone(),
    ("GET", "/api/v1/initiatives"): everyone(),
    ("GET", "/api/v1/documents"): everyone(),
    ("GET", "/api/v1/documents/{document_id}"): everyone(),
    ("GET", "/api/v1/documents/{document_id}/original"): everyone(),
    ("GET", "/api/v1/claims"): everyone(),
    ("GET", "/api/v1/claims/{claim_id}"): everyone(),
    ("GET", "/api/v1/claims/groups"): everyone(),
    ("GET", "/api/v1/search"): everyone(),
    ("GET", "/api/v1/export"): everyone(),
    ("GET", "/api/v1/changes"): everyone(),
    ("GET", "/api/v1/history/{kind}/{entity_id}"): everyone(),
    # the API: writes
    ("POST", "/api/v1/documents"): needs("editor", 201),
    ("POST", "/api/v1/claims/{claim_id}/accept"): needs("reviewer"),
    ("POST", "/api/v1/claims/{claim_id}/reject"): needs("reviewer"),
    ("PATCH", "/api/v1/claims/{claim_id}"): needs("reviewer"),
    ("POST", "/api/v1/claims/accept"): needs("reviewer"),
    ("POST", "/api/v1/claims/reject"): needs("reviewer"),
    ("PATCH", "/api/v1/entities/{kind}/{entity_id}"): needs("editor"),
    ("POST", "/api/v1/commitments/{commitment_id}/assessments"): needs("reviewer"),
    ("POST", "/api/v1/changes/{change_id}/undo"): needs("editor"),
    ("GET", "/api/v1/tokens"): needs("admin", 200),
    ("POST", "/api/v1/tokens"): needs("admin", 201),
    ("POST", "/api/v1/tokens/{token_id}/revoke"): needs("admin", 200),
    # pages
    ("GET", "/signin"): everyone(),
    ("POST", "/signin"): {**everyone(303), "anonymous": 422},
    ("POST", "/signout"): everyone(303),
    ("GET", "/docs"): everyone(),
    ("GET", "/"): everyone(),
    ("GET", "/members"): everyone(),
    ("GET", "/states/{code}"): everyone(),
    ("GET", "/meetings"): everyone(),
    ("GET", "/meetings/{meeting_id}"): everyone(),
    ("GET", "/agreements"): everyone(),
    ("GET", "/agreements/{agreement_id}"): everyone(),
    ("GET", "/commitments"): everyone(),
    ("GET", "/commitments/{commitment_id}"): everyone(404),
    ("GET", "/compliance"): everyone(),
    ("GET", "/compliance/method.json"): everyone(),
    ("GET", "/projects"): everyone(),
    ("GET", "/projects/{project_id}"): everyone(404),
    ("GET", "/charts"): everyone(),
    ("GET", "/secretaries"): everyone(),
    ("GET", "/bodies"): everyone(),
    ("GET", "/initiatives"): everyone(),
    ("GET", "/documents"): everyone(),
    ("GET", "/documents/{document_id}"): everyone(),
    ("GET", "/search"): everyone(),
    ("GET", "/export"): everyone(),
    # pages: the review queue and its forms
    ("GET", "/review"): needs("reviewer", 200),
    ("GET", "/review/{claim_id}"): needs("reviewer", 200),
    ("POST", "/review/{claim_id}/accept"): needs("reviewer"),
    ("POST", "/review/{claim_id}/reject"): needs("reviewer"),
    ("POST", "/review/{claim_id}/edit"): needs("reviewer"),
    ("POST", "/review/{claim_id}/undo"): needs("reviewer"),
    # pages: the commitment page's assessment form and its undo
    ("POST", "/commitments/{commitment_id}/assessments"): needs("reviewer"),
    ("POST", "/commitments/{commitment_id}/undo"): needs("reviewer"),
}

BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/commitments/{commitment_id}/assessments"): {
        "json": {"score": 1, "date": "2020", "citation": "MFA, 2020"}
    },
    ("POST", "/api/v1/documents"): {
        "json": {"text": "The SCO heads of state met in Astana in June 2017.\n"}
    },
    ("POST", "/api/v1/claims/{claim_id}/accept"): {"json": {"choice": "keep"}},
    ("POST", "/api/v1/claims/{claim_id}/reject"): {"json": {"note": "no"}},
    ("PATCH", "/api/v1/claims/{claim_id}"): {"json": {"set": {"area": "trade"}}},
    ("POST", "/api/v1/claims/accept"): {"json": {"kind": "meeting", "dry_run": True}},
    ("POST", "/api/v1/claims/reject"): {"json": {"kind": "project", "dry_run": True}},
    ("PATCH", "/api/v1/entities/{kind}/{entity_id}"): {
        "json": {"set": {"format": "hybrid"}, "reason": "authorization test"}
    },
    ("POST", "/api/v1/tokens"): {"json": {"name": "spare", "role": "reviewer"}},
    ("POST", "/review/{claim_id}/accept"): {"data": {"choice": "keep"}},
    ("POST", "/review/{claim_id}/reject"): {"data": {"note": "no"}},
    ("POST", "/review/{claim_id}/edit"): {"data": {"area": "trade"}},
}
QUERIES = {
    ("GET", "/api/v1/search"): {"q": "summit"},
    ("GET", "/api/v1/export"): {"format": "csl"},
    ("GET", "/search"): {"q": "summit"},
}
SAME_SITE = {"sec-fetch-site": "same-origin"}


def app_routes(client: TestClient) -> set[tuple[str, str]]:
    """(method, full path) of every APIRoute, inside included routers too (this
    FastAPI keeps an included router as one entry of `app.routes`)."""
    found = set()
    for item in client.app.routes:  # type: ignore[attr-defined]
        contexts = (
            item.effective_route_contexts()
            if hasattr(item, "effective_route_contexts")
            else [item]
        )
        for context in contexts:
            route = getattr(context, "original_route", context)
            if not isinstance(route, APIRoute):
                continue
            path = getattr(context, "path", None) or route.path
            found |= {(m, path) for m in route.methods if m != "HEAD"}
    return found


def test_every_route_has_a_row(client: TestClient):
    routes = app_routes(client)
    missing = sorted(routes - TABLE.keys())
    assert not missing, (
        "routes without a row in tests/api/test_authorization.py TABLE (say who "
        f"may call each): {missing}"
    )
    stale = sorted(TABLE.keys() - routes)
    assert not stale, f"rows for routes the app no longer has: {stale}"


def sample_ids(client: TestClient, admin: str) -> dict[str, str]:
    """Valid ids of the seeded knowledge base for every path parameter."""
    document = client.get("/api/v1/documents").json()["items"][0]["id"]
    claims = client.get("/api/v1/claims", params={"kind": "commitment", "limit": 5})
    claim = claims.json()["items"][0]["id"]
    spare = client.post(
        "/api/v1/tokens", json={"name": "to-revoke", "role": "reviewer"},
        headers=bearer(admin),
    )  # fmt: skip
    edit = client.patch(
        "/api/v1/entities/meeting/hos-2016",
        json={"set": {"format": "video"}, "reason": "something to undo"},
        headers=bearer(admin),
    )
    return {
        "code": "IND",
        "meeting_id": "hos-2017",
        "body_id": "rats",
        "agreement_id": "shanghai-convention",
        "commitment_id": "no-such-commitment",
        "project_id": "no-such-project",
        "document_id": document,
        "claim_id": claim,
        "kind": "meeting",
        "entity_id": "hos-2017",
        "change_id": str(edit.json()["changes"][0]["id"]),
        "token_id": str(spare.json()["id"]),
    }


def test_each_route_answers_each_caller_as_the_table_says(writer: TestClient, tokens):
    ids = sample_ids(writer, tokens["admin"])
    wrong = []
    for (method, template), row in TABLE.items():
        path = template.format(**ids)
        for caller in CALLERS:
            headers = dict(SAME_SITE) if not template.startswith("/api/") else {}
            if caller != "anonymous":
                headers |= bearer(tokens[caller])
            writer.cookies.clear()  # each call stands alone: no sign-in cookie
            body = BODIES.get((method, template), {})
            if template == "/signin" and caller != "anonymous":
                body = {"data": {"token": tokens[caller]}}
            response = writer.request(
                method,
                path,
                params=QUERIES.get((method, template)),
                headers=headers,
                follow_redirects=False,
                **body,
            )
            expected = row[caller]
            got = response.status_code
            if expected == OK:
                passed = got not in (401, 403) and got < 500
            else:
                passed = got == expected
            if not passed:
                wrong.append(f"{method} {template} as {caller}: {got}, not {expected}")
    assert not wrong, "\n".join(wrong)
