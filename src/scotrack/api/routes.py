"""Every API router, in the order the OpenAPI page lists them."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from scotrack.api import (
        agreements,
        bodies,
        changes,
        claim_queue,
        claims,
        commitments,
        compliance,
        documents,
        exports,
        initiatives,
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
        initiatives.router,
        secretaries.router,
        bodies.router,
        documents.router,
        claim_queue.router,  # before claims.router: /claims/groups is no claim id
        claims.router,
        search.router,
        exports.router,
        changes.router,
        tokens.router,
    ]
