"""The charts of #17 in a real browser at 375 px and 1280 px: no console error,
each chart inside the page's width (scrolling inside its figure on a phone),
screenshots that are not blank, and the map's links reachable by keyboard.

Screenshots go to $SCOTRACK_SCREENSHOTS/charts (default build/screenshots/).
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image

from .browsing import Server, axe_violations, failing, shots

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(17)]

CHART_PAGES = {"charts": "/charts", "state-network": "/states/CHN"}


@pytest.mark.parametrize("name", list(CHART_PAGES))
def test_chart_page_renders_cleanly_and_fits(
    screen: Any, server: Server, name: str
) -> None:
    errors: list[str] = []
    screen.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    screen.on("pageerror", lambda err: errors.append(str(err)))
    screen.goto(server.base + CHART_PAGES[name])
    screen.wait_for_load_state("load")
    assert errors == [], f"console errors on {name}: {errors}"
    width = screen.width
    assert screen.evaluate("document.documentElement.scrollWidth") <= width
    problems = failing(axe_violations(screen))
    assert problems == "", f"axe-core on {name} at {width} px:\n{problems}"
    figures = screen.locator("figure.chart")
    assert figures.count() == (5 if name == "charts" else 1)
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        box = figure.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width, f"chart {index} runs off the page"
        svg = figure.locator("svg").first.bounding_box()
        assert svg is not None
        assert svg["height"] > 100
        shot = figure.screenshot(path=str(_path(name, index, width)))
        image = Image.open(io.BytesIO(shot)).convert("L")
        low, high = image.getextrema()
        assert high - low > 100, f"chart {index} of {name} looks blank"
    screen.screenshot(path=str(_path(name, "page", width)), full_page=True)


def _path(name: str, index: object, width: int) -> Any:
    directory = shots() / "charts"
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{name}-{index}-{width}.png"


def test_map_cities_are_reachable_by_keyboard(page: Any, server: Server) -> None:
    page.goto(server.base + "/charts")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.chart-map')"):
            break
    else:
        pytest.fail("Tab never reached a city on the map")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r".+: \d+ meetings?", label), label
    page.focus('svg.chart-map a[href="#host-astana"]')
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Astana, Kazakhstan: 9 meetings"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/charts#host-astana")
    assert page.locator("#host-astana a").count() >= 5


def test_network_states_open_their_pages(page: Any, server: Server) -> None:
    page.goto(server.base + "/states/CHN")
    page.click('svg.chart-network a[href="/states/KGZ"] circle')
    page.wait_for_url("**/states/KGZ")
    assert page.locator("h1").inner_text().startswith("Kyrgyzstan")
