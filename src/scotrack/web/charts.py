"""Charts as server-side SVG: timelines, bars and stacked bars.

Every piece of data that goes into the SVG (labels, tooltips, links) passes
through `markupsafe.escape`; colours are CSS classes (`fill-<slug>`, styled in
app.css), never style attributes, so the CSP needs no inline styles. Each chart
has a title, axis labels, a legend and a <title> tooltip on every mark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

WIDTH = 960
LABEL_WIDTH = 200
ROW = 20
BAR = 14
TOP = 34
"""Room above the plot for the legend."""
AXIS = 24
"""Room below the plot for the axis labels."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """`dialogue partner` -> `dialogue-partner`: safe inside a class name."""
    return _NOT_SLUG.sub("-", value.lower()).strip("-") or "none"


@dataclass(frozen=True, slots=True)
class Span:
    start: date
    end: date
    series: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    series: str
    tooltip: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of a timeline: a label (maybe a link), spans and points."""

    label: str
    href: str | None = None
    spans: Sequence[Span] = field(default_factory=tuple)
    points: Sequence[Point] = field(default_factory=tuple)


def _open(title: str, height: int, kind: str) -> str:
    return (
        f'<svg class="chart-{kind}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    )


def _legend(series: Sequence[str], labels: Mapping[str, str]) -> str:
    parts, x = [], LABEL_WIDTH
    for name in series:
        text = labels.get(name, name)
        parts.append(
            f'<rect class="fill-{slug(name)}" x="{x}" y="8" width="12" height="12" '
            f'rx="2"/><text class="legend" x="{x + 17}" y="18">{escape(text)}</text>'
        )
        x += 30 + 7 * len(text)
    return "".join(parts)


def _label(text: str, href: str | None, y: float) -> str:
    shown = text if len(text) <= 28 else text[:27] + "\u2026"
    label = (
        f'<text class="lane" x="{LABEL_WIDTH - 8}" y="{y}" text-anchor="end">'
        f"<title>{escape(text)}</title>{escape(shown)}</text>"
    )
    if href is None:
        return label
    return f'<a href="{escape(href)}">{label}</a>'


def year_ticks(start: date, end: date) -> list[int]:
    """Years to label on an axis from `start` to `end` (at most about 14)."""
    years = list(range(start.year + (start.month > 1 or start.day > 1), end.year + 1))
    step = max(1, -(-len(years) // 14))
    return [y for y in years if (y - years[0]) % step == 0] if years else []


def timeline(
    lanes: Sequence[Lane],
    *,
    start: date,
    end: date,
    title: str,
    series: Sequence[str],
    labels: Mapping[str, str] | None = None,
) -> Markup:
    """Lanes of spans (coloured by series) and points over `start`..`end`."""
    labels = labels or {}
    plot = WIDTH - LABEL_WIDTH - 12
    days = max(1, (end - start).days)
    height = TOP + ROW * max(1, len(lanes)) + AXIS

    def x(day: date) -> float:
        clipped = min(max(day, start), end)
        return round(LABEL_WIDTH + plot * (clipped - start).days / days, 1)

    parts = [_open(title, height, "timeline"), _legend(series, labels)]
    bottom = TOP + ROW * max(1, len(lanes))
    for year in year_ticks(start, end):
        tick = x(date(year, 1, 1))
        parts.append(
            f'<line class="grid" x1="{tick}" y1="{TOP - 4}" x2="{tick}" y2="{bottom}"/>'
            f'<text class="axis" x="{tick}" y="{bottom + 16}" text-anchor="middle">'
            f"{year}</text>"
        )
    for index, lane in enumerate(lanes):
        y = TOP + ROW * index
        parts.append(_label(lane.label, lane.href, y + BAR - 2))
        for span in lane.spans:
            left, right = x(span.start), x(span.end)
            parts.append(
                f'<rect class="fill-{slug(span.series)}" x="{left}" y="{y + 2}" '
                f'width="{max(1.5, round(right - left, 1))}" height="{BAR}" rx="2">'
                f"<title>{escape(span.tooltip)}</title></rect>"
            )
        for point in lane.points:
            mark = (
                f'<circle class="fill-{slug(point.series)}" cx="{x(point.day)}" '
                f'cy="{y + 2 + BAR / 2}" r="5"><title>{escape(point.tooltip)}</title>'
                "</circle>"
            )
            if point.href is not None:
                mark = f'<a href="{escape(point.href)}">{mark}</a>'
            parts.append(mark)
    parts.append("</svg>")
    return Markup("".join(parts))  # every data piece is escaped above


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    *,
    title: str,
    series: Sequence[str],
    labels: Mapping[str, str] | None = None,
    hrefs: Mapping[str, str] | None = None,
    unit: str = "",
) -> Markup:
    """Horizontal bars, one per row, split into `series` (a plain bar chart is
    one series). Each part has a tooltip; the row's total is written after it."""
    labels = labels or {}
    hrefs = hrefs or {}
    plot = WIDTH - LABEL_WIDTH - 60
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    height = TOP + ROW * max(1, len(rows)) + AXIS
    parts = [_open(title, height, "bars")]
    if len(series) > 1:
        parts.append(_legend(series, labels))
    bottom = TOP + ROW * max(1, len(rows))
    for tick in _count_ticks(largest):
        tx = round(LABEL_WIDTH + plot * tick / largest, 1)
        parts.append(
            f'<line class="grid" x1="{tx}" y1="{TOP - 4}" x2="{tx}" y2="{bottom}"/>'
            f'<text class="axis" x="{tx}" y="{bottom + 16}" text-anchor="middle">'
            f"{tick}</text>"
        )
    for index, (name, counts) in enumerate(rows):
        y = TOP + ROW * index
        parts.append(_label(name, hrefs.get(name), y + BAR - 2))
        left = float(LABEL_WIDTH)
        for part in series:
            value = counts.get(part, 0)
            if not value:
                continue
            width = plot * value / largest
            tip = f"{name}: {value} {labels.get(part, part)}{unit}".strip()
            parts.append(
                f'<rect class="fill-{slug(part)}" x="{round(left, 1)}" y="{y + 2}" '
                f'width="{round(width, 1)}" height="{BAR}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            left += width
        total = sum(counts.values())
        parts.append(
            f'<text class="value" x="{round(left + 6, 1)}" y="{y + BAR - 2}">'
            f"{total}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # every data piece is escaped above


def _count_ticks(largest: int) -> list[int]:
    step = max(1, -(-largest // 6))
    return list(range(0, largest + 1, step))
