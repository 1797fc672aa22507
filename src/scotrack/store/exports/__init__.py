"""Whole-knowledge-base exports in standard formats, each recording what it is.

`export(session, "datapackage", out, on=..., known_on=...)` writes one format
and returns an `ExportReport`. Every format reads the same tables
(`tables.snapshot_tables`) and records the same `Snapshot` facts: the scotrack
version, the `on` and `known_on` days, the last change id the snapshot
includes and when it was made, so a cited snapshot can be rebuilt with
`scotrack export --known-on KNOWN_ON --on ON`.

Formats (`FORMATS`): `datapackage` and `parquet` (folders, `FOLDERS`), the
others one file each.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack import __version__
from scotrack.errors import InputError
from scotrack.store.exports.tables import RESOURCES, Row, snapshot_tables
from scotrack.store.history import loads
from scotrack.store.provenance import Change

FORMATS: dict[str, str] = {
    "datapackage": "a Frictionless Data Package: a folder of CSV files and "
    "datapackage.json",
    "graphml": "a GraphML file: states, bodies, meetings, agreements and "
    "initiatives, with dated edges",
    "gexf": "a GEXF 1.2 file (Gephi): the same network, edges with start and end",
    "csl": "a CSL-JSON file: every source as a citation (Zotero, Pandoc)",
    "bibtex": "a BibTeX (biblatex) file: every source as a citation",
    "sqlite": "a SQLite file: the tables and views named for people "
    "(open with datasette)",
    "parquet": "a folder of typed Parquet files, one per table, and snapshot.json "
    "(pandas, Polars, DuckDB)",
    "iati": "an IATI 2.03 activity XML file: one iati-activity per project",
}
"""Each format and what `--out` receives; the one list the command and docs use."""

WRITERS: dict[str, tuple[str, str]] = {
    "datapackage": ("datapackage", "write_datapackage"),
    "graphml": ("network", "write_graphml"),
    "gexf": ("network", "write_gexf"),
    "csl": ("citations", "write_csl"),
    "bibtex": ("citations", "write_bibtex"),
    "sqlite": ("sqlite", "write_sqlite"),
    "parquet": ("parquet", "write_parquet"),
    "iati": ("iati", "write_iati"),
}
"""Each format's writer (module, function), imported when used: networkx only
for the networks, pyarrow only for Parquet."""

FOLDERS = frozenset({"datapackage", "parquet"})
"""The formats written as a folder of files; the others are one file."""

Step = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What an export is of: enough to rebuild it."""

    scotrack_version: str
    on: date | None
    known_on: date | None
    last_change_id: int | None
    created_at: str
    tables: dict[str, list[Row]]

    def metadata(self) -> dict[str, Any]:
        return {
            "scotrack_version": self.scotrack_version,
            "on": None if self.on is None else self.on.isoformat(),
            "known_on": None if self.known_on is None else self.known_on.isoformat(),
            "last_change_id": self.last_change_id,
            "created_at": self.created_at,
        }


@dataclass(frozen=True, slots=True)
class ExportReport:
    format: str
    out: Path
    files: tuple[str, ...]
    """Paths written, relative to `out` for a folder, else `out`'s own name."""
    rows: dict[str, int]
    snapshot: Snapshot


def steps() -> int:
    """How many steps `export` reports through `step`: one per table, one to write."""
    return len(RESOURCES) + 1


