"""Installs the web app's routes and its HTML error pages on the app."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response

from scotrack.api.errors import ApiError, use_page_renderer
from scotrack.web import account
from scotrack.web.render import page


def error_page(request: Request, error: ApiError) -> Response:
    """The HTML answer for an error on a page path (never the raw input)."""
    return page(
        request,
        "error.html",
        status_code=error.status,
        title=f"{error.status}",
        error=error,
    )


def install(app: FastAPI) -> None:
    app.include_router(account.router)
    use_page_renderer(app, error_page)
