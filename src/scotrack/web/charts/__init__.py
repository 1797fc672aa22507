"""Charts as server-side SVG: timelines, bars and stacked bars.

Every piece of data that goes into the SVG (labels, tooltips, links) passes
through `markupsafe.escape`; colours are CSS classes (`fill-<slug>`, styled in
app.css), never style attributes, so the CSP needs no inline styles. Each chart
has a title, axis labels, a legend and a <title> tooltip on every mark.

Readable at any size (#14): a chart is drawn for the width it is shown at
(`FULL` for a whole row, `HALF` for one of two side by side), its smallest
text is `SMALLEST_TEXT` user units, and app.css never shrinks the SVG below
`MIN_SCALE` of its drawn width (a narrower screen scrolls the chart inside its
figure), so no label is ever smaller than 11 CSS pixels on screen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

FULL = 960
"""Drawn width of a chart that has a row to itself."""
HALF = 480
"""Drawn width of a chart shown beside another."""
WIDTH = FULL
ROW = 22
BAR = 15
AXIS = 26
"""Room below the plot for the axis labels."""
LEGEND_ROW = 20
CHAR = 7.4
"""Average width of a 13-unit character, to lay out labels and legends."""
SMALLEST_TEXT = 12
"""The axis labels' size in user units; every other text is 13."""
MIN_SCALE = 15 / 16
"""The least the SVG is ever scaled by (app.css: the min-width of each size
class), so SMALLEST_TEXT shows at 11.25 px at the least."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """`dialogue partner` -> `dialogue-partner`: safe inside a class name."""
    return _NOT_SLUG.sub("-", value.lower()).strip("-") or "none"


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart and its title; renders as the SVG in a template, so a page
    shows `chart.title` as the figure's caption and `chart` as the picture."""

    title: str
    svg: Markup

    def __html__(self) -> str:
        return str(self.svg)

    def __str__(self) -> str:
        return str(self.svg)


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


def label_width(width: int) -> int:
    """Room left of the plot for the row labels of a chart `width` wide."""
    return 200 if width >= FULL else 140


