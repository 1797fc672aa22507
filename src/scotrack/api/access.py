"""Who may call what: deny by default.

Every route declares its access with `@readable` (anyone, signed in or not, may
call it; only safe methods) or `@needs(Role.X)`. The app-wide dependency
`enforce_access` refuses any route that declares nothing, so a new endpoint is
closed until someone decides who may use it.

The API authenticates with ``Authorization: Bearer TOKEN`` only. Pages
authenticate with the session cookie set at sign-in; a cookie-authenticated
unsafe request must also come from this site (``Sec-Fetch-Site``, else
``Origin``), which stops cross-site request forgery.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from scotrack.api.attempts import (
    address_of,
    count_failure,
    failed_sign_ins,
    refuse_if_limited,
)
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.store.write.tokens import Principal, Role, principal_for, refusal

F = TypeVar("F", bound=Callable[..., Any])

ACCESS_ATTRIBUTE = "__scotrack_access__"
COOKIE = "scotrack_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ANYONE = "anyone"
SIGN_IN = "sign-in"


def readable(endpoint: F) -> F:
    """Mark a read-only route open to everyone, signed in or not."""
    setattr(endpoint, ACCESS_ATTRIBUTE, ANYONE)
    return endpoint


def signs_in(endpoint: F) -> F:
    """Mark the sign-in and sign-out forms: anyone may post them, from this site."""
    setattr(endpoint, ACCESS_ATTRIBUTE, SIGN_IN)
    return endpoint


def needs(role: Role) -> Callable[[F], F]:
    """Mark a route open to tokens of `role` or above."""

    def mark(endpoint: F) -> F:
        setattr(endpoint, ACCESS_ATTRIBUTE, role)
        return endpoint

    return mark


def declared_access(endpoint: Callable[..., Any]) -> Role | str | None:
    """What a route declared: ANYONE, SIGN_IN, a Role, or None (refused)."""
    value: Role | str | None = getattr(endpoint, ACCESS_ATTRIBUTE, None)
    return value


def bearer_secret(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(
            401,
            "the Authorization header must be 'Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return secret.strip()


def same_site(request: Request) -> bool:
    """Whether the browser says the request comes from this site."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("origin")
    if origin is None:
        return False
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def has_credentials(request: Request) -> bool:
    """Whether the request carries a bearer token or the session cookie (without
    either, `principal_of` is None and reads nothing)."""
    return "authorization" in request.headers or COOKIE in request.cookies


def principal_of(request: Request, session: Session) -> Principal | None:
    """Who the request acts as; a bad bearer token is 401, never anonymous.

    Failed token checks are counted per client address (attempts.py): past
    the limit a bearer token is refused with 429 unchecked, and a cookie is
    not checked at all (the caller is anonymous)."""
    is_api = request.url.path.startswith("/api/")
    secret = bearer_secret(request)
    if secret is not None:
        refuse_if_limited(request)
        principal = principal_for(session, secret)
        if principal is None:
            count_failure(request)
            raise ApiError(
                401, refusal(session, secret), headers={"WWW-Authenticate": "Bearer"}
            )
        return principal
    if is_api:
        return None
    cookie = request.cookies.get(COOKIE)
    if cookie is None or failed_sign_ins(request).wait(address_of(request)):
        return None
    principal = principal_for(session, cookie)
    if principal is None:
        count_failure(request)
    unsafe = request.method not in SAFE_METHODS
    if principal is not None and unsafe and not same_site(request):
        raise ApiError(
            403, "this form was sent from another site; reload the page and retry"
        )
    return principal


def check_access(
    declared: Role | str | None,
    principal: Principal | None,
    method: str,
    *,
    from_this_site: bool,
) -> None:
    """Raise 401/403 unless `principal` may call a route that declared `declared`."""
    if declared is None:
        raise ApiError(403, "this endpoint is closed: it declares no access rule")
    if declared == SIGN_IN:
        if method not in SAFE_METHODS and not from_this_site:
            raise ApiError(403, "sign in and out from this site's own pages")
        return
    if declared == ANYONE:
        if method not in SAFE_METHODS:
            raise ApiError(403, "only signed-in users with a role may change things")
        return
    if not isinstance(declared, Role):
        raise ApiError(403, "this endpoint is closed: its access rule is unknown")
    if principal is None:
        raise ApiError(
            401,
            f"sign in: this needs a token with the {declared.name} role or above",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not principal.may(declared):
        raise ApiError(
            403,
            f"{principal.name} is a {principal.role.name}; this needs "
            f"{declared.name} or above",
        )


async def enforce_access(request: Request, session: DbSession) -> Principal | None:
    """The app-wide dependency: resolve who is calling, then apply the route's
    declared rule. The principal is kept on ``request.state.principal``.

    Only a request with credentials (a bearer token or the session cookie) needs
    the database, and a thread for it; an anonymous one is decided in the event
    loop, saving a thread hop a request (#18)."""
    route = request.scope.get("route")
    endpoint = getattr(route, "endpoint", None)
    principal = (
        await run_in_threadpool(principal_of, request, session)
        if has_credentials(request)
        else None
    )
    request.state.principal = principal
    declared = declared_access(endpoint) if endpoint is not None else None
    check_access(declared, principal, request.method, from_this_site=same_site(request))
    return principal


def current_principal(request: Request) -> Principal | None:
    """Who the request acts as (after `enforce_access`); None when anonymous."""
    principal: Principal | None = getattr(request.state, "principal", None)
    return principal


def signed_in(request: Request) -> Principal:
    """The caller of a route that needs a role (enforce_access has checked it)."""
    principal = current_principal(request)
    if principal is None:
        raise ApiError(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
    return principal


Caller = Annotated[Principal, Depends(signed_in)]
"""A route parameter of this type gets the signed-in caller."""
