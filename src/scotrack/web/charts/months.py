"""Documents and claims per month (#17): one row per month that has any, in
two panels side by side, the documents published that month and their claims
by review status, each panel on its own scale with its numbers written out.

Past MONTHS_MOST months the rows are years, so the chart stays a page long.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup, escape

from scotrack.store.read.chartdata import STACKED_STATUSES, UNDATED, MonthCount
from scotrack.web.charts import (
    AXIS,
    BAR,
    FULL,
    ROW,
    Chart,
    _count_ticks,
    _label,
    _legend,
    _open,
    _top,
    legend_rows,
    slug,
)

MONTHS_MOST = 48
"""The most months drawn one row each; more are drawn a year a row."""
GAP = 40
"""Room between the two panels."""


def by_year(months: Sequence[MonthCount]) -> tuple[MonthCount, ...]:
    """`months` added up by year (UNDATED stays UNDATED)."""
    years: dict[str, MonthCount] = {}
    for month in months:
        key = month.month[:4] if month.month != UNDATED else UNDATED
        before = years.get(key, MonthCount(key, 0, {}))
        years[key] = MonthCount(
            key,
            before.documents + month.documents,
            dict(Counter(before.claims) + Counter(month.claims)),
        )
    return tuple(years.values())


def documents_and_claims(
    months: Sequence[MonthCount], *, title: str, width: int = FULL
) -> Chart:
    """Two panels of bars, a row per month (or year): documents, then claims
    stacked by status."""
    rows = tuple(months) if len(months) <= MONTHS_MOST else by_year(months)
    room = 90
    plot = (width - room - GAP - 2 * 40) // 2
    left, right = room, room + plot + 40 + GAP
    series = ("documents", *STACKED_STATUSES)
    labels: dict[str, str] = {"documents": "documents"}
    labels |= {s: f"claims {s}" for s in STACKED_STATUSES}
    top = _top(legend_rows(series, labels, width)) + 18
    bottom = top + ROW * max(1, len(rows))
    parts = [
        _open(title, width, bottom + AXIS, "months", links=False),
        _legend(series, labels, width),
        f'<text class="panel" x="{left}" y="{top - 8}">Documents published</text>',
        f'<text class="panel" x="{right}" y="{top - 8}">Their claims, by status</text>',
    ]
    most_docs = max((m.documents for m in rows), default=0) or 1
    most_claims = max((sum(m.claims.values()) for m in rows), default=0) or 1
    for start, most in ((left, most_docs), (right, most_claims)):
        for tick in _count_ticks(most, most=max(3, plot // 60)):
            tx = round(start + plot * tick / most, 1)
            parts.append(
                f'<line class="grid" x1="{tx}" y1="{top - 4}" x2="{tx}" y2="{bottom}"/>'
                f'<text class="axis" x="{tx}" y="{bottom + 17}" text-anchor="middle">'
                f"{tick}</text>"
            )
    if not rows:
        parts.append(
            f'<text class="lane" x="{room}" y="{top + BAR - 2}">'
            "No document has been ingested yet.</text>"
        )
    for index, month in enumerate(rows):
        y = top + ROW * index
        parts.append(_label(month.month, None, y + BAR - 2, room))
        wide = plot * month.documents / most_docs
        tip = f"{month.month}: {_count(month.documents, 'document')}"
        parts.append(_bar(left, y, wide, "documents", tip))
        parts.append(_value(left + wide, y, month.documents))
        x = float(right)
        for status in STACKED_STATUSES:
            count = month.claims.get(status, 0)
            if count:
                share = plot * count / most_claims
                tip = f"{month.month}: {_count(count, 'claim')} {status}"
                parts.append(_bar(x, y, share, status, tip))
                x += share
        parts.append(_value(x, y, sum(month.claims.values())))
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _bar(x: float, y: float, wide: float, series: str, tip: str) -> str:
    return (
        f'<rect class="fill-{slug(series)}" x="{round(x, 1)}" y="{y + 2}" '
        f'width="{round(wide, 1)}" height="{BAR}"><title>{escape(tip)}</title></rect>'
    )


def _value(x: float, y: float, value: int) -> str:
    return f'<text class="value" x="{round(x + 6, 1)}" y="{y + BAR - 2}">{value}</text>'
