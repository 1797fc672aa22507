"""`scotrack chart`: the web app's charts as SVG and PNG files (#17)."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.domain.vocab import CHART_KINDS
from scotrack.web.charts import kinds
from scotrack.web.charts.files import PNG_SCALE

pytestmark = pytest.mark.issue(17)
SVG_NS = "{http://www.w3.org/2000/svg}"


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_every_chart_the_command_names_has_a_builder():
    assert list(kinds.BUILDERS) == list(CHART_KINDS)


@pytest.mark.parametrize("kind", [k for k in CHART_KINDS if k != "co-mentions"])
def test_chart_writes_valid_svg(db_url, tmp_path, kind):
    out = tmp_path / f"{kind}.svg"
    result = run("chart", kind, "--out", str(out), "--db", db_url, "--on", "2020-01-01")
    assert result.exit_code == 0, result.output
    assert f"Wrote {kind} to {out}" in result.output
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.find(f"{SVG_NS}title").text
    assert root.find(f"{SVG_NS}style").text.count("{") > 10
    width, height = (float(root.get(name)) for name in ("width", "height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert width >= 960
    assert height > 60


def test_chart_writes_a_png_twice_the_svg_size(db_url, tmp_path):
    svg, png = tmp_path / "r.svg", tmp_path / "r.png"
    for out in (svg, png):
        result = run("chart", "ratification", "--out", str(out), "--db", db_url)
        assert result.exit_code == 0, result.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    root = ET.parse(svg).getroot()
    assert (width, height) == (
        round(float(root.get("width")) * PNG_SCALE),
        round(float(root.get("height")) * PNG_SCALE),
    )
    assert len(data) > 5_000  # drawn, not blank


def test_co_mentions_needs_a_known_state(db_url, tmp_path):
    out = tmp_path / "net.svg"
    result = run("chart", "co-mentions", "--out", str(out), "--db", db_url)
    assert result.exit_code == 2
    assert "--state" in result.output
    assert not out.exists()
    result = run(
        "chart", "co-mentions", "--state", "XXX", "--out", str(out), "--db", db_url
    )
    assert result.exit_code == 2
    assert "'XXX' is not a known state code" in result.output
    result = run(
        "chart", "co-mentions", "--state", "ind", "--out", str(out), "--db", db_url
    )
    assert result.exit_code == 0, result.output
    title = ET.parse(out).getroot().find(f"{SVG_NS}title").text
    assert title == "States named in the same documents as India (0 documents)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("pie", "--out", "x.svg"), "chart 'pie' is not known; choose one of"),
        (("summits", "--out", "x.pdf"), "must end in .svg or .png, not .pdf"),
        (("summits", "--out", "x.svg", "--on", "2020-13"), "--on:"),
    ],
)
def test_chart_errors_are_one_line(db_url, tmp_path, args, message):
    kind, _, name, *rest = args
    out = tmp_path / name
    result = run("chart", kind, "--out", str(out), *rest, "--db", db_url)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
