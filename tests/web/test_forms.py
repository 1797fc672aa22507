"""The web app's forms answer 4xx to hostile values, never 500 (#18)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import SAME_SITE

API = "/api/v1"
DEEP = "[" * 100_000 + "]" * 100_000

pytestmark = pytest.mark.issue(18)


def pending_claim(client: TestClient, kind: str = "commitment") -> str:
    found = client.get(f"{API}/claims", params={"status": "pending", "kind": kind})
    return found.json()["items"][0]["id"]


@pytest.mark.parametrize("field", ["target", "parties", "number", "date", "name"])
def test_a_deep_json_value_in_the_edit_form_is_refused_or_kept_as_text(
    reviewer: TestClient, field: str
):
    claim = pending_claim(reviewer)
    response = reviewer.post(
        f"/review/{claim}/edit",
        data={f"field.{field}": DEEP},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code in {303, 422}, response.text[:300]
    if field in {"target", "parties"}:
        assert response.status_code == 422
        assert "nested too deeply" in response.text


@pytest.mark.parametrize("action", ["accept", "reject", "edit"])
def test_a_nul_in_a_form_field_is_422(reviewer: TestClient, action: str):
    claim = pending_claim(reviewer)
    response = reviewer.post(
        f"/review/{claim}/{action}",
        data={"note": "why\x00", "field.actor": "A\x00B"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code == 422, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "NUL" in response.text


@pytest.mark.parametrize("token", ["\x00", "sct_\x00", "x" * 200])
def test_a_hostile_token_in_the_sign_in_form_is_refused(writer: TestClient, token: str):
    response = writer.post(
        "/signin", data={"token": token}, headers=SAME_SITE, follow_redirects=False
    )
    assert response.status_code in {401, 422}, response.text[:300]
