"""Installs the web app's routes and its HTML error pages on the app."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response

from scotrack.api.errors import ApiError, use_page_renderer
from scotrack.web import (
    account,
    agreements,
    bodies,
    commitments,
    compliance,
    dashboard,
    documents,
    dossiers,
    downloads,
    gallery,
    meetings,
    members,
    projects,
    review,
    search,
    secretaries,
)
from scotrack.web.render import page

ROUTERS = (
    account.router,
    dashboard.router,
    members.router,
    meetings.router,
    agreements.router,
    dossiers.router,
    commitments.router,
    compliance.router,
    projects.router,
    secretaries.router,
    bodies.router,
    documents.router,
    downloads.router,
    gallery.router,
    review.router,
    search.router,
)


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
    for router in ROUTERS:
        app.include_router(router)
    use_page_renderer(app, error_page)
