"""An export as one file to send: what the API's `/api/v1/export` and the web's
`/export` page hand out.

`download(session, fmt, on=..., known_on=...)` writes the export into a new
temporary folder and, for a folder format, packs it into a zip file (files at
the zip's root, as the Data Package specification expects of a zipped package).
The caller sends `Download.path` and then calls `Download.remove()`.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from scotrack.store.exports import FOLDERS, ExportReport, check_format, export

MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "datapackage": ("application/zip", "zip"),
    "parquet": ("application/zip", "zip"),
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "csl": ("application/vnd.citationstyles.csl+json", "json"),
    "bibtex": ("application/x-bibtex", "bib"),
    "sqlite": ("application/vnd.sqlite3", "db"),
    "iati": ("application/xml", "xml"),
}
"""Each format's media type and file name suffix, as downloaded."""

USES: dict[str, str] = {
    "datapackage": "Statistics and archiving: CSV tables with their schemas, "
    "checked with frictionless; opens in any spreadsheet, pandas or R.",
    "parquet": "Data analysis: typed tables for pandas, Polars, DuckDB or R's "
    "arrow, dates as dates.",
    "sqlite": "Exploring with SQL: one database file with views named for "
    "questions; open it with datasette or sqlite3.",
    "graphml": "Network analysis: states, bodies, meetings, agreements and "
    "initiatives with dated edges, for networkx, igraph or Cytoscape.",
    "gexf": "Network pictures: the same network for Gephi, whose timeline plays "
    "the dated edges.",
    "csl": "Citing: every source as CSL-JSON for Zotero or Pandoc.",
    "bibtex": "Citing: every source as a BibTeX (biblatex) entry for LaTeX.",
    "iati": "Aid and development data: the projects as IATI 2.03 activities, "
    "with activity-status codes.",
}
"""What each format is for, as the `/export` page says it."""


@dataclass(frozen=True, slots=True)
class Download:
    path: Path
    media_type: str
    filename: str
    report: ExportReport
    folder: Path
    """The temporary folder holding `path`; `remove()` deletes it."""

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def filename(fmt: str, *, on: date | None, known_on: date | None) -> str:
    """`scotrack-<format>[-on-DAY][-known-on-DAY].<suffix>`."""
    parts = ["scotrack", fmt]
    if on is not None:
        parts.append(f"on-{on.isoformat()}")
    if known_on is not None:
        parts.append(f"known-on-{known_on.isoformat()}")
    return f"{'-'.join(parts)}.{MEDIA_TYPES[fmt][1]}"


def download(
    session: Session,
    fmt: str,
    *,
    on: date | None = None,
    known_on: date | None = None,
    workspace: Path | None = None,
) -> Download:
    """The export of `fmt` as one file in a new temporary folder (in `workspace`,
    else the system's temporary folder)."""
    check_format(fmt)
    folder = Path(tempfile.mkdtemp(prefix="scotrack-export-", dir=workspace))
    try:
        name = filename(fmt, on=on, known_on=known_on)
        written = folder / (name.removesuffix(".zip") if fmt in FOLDERS else name)
        report = export(session, fmt, written, on=on, known_on=known_on)
        path = _zipped(written, fmt, folder / name) if fmt in FOLDERS else written
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Download(path, MEDIA_TYPES[fmt][0], name, report, folder)


def _zipped(written: Path, fmt: str, path: Path) -> Path:
    # Parquet files are compressed already: stored, not deflated again
    method = zipfile.ZIP_STORED if fmt == "parquet" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for member in sorted(written.iterdir()):
            archive.write(member, member.name)
    shutil.rmtree(written)
    return path