def _open(title: str, width: int, height: int, kind: str, *, links: bool) -> str:
    # a chart with links is a group of them; role=img would hide them (#14)
    role = "group" if links else "img"
    return (
        f'<svg class="chart-{kind} size-{width}" viewBox="0 0 {width} {height}" '
        f'role="{role}" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    )


def legend_rows(series: Sequence[str], labels: Mapping[str, str], width: int) -> int:
    """How many rows the legend of `series` takes in a chart `width` wide."""
    return len(_legend_layout(series, labels, width)[1]) if series else 0


def _legend_layout(
    series: Sequence[str], labels: Mapping[str, str], width: int
) -> tuple[list[tuple[str, str, float, int]], set[int]]:
    placed, x, row = [], 0.0, 0
    for name in series:
        text = labels.get(name, name)
        needed = 20 + CHAR * len(text)
        if x and x + needed > width:
            x, row = 0.0, row + 1
        placed.append((name, text, x, row))
        x += needed + 14
    return placed, {row for *_, row in placed}


def _legend(series: Sequence[str], labels: Mapping[str, str], width: int) -> str:
    parts = []
    for name, text, x, row in _legend_layout(series, labels, width)[0]:
        y = 6 + LEGEND_ROW * row
        parts.append(
            f'<rect class="fill-{slug(name)}" x="{round(x, 1)}" y="{y}" width="13" '
            f'height="13" rx="2"/><text class="legend" x="{round(x + 18, 1)}" '
            f'y="{y + 11}">{escape(text)}</text>'
        )
    return "".join(parts)


def _top(rows: int) -> int:
    """Room above the plot: the legend's rows and a gap."""
    return 12 + LEGEND_ROW * rows


def _label(
    text: str, href: str | None, y: float, room: int, *, tooltip: str | None = None
) -> str:
    most = max(8, int((room - 10) / CHAR))
    shown = text if len(text) <= most else text[: most - 1] + "\u2026"
    label = (
        f'<text class="lane" x="{room - 8}" y="{y}" text-anchor="end">'
        f"<title>{escape(tooltip or text)}</title>{escape(shown)}</text>"
    )
    if href is None:
        return label
    return f'<a href="{escape(href)}">{label}</a>'


def year_ticks(start: date, end: date, *, most: int = 14) -> list[int]:
    """Years to label on an axis from `start` to `end` (at most about `most`)."""
    years = list(range(start.year + (start.month > 1 or start.day > 1), end.year + 1))
    step = max(1, -(-len(years) // most))
    return [y for y in years if (y - years[0]) % step == 0] if years else []


def timeline(
    lanes: Sequence[Lane],
    *,
    start: date,
    end: date,
    title: str,
    series: Sequence[str],
    labels: Mapping[str, str] | None = None,
    width: int = FULL,
) -> Chart:
    """Lanes of spans (coloured by series) and points over `start`..`end`."""
    labels = labels or {}
    room = label_width(width)
    plot = width - room - 12
    days = max(1, (end - start).days)
    top = _top(legend_rows(series, labels, width))
    bottom = top + ROW * max(1, len(lanes))
    links = any(lane.href for lane in lanes) or any(
        point.href for lane in lanes for point in lane.points
    )

    def x(day: date) -> float:
        clipped = min(max(day, start), end)
        return round(room + plot * (clipped - start).days / days, 1)

    parts = [
        _open(title, width, bottom + AXIS, "timeline", links=links),
        _legend(series, labels, width),
    ]
    for year in year_ticks(start, end, most=max(4, plot // 48)):
        tick = x(date(year, 1, 1))
        parts.append(
            f'<line class="grid" x1="{tick}" y1="{top - 4}" x2="{tick}" y2="{bottom}"/>'
            f'<text class="axis" x="{tick}" y="{bottom + 17}" text-anchor="middle">'
            f"{year}</text>"
        )
    for index, lane in enumerate(lanes):
        y = top + ROW * index
        parts.append(_label(lane.label, lane.href, y + BAR - 2, room))
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
                f'cy="{y + 2 + BAR / 2}" r="6"><title>{escape(point.tooltip)}</title>'
                "</circle>"
            )
            if point.href is not None:
                mark = (
                    f'<a href="{escape(point.href)}" '
                    f'aria-label="{escape(point.tooltip)}">{mark}</a>'
                )
            parts.append(mark)
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    *,
    title: str,
    series: Sequence[str],
    labels: Mapping[str, str] | None = None,
    hrefs: Mapping[str, str] | None = None,
    unit: str = "",
    width: int = FULL,
) -> Chart:
    """Horizontal bars, one per row, split into `series` (a plain bar chart is
    one series). Each part has a tooltip; the row's total is written after it."""
    labels = labels or {}
    hrefs = hrefs or {}
    room = label_width(width)
    plot = width - room - 48
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    legend = series if len(series) > 1 else ()
    top = _top(legend_rows(legend, labels, width))
    bottom = top + ROW * max(1, len(rows))
    links = any(hrefs.get(name) for name, _ in rows)
    parts = [
        _open(title, width, bottom + AXIS, "bars", links=links),
        _legend(legend, labels, width),
    ]
    for tick in _count_ticks(largest, most=max(3, plot // 56)):
        tx = round(room + plot * tick / largest, 1)
        parts.append(
            f'<line class="grid" x1="{tx}" y1="{top - 4}" x2="{tx}" y2="{bottom}"/>'
            f'<text class="axis" x="{tx}" y="{bottom + 17}" text-anchor="middle">'
            f"{tick}</text>"
        )
    for index, (name, counts) in enumerate(rows):
        y = top + ROW * index
        parts.append(_label(name, hrefs.get(name), y + BAR - 2, room))
        left = float(room)
        for part in series:
            value = counts.get(part, 0)
            if not value:
                continue
            share = plot * value / largest
            tip = f"{name}: {value} {labels.get(part, part)}{unit}".strip()
            parts.append(
                f'<rect class="fill-{slug(part)}" x="{round(left, 1)}" y="{y + 2}" '
                f'width="{round(share, 1)}" height="{BAR}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            left += share
        total = sum(counts.values())
        parts.append(
            f'<text class="value" x="{round(left + 6, 1)}" y="{y + BAR - 2}">'
            f"{total}</text>"
        )
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def _count_ticks(largest: int, *, most: int = 6) -> list[int]:
    step = max(1, -(-largest // most))
    return list(range(0, largest + 1, step))


@dataclass(frozen=True, slots=True)
class Score:
    """One bar of a score chart: a mean from -1 to +1 (None: nothing scored)."""

    label: str
    mean: float | None
    note: str
    """What the mean is of, e.g. "4 of 6 assessed"."""
    href: str | None = None


def score_bars(rows: Sequence[Score], *, title: str, width: int = FULL) -> Chart:
    """Bars from a middle line at 0, left to -1 (red) or right to +1 (green): the
    mean compliance scores of a report (#13). A row without a score says so."""
    room = label_width(width)
    notes = 110
    plot = width - room - notes
    middle = room + plot / 2
    top, bottom = _top(0), _top(0) + ROW * max(1, len(rows))
    links = any(row.href for row in rows)
    parts = [_open(title, width, bottom + AXIS, "scores", links=links)]
    for tick in (-1.0, -0.5, 0.0, 0.5, 1.0):
        tx = round(middle + plot / 2 * tick, 1)
        text = {-1.0: "\u22121", 0.0: "0", 1.0: "+1"}.get(tick, f"{tick:+.1f}")
        parts.append(
            f'<line class="grid" x1="{tx}" y1="{top - 4}" x2="{tx}" y2="{bottom}"/>'
            f'<text class="axis" x="{tx}" y="{bottom + 17}" text-anchor="middle">'
            f"{text.replace('-', chr(0x2212))}</text>"
        )
    for index, row in enumerate(rows):
        y = top + ROW * index
        parts.append(_label(row.label, row.href, y + BAR - 2, room))
        if row.mean is None:
            tip, value = f"{row.label}: no score ({row.note})", "no score"
        else:
            mean = max(-1.0, min(1.0, row.mean))
            tone = "complied" if mean > 0 else "not-complied" if mean < 0 else "partly"
            share = max(2.0, abs(mean) * plot / 2)
            left = middle if mean > 0 else middle - share if mean < 0 else middle - 1
            value = f"{row.mean:+.2f}".replace("-", "\u2212")
            tip = f"{row.label}: mean {value} ({row.note})"
            parts.append(
                f'<rect class="fill-{tone}" x="{round(left, 1)}" y="{y + 2}" '
                f'width="{round(share, 1)}" height="{BAR}">'
                f"<title>{escape(tip)}</title></rect>"
            )
        parts.append(
            f'<text class="value" x="{round(room + plot + 8, 1)}" y="{y + BAR - 2}">'
            f"<title>{escape(tip)}</title>{escape(value)}</text>"
        )
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above
