"""Every API router, in the order the OpenAPI page lists them."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from scotrack.api import meta, tokens

    return [meta.router, tokens.router]
