"""The OpenAPI document declares the bearer token, so /docs can authorize."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from scotrack.api import routes
from scotrack.api.access import declared_access
from scotrack.api.openapi import SCHEME
from scotrack.store.tokens import Role

API = "/api/v1"

pytestmark = pytest.mark.issue(14)


def test_the_document_declares_a_bearer_scheme(client: TestClient) -> None:
    spec = client.get(f"{API}/openapi.json").json()
    scheme = spec["components"]["securitySchemes"][SCHEME]
    assert scheme["type"] == "http"
    assert scheme["scheme"] == "bearer"


def test_operations_needing_a_role_require_the_token(client: TestClient) -> None:
    spec = client.get(f"{API}/openapi.json").json()
    accept = spec["paths"][f"{API}/claims/{{claim_id}}/accept"]["post"]
    assert accept["security"] == [{SCHEME: []}]
    assert "reviewer role" in accept["description"]
    assert "security" not in spec["paths"][f"{API}/states"]["get"]
    secured = sum(
        "security" in operation
        for operations in spec["paths"].values()
        for operation in operations.values()
    )
    needing_a_role = sum(
        len(route.methods or ())
        for router in routes.routers()
        for route in router.routes
        if isinstance(route, APIRoute)
        and route.include_in_schema
        and isinstance(declared_access(route.endpoint), Role)
    )
    assert secured == needing_a_role > 0


def test_the_token_works_as_the_document_says(
    writer: TestClient, tokens: dict[str, str]
) -> None:
    spec = writer.get(f"{API}/openapi.json").json()
    assert spec["paths"][f"{API}/tokens"]["get"]["security"] == [{SCHEME: []}]
    assert writer.get(f"{API}/tokens").status_code == 401
    answer = writer.get(
        f"{API}/tokens", headers={"Authorization": f"Bearer {tokens['admin']}"}
    )
    assert answer.status_code == 200
