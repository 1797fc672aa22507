"""End to end in a real browser: a real server on 127.0.0.1 and Debian's
Chromium driven by Playwright. Screenshots of every page go to
$SCOTRACK_SCREENSHOTS (default build/screenshots/) for a human to look at.

Needs /usr/bin/chromium (`apt-get install chromium`); skipped without it,
except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scotrack.api.app import create_app
from scotrack.settings import Settings

from .conftest import build_kb, make_tokens
from .hostile import ingest_hostile

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    base: str
    tokens: dict[str, str]
    hostile: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    import uvicorn

    directory = tmp_path_factory.mktemp("browser")
    url = build_kb(f"sqlite:///{directory / 'kb.db'}")
    tokens = make_tokens(url)
    hostile = ingest_hostile(url, directory)
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
    yield Server(f"http://127.0.0.1:{port}", tokens, hostile)
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
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


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on(
        "dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())
    )
    opened.dialogs = dialogs
    yield opened
    context.close()
    assert dialogs == [], f"a dialog opened: {dialogs}"


def shots() -> Path:
    directory = Path(
        os.environ.get("SCOTRACK_SCREENSHOTS", ROOT / "build" / "screenshots")
    )
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def shoot(page: Any, name: str) -> None:
    page.screenshot(path=str(shots() / f"{name}.png"), full_page=True)


def sign_in(page: Any, server: Server, role: str = "reviewer") -> None:
    page.goto(f"{server.base}/signin?next=/review")
    page.fill("#token", server.tokens[role])
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{server.base}/review")


def test_dashboard_to_a_state_page(page: Any, server: Server) -> None:
    response = page.goto(server.base + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    shoot(page, "01-dashboard")
    page.click("#members-now >> text=India")
    page.wait_for_url(f"{server.base}/states/IND")
    assert page.locator("h1").inner_text().startswith("India")
    assert "2017-06-09" in page.locator("#history").inner_text()
    shoot(page, "03-state")


def test_matrix_as_of_date_changes_cells(page: Any, server: Server) -> None:
    page.goto(f"{server.base}/agreements?on=2002-01-01")
    cell = 'td[data-state="CHN"][data-agreement="shanghai-convention"]'
    assert page.get_attribute(cell, "data-status") == "signed"
    page.fill("#as-of", "2010-01-01")
    page.dispatch_event("#as-of", "change")  # data-autosubmit sends the form
    page.wait_for_url("**/agreements?on=2010-01-01")
    assert page.get_attribute(cell, "data-status") == "unknown"
    shoot(page, "06-agreements")
    page.click('th.col-head a[href^="/agreements/shanghai-convention"]')
    assert "2003-03-29" in page.locator("#reasons").inner_text()
    shoot(page, "07-agreement")


def test_review_accept_changes_the_knowledge_base(page: Any, server: Server) -> None:
    sign_in(page, server)
    page.select_option("#kind", "membership")
    page.wait_for_url("**/review?kind=membership*")
    shoot(page, "12-review-queue")
    page.click("#queue tbody tr:first-child td:first-child a")
    page.wait_for_selector("#accept-form")
    shoot(page, "13-review-claim")
    summary = page.locator("h1").inner_text()
    if page.locator('#accept-form input[name="choice"]').count():
        page.check('#accept-form input[name="choice"][value="keep"]')
    page.click("#accept-form button[type=submit]")
    page.wait_for_url("**?done=accepted")
    assert "Accepted" in page.locator(".notice").inner_text()
    assert "accepted" in page.locator(".lead").inner_text()
    page.goto(f"{server.base}/review?kind=membership")
    assert summary not in page.locator("#queue").inner_text()


def test_a_hostile_document_runs_no_script(page: Any, server: Server) -> None:
    page.goto(f"{server.base}/documents/{server.hostile}")
    page.wait_for_load_state("load")
    assert page.title() != "pwned"
    assert page.evaluate("window.__pwned === undefined")
    text = page.locator("#document-text").inner_text()
    assert "<script>" in text  # shown as text, not run
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("#document-text script, #document-text img").count() == 0
    assert page.locator("#document-text iframe, #document-text svg").count() == 0


def test_reader_claim_panel(page: Any, server: Server) -> None:
    page.goto(f"{server.base}/documents")
    shoot(page, "10-documents")
    page.click("#documents tbody tr:first-child a")
    page.wait_for_selector("mark.claim")
    first = page.locator("mark.claim").first
    claim_id = first.get_attribute("data-claim")
    first.click()
    panel = page.locator("#claim-panel-body")
    assert page.locator(f"#claim-{claim_id} .claim-summary").inner_text() in (
        panel.inner_text()
    )
    page.locator("mark.claim").nth(1).focus()
    page.keyboard.press("Enter")
    second = page.locator("mark.claim").nth(1).get_attribute("data-claim")
    assert page.locator(f"#claim-{second} .claim-summary").inner_text() in (
        panel.inner_text()
    )
    shoot(page, "11-reader")


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("02-members", "/members"),
        ("04-meetings", "/meetings"),
        ("05-meeting", "/meetings/hos-2018"),
        ("08-commitments", "/commitments"),
        ("09-projects", "/projects"),
        ("14-search", "/search?q=Qingdao"),
        ("15-signin", "/signin"),
        ("16-error", "/states/XXX"),
    ],
)
def test_screenshots_of_the_other_pages(
    page: Any, server: Server, name: str, path: str
) -> None:
    page.goto(server.base + path)
    assert page.locator("h1").count() == 1
    shoot(page, name)