@contextmanager
def snapshot(
    session: Session,
    *,
    on: date | None = None,
    known_on: date | None = None,
    step: Step | None = None,
) -> Iterator[Snapshot]:
    """The knowledge base's tables now, or as known at the end of `known_on`;
    true on `on` when given (see `tables`)."""
    from scotrack.store.read.listings import last_change_id
    from scotrack.store.read.replay import known_on as replayed

    if known_on == date.max:  # its next day, the cutoff, does not exist
        raise InputError(
            "--known-on: 9999-12-31 is the last day there is; give an earlier day"
        )
    cutoff = None if known_on is None else (known_on + timedelta(days=1)).isoformat()
    newest = last_change_id(session, known_on)
    view = nullcontext(session) if known_on is None else replayed(session, known_on)
    with view as facts:
        tables = snapshot_tables(
            facts,
            session,
            on=on,
            ingested_before=cutoff,
            claim_states=None if cutoff is None else _claim_states(session, cutoff),
            step=step,
        )
        yield Snapshot(
            __version__,
            on,
            known_on,
            newest,
            datetime.now(UTC).isoformat(timespec="seconds"),
            tables,
        )


def _claim_states(session: Session, cutoff: str) -> dict[str, dict[str, Any]]:
    """Claim id -> its state at `cutoff`: after its last logged change before
    then, else before its first change after (a decision sets more than the
    status: the entity it links to too (#17)); absent: never decided."""
    query = (
        select(Change.entity_id, Change.at, Change.before, Change.after)
        .where(Change.entity_kind == "claim")
        .order_by(Change.id)
    )
    found: dict[str, dict[str, Any]] = {}
    for claim_id, at, before, after in session.execute(query):
        if str(at) < cutoff:
            state = loads(after)
        elif claim_id not in found:
            state = loads(before)
        else:
            continue
        if state is not None:
            found[claim_id] = state
    return found


def unavailable(fmt: str) -> str | None:
    """Why `fmt` cannot be written here (an optional dependency missing), or None."""
    if fmt == "parquet":
        from scotrack.store.exports.parquet import missing

        return missing()
    return None


def check_format(fmt: str) -> None:
    """InputError unless `fmt` is a format this installation can write."""
    if fmt not in FORMATS:
        raise InputError(
            f"--format: unknown export format {fmt!r}; one of: {', '.join(FORMATS)}"
        )
    reason = unavailable(fmt)
    if reason is not None:
        raise InputError(reason)


def check_out(out: Path, fmt: str) -> None:
    """InputError unless `fmt` can be written and `out` is free: absent, or an
    empty folder for a folder format."""
    check_format(fmt)
    if not out.exists():
        return
    if out.is_dir() and fmt in FOLDERS and not any(out.iterdir()):
        return
    kind = "folder" if out.is_dir() else "file"
    raise InputError(
        f"--out: {out} is an existing {kind}{' that is not empty' * out.is_dir()}; "
        "give a new path"
    )


def export(
    session: Session,
    fmt: str,
    out: Path,
    *,
    on: date | None = None,
    known_on: date | None = None,
    step: Step | None = None,
) -> ExportReport:
    """Write the knowledge base as `fmt` to `out` (which must be free).

    The export is written beside `out` under a temporary name and renamed into
    place when whole, so a failed or interrupted export leaves no half a file.
    """
    check_out(out, fmt)
    module, name = WRITERS[fmt]
    write: Callable[[Snapshot, Path], tuple[str, ...]] = getattr(
        import_module(f"scotrack.store.exports.{module}"), name
    )
    with snapshot(session, on=on, known_on=known_on, step=step) as taken:
        files = _write_whole(write, taken, out)
    if step is not None:
        step("write")
    rows = {name: len(found) for name, found in taken.tables.items()}
    return ExportReport(fmt, out, files, rows, taken)


def _write_whole(
    write: Callable[[Snapshot, Path], tuple[str, ...]], taken: Snapshot, out: Path
) -> tuple[str, ...]:
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        files = write(taken, partial)
        if out.is_dir():  # an empty folder, as check_out allowed
            out.rmdir()
        partial.replace(out)
    except OSError as err:
        raise InputError(f"--out: cannot write {out}: {err.strerror or err}") from err
    finally:
        if partial.is_dir():
            shutil.rmtree(partial)
        elif partial.exists():
            partial.unlink()
    return (out.name,) if files == (partial.name,) else files
