"""`scotrack extract`: documents in, one sco-extract/1 JSON file per document out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from scotrack.cli.options import DebugOption, FormatOption, OutputFormat
from scotrack.cli.output import progress, render, stderr
from scotrack.cli.sessions import exit_code, run_with_errors, settings_for
from scotrack.errors import DocumentError, ScotrackError
from scotrack.ingest.cluster import cluster_spec
from scotrack.ingest.document import ExtractOptions
from scotrack.ingest.output import (
    Extracted,
    ExtractWriter,
    extracted,
    writable_folder,
)
from scotrack.ingest.partitions import write_partitions
from scotrack.ingest.pipeline import extract_paths

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz, .parquet) or "
        "directories (searched recursively).",
        show_default=False,
        # unreadable files are reported one by one and the batch goes on (#4)
        readable=False,
    ),
]
OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        "-o",
        help="Directory for the <id>.json files (or the Parquet partitions).",
    ),
]


class FilesFormat(StrEnum):
    """What `extract` writes into --out."""

    json = "json"
    parquet = "parquet"


FilesFormatOption = Annotated[
    FilesFormat,
    typer.Option(
        "--out-format",
        help="json: one sco-extract/1 file per document; parquet: partitions "
        "OUT/documents/part-N.parquet and OUT/items/part-N.parquet, one row per "
        "document and per item, which scotrack ingest OUT loads (needs "
        "scotrack[parquet]).",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        max=64,
        help="Worker processes (default: SCOTRACK_WORKERS, else 1).",
        show_default=False,
    ),
]


ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run on a Dask cluster: local:N (N worker processes started for the "
        "run) or a scheduler address (tcp://host:8786); --workers is then unused. "
        "With --workers or --cluster, a WARC, JSON Lines or Parquet file of more "
        "than SCOTRACK_RANGE_RECORDS (1,000) records is several tasks.",
        show_default=False,
    ),
]


def extract_documents(
    paths: list[Path],
    out: Path,
    *,
    workers: int,
    options: ExtractOptions,
    cluster: str | None = None,
    files: FilesFormat = FilesFormat.json,
) -> dict[str, Any]:
    """Extract every document under `paths` into `out`; the summary of the run.
    Each file (or partition) is made where its documents were extracted (a
    worker, a cluster task), so only the bytes (or a line) travel back."""
    writable_folder(out)
    failures: list[dict[str, str]] = []
    warnings: list[dict[str, str]] = []
    written = 0
    started = time.perf_counter()
    writer = ExtractWriter(out, with_evidence=options.with_evidence)
    with progress("extracting", total=None) as bar, writer:
        task = bar.tasks[0].id
        results: Iterator[Any]
        if files is FilesFormat.parquet:
            results = write_partitions(
                paths, out, options, workers=workers, cluster=cluster
            )
        else:
            made = partial(extracted, with_evidence=options.with_evidence)
            results = extract_paths(
                paths, options, workers=workers, then=made, cluster=cluster
            )
        for result in results:
            if isinstance(result, Extracted):
                result = _written(writer, result)
            if isinstance(result, DocumentError):
                failures.append({"path": result.path, "reason": result.reason})
                stderr.print(
                    f"[red]failed:[/] {escape(result.path)}: {escape(result.reason)}",
                    highlight=False,
                )
            else:
                written += 1
                for warning in result.warnings:
                    warnings.append({"path": result.path, "warning": warning})
                    stderr.print(
                        f"[yellow]warning:[/] {escape(result.path)}: {escape(warning)}",
                        highlight=False,
                    )
            done = written + len(failures)
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=done, rate=f"{rate:.0f}", failures=len(failures))
    seconds = time.perf_counter() - started
    return {
        "documents": written + len(failures),
        "written": written,
        "failed": len(failures),
        "warned": len(warnings),
        "out": str(out),
        "seconds": round(seconds, 3),
        "failures": failures,
        "warnings": warnings,
    }


def _written(writer: ExtractWriter, doc: Extracted) -> Extracted | DocumentError:
    """`doc`, queued to be written (a warning added when its file name was
    taken), or the DocumentError saying why it could not be (#18)."""
    try:
        writer.write(doc)
    except ScotrackError:
        raise  # the output folder failed: the run stops
    except Exception as err:  # this document alone: the batch goes on
        return DocumentError(doc.path, f"not written ({type(err).__name__}: {err})")
    if writer.renamed is not None:
        doc.warnings.append(writer.renamed)
    return doc


def extract_cli(
    paths: PathsArgument,
    out: OutOption = Path("extracted"),
    workers: WorkersOption = None,
    cluster: ClusterOption = None,
    out_format: FilesFormatOption = FilesFormat.json,
    debug: DebugOption = False,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Extract SCO facts with evidence from documents into OUT/<id>.json.

    Reads .txt pages, .html pages, .jsonl files (one document a line, also
    gzipped), WARC files (their HTML pages) and Parquet files (one document a
    row), or directories of them. A document that can't be read is reported on stderr
    and the rest go on; the exit code is 1 if any failed.

    With --cluster the documents are extracted on a Dask cluster (local:N
    starts one of N processes for the run) and the files written here. With
    --workers or --cluster a large archive is cut into tasks of about
    SCOTRACK_RANGE_RECORDS (1,000) records, so a worker's memory does not grow
    with the largest file; the documents and their files are the same.

    With --out-format parquet, OUT holds Parquet partitions instead, one per
    chunk of files (or piece of a large one), each written by the worker or
    task that extracted it (on a cluster, OUT must be a folder every worker
    sees): documents/ has a row per document, items/ a row per extracted item
    with its evidence spans.
    DuckDB or Polars query them; `scotrack ingest OUT` stores them as it
    would the documents themselves.

    Example: scotrack extract articles/ --out extracted --workers 2
    """

    def action() -> dict[str, Any]:
        settings = settings_for(workers=workers)
        # the implementation statements are not part of sco-extract/1 (#11)
        options = settings.extract_options(with_implementations=False)
        return extract_documents(
            paths,
            out,
            workers=settings.workers,
            options=options,
            cluster=None if cluster is None else cluster_spec(cluster),
            files=out_format,
        )

    summary = run_with_errors(action, debug=debug)
    if format is OutputFormat.json:
        render([], format, payload=summary)
    else:
        row = {k: v for k, v in summary.items() if k not in ("failures", "warnings")}
        render([row], format, title=None)
    raise typer.Exit(exit_code(summary["failed"]))


CorporaArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Annotated corpora: folders holding docs/ (pages) and gold/ (<id>.json).",
        show_default=False,
    ),
]
ModelsOption = Annotated[
    Path,
    typer.Option(
        "--out",
        "-o",
        help="Directory for the model files (<kind>.json); the shipped models are "
        "src/scotrack/data/classifiers.",
    ),
]


def train_cli(
    corpora: CorporaArgument,
    out: ModelsOption,
    debug: DebugOption = False,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Rebuild the extractor's models from annotated corpora.

    Each model-backed stage (membership, commitments) proposes
    candidates on every annotated page; the gold labels them by the scorer's
    matching rules; a logistic regression is fitted, its threshold (and veto on
    rule hits) chosen by 5-fold cross-validation over pages. Training is
    deterministic: the same corpora give the same files. The shipped models
    are trained on the real dev split and the two synthetic sets, never on the
    test split.

    Example: scotrack train tests/data/real/dev tests/data/dev tests/data/heldout
    --out src/scotrack/data/classifiers
    """
    from scotrack.ingest.classifiers.corpus import page_count, train_models

    def action() -> list[dict[str, Any]]:
        rows = []
        with progress("reading pages", total=page_count(corpora)) as bar:
            task = bar.tasks[0].id
            models = train_models(corpora, out, on_page=lambda: bar.advance(task))
        for kind, model in models.items():
            figures = model.trained["cross_validated"]
            rows.append(
                {
                    "model": kind,
                    "pages": model.trained["pages"],
                    "candidates": model.trained["candidates"],
                    "threshold": model.threshold,
                    "cv_precision": figures["precision"],
                    "cv_recall": figures["recall"],
                    "cv_f1": figures["f1"],
                    "file": str(out / f"{kind}.json"),
                }
            )
        return rows

    rows = run_with_errors(action, debug=debug)
    render(rows, format, title="models")
