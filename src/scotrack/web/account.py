"""Signing in and out of the web app with a token, and the OpenAPI page.

Signing in stores the token in an HttpOnly, SameSite=Strict cookie, so a revoked
token signs the browser out at once; forms sent with the cookie must come from
this site (access.same_site). Failed sign-ins are limited per client address
(api/attempts.py): past the limit the form answers 429 with Retry-After (#18).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from scotrack.api.access import COOKIE, readable, signs_in
from scotrack.api.attempts import count_failure, refuse_if_limited
from scotrack.api.database import DbSession
from scotrack.store.write.tokens import principal_for, refusal
from scotrack.web.render import page

router = APIRouter(include_in_schema=False)

COOKIE_SECONDS = 12 * 3600


def _safe_next(target: str | None) -> str:
    # only paths of this site: never //host or a scheme
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/signin", response_class=HTMLResponse)
@readable
def signin_page(request: Request, next: str | None = None) -> HTMLResponse:
    return page(request, "signin.html", next=_safe_next(next), problem=None)


@router.post("/signin")
@signs_in
def signin(
    request: Request,
    session: DbSession,
    token: Annotated[str, Form(max_length=200)],
    next: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    refuse_if_limited(request)
    principal = principal_for(session, token.strip())
    if principal is None:
        count_failure(request)
        reason = refusal(session, token.strip())
        return page(
            request,
            "signin.html",
            status_code=401,
            next=_safe_next(next),
            problem=f"{reason[0].upper()}{reason[1:]}.",
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        token.strip(),
        max_age=COOKIE_SECONDS,
        httponly=True,
        samesite="strict",
        secure=request.app.state.settings.secure_cookies,
        path="/",
    )
    return response


@router.post("/signout")
@signs_in
def signout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/docs", response_class=HTMLResponse)
@readable
def api_docs(request: Request) -> HTMLResponse:
    return page(request, "docs.html", title="API")
