"""GET /api/v1/export (#17): every format as a download with its media type and
file name, anonymous, one export at a time; and the /export page."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import tempfile
import zipfile
from contextlib import closing
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from scotrack.api import exports as export_route
from scotrack.store.exports import FORMATS
from scotrack.store.exports.downloads import MEDIA_TYPES, USES

from .test_reads import error_of

pytestmark = pytest.mark.issue(17)

EXPORT = "/api/v1/export"


def leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("scotrack-export-*")}


def test_the_route_and_the_page_know_every_format():
    assert {f.value for f in export_route.ExportFormat} == set(FORMATS)
    assert set(MEDIA_TYPES) == set(FORMATS) == set(USES)


def test_datapackage_is_a_zip_that_validates(client: TestClient, tmp_path):
    before = leftovers()
    response = client.get(EXPORT, params={"format": "datapackage", "on": "2017"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == (
        'attachment; filename="scotrack-datapackage-on-2017-12-31.zip"'
    )
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "datapackage.json" in archive.namelist()
        archive.extractall(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert descriptor["scotrack"]["on"] == "2017-12-31"
    assert descriptor["scotrack"]["last_change_id"] > 0
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:10]
    assert leftovers() <= before, "the temporary folder was not removed"


def test_parquet_is_a_zip_of_typed_tables(client: TestClient, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    response = client.get(EXPORT, params={"format": "parquet"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(tmp_path)
    assert pq.read_table(tmp_path / "state.parquet").num_rows > 100
    assert (tmp_path / "snapshot.json").is_file()


@pytest.mark.parametrize(
    ("fmt", "media", "suffix"),
    [
        ("graphml", "application/graphml+xml", "graphml"),
        ("gexf", "application/gexf+xml", "gexf"),
        ("csl", "application/vnd.citationstyles.csl+json", "json"),
        ("bibtex", "application/x-bibtex", "bib"),
        ("sqlite", "application/vnd.sqlite3", "db"),
    ],
)
def test_single_file_formats_download(client: TestClient, tmp_path, fmt, media, suffix):
    response = client.get(EXPORT, params={"format": fmt, "known_on": "2999"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    name = f"scotrack-{fmt}-known-on-2999-12-31.{suffix}"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    path = tmp_path / name
    path.write_bytes(response.content)
    if fmt == "graphml":
        graph = nx.read_graphml(path)
        assert graph.graph["known_on"] == "2999-12-31"
        assert any("start" in d for _, _, d in graph.edges(data=True))
    if fmt == "sqlite":
        with closing(sqlite3.connect(path)) as db:
            rows = dict(db.execute("SELECT key, value FROM snapshot").fetchall())
        assert rows["known_on"] == "2999-12-31"
    if fmt == "csl":
        assert json.loads(response.content)[0]["id"] == "scotrack-snapshot"


def test_iati_without_projects_is_404(client: TestClient):
    message = error_of(client.get(EXPORT, params={"format": "iati"}), 404)
    assert "the snapshot holds no projects" in message


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"format": "xlsx"}, "format"),
        ({}, "format"),
        ({"format": "csl", "on": "2017-13"}, "on"),
        ({"format": "csl", "known_on": "soon"}, "known_on"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(client: TestClient, params, field):
    error_of(client.get(EXPORT, params=params), 422, field)


def test_a_second_export_at_once_is_429_with_retry_after(client: TestClient):
    assert export_route._running.acquire(blocking=False)
    try:
        response = client.get(EXPORT, params={"format": "csl"})
    finally:
        export_route._running.release()
    assert "another export is being built" in error_of(response, 429)
    assert int(response.headers["retry-after"]) > 0
    assert client.get(EXPORT, params={"format": "csl"}).status_code == 200


def test_parquet_without_pyarrow_is_501(client: TestClient, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    response = client.get(EXPORT, params={"format": "parquet"})
    assert "scotrack[parquet]" in error_of(response, 501)
    page = client.get("/export")
    assert "Not available on this server." in page.text


def test_the_export_page_lists_every_format_with_a_link(client: TestClient):
    response = client.get("/export")
    assert response.status_code == 200
    text = response.text
    for name in FORMATS:
        assert f'href="/api/v1/export?format={name}"' in text
        assert USES[name].split(":")[0] in text
    assert 'action="/api/v1/export"' in text
    assert 'href="/export"' in client.get("/members").text


def test_known_on_the_last_day_there_is_is_422(client: TestClient):
    response = client.get(EXPORT, params={"format": "csl", "known_on": "9999"})
    assert "9999-12-31 is the last day there is" in error_of(response, 422)


def test_the_page_form_with_blank_days_exports_everything(client: TestClient):
    """The /export form sends its empty fields: blank means absent."""
    response = client.get(EXPORT, params={"format": "csl", "on": "", "known_on": " "})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == (
        'attachment; filename="scotrack-csl.json"'
    )
