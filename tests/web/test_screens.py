"""Every page on a phone (375 px) and a laptop (1280 px): no sideways page scroll,
axe-core finds no serious or critical WCAG 2.1 AA violation, the navigation folds
behind a menu button, charts are readable and reachable by keyboard (#14).

Screenshots go to $SCOTRACK_SCREENSHOTS/screens (default build/screenshots/).
"""

from __future__ import annotations

from typing import Any

import pytest

from scotrack.web.render import NAV

from .browsing import Server, axe_violations, failing, shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(14)]

PAGES = {
    "dashboard": "/",
    "members": "/members",
    "state": "/states/IND",
    "meetings": "/meetings",
    "meeting": "/meetings/hos-2018",
    "agreements": "/agreements",
    "agreement": "/agreements/shanghai-convention",
    "commitments": "/commitments",
    "commitment": "/commitments/{commitment}",
    "assess-form": "/commitments/{commitment}",
    "compliance": "/compliance?meeting=hos-2018",
    "projects": "/projects",
    "project": "/projects/{project}",
    "secretaries": "/secretaries",
    "initiatives": "/initiatives",
    "bodies": "/bodies",
    "rats-directors": "/secretaries?office=rats-director",
    "charts": "/charts",
    "documents": "/documents",
    "reader": "/documents/{hostile}",
    "search": "/search?q=Qingdao",
    "export": "/export",
    "signin": "/signin",
    "api-docs": "/docs",
    "error": "/states/XXX",
    "review-queue": "/review",
    "review-claim": "/review/{claim}",
}
"""One page of every kind the app serves."""
CHART_PAGES = (
    "/",
    "/members",
    "/meetings",
    "/commitments",
    "/compliance?meeting=hos-2018",
    "/projects",
    "/charts",
    "/states/CHN",
)
SMALLEST_LABEL_PX = 11


def visit(page: Any, server: Server, kind: str) -> None:
    if kind.startswith("review") or kind == "assess-form":
        sign_in(page, server)
    path = PAGES[kind].format(
        hostile=server.hostile,
        claim=server.claim,
        commitment=server.commitment,
        project=server.project,
    )
    page.goto(server.base + path)
    page.wait_for_load_state("load")
    if kind == "api-docs":
        page.wait_for_selector("#swagger-ui .opblock", timeout=20_000)


def page_width(page: Any) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_fits_the_screen_and_passes_axe(
    screen: Any, server: Server, kind: str
) -> None:
    visit(screen, server, kind)
    inner = screen.evaluate("window.innerWidth")
    assert page_width(screen) <= inner, f"{kind} scrolls sideways at {inner} px"
    problems = failing(axe_violations(screen))
    assert problems == "", f"axe-core on {kind} at {inner} px:\n{problems}"
    shoot(screen, f"screens/{kind}-{screen.width}")


def test_navigation_folds_behind_a_keyboard_operable_menu_button(
    browser: Any, server: Server
) -> None:
    from .conftest import open_tab

    context, page = open_tab(browser, 375)
    try:
        page.goto(server.base + "/members")
        button = page.locator("header .menu-button")
        assert button.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        assert not page.locator("header nav").is_visible()
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the brand
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "menu-button"
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        links = page.locator("header nav a")
        assert links.count() == len(NAV)  # every section, Compliance too (#13)
        for index in range(links.count()):
            box = links.nth(index).bounding_box()
            assert box is not None
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 375, "a link runs off the header"
        header = page.locator("header.top").bounding_box()
        last = links.nth(links.count() - 1).bounding_box()
        assert last["y"] + last["height"] <= header["y"] + header["height"]
        assert page_width(page) <= 375
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Dashboard"
        page.keyboard.press("Escape")  # closes, focus back on the button
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.className") == "menu-button"
        shoot(page, "screens/menu-375")
    finally:
        context.close()


