"""Parquet: one typed file per table, and `snapshot.json` describing them.

For pandas, Polars, DuckDB, R's arrow: integers are 64-bit integers, timestamps
(`*_at`) UTC timestamps, every other column text, each nullable only where the
knowledge base allows a null. A partial date keeps its text as recorded (`2017`,
`2017-06`, `2017-06-09`) and gains two columns beside it: `<name>_precision`
(`year`, `month` or `day`) and `<name>_first_day` (a date: the first day it may
be), so it can be filtered and sorted as a date without pretending to a day it
does not know.

Each file carries the snapshot's metadata and its table's description in its
key-value metadata (key `scotrack`, JSON); `snapshot.json` holds the same for
the whole folder, with every table's columns.

pyarrow is an optional dependency (`pip install 'scotrack[parquet]'`): it is
larger than the rest of scotrack's dependencies together and only this format
needs it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError
from scotrack.store.exports.tables import RESOURCES, Field, Resource, Row

if TYPE_CHECKING:
    import pyarrow as pa

    from scotrack.store.exports import Snapshot

MISSING = (
    "--format parquet needs pyarrow, which is not installed: "
    "pip install 'scotrack[parquet]'"
)
"""The one line a missing pyarrow gives."""


def missing() -> str | None:
    """Why this format cannot be written here (pyarrow absent), or None."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return MISSING
    return None


def write_parquet(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write one `<table>.parquet` per table and `snapshot.json` in `out`."""
    reason = missing()
    if reason is not None:
        raise InputError(reason)
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    files = []
    for item in RESOURCES:
        table = arrow_table(item, taken.tables[item.name], taken.metadata())
        path = out / f"{item.name}.parquet"
        pq.write_table(table, path, compression="zstd")
        files.append(path.name)
    description = {
        **taken.metadata(),
        "tables": {item.name: _described(item) for item in RESOURCES},
    }
    (out / "snapshot.json").write_text(
        json.dumps(description, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return (*files, "snapshot.json")


def columns(item: Resource) -> list[tuple[str, str, bool]]:
    """(name, type, nullable) of each column of `item`'s Parquet file."""
    found = []
    for field in item.fields:
        found.append((field.name, _kind(field), field.nullable))
        if field.partial_date:
            found.append((f"{field.name}_precision", "string", field.nullable))
            found.append((f"{field.name}_first_day", "date", field.nullable))
    return found


def _kind(field: Field) -> str:
    if field.name.endswith("_at"):
        return "timestamp"
    return {"integer": "int64", "number": "double"}.get(field.kind, "string")


def arrow_table(item: Resource, rows: list[Row], meta: dict[str, Any]) -> pa.Table:
    """`rows` of `item` as a typed Arrow table carrying the snapshot's metadata."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
    }
    schema = pa.schema(
        [pa.field(n, types[k], nullable=null) for n, k, null in columns(item)],
        metadata={"scotrack": json.dumps({**meta, "table": _described(item)})},
    )
    values: dict[str, list[Any]] = {name: [] for name in schema.names}
    for row in rows:
        for field in item.fields:
            value = row[field.name]
            if field.name.endswith("_at") and value is not None:
                value = _timestamp(item, field, value)
            values[field.name].append(value)
            if field.partial_date:
                day = _partial(value)
                values[f"{field.name}_precision"].append(day and day.precision)
                values[f"{field.name}_first_day"].append(day and day.first_day())
    return pa.Table.from_pydict(values, schema=schema)


def _partial(value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except (ValueError, InputError):
        return None


def _timestamp(item: Resource, field: Field, value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as err:
        raise InputError(
            f"{item.name}.{field.name}: {value!r} is not an ISO timestamp"
        ) from err


def first_day(value: str | None) -> date | None:
    """The `<name>_first_day` of a partial date's text (for readers and tests)."""
    day = _partial(value)
    return None if day is None else day.first_day()


def _described(item: Resource) -> dict[str, Any]:
    return {
        "file": f"{item.name}.parquet",
        "description": item.description,
        "primary_key": list(item.primary_key),
        "columns": [
            {"name": name, "type": kind, "nullable": nullable}
            for name, kind, nullable in columns(item)
        ],
    }
