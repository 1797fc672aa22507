"""A state's co-mention network (#17): the state in the middle, the states
named in the same documents on a circle around it (most co-mentioned first,
clockwise from the top), a line for every pair named together, as thick as
the number of documents naming both.

The layout is a circle, so the same data always gives the same picture.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from scotrack.store.read.chartdata import CoMentionNetwork
from scotrack.web.charts import FULL, Chart, _open

MOST = 16
"""The most neighbours drawn (the most co-mentioned)."""
HEIGHT = 520
LABEL_ROOM = 160
"""Room left and right of the circle for the names of the states on it."""
LONGEST = 20
"""The longest label shown whole (the tooltip has the rest)."""


def _thickness(documents: int, most: int) -> float:
    return round(1 + 5 * documents / max(1, most), 1)


def co_mention_network(
    network: CoMentionNetwork, *, title: str, width: int = FULL
) -> Chart:
    """The network of `network.state` (see the module docstring); the circle
    is drawn as an ellipse as wide as the chart leaves room for names."""
    shown = network.states[:MOST]
    names = network.names
    height = HEIGHT
    cx, cy = width / 2, height / 2
    across, down = cx - LABEL_ROOM, cy - 40
    where = {network.state: (round(cx, 1), round(cy, 1))}
    for index, code in enumerate(shown):
        angle = 2 * math.pi * index / max(1, len(shown)) - math.pi / 2
        where[code] = (
            round(cx + across * math.cos(angle), 1),
            round(cy + down * math.sin(angle), 1),
        )
    edges = [e for e in network.edges if e.a in where and e.b in where]
    most = max((e.documents for e in edges), default=1)
    parts = [_open(title, width, height, "network", links=bool(shown))]
    for edge in sorted(edges, key=lambda e: (network.state in (e.a, e.b), e.a, e.b)):
        (x1, y1), (x2, y2) = where[edge.a], where[edge.b]
        ego = "ego" if network.state in (edge.a, edge.b) else "other"
        tip = (
            f"{names.get(edge.a, edge.a)} and {names.get(edge.b, edge.b)}: "
            f"named together in {edge.documents} "
            + ("document" if edge.documents == 1 else "documents")
        )
        parts.append(
            f'<line class="edge-{ego}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
            f'stroke-width="{_thickness(edge.documents, most)}">'
            f"<title>{escape(tip)}</title></line>"
        )
    weight = {
        (e.b if e.a == network.state else e.a): e.documents
        for e in edges
        if network.state in (e.a, e.b)
    }
    for code, (x, y) in where.items():
        parts.append(_node(code, (x, y), (cx, cy), network, weight.get(code)))
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # every data piece is escaped above


def _node(
    code: str,
    at: tuple[float, float],
    middle: tuple[float, float],
    network: CoMentionNetwork,
    documents: int | None,
) -> str:
    (x, y), (cx, cy) = at, middle
    name = network.names.get(code, code)
    centre = code == network.state
    if centre:
        tip = f"{name}: named in {network.documents} documents"
        label = name
    else:
        count = documents or 0
        tip = f"{name}: named with {network.names.get(network.state, network.state)}"
        tip += f" in {count} " + ("document" if count == 1 else "documents")
        label = f"{name} ({count})"
    r = 10 if centre else 7
    if centre:
        anchor, tx, ty = "middle", x, y + r + 16
    elif abs(x - cx) < 4:
        anchor, tx, ty = "middle", x, (y - r - 6 if y < cy else y + r + 15)
    else:
        anchor = "start" if x > cx else "end"
        tx, ty = (x + r + 5 if x > cx else x - r - 5), y + 4
    shown = label if len(label) <= LONGEST else label[: LONGEST - 1] + "\u2026"
    mark = (
        f'<circle class="node-{"ego" if centre else "other"}" cx="{x}" cy="{y}" '
        f'r="{r}"><title>{escape(tip)}</title></circle>'
        f'<text class="node" x="{round(tx, 1)}" y="{round(ty, 1)}" '
        f'text-anchor="{anchor}" aria-hidden="true">{escape(shown)}</text>'
    )
    return f'<a href="/states/{escape(code)}" aria-label="{escape(tip)}">{mark}</a>'