def test_navigation_is_one_row_without_a_menu_button_at_1280(
    page: Any, server: Server
) -> None:
    page.goto(server.base + "/agreements")
    assert not page.locator("header .menu-button").is_visible()
    tops = page.eval_on_selector_all(
        "header nav a", "links => links.map(a => a.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, "the navigation wraps at 1280 px"
    rights = page.eval_on_selector_all(
        "header nav a, header .who a",
        "links => links.map(a => a.getBoundingClientRect().right)",
    )
    assert max(rights) <= 1280


def test_skip_link_comes_first_and_moves_focus_to_the_content(
    page: Any, server: Server
) -> None:
    page.goto(server.base + "/meetings")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box is not None
    assert box["y"] >= 0, "the focused skip link is off-screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_visible(page: Any, server: Server) -> None:
    page.goto(server.base + "/members")
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none"
    assert outline[1] >= 2


@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_labels_are_readable_and_charts_have_titles(
    screen: Any, server: Server, path: str
) -> None:
    screen.goto(server.base + path)
    charts = screen.locator("main svg")
    assert charts.count() >= 1
    sizes = screen.eval_on_selector_all(
        "main svg text",
        """texts => texts.map(t => [t.textContent,
              parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])""",
    )
    small = [(text, round(px, 1)) for text, px in sizes if px < SMALLEST_LABEL_PX]
    assert small == [], f"labels under {SMALLEST_LABEL_PX} px on {path}: {small[:5]}"
    for index in range(charts.count()):
        svg = charts.nth(index)
        assert svg.locator("title").first.text_content()
        assert svg.get_attribute("aria-label")
    for caption in screen.locator("figure.chart figcaption").all_inner_texts():
        assert caption.strip()
    assert page_width(screen) <= screen.width


def test_chart_links_are_reachable_by_keyboard(page: Any, server: Server) -> None:
    page.goto(server.base + "/meetings")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg')"):
            break
    else:
        pytest.fail("Tab never reached a link in the chart")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/*")
    assert page.locator("h1").count() == 1


def test_matrix_short_names_full_titles_and_no_column_off_screen(
    screen: Any, server: Server
) -> None:
    screen.goto(server.base + "/agreements")
    heads = screen.locator("th.col-head a")
    assert heads.count() >= 10
    for index in range(heads.count()):
        head = heads.nth(index)
        shown, full = head.inner_text(), head.get_attribute("title")
        assert len(shown.replace("\n", " ")) <= 36
        assert full
        assert len(full) >= len(shown.replace("\n", " "))
    wrap = screen.evaluate(
        "(() => { const e = document.querySelector('.matrix-wrap');"
        " return [e.scrollWidth, e.clientWidth]; })()"
    )
    assert page_width(screen) <= screen.width
    if screen.width >= 1280:
        assert wrap[0] <= wrap[1], "a matrix column is pushed off-screen at 1280 px"
    else:  # the matrix scrolls inside its box, the page does not
        assert wrap[0] > wrap[1]


def test_date_inputs_take_iso_dates(page: Any, server: Server) -> None:
    page.goto(server.base + "/members")
    field = page.locator("#on-date")
    assert field.get_attribute("type") == "text"
    assert field.input_value()[:2] == "20"
    assert len(field.input_value()) == 10
    field.fill("2017-06-10")
    page.dispatch_event("#on-date", "change")
    page.wait_for_url("**/members?on=2017-06-10")
    assert page.locator('#statuses tr[data-state="IND"]').count() == 1


def test_api_docs_authorize_button_opens_an_accessible_dialog(
    page: Any, server: Server
) -> None:
    page.goto(server.base + "/docs")
    page.wait_for_selector("#swagger-ui .opblock", timeout=20_000)
    page.click("#swagger-ui .btn.authorize")
    dialog = page.locator(".modal-ux")
    dialog.wait_for()
    assert "bearerToken" in dialog.inner_text()
    assert "(http, Bearer)" in dialog.inner_text()
    problems = failing(axe_violations(page))
    assert problems == "", f"axe-core on the Authorize dialog:\n{problems}"


def test_buttons_keep_their_kinds(page: Any, server: Server) -> None:
    sign_in(page, server)
    page.goto(f"{server.base}/review/{server.claim}")
    colours = page.evaluate(
        """['#accept-form', '#reject-form', '#edit-form'].map(form =>
             getComputedStyle(document.querySelector(form + ' button[type=submit]'))
               .backgroundColor)"""
    )
    accept, reject, edit = colours
    assert accept == "rgb(31, 95, 168)"
    assert reject == "rgb(179, 38, 30)"  # danger
    assert edit == "rgb(255, 255, 255)"  # secondary
