"""The OpenAPI document with the API's one security scheme, a bearer token.

Without a scheme, /docs has no Authorize button and nobody can try a write
there (#14). The scheme follows the access rules themselves (access.py): an
operation whose route `@needs` a role requires the token and says which role;
open reads (`@readable`) require nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from scotrack.api.access import declared_access
from scotrack.store.tokens import Role

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


def install_security_scheme(
    app: FastAPI, routers: Iterable[APIRouter], *, prefix: str
) -> None:
    """Make `app.openapi()` answer the document with the security scheme, for
    `routers` included in `app` under `prefix`."""
    build: Callable[[], dict[str, Any]] = app.openapi
    included = tuple(routers)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = with_security(build(), included, prefix=prefix)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
