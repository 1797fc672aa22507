"""The drawings of #17 on hand-made data: the map, the grids, the network, the
months and the standalone file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from scotrack.domain.commitments import ComplianceSummary
from scotrack.store.read.chartdata import (
    CoMention,
    CoMentionNetwork,
    HostCity,
    HostedMeeting,
    MonthCount,
    StateYear,
)
from scotrack.store.read.matrix import MatrixColumn, MatrixRow, RatificationMatrix
from scotrack.web.charts import files, grids, months, network, worldmap

pytestmark = pytest.mark.issue(17)


def city(name: str, *ids: str) -> HostCity:
    return HostCity(
        name, "KAZ", tuple(HostedMeeting(i, "heads-of-state", None) for i in ids)
    )


def test_world_atlas_decodes_to_longitudes_and_latitudes() -> None:
    rings = list(worldmap.country_rings())
    assert len(rings) > 200
    names = {name for name, _ in rings}
    assert {"Kazakhstan", "China", "India", "Russia"} <= names
    for _, ring in rings:
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
        assert ring[0] == ring[-1]  # closed


def test_map_grows_to_take_in_every_city_and_names_the_unplaced() -> None:
    near = worldmap.window_for([city("Astana", "a")], 960)
    assert (near.west, near.east) == worldmap.WINDOW[:2]
    far = worldmap.window_for([city("Astana", "a"), city("Washington, D.C.", "w")], 960)
    assert far.west == pytest.approx(-77.04 - worldmap.MARGIN)
    assert worldmap.unplaced([city("Atlantis", "x"), city("Astana", "a")]) == (
        "Atlantis",
    )


def test_map_circles_grow_with_meetings_and_link_to_them() -> None:
    assert worldmap.radius(1) < worldmap.radius(4) < worldmap.radius(9)
    svg = str(
        worldmap.summit_map(
            [city("Astana", "a1", "a2"), city("Goa <b>", "g")],
            title="Host cities",
            names={"KAZ": "Kazakhstan"},
        )
    )
    ET.fromstring(svg)
    assert 'href="#host-astana" aria-label="Astana, Kazakhstan: 2 meetings"' in svg
    assert "<b>" not in svg  # Goa <b> has no position: not drawn
    assert svg.count("<title>") == 2


def test_heat_map_letters_and_full_titles() -> None:
    matrix = RatificationMatrix(
        date(2020, 1, 1),
        (MatrixColumn("charter", "Charter of the SCO", "2002-06-07", True),),
        (
            MatrixRow("CHN", "China", ("in-force",)),
            MatrixRow("IND", "India", ("not-signed",)),
        ),
    )
    svg = str(grids.ratification_heat_map(matrix, {"charter": "SCO Charter"}))
    ET.fromstring(svg)
    assert ">F</tspan>" in svg
    assert ">\u2013</tspan>" in svg
    assert "<title>Charter of the SCO</title>SCO Charter" in svg
    assert "China, SCO Charter: in force (bound by it on this day)" in svg
    assert 'href="/states/IND"' in svg


def test_compliance_grid_says_unassessed_and_bands_means() -> None:
    cells = [
        StateYear("CHN", "2017", ComplianceSummary("x", 3, 2, 0, 0.5)),
        StateYear("CHN", "undated", ComplianceSummary("y", 1, 0, 0, None)),
    ]
    svg = str(grids.compliance_grid(cells, {"CHN": "China"}, title="Compliance"))
    assert ">3 made</tspan>" in svg
    assert ">+0.50</tspan>" in svg
    assert ">unassessed</tspan>" in svg
    assert 'class="heat-complied"' in svg
    assert [grids.compliance_band(v) for v in (1, 0.5, 0.49, -0.49, -0.5, None)] == [
        "complied",
        "complied",
        "partly",
        "partly",
        "not-complied",
        "unassessed",
    ]
    empty = str(grids.compliance_grid([], {}, title="Compliance"))
    assert "No commitment has been accepted yet." in empty


def test_grid_width_is_one_of_the_sizes_the_stylesheet_keeps() -> None:
    assert [grids.drawn_width(n) for n in (10, 960, 961, 1500, 5000)] == [
        960,
        960,
        1440,
        1920,
        1920,
    ]


def test_network_is_deterministic_and_keeps_the_most_mentioned() -> None:
    others = tuple(f"S{i:02d}" for i in range(20))
    found = CoMentionNetwork(
        "CHN",
        30,
        others,
        tuple(CoMention("CHN", code, 20 - i) for i, code in enumerate(others)),
        {"CHN": "China"},
    )
    first = str(network.co_mention_network(found, title="Network"))
    assert first == str(network.co_mention_network(found, title="Network"))
    assert first.count('href="/states/') == 1 + network.MOST
    assert 'href="/states/S15"' in first
    assert 'href="/states/S16"' not in first
    ET.fromstring(first)


def test_months_become_years_past_the_limit() -> None:
    many = [
        MonthCount(f"{2000 + i // 12}-{i % 12 + 1:02d}", 1, {"pending": 2})
        for i in range(months.MONTHS_MOST + 1)
    ]
    years = months.by_year([*many, MonthCount("undated", 2, {})])
    assert [y.month for y in years] == [
        "2000",
        "2001",
        "2002",
        "2003",
        "2004",
        "undated",
    ]
    assert (years[0].documents, years[0].claims) == (12, {"pending": 24})
    svg = str(months.documents_and_claims(many, title="Documents"))
    assert ">2004</text>" in svg
    assert ">2004-01</text>" not in svg


def test_standalone_file_carries_the_chart_styles() -> None:
    css = files.chart_css()
    assert "var(" not in css
    assert ".fill-member" in css
    assert ".heat-in-force" in css
    assert "min-width" not in css
    svg = files.standalone_svg(
        months.documents_and_claims([MonthCount("2020-01", 1, {})], title="D")
    )
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.get("width") == "960"
