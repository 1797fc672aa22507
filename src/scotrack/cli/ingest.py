"""`scotrack ingest`: documents in, stored with their claims, ready for review."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from scotrack.cli.options import DbOption, DebugOption, FormatOption, OutputFormat
from scotrack.cli.output import progress, render, stderr
from scotrack.cli.pipeline import ClusterOption, PathsArgument, WorkersOption
from scotrack.cli.sessions import exit_code, kb_engine, run_with_errors, settings_for
from scotrack.ingest.cluster import cluster_spec

if TYPE_CHECKING:
    from scotrack.store.write.ingestion import IngestReport


def ingest_documents(
    paths: list[Path],
    *,
    db: str | None,
    workers: int | None,
    cluster: str | None = None,
) -> dict[str, Any]:
    """Extract and store every document under `paths`; the summary of the run."""
    settings = settings_for(db, workers=workers)
    cluster = None if cluster is None else cluster_spec(cluster)
    options = settings.extract_options()
    started = time.perf_counter()
    with kb_engine(db) as engine, progress("ingesting", total=None) as bar:
        task = bar.tasks[0].id
        done = failed = 0

        def on_result(result: object, error: str | None) -> None:
            nonlocal done, failed
            done += 1
            if error is not None:
                failed += 1
                stderr.print(f"[red]failed:[/] {escape(error)}", highlight=False)
            doc = getattr(result, "document", None)
            for warning in getattr(doc, "warnings", None) or []:
                where = escape(getattr(doc, "path", ""))
                stderr.print(
                    f"[yellow]warning:[/] {where}: {escape(warning)}", highlight=False
                )
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=done, rate=f"{rate:.0f}", failures=failed)

        from scotrack.store.engine import session_factory
        from scotrack.store.write.ingestion import ingest_paths

        postgres = engine.dialect.name == "postgresql"
        report = ingest_paths(
            session_factory(engine, write=True),
            paths,
            options,
            workers=settings.workers,
            on_result=on_result,
            cluster=cluster,
            batch=settings.ingest_batch if postgres else 1,
        )
    return _summary(report, time.perf_counter() - started)


def _summary(report: IngestReport, seconds: float) -> dict[str, Any]:
    return {
        "documents": report.documents + len(report.failures),
        "new": report.new,
        "new_versions": report.versions,
        "unchanged": report.unchanged,
        "failed": len(report.failures),
        "warned": len(report.warnings),
        "claims": report.claims,
        "linked": report.proposals.get("link", 0),
        "ambiguous": report.proposals.get("ambiguous", 0),
        "new_entities": report.proposals.get("new", 0),
        "seconds": round(seconds, 3),
        "failures": report.failures,
        "warnings": report.warnings,
    }


def ingest_cli(
    paths: PathsArgument,
    workers: WorkersOption = None,
    cluster: ClusterOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Store documents and their extracted claims in the knowledge base.

    Each document is stored once (its id is the hash of its content) with every
    claim linked to its evidence and to the entity it most likely speaks of; new
    content at a known URL becomes a new version. On SQLite each document has
    its own transaction; on PostgreSQL documents are loaded with COPY,
    SCOTRACK_INGEST_BATCH (200) a transaction. PATHS may also be the folder of
    Parquet partitions `scotrack extract --out-format parquet` wrote.
    Claims wait for `scotrack review`. With --workers N (2 or more), N-1
    processes extract and resolve while this one stores; with --cluster, the
    workers of a Dask cluster do (local:N starts one for the run). A document
    that fails is reported and the rest go on; the exit code is 1 if any failed.

    Example: scotrack ingest articles/ --workers 2
    """
    summary = run_with_errors(
        lambda: ingest_documents(paths, db=db, workers=workers, cluster=cluster),
        debug=debug,
    )
    if format is OutputFormat.json:
        render([], format, payload=summary)
    else:
        row = {k: v for k, v in summary.items() if k not in ("failures", "warnings")}
        render([row], format)
    raise typer.Exit(exit_code(summary["failed"]))
