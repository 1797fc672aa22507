"""Charts as SVG: titled, sized for where they are shown, links kept usable."""

from __future__ import annotations

import re
from datetime import date

import pytest

from scotrack.web import charts

pytestmark = pytest.mark.issue(14)

LABELS = {
    "complied": "complied",
    "partly": "partly",
    "not complied": "not complied",
    "inconclusive": "inconclusive",
    "unassessed": "unassessed",
}


def bars(width: int = charts.FULL, hrefs: dict[str, str] | None = None) -> str:
    chart = charts.stacked_bars(
        [("China", {"complied": 3, "partly": 1}), ("SCO", {"unassessed": 2})],
        title="Compliance by actor",
        series=tuple(LABELS),
        labels=LABELS,
        hrefs=hrefs,
        width=width,
    )
    assert chart.title == "Compliance by actor"
    return str(chart)


def test_a_chart_carries_its_title_and_size_class() -> None:
    svg = bars(charts.HALF)
    assert svg.startswith('<svg class="chart-bars size-480" viewBox="0 0 480 ')
    assert "<title>Compliance by actor</title>" in svg
    assert 'aria-label="Compliance by actor"' in svg


def test_a_chart_with_links_is_a_group_not_an_image() -> None:
    assert 'role="img"' in bars()
    linked = bars(hrefs={"China": "/states/CHN"})
    assert 'role="group"' in linked
    assert '<a href="/states/CHN">' in linked


def test_the_legend_wraps_inside_a_half_width_chart() -> None:
    svg = bars(charts.HALF)
    assert charts.legend_rows(tuple(LABELS), LABELS, charts.HALF) == 2
    for x in re.findall(r'<text class="legend" x="([\d.]+)"', svg):
        assert float(x) < charts.HALF
    assert charts.legend_rows(tuple(LABELS), LABELS, charts.FULL) == 1


def test_long_labels_are_cut_to_their_room_with_the_full_text_kept() -> None:
    name = "Agreement on International Road Transport Facilitation"
    lanes = [charts.Lane(name, spans=[])]
    svg = str(
        charts.timeline(
            lanes,
            start=date(2001, 1, 1),
            end=date(2025, 1, 1),
            title="t",
            series=("member",),
            width=charts.HALF,
        )
    )
    assert f"<title>{name}</title>" in svg
    shown = re.search(r"</title>([^<]*)</text>", svg)
    assert shown is not None
    assert shown.group(1).endswith("\u2026")
    assert len(shown.group(1)) * charts.CHAR <= charts.label_width(charts.HALF)


def test_timeline_points_that_link_are_named_for_keyboard_users() -> None:
    point = charts.Point(date(2018, 6, 9), "meeting", "Qingdao, 2018", "/m/hos-2018")
    svg = str(
        charts.timeline(
            [charts.Lane("Heads of State", points=[point])],
            start=date(2001, 1, 1),
            end=date(2025, 1, 1),
            title="Meetings",
            series=("meeting",),
        )
    )
    assert '<a href="/m/hos-2018" aria-label="Qingdao, 2018">' in svg
    assert 'role="group"' in svg


def test_smallest_text_stays_readable_at_the_least_scale() -> None:
    assert charts.SMALLEST_TEXT * charts.MIN_SCALE >= 11
