"""A Frictionless Data Package: one CSV per table and `datapackage.json`.

The descriptor follows the Data Package v1 specification
(https://specs.frictionlessdata.io/): a tabular resource per table, each with its
Table Schema (field types, partial dates as text with a pattern, primary and
foreign keys), the licence, and under `scotrack` the snapshot's metadata.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scotrack.store.exports.tables import RESOURCES, Resource

if TYPE_CHECKING:
    from scotrack.store.exports import Snapshot

PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
"""A partial date as ISO text: a year, a month or a day."""

LICENSE = {
    "name": "ODC-BY-1.0",
    "path": "https://opendatacommons.org/licenses/by/1-0/",
    "title": "Open Data Commons Attribution License v1.0",
}
"""The data's licence; quoted evidence stays its publishers' (see docs/exports.md)."""


def write_datapackage(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the snapshot's tables as CSV files and `datapackage.json` in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for item in RESOURCES:
        path = out / f"{item.name}.csv"
        _write_csv(path, item, taken.tables[item.name])
        files.append(path.name)
    descriptor = {
        "profile": "tabular-data-package",
        "name": "scotrack-snapshot",
        "title": "scotrack: a time-aware knowledge base of the Shanghai Cooperation "
        "Organization",
        "created": taken.created_at,
        "licenses": [LICENSE],
        "scotrack": taken.metadata(),
        "resources": [_resource(item) for item in RESOURCES],
    }
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return (*files, "datapackage.json")


def _write_csv(path: Path, item: Resource, rows: list[dict[str, Any]]) -> None:
    names = [field.name for field in item.fields]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if row[n] is None else row[n] for n in names])


def _resource(item: Resource) -> dict[str, Any]:
    fields = []
    for field in item.fields:
        described: dict[str, Any] = {"name": field.name, "type": field.kind}
        constraints: dict[str, Any] = {}
        if not field.nullable:
            constraints["required"] = True
        if field.partial_date:
            described["description"] = "A partial date: YYYY, YYYY-MM or YYYY-MM-DD."
            constraints["pattern"] = PARTIAL_DATE
        if constraints:
            described["constraints"] = constraints
        fields.append(described)
    schema: dict[str, Any] = {
        "fields": fields,
        "primaryKey": list(item.primary_key),
        "missingValues": [""],
    }
    if item.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": "" if key.resource == item.name else key.resource,
                    "fields": list(key.fields),
                },
            }
            for key in item.foreign_keys
        ]
    return {
        "name": item.name,
        "path": f"{item.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": item.description,
        "schema": schema,
    }
