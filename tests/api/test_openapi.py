"""The OpenAPI document declares the bearer token, so /docs can authorize, and
lists value sets from the domain (#15)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from scotrack.api import routes
from scotrack.api.access import declared_access
from scotrack.api.openapi import SCHEME
from scotrack.domain.projects import LIFECYCLE
from scotrack.store.write.tokens import Role

from .conftest import client_for

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


# the document is complete and valid (#18)

ERROR_REF = "#/components/schemas/Error"


def spec_of(client: TestClient) -> dict:
    return client.get(f"{API}/openapi.json").json()


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete"}:
                yield path, method, operation


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


@pytest.fixture
def uncached(seeded_url: str) -> Iterator[TestClient]:
    """A client of an app without the response cache, which answered HEAD only
    after a GET had filled it."""
    yield from client_for(seeded_url, cache=False)


@pytest.mark.issue(18)
def test_the_document_is_valid_openapi(client: TestClient) -> None:
    from openapi_spec_validator import validate

    validate(spec_of(client))


@pytest.mark.issue(18)
def test_every_reference_is_defined(client: TestClient) -> None:
    spec = spec_of(client)
    schemas = spec["components"]["schemas"]
    missing = {
        ref
        for ref in refs(spec)
        if not (
            ref.startswith("#/components/schemas/") and ref.split("/")[-1] in schemas
        )
    }
    assert not missing
    assert "DocumentCreate" in schemas


@pytest.mark.issue(18)
def test_errors_are_documented_where_they_occur(client: TestClient) -> None:
    spec = spec_of(client)
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, method, operation in operations(spec):
        responses = operation["responses"]
        where = f"{method.upper()} {path}"
        for status in ("400", "401", "429", "503"):
            assert status in responses, f"{where}: {status}"
        if "security" in operation:
            assert {"401", "403"} <= responses.keys(), where
        if "{" in path:
            assert "404" in responses, where
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in responses, where
        if operation.get("requestBody"):
            assert "413" in responses, where
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": ERROR_REF}, f"{where}: {status}"
    assert (
        "Retry-After"
        in spec["paths"][f"{API}/states"]["get"]["responses"]["429"]["headers"]
    )


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/members",
        "/search?q=sco",
        "/signin",
        "/docs",
        "/static/app.css",
        f"{API}",
        f"{API}/states",
        f"{API}/openapi.json",
        f"{API}/changes?since=0",
    ],
)
def test_head_is_answered_wherever_get_is(uncached: TestClient, path: str) -> None:
    client = uncached
    head = client.head(path)
    get = client.get(path)
    assert get.status_code == 200
    assert head.status_code == 200, head.text
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", f"{API}/states", "GET, HEAD"),
        ("POST", "/", "GET, HEAD"),
        ("DELETE", f"{API}/tokens", "GET, HEAD, POST"),
        ("GET", f"{API}/claims/abc/accept", "POST"),
        ("HEAD", f"{API}/claims/abc/accept", "POST"),
        ("PUT", f"{API}/claims/abc", "GET, HEAD, PATCH"),
    ],
)
def test_405_says_which_methods_are_allowed(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    if method != "HEAD" and path.startswith(API):
        assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.issue(15)
def test_project_statuses_are_the_domains_lifecycle(client: TestClient) -> None:
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    change = schemas["ProjectStatusPublic"]["properties"]["status"]
    assert change["enum"] == list(LIFECYCLE)
    assert all(step in change["description"] for step in LIFECYCLE)
    record = schemas["ProjectRecordPublic"]["properties"]["status"]
    assert [option.get("enum") for option in record["anyOf"]] == [list(LIFECYCLE), None]
    assert all(step in record["description"] for step in LIFECYCLE)
