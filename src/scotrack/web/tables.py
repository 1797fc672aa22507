"""What the table pages share (#14): column headers that sort, and facet counts
as links that filter, built from the page's own query so other filters stay."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from scotrack.store.read.tables import Facet, Sort
from scotrack.web.render import query_string


@dataclass(frozen=True, slots=True)
class FacetLink:
    label: str
    href: str
    count: int
    chosen: bool


@dataclass(frozen=True, slots=True)
class FacetBox:
    title: str
    links: tuple[FacetLink, ...]


FacetFilter = Callable[[str | None], dict[str, Any]]
"""The query changes that filter a page to one value of a facet."""

SHOWN = 12
"""Values a facet box shows, the most frequent first."""


def facet_boxes(
    facets: Sequence[Facet],
    params: Mapping[str, Any],
    path: str,
    filters: Mapping[str, FacetFilter],
    titles: Mapping[str, str],
    names: Mapping[str, str] | None = None,
) -> list[FacetBox]:
    """A box of links per facet; a link filters `path` to its value (keeping the
    other filters and the sort, from the first page)."""
    boxes = []
    for facet in facets:
        links = []
        for value, count in facet.counts[:SHOWN]:
            if value is None:
                continue  # "none" cannot be asked for as a filter
            changes = filters[facet.name](value) | {"cursor": None}
            chosen = all(
                str(params.get(k, "")) == str(v)
                for k, v in changes.items()
                if v is not None
            )
            label = (names or {}).get(value, value)
            links.append(
                FacetLink(
                    label, path + query_string(dict(params), **changes), count, chosen
                )
            )
        boxes.append(FacetBox(titles.get(facet.name, facet.name), tuple(links)))
    return boxes


def sort_header(
    label: str,
    column: str,
    sort: Sort,
    params: Mapping[str, Any],
    path: str,
    numeric: bool = False,
) -> Markup:
    """A <th> whose link sorts by `column` (the other way if it is the current
    sort), with `aria-sort` on the current one."""
    current = sort.column == column
    following = f"-{column}" if current and not sort.descending else column
    href = path + query_string(dict(params), sort=following, cursor=None)
    attrs = ' scope="col"' + (' class="num"' if numeric else "")
    arrow = ""
    if current:
        order = "descending" if sort.descending else "ascending"
        attrs += f' aria-sort="{order}"'
        arrow = f' <span aria-hidden="true">{"▼" if sort.descending else "▲"}</span>'
    return Markup(
        f'<th{attrs}><a href="{escape(href)}" title="sort by {escape(label)}">'
        f"{escape(label)}{arrow}</a></th>"
    )
