"""End to end in a real browser: a real server on 127.0.0.1 and Debian's
Chromium driven by Playwright. Screenshots of every page go to
$SCOTRACK_SCREENSHOTS (default build/screenshots/) for a human to look at.

Needs /usr/bin/chromium (`apt-get install chromium`); skipped without it,
except under CI=true, where that is a failure.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .browsing import Server, shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    # China deposited its instrument on 2001-11-08; in force from 2003 (#12)
    assert page.get_attribute(cell, "data-status") == "ratified"
    page.fill("#as-of", "2010-01-01")
    page.dispatch_event("#as-of", "change")  # data-autosubmit sends the form
    page.wait_for_url("**/agreements?on=2010-01-01")
    assert page.get_attribute(cell, "data-status") == "in-force"
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
    # the panel is filled by the page's script after the click: wait for it (a
    # loaded machine runs the script after the next line would have read the panel)
    expect(panel).to_contain_text(
        page.locator(f"#claim-{claim_id} .claim-summary").inner_text()
    )
    page.locator("mark.claim").nth(1).focus()
    page.keyboard.press("Enter")
    second = page.locator("mark.claim").nth(1).get_attribute("data-claim")
    expect(panel).to_contain_text(
        page.locator(f"#claim-{second} .claim-summary").inner_text()
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


@pytest.mark.issue(13)
def test_assess_a_commitment_from_its_page_then_undo(page: Any, server: Server) -> None:
    """From the compliance report to a commitment; sign in; record an assessment
    with the form; it heads the timeline in force; Undo withdraws it."""
    page.goto(f"{server.base}/compliance?meeting=hos-2018")
    shoot(page, "17-compliance")
    page.click(f'#lines a[href="/commitments/{server.commitment}"]')
    page.wait_for_url(f"**/commitments/{server.commitment}")
    assert page.locator("#assess-form").count() == 0  # not signed in
    assert "reverses +1" in page.locator("#assessments").inner_text()
    sign_in(page, server)
    page.goto(f"{server.base}/commitments/{server.commitment}")
    page.check('#assess-form input[name="score"][value="0"]')
    page.fill("#assess-on", "2021-06")
    page.fill("#assess-citation", "Ministry statement, June 2021")
    page.fill("#assess-note", "resumed in part")
    page.click("#assess-form button[type=submit]")
    page.wait_for_url("**?done=assessed*")
    timeline = page.locator("#assessments").inner_text()
    assert "2021-06" in timeline
    assert "Ministry statement, June 2021" in timeline
    assert "in force" in page.locator("#assessments tr.current").inner_text()
    shoot(page, "18-commitment")
    page.click("#undo-form button[type=submit]")
    page.wait_for_url("**?done=undone*")
    assert "2021-06" not in page.locator("#assessments").inner_text()
    assert "2021-06" in page.locator("#undone").inner_text()
