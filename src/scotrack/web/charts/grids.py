"""Grids of labelled cells (#17): the state-agreement ratification heat map and
commitments with their compliance by state and year.

Every cell carries its meaning as text (a letter or a number), never as colour
alone; the fills are light, so the ink text on them reads at 4.5:1 or more,
and a key names each letter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from scotrack.store.read.chartdata import StateYear
from scotrack.store.read.matrix import CELL_HINTS, CELL_LABELS, RatificationMatrix
from scotrack.web.charts import CHAR, FULL, Chart, _label, _open, slug

HEAT_MARKS = {
    "in-force": "F",
    "ratified": "R",
    "acceded": "A",
    "signed": "S",
    "not-signed": "\u2013",
    "not-a-party": "\u00b7",
    "withdrawn": "W",
    "unknown": "?",
}
"""The letter a ratification cell shows, beside its colour."""
SIZES = (FULL, 1440, 1920)
"""The widths a grid is drawn at (app.css keeps each at 15/16 at the least)."""
HEAD = 30
"""Room above the grid for the column heads."""
CELL_HIGH = 26


@dataclass(frozen=True, slots=True)
class Cell:
    css: str
    """The fill's class suffix (`heat-<css>`)."""
    lines: tuple[str, ...]
    tooltip: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Head:
    label: str
    tooltip: str
    href: str | None = None


def grid(
    rows: Sequence[Head],
    columns: Sequence[Head],
    cells: Mapping[tuple[int, int], Cell],
    *,
    title: str,
    key: Sequence[tuple[str, str]],
    cell_width: int,
    room: int,
    width: int = FULL,
    empty: str = "Nothing recorded yet.",
) -> Chart:
    """Rows x columns of cells (a missing cell is left blank), the row heads
    left, the column heads on top, and a key of (css, text) swatches below;
    `empty` is written where there are no rows."""
    high = CELL_HIGH * max(1, max((len(c.lines) for c in cells.values()), default=1))
    top = HEAD + 4
    bottom = top + high * len(rows)
    key_rows, key_svg = _key(key, width, bottom + 10)
    links = any(h.href for h in (*rows, *columns)) or any(
        c.href for c in cells.values()
    )
    parts = [_open(title, width, bottom + 14 + key_rows * 22, "grid", links=links)]
    if not rows:
        bottom += high
        parts[0] = _open(title, width, bottom + 14 + key_rows * 22, "grid", links=links)
        key_rows, key_svg = _key(key, width, bottom + 10)
        parts.append(f'<text class="lane" x="0" y="{top + 17}">{escape(empty)}</text>')
    for index, column in enumerate(columns):
        x = room + cell_width * index + cell_width / 2
        text = (
            f'<text class="head" x="{round(x, 1)}" y="{HEAD - 6}" '
            f'text-anchor="middle"><title>{escape(column.tooltip)}</title>'
            f"{escape(column.label)}</text>"
        )
        if column.href:
            text = f'<a href="{escape(column.href)}">{text}</a>'
        parts.append(text)
    for row_index, row in enumerate(rows):
        y = top + high * row_index
        parts.append(_head(row, y + high / 2 + 5, room))
        for col_index in range(len(columns)):
            cell = cells.get((row_index, col_index))
            if cell is not None:
                x = room + cell_width * col_index
                parts.append(_cell(cell, x, y, cell_width, high))
    parts.append(key_svg)
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def drawn_width(needed: float) -> int:
    """The least of SIZES that holds `needed` units (the largest if none does)."""
    return next((size for size in SIZES if size >= needed), SIZES[-1])


def _head(row: Head, y: float, room: int) -> str:
    return _label(row.label, row.href, y, room, tooltip=row.tooltip)


def _cell(cell: Cell, x: float, y: float, wide: int, high: int) -> str:
    middle = round(x + wide / 2, 1)
    lines = "".join(
        f'<tspan x="{middle}" dy="{0 if n == 0 else 15}">{escape(line)}</tspan>'
        for n, line in enumerate(cell.lines)
    )
    first = y + high / 2 + 5 - 7.5 * (len(cell.lines) - 1)
    mark = (
        f'<rect class="heat-{slug(cell.css)}" x="{round(x + 1, 1)}" y="{y + 1}" '
        f'width="{wide - 2}" height="{high - 2}" rx="2"><title>{escape(cell.tooltip)}'
        f'</title></rect><text class="cell" x="{middle}" y="{round(first, 1)}" '
        f'text-anchor="middle" aria-hidden="true">{lines}</text>'
    )
    if cell.href is None:
        return mark
    label = escape(cell.tooltip)
    return f'<a href="{escape(cell.href)}" aria-label="{label}">{mark}</a>'


