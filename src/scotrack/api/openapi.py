"""The OpenAPI document: the API's one security scheme, a bearer token, and
every error answer an operation may give.

Without a scheme, /docs has no Authorize button and nobody can try a write
there (#14). The scheme follows the access rules themselves (access.py): an
operation whose route `@needs` a role requires the token and says which role;
open reads (`@readable`) require nothing.

FastAPI documents only 422, with its own shape, and referenced the document
body (`DocumentCreate`) without defining it (#18). `with_errors` defines the
missing schemas and documents the one error shape (`Error`) for every status
an operation can answer, by rule: see `ERRORS` and `error_statuses`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from scotrack.api.access import declared_access
from scotrack.api.documents import DocumentCreate
from scotrack.store.write.tokens import Role

SCHEME = "bearerToken"
SECURITY_SCHEMES = {
    SCHEME: {
        "type": "http",
        "scheme": "bearer",
        "description": (
            "A token made by `scotrack token create --role reviewer|editor|admin`, "
            "sent as `Authorization: Bearer TOKEN`. Reads need none."
        ),
    }
}


def with_security(
    schema: dict[str, Any], routers: Iterable[APIRouter], *, prefix: str
) -> dict[str, Any]:
    """`schema` with the bearer scheme declared and required by every operation
    whose route needs a role (the role named in its description).

    The routes come from the routers as included under `prefix`, not from the
    app, whose list of included routes is FastAPI's internal business."""
    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    paths = schema.get("paths", {})
    for route in (r for router in routers for r in router.routes):
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        role = declared_access(route.endpoint)
        if not isinstance(role, Role):
            continue
        path = paths.get(prefix + route.path_format, {})
        for method in sorted(route.methods or ()):
            operation = path.get(method.lower())
            if operation is None:
                continue
            operation["security"] = [{SCHEME: []}]
            needed = f"Needs a bearer token with the {role.name} role or above."
            described = operation.get("description")
            operation["description"] = (
                f"{described}\n\n{needed}" if described else needed
            )
    return schema


ERROR = "#/components/schemas/Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status."},
                "code": {"type": "string", "description": "e.g. not_found, invalid."},
                "message": {"type": "string", "description": "What to fix."},
                "field": {"type": "string", "description": "The parameter at fault."},
                "details": {"description": "Disagreeing fields, candidates."},
            },
        }
    },
}
ERRORS = {
    "400": "The query took longer than the time limit (`query_timeout`), or the "
    "body cannot be read (not JSON, or nested too deeply).",
    "401": "A bearer token is needed, or the one sent is unknown, revoked or expired.",
    "403": "The token's role is not enough.",
    "404": "Nothing has this id.",
    "409": "The claim disagrees with the knowledge base, or is ambiguous.",
    "413": "The body is larger than the limit.",
    "415": "The body is neither JSON nor a multipart upload.",
    "422": "A parameter or the body is not valid (`field` names it).",
    "429": "Too many failed sign-ins from this address: wait `Retry-After` seconds.",
    "503": "The database cannot be reached or is busy: retry after "
    "`Retry-After` seconds.",
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}
EXTRA_MODELS = (DocumentCreate,)
"""Models the document refers to (in `openapi_extra`) that no route declares."""


def error_statuses(path: str, operation: dict[str, Any]) -> set[str]:
    """The error statuses `operation` at `path` may answer: 400, 401, 429 and
    503 always; 403 when it needs a role; 404 with path parameters; 422 with
    parameters or a body; 413 with a body; and those the route declared."""
    statuses = {"400", "401", "429", "503"}
    declared = operation.get("responses", {})
    statuses.update(code for code in declared if code.startswith(("4", "5")))
    if "security" in operation:
        statuses.add("403")
    if "{" in path:
        statuses.add("404")
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.add("422")
    if operation.get("requestBody"):
        statuses.add("413")
    return statuses


def with_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with the extra models and the error shape defined, and every
    operation's error statuses documented with that shape."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in EXTRA_MODELS:
        found = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(found.pop("$defs", {}))
        schemas[model.__name__] = found
    schemas["Error"] = ERROR_SCHEMA
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, item in schema.get("paths", {}).items():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            for status in sorted(error_statuses(path, operation)):
                declared = responses.get(status, {}).get("description")
                if declared == "Validation Error":  # FastAPI's, for its own shape
                    declared = None
                response: dict[str, Any] = {
                    "description": declared or ERRORS.get(status, "An error."),
                    "content": {"application/json": {"schema": {"$ref": ERROR}}},
                }
                if status in {"429", "503"}:
                    response["headers"] = RETRY_AFTER
                responses[status] = response
    return schema


def install_security_scheme(
    app: FastAPI, routers: Iterable[APIRouter], *, prefix: str
) -> None:
    """Make `app.openapi()` answer the document with the security scheme, for
    `routers` included in `app` under `prefix`."""
    build: Callable[[], dict[str, Any]] = app.openapi
    included = tuple(routers)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            secured = with_security(build(), included, prefix=prefix)
            app.openapi_schema = with_errors(secured)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
