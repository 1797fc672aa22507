"""A chart as a file of its own (#17): the page's SVG with its styles inside,
and that SVG as PNG.

The styles are the chart rules of app.css (the one place chart colours are
set), copied into a <style> element with the CSS variables filled in, so the
file looks like the page without the stylesheet. PNG is the same SVG drawn by
CairoSVG: one drawing code for the page, the SVG file and the PNG file.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from importlib import resources
from pathlib import Path

from scotrack.errors import InputError
from scotrack.web.charts import Chart

FORMATS = ("svg", "png")
"""The file types `scotrack chart --out` writes, by suffix."""
PNG_SCALE = 2
"""A PNG has this many pixels per SVG unit, so its smallest text is 24 px high
and it stays sharp on a high-density screen or in print."""
FONT = 'system-ui, "DejaVu Sans", sans-serif'
_VARIABLE = re.compile(r"var\(--([a-z-]+)\)")
_CHART_RULE = re.compile(r"^(\.chart svg|\.fill-|\.heat-)")
_VIEW_BOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')


@cache
def chart_css() -> str:
    """The chart rules of app.css, for a standalone SVG (variables filled in)."""
    css = (resources.files("scotrack.web") / "static/app.css").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    root = css[css.index(":root") : css.index("}", css.index(":root"))]
    values = dict(re.findall(r"--([a-z-]+):\s*([^;]+);", root))
    kept = []
    for rule in css.split("}"):
        if "{" not in rule:
            continue
        selector, body = (part.strip() for part in rule.split("{", 1))
        selectors = [s.strip() for s in selector.split(",")]
        if not all(_CHART_RULE.match(s) for s in selectors):
            continue
        if "min-width" in body or "display" in body or "focus" in selector:
            continue  # page layout and focus rings, not the picture
        local = ", ".join(s.replace(".chart svg", "svg", 1) for s in selectors)
        filled = _VARIABLE.sub(lambda m: values.get(m.group(1), "currentColor"), body)
        kept.append(f"{local} {{ {filled} }}")
    kept.append(f"svg text {{ font-family: {FONT}; }}")
    return "\n".join(kept)


def standalone_svg(chart: Chart) -> str:
    """`chart` as a whole SVG file: an XML declaration, a size, its styles and
    a white ground."""
    svg = str(chart)
    size = _VIEW_BOX.search(svg)
    if size is None:
        raise InputError(f"chart {chart.title!r} has no viewBox to size the file by")
    width, height = size.groups()
    head, rest = svg.split("</title>", 1)
    head = head.replace("<svg ", f'<svg width="{width}" height="{height}" ', 1)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{head}</title><style>{chart_css()}</style>"
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>{rest}\n'
    )


def png_bytes(svg: str) -> bytes:
    """`svg` drawn as PNG at PNG_SCALE pixels per unit (by CairoSVG)."""
    cairosvg = importlib.import_module("cairosvg")  # libcairo2 is loaded only here
    data: bytes = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=PNG_SCALE)
    return data


def file_type(out: Path) -> str:
    """`svg` or `png` from `out`'s suffix; InputError for another."""
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            f"--out {out}: the file name must end in .svg or .png, "
            f"not {out.suffix or 'nothing'}"
        )
    return suffix


def write_chart(chart: Chart, out: Path) -> int:
    """Write `chart` to `out` as SVG or PNG (by its suffix); the bytes written."""
    kind = file_type(out)
    svg = standalone_svg(chart)
    data = svg.encode("utf-8") if kind == "svg" else png_bytes(svg)
    try:
        out.write_bytes(data)
    except OSError as err:
        raise InputError(f"--out {out}: cannot write it ({err.strerror})") from err
    return len(data)
