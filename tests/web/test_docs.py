"""docs/web.md describes every page the web app serves."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from scotrack.web.pages import ROUTERS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text("utf-8")
PAGES = sorted(
    {
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    }
    - {"/docs"}
)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_in_web_md(path: str) -> None:
    assert f"`{path}`" in DOC
