"""Fixtures for the pages: the server's fixtures (tests/api/conftest.py), shared
here so the page tests run on the same seeded knowledge base and tokens, plus
`reviewer`: a TestClient signed in with the reviewer's cookie on a fresh KB.

The browser tests share one real server (`server`) and one Chromium (`browser`)
for the whole session; `page` is a fresh 1280 px wide tab."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scotrack.api.app import create_app
from scotrack.settings import Settings

from .browsing import (
    ARGS,
    CHROMIUM,
    Server,
    accept_commitments_and_projects,
    assess_for_pages,
)
from .browsing import free_port as _free_port
from .hostile import ingest_hostile


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
assessed_url = _api.assessed_url  # type: ignore[attr-defined]
assessed = _api.assessed  # type: ignore[attr-defined]

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


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real server on 127.0.0.1: the seeded KB, the hostile document, and the
    commitment and project claims accepted (so every chart has bars), two
    commitments put at hos-2018 and assessed (the compliance pages, #13)."""
    import uvicorn

    directory = tmp_path_factory.mktemp("browser")
    url = build_kb(f"sqlite:///{directory / 'kb.db'}")
    tokens = make_tokens(url)
    hostile = ingest_hostile(url, directory)
    claim = accept_commitments_and_projects(url)
    commitment, project = assess_for_pages(url)
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db=url)), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield Server(
        f"http://127.0.0.1:{port}", tokens, hostile, claim, commitment, project
    )
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_tab(browser: Any, width: int) -> tuple[Any, Any]:
    """A new context and tab `width` px wide that fails on any dialog."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on(
        "dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())
    )
    opened.dialogs = dialogs
    return context, opened


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context, opened = open_tab(browser, 1280)
    yield opened
    context.close()
    assert opened.dialogs == [], f"a dialog opened: {opened.dialogs}"


@pytest.fixture(params=[375, 1280], ids=["375px", "1280px"])
def screen(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A fresh tab at each width the app must work at: a phone and a laptop."""
    context, opened = open_tab(browser, request.param)
    opened.width = request.param
    yield opened
    context.close()
    assert opened.dialogs == [], f"a dialog opened: {opened.dialogs}"