def _key(key: Sequence[tuple[str, str]], width: int, top: float) -> tuple[int, str]:
    parts, x, row = [], 0.0, 0
    for css, text in key:
        needed = 24 + CHAR * len(text)
        if x and x + needed > width:
            x, row = 0.0, row + 1
        y = top + 22 * row
        parts.append(
            f'<rect class="heat-{slug(css)}" x="{round(x, 1)}" y="{y}" width="16" '
            f'height="16" rx="2"/><text class="legend" x="{round(x + 21, 1)}" '
            f'y="{y + 13}">{escape(text)}</text>'
        )
        x += needed + 16
    return (row + 1 if key else 0), "".join(parts)


def ratification_heat_map(
    matrix: RatificationMatrix, short: Mapping[str, str], *, width: int = FULL
) -> Chart:
    """Agreements (rows, short names; the full title on hover) by states
    (columns, codes; the name on hover) on `matrix.on`, each cell a letter."""
    rows = [
        Head(short.get(c.id, c.title), c.title, f"/agreements/{c.id}")
        for c in matrix.columns
    ]
    columns = [Head(r.code, r.name, f"/states/{r.code}") for r in matrix.rows]
    cells = {}
    for col_index, state in enumerate(matrix.rows):
        gaps = state.gaps or (None,) * len(state.cells)
        for row_index, status in enumerate(state.cells):
            agreement = matrix.columns[row_index]
            tip = (
                f"{state.name}, {short.get(agreement.id, agreement.title)}: "
                f"{CELL_LABELS[status]} ({gaps[row_index] or CELL_HINTS[status]})"
            )
            cells[(row_index, col_index)] = Cell(status, (HEAT_MARKS[status],), tip)
    room = 250 if width >= FULL else 170
    width = drawn_width(room + 30 * len(columns))
    cell_width = max(30, min(56, (width - room) // max(1, len(columns))))
    key = [(s, f"{HEAT_MARKS[s]} {CELL_LABELS[s]}") for s in HEAT_MARKS]
    return grid(
        rows,
        columns,
        cells,
        title=f"Ratification of SCO agreements on {matrix.on.isoformat()}",
        key=key,
        cell_width=cell_width,
        room=room,
        width=width,
    )


def compliance_band(mean: float | None) -> str:
    """The colour band of a mean score: +1 complied, -1 not, between partly."""
    if mean is None:
        return "unassessed"
    if mean >= 0.5:
        return "complied"
    if mean <= -0.5:
        return "not-complied"
    return "partly"


def compliance_grid(
    cells: Sequence[StateYear],
    names: Mapping[str, str],
    *,
    title: str,
    width: int = FULL,
) -> Chart:
    """Actors (rows) by year made (columns): each cell the number of
    commitments and their mean compliance score, or `unassessed`."""
    actors = sorted({c.actor for c in cells}, key=lambda a: names.get(a, a))
    years = sorted({c.year for c in cells}, key=lambda y: (not y.isdigit(), y))
    rows = [
        Head(names.get(a, a), names.get(a, a), f"/states/{a}" if a in names else None)
        for a in actors
    ]
    columns = [Head(y, f"commitments made in {y}") for y in years]
    placed = {}
    for found in cells:
        summary = found.summary
        made = f"{summary.commitments} made"
        if summary.mean_score is None:
            score, said = "unassessed", "none assessed"
        else:
            score = f"{summary.mean_score:+.2f}"
            said = f"mean score {score} over {summary.assessed} assessed"
        tip = f"{names.get(found.actor, found.actor)}, {found.year}: {made}, {said}"
        placed[(actors.index(found.actor), years.index(found.year))] = Cell(
            compliance_band(summary.mean_score), (made, score), tip
        )
    room = 200 if width >= FULL else 140
    width = drawn_width(room + 84 * len(columns))
    cell_width = max(60, min(84, (width - room) // max(1, len(columns))))
    key = [
        ("complied", "mean \u2265 +0.5"),
        ("partly", "between"),
        ("not-complied", "mean \u2264 \u22120.5"),
        ("unassessed", "none assessed"),
    ]
    return grid(
        rows,
        columns,
        placed,
        title=title,
        empty="No commitment has been accepted yet.",
        key=key,
        cell_width=cell_width,
        room=room,
        width=width,
    )
