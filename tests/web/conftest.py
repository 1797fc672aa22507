"""Fixtures for the pages: the server's fixtures (tests/api/conftest.py), shared
here so the page tests run on the same seeded knowledge base and tokens, plus
`reviewer`: a TestClient signed in with the reviewer's cookie on a fresh KB."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient


def _server_fixtures() -> object:
    name = "scotrack_tests_api_conftest"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "api" / "conftest.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_api = _server_fixtures()
build_kb = _api.build_kb  # type: ignore[attr-defined]
make_tokens = _api.make_tokens  # type: ignore[attr-defined]
client_for = _api.client_for  # type: ignore[attr-defined]
seeded_url = _api.seeded_url  # type: ignore[attr-defined]
writable_url = _api.writable_url  # type: ignore[attr-defined]
client = _api.client  # type: ignore[attr-defined]
writer = _api.writer  # type: ignore[attr-defined]
tokens = _api.tokens  # type: ignore[attr-defined]

SAME_SITE = {"sec-fetch-site": "same-origin"}


def sign_in(client: TestClient, secret: str) -> None:
    response = client.post(
        "/signin",
        data={"token": secret, "next": "/"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


@pytest.fixture
def reviewer(writer: TestClient, tokens: dict[str, str]) -> Iterator[TestClient]:
    """`writer` signed in as the reviewer (the cookie is kept by the client)."""
    sign_in(writer, tokens["reviewer"])
    return writer
