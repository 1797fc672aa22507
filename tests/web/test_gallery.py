"""The charts page and the co-mention network on a state's page, on the
seeded knowledge base (#17)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(17)

SVG = re.compile(r"<svg class=\"chart-.*?</svg>", re.S)


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(found) for found in SVG.findall(html)]


def test_charts_page_shows_every_chart_of_the_knowledge_base(client: TestClient):
    response = client.get("/charts?on=2002-01-01")
    assert response.status_code == 200
    html = response.text
    drawn = svgs(html)
    kinds = [svg.get("class", "").split()[0] for svg in drawn]
    assert kinds == [
        "chart-map",
        "chart-timeline",
        "chart-months",
        "chart-grid",
        "chart-grid",
    ]
    for svg in drawn:
        assert svg.get("aria-label")
        assert svg.find("{http://www.w3.org/2000/svg}title").text
    assert "Ratification of SCO agreements on 2002-01-01" in html
    assert "Commitments and mean compliance by state and year" in html


def test_the_map_links_each_city_to_its_meetings(client: TestClient):
    html = client.get("/charts").text
    the_map = SVG.findall(html)[0]
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><circle', the_map)
    by_label = {label.split(":")[0]: href for href, label in links}
    # Astana hosted several meetings: its circle opens its list of them
    assert by_label["Astana, Kazakhstan"] == "#host-astana"
    assert 'id="host-astana"' in html
    listed = html[html.index('id="host-astana"') :].split("</li>", 1)[0]
    assert listed.count('<a href="/meetings/') >= 5
    # Goa hosted one: its circle opens that meeting
    assert by_label["Goa, India"].startswith("/meetings/")
    assert len(links) == html.count('<li id="host-')


def test_heat_map_cells_say_their_status_in_text(client: TestClient):
    html = client.get("/charts?on=2002-01-01").text
    heat = SVG.findall(html)[-1]
    # China deposited its instrument of the Shanghai Convention on 2001-11-08; on
    # 2002-01-01 the convention was not in force yet (#12)
    assert re.search(
        r'<rect class="heat-ratified"[^>]*><title>China, Shanghai Convention: ratified',
        heat,
    )
    assert "<title>Shanghai Convention on Combating Terrorism" in heat
    assert ">R</tspan>" in heat


def test_state_page_shows_its_co_mention_network(client: TestClient):
    html = client.get("/states/CHN").text
    assert "States named in the same documents as China" in html
    network = next(s for s in SVG.findall(html) if "chart-network" in s)
    assert 'href="/states/KGZ"' in network
    assert "Kyrgyzstan (5)" in network


def test_state_page_without_documents_says_so(client: TestClient):
    html = client.get("/states/BRA").text
    assert "No ingested document names this state yet" in html
    assert "chart-network" not in html


def test_charts_page_refuses_a_bad_day(client: TestClient):
    response = client.get("/charts?on=2002-13-01")
    assert response.status_code == 422


def test_meetings_page_maps_the_meetings_it_lists(client: TestClient):
    html = client.get("/meetings?host=IND").text
    the_map = next(s for s in SVG.findall(html) if "chart-map" in s)
    cities = re.findall(r'aria-label="([^",:]+), India: (\d+) meetings?"', the_map)
    assert sorted(cities) == [("Goa", "1"), ("New Delhi", "3")]
    assert "Where these meetings were held" in html
    assert html.count('<li id="host-') == 2


def test_documents_page_shows_documents_by_month_on_its_first_page(
    client: TestClient,
):
    html = client.get("/documents").text
    chart = next(s for s in SVG.findall(html) if "chart-months" in s)
    assert "<title>2023-07: 1 document</title>" in chart
    assert ">undated</text>" in chart
    following = re.search(r'href="/documents\?[^"]*cursor=[^"]+"', html)
    if following:  # a later page has the table only
        later = client.get(following.group(0)[6:-1].replace("&amp;", "&")).text
        assert "chart-months" not in later
