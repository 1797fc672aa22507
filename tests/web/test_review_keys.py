"""The claim page's keyboard shortcuts in a real browser (#14): n the next group,
r reject, u undo one's own last decision; the hint shows only with the script.

Needs /usr/bin/chromium, like tests/web/test_browser.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .browsing import Server, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(14)]


def test_keys_move_through_the_queue_reject_and_undo(page: Any, server: Server) -> None:
    sign_in(page, server)
    first = page.locator("#queue tbody tr:first-child td:first-child a")
    first.click()
    page.wait_for_selector("#accept-form")
    assert page.locator("#shortcuts").is_visible()
    following = page.locator("#next-group").get_attribute("href")
    page.keyboard.press("n")
    page.wait_for_url(f"{server.base}{following}")
    page.keyboard.press("r")
    page.wait_for_url("**?done=rejected")
    assert "rejected" in page.locator(".lead").inner_text()
    page.keyboard.press("u")
    page.wait_for_url("**?done=undone")
    assert "pending" in page.locator(".lead").inner_text()
    # typing in a field types, it does not decide
    page.click("#reject-note")
    page.keyboard.type("ar")
    assert page.input_value("#reject-note") == "ar"
    assert "pending" in page.locator(".lead").inner_text()
