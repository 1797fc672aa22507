"""Meetings on a map of their host cities (#17).

The map is Natural Earth's 1:110m countries (public domain), as TopoJSON from the
npm package world-atlas 2.0.2 (ISC), vendored in static/vendor/world-atlas with
its licence and checksum (scripts/vendor_frontend.sh): nothing comes from the
network when a map is drawn. The projection is equirectangular with the
longitude scaled by the cosine of the window's middle latitude, which is close
enough to true shape for the band from Europe to East Asia the SCO meets in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from scotrack.store.read.chartdata import HostCity
from scotrack.web.charts import FULL, Chart, _open, slug
from scotrack.web.charts.places import CITY_POSITIONS

WINDOW = (20.0, 135.0, 10.0, 64.0)
"""West, east, south and north edges (degrees) the map shows at the least;
it grows to take in every placed city, with MARGIN degrees around them."""
MARGIN = 5.0
KEY = 34
"""Room above the map for the key to the circle sizes."""
Ring = list[tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Window:
    west: float
    east: float
    south: float
    north: float
    width: int
    height: int
    top: int

    @property
    def scale(self) -> float:
        return self.width / ((self.east - self.west) * self._squeeze)

    @property
    def _squeeze(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) * self._squeeze * self.scale
        y = self.top + (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


@cache
def _topology() -> dict[str, Any]:
    atlas = resources.files("scotrack.web") / "static/vendor/world-atlas"
    data: dict[str, Any] = json.loads(
        (atlas / "countries-110m.json").read_text(encoding="utf-8")
    )
    return data


@cache
def _arcs() -> tuple[Ring, ...]:
    """The topology's arcs as (longitude, latitude) lists (delta-decoded)."""
    topology = _topology()
    (sx, sy), (tx, ty) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return tuple(decoded)


def _ring(indexes: Sequence[int]) -> Ring:
    arcs = _arcs()
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def country_rings() -> Iterator[tuple[str, Ring]]:
    """Every ring of every country, with the country's name."""
    for shape in _topology()["objects"]["countries"]["geometries"]:
        name = shape.get("properties", {}).get("name", "")
        polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                yield name, _ring(indexes)


def window_for(cities: Sequence[HostCity], width: int) -> Window:
    west, east, south, north = WINDOW
    for city in cities:
        lat, lon = CITY_POSITIONS.get(city.name, (None, None)) or (None, None)
        if lat is None or lon is None:
            continue
        west, east = min(west, lon - MARGIN), max(east, lon + MARGIN)
        south, north = min(south, lat - MARGIN), max(north, lat + MARGIN)
    squeeze = math.cos(math.radians((north + south) / 2))
    height = round(width * (north - south) / ((east - west) * squeeze))
    return Window(west, east, south, north, width, height, KEY)


@lru_cache(maxsize=16)
def _land(window: Window) -> str:
    """The countries within the window as one SVG path: the same for every map
    of the same window, so drawn once (the meetings page drew it on every
    request, #18)."""
    paths = []
    for _name, ring in country_rings():
        lons = [lon for lon, _ in ring]
        lats = [lat for _, lat in ring]
        if max(lons) < window.west or min(lons) > window.east:
            continue
        if max(lats) < window.south or min(lats) > window.north:
            continue
        points = [window.xy(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    return f'<path class="land" d="{"".join(paths)}"/>'


def radius(meetings: int) -> float:
    """A circle's radius: its area grows with the number of meetings."""
    return round(4 + 3 * math.sqrt(max(1, meetings)), 1)


def _key(biggest: int) -> str:
    sizes = sorted({1, max(1, biggest // 2), biggest})
    parts = ['<text class="legend" x="0" y="20">Meetings held:</text>']
    x = 112.0
    for size in sizes:
        r = radius(size)
        parts.append(
            f'<circle class="city-key" cx="{x + r}" cy="15" r="{r}"/>'
            f'<text class="legend" x="{round(x + 2 * r + 5, 1)}" y="20">{size}</text>'
        )
        x += 2 * r + 14 + 8 * len(str(size))
    return "".join(parts)


def _city_label(text: str, x: float, y: float, r: float, taken: list[Any]) -> str:
    """The city's name beside its circle where it overlaps no other name."""
    wide, high = 7.4 * len(text), 14.0
    tries = (
        (x + r + 3, y + 4, "start", x + r + 3),
        (x - r - 3, y + 4, "end", x - r - 3 - wide),
        (x, y + r + 13, "middle", x - wide / 2),
        (x, y - r - 4, "middle", x - wide / 2),
    )
    for tx, ty, anchor, left in tries:
        box = (left, ty - 11, left + wide, ty - 11 + high)
        if all(
            box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]
            for b in taken
        ):
            taken.append(box)
            return (
                f'<text class="city" x="{round(tx, 1)}" y="{round(ty, 1)}" '
                f'text-anchor="{anchor}" aria-hidden="true">{escape(text)}</text>'
            )
    return ""


def city_anchor(city: str) -> str:
    """The id of a city's entry in the list printed under the map."""
    return f"host-{slug(city)}"


def summit_map(
    cities: Sequence[HostCity],
    *,
    title: str,
    names: dict[str, str],
    width: int = FULL,
    listed: bool = True,
) -> Chart:
    """Each host city as a circle sized by its meetings; a city of one meeting
    links to it, a city of several to its entry in the list under the map
    (`listed`, see `city_anchor`), else to its latest meeting."""
    window = window_for(cities, width)
    placed = [c for c in cities if c.name in CITY_POSITIONS]
    biggest = max((len(c.meetings) for c in placed), default=1)
    parts = [
        _open(title, width, window.top + window.height, "map", links=bool(placed)),
        f'<rect class="sea" x="0" y="{window.top}" width="{width}" '
        f'height="{window.height}"/>',
        _land(window),
        # the SVG's edge clips the land left, right and below; the key's ground
        # covers it above (no nested <svg> or clip path: one title per SVG)
        f'<rect class="ground" x="0" y="0" width="{width}" height="{window.top}"/>',
        _key(biggest),
    ]
    taken: list[Any] = []
    for city in placed:  # no name covers another city's circle
        x, y = window.xy(*CITY_POSITIONS[city.name][::-1])
        r = radius(len(city.meetings))
        taken.append((x - r, y - r, x + r, y + r))
    marks, labels = [], []
    for city in placed:  # most meetings first: the big ones get their names
        x, y = window.xy(*CITY_POSITIONS[city.name][::-1])
        r = radius(len(city.meetings))
        count = len(city.meetings)
        state = names.get(city.host or "", city.host or "")
        tip = f"{city.name}{', ' + state if state else ''}: {count} " + (
            "meeting" if count == 1 else "meetings"
        )
        days = ", ".join(m.day or m.id for m in city.meetings)
        if count == 1:
            href = f"/meetings/{city.meetings[0].id}"
        elif listed:
            href = f"#{city_anchor(city.name)}"
        else:
            href = f"/meetings/{city.meetings[-1].id}"
        marks.append(
            f'<a href="{escape(href)}" aria-label="{escape(tip)}">'
            f'<circle class="city" cx="{x}" cy="{y}" r="{r}">'
            f"<title>{escape(tip)} ({escape(days)})</title></circle></a>"
        )
        labels.append(_city_label(city.name, x, y, r, taken))
    # small circles drawn last, so a big one never hides them
    parts.extend(reversed(marks))
    parts.extend(labels)
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def unplaced(cities: Sequence[HostCity]) -> tuple[str, ...]:
    """The host cities the map cannot place (no position known)."""
    return tuple(c.name for c in cities if c.name not in CITY_POSITIONS)
