"""Every API router, in the order the OpenAPI page lists them."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from scotrack.api import (
        agreements,
        changes,
        claims,
        commitments,
        compliance,
        documents,
        meetings,
        meta,
        projects,
        search,
        secretaries,
        states,
        tokens,
    )

    return [
        meta.router,
        states.router,
        meetings.router,
        agreements.router,
        commitments.router,
        compliance.router,
        projects.router,
        secretaries.router,
        documents.router,
        claims.router,
        search.router,
        changes.router,
        tokens.router,
    ]
