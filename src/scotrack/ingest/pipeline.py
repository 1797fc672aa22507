"""The extraction pipeline: `STAGES` in order, `extract()` and `extract_paths()`.

Stages, in order (each reads what an earlier one provides; see `Stage`):

1. `clean`: always. Plain text: page furniture out, headline first. HTML:
   trafilatura's main text and title, htmldate's date, the site name.
   `language`: always. A page that is not English gets a warning, and no stage
   after `metadata` runs: its result is empty, never a guess.
2. `metadata`: always. Title, published, source and dateline (fills what HTML
   markup or a JSON Lines record did not give).
3. `sentences`: always. Sentence spans; lines are boundaries.
4. `mentions`: always. States, cities, bodies, initiatives, regions, offices and
   people from the gazetteer (built once per process) and name patterns.
5. `entities`: always. `facts.states` and `facts.people`.
6. `meetings`, `agreements`, `commitments`, `projects`, `membership`, `areas`:
   the fact stages; each engages when its cue words occur in a sentence and
   adds nothing otherwise.
7. `implementations`: unless `ExtractOptions.with_implementations` is off
   (`scotrack extract` turns it off). Sentences reporting how far a pledge went
   ("construction began", "was ratified", "has yet to"); not part of
   sco-extract/1, they go to the store beside the claims (#13).

`extract_paths` reads, extracts and yields one result per document in input
order, a `CleanDocument` or the `DocumentError` that stopped it; the output is
the same whatever the number of worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from scotrack.errors import DocumentError, ScotrackError
from scotrack.ingest import budget
from scotrack.ingest.document import (
    CleanDocument,
    ExtractOptions,
    Metadata,
    RawDocument,
    Stage,
)
from scotrack.ingest.entities import mentions, named
from scotrack.ingest.facts import (
    agreements,
    areas,
    commitments,
    implementations,
    meetings,
    membership,
    projects,
)
from scotrack.ingest.read import clean, language, metadata, partitions, sentences
from scotrack.ingest.read.archives import archive_kind
from scotrack.ingest.read.files import (
    check_limits,
    document_files,
    holds_many,
    is_page,
    read_file,
    read_piece,
)
from scotrack.ingest.read.language import ENGLISH
from scotrack.ingest.read.ranges import Piece, Unit, plan, unit_path
from scotrack.ingest.workers import ChunkPool, PartRun, run_named_chunk

STAGES: tuple[Stage, ...] = (
    clean.STAGE,
    language.STAGE,
    metadata.STAGE,
    sentences.STAGE,
    mentions.STAGE,
    named.STAGE,
    meetings.STAGE,
    agreements.STAGE,
    commitments.STAGE,
    projects.STAGE,
    membership.STAGE,
    areas.STAGE,
    implementations.STAGE,
)
"""The stages in the order they run; the single source of truth for the order."""

Result = CleanDocument | DocumentError


def start_document(raw: RawDocument) -> CleanDocument:
    """The CleanDocument the first stage receives (text still empty): whether it
    is a web page decided (`is_page`), what the record gave in `given`."""
    given = Metadata(title=raw.title, published=raw.published, source=raw.source)
    return CleanDocument(
        id=raw.id,
        path=raw.path,
        raw_text=raw.html if raw.html is not None else raw.text or "",
        text="",
        url=raw.url,
        metadata=Metadata(title=raw.title, published=raw.published, source=raw.source),
        html=is_page(raw),
        given=given,
    )


def extract(raw: RawDocument, options: ExtractOptions | None = None) -> CleanDocument:
    """Run every stage on one document; DocumentError if one refuses it, or if
    the stages take more than `options.max_seconds` (see `budget`)."""
    options = options or ExtractOptions()
    check_limits(raw, options)
    doc = start_document(raw)
    with budget.within(raw.path, options.max_seconds):
        for stage in STAGES:
            budget.check()
            if doc.language not in (None, ENGLISH) and stage.name not in _ANY_LANGUAGE:
                continue
            if stage is implementations.STAGE and not options.with_implementations:
                continue
            if not _isolated(stage):
                doc = stage.run(doc)
                continue
            try:
                doc = stage.run(doc)
            except DocumentError:
                raise
            except Exception as err:  # a bug in one fact stage costs only its facts
                for name in stage.provides:
                    doc.facts[name.removeprefix("facts.")] = []
                doc.warnings.append(
                    f"the {stage.name} stage failed ({type(err).__name__}: {err}); "
                    "its facts are missing from this document"
                )
    return doc


def _isolated(stage: Stage) -> bool:
    """Whether a failure of `stage` is kept to its own facts: the fact stages,
    whose output no later stage needs to make sense of the page."""
    return _isolated_provides(stage.provides)


@cache
def _isolated_provides(provides: tuple[str, ...]) -> bool:
    """`_isolated` for a stage that provides `provides` (asked once per stage
    and page: remembered)."""
    return all(name.startswith("facts.") for name in provides) and not any(
        name in ("facts.states", "facts.people") for name in provides
    )


_ANY_LANGUAGE = frozenset(["clean", "language", "metadata"])
"""The stages that run on a page in any language (the others need English)."""


def extract_file(
    path: Unit,
    options: ExtractOptions,
    then: Callable[[CleanDocument], Any] | None = None,
) -> list[Any]:
    """Every document of one file, extracted, or the error that stopped each.

    The batch boundary: an unexpected failure inside a stage becomes a
    DocumentError naming the exception, so one bad page never stops a batch.
    `then`, if given, is applied to each extracted document where it was
    extracted (in the worker), and its failures are reported the same way.
    """
    return list(file_results(path, options, then))


def file_results(
    path: Unit,
    options: ExtractOptions,
    then: Callable[[CleanDocument], Any] | None = None,
) -> Iterator[Any]:
    """`extract_file`'s results one at a time, so a file of many documents (JSON
    Lines, WARC, Parquet) is never held whole (#16); of a piece of one, given
    a `Piece`."""
    for doc in _extracted(path, options):
        if isinstance(doc, DocumentError) or then is None:
            yield doc
            continue
        try:
            result = then(doc)
        except ScotrackError as err:
            yield DocumentError(doc.path, f"not stored ({err})")
        except Exception as err:
            reason = f"not stored ({type(err).__name__}: {err})"
            yield DocumentError(doc.path, reason)
        else:
            yield result


def _extracted(path: Unit, options: ExtractOptions) -> Iterator[Result]:
    """Each document of one file, extracted; a partition that `extract` wrote
    gives its documents as they were extracted (an items partition, none)."""
    table = (
        partitions.partition_table(path)
        if isinstance(path, Path) and archive_kind(path) == "parquet"
        else None
    )
    if table is not None and isinstance(path, Path):
        if table == partitions.DOCUMENTS:
            yield from partitions.partition_documents(path)
        return
    for raw in _read(path, options):
        if isinstance(raw, DocumentError):
            yield raw
            continue
        try:
            yield extract(raw, options)
        except DocumentError as err:
            yield err
        except Exception as err:
            reason = f"extraction failed ({type(err).__name__}: {err})"
            yield DocumentError(raw.path, reason)


def _read(path: Unit, options: ExtractOptions) -> Iterator[RawDocument | DocumentError]:
    """The documents of one file (or piece); an unexpected failure reading it is
    the file's DocumentError, after the documents read before it (#18)."""
    try:
        if isinstance(path, Piece):
            yield from read_piece(path, options)
        else:
            yield from read_file(path, options)
    except Exception as err:
        name = str(unit_path(path))
        yield DocumentError(name, f"unreadable ({type(err).__name__}: {err})")


def extract_paths(
    paths: Iterable[str | Path],
    options: ExtractOptions | None = None,
    *,
    workers: int = 1,
    then: Callable[[CleanDocument], Any] | None = None,
    separate: bool = False,
    cluster: str | None = None,
) -> Iterator[Any]:
    """One result per document under `paths`, in input order (see module docs).

    With `workers` > 1, or `separate`, the files are shared out, in chunks, to
    that many spawned processes (`workers.ChunkPool`); results come back in input
    order, at most `AHEAD` chunks per worker wait for the caller, so a slow
    consumer never holds the whole corpus in memory, and a worker that dies
    costs only the file it was extracting. `then` (picklable) turns each extracted
    document into what the caller needs, in the worker: a `CleanDocument` result
    becomes `then(doc)`; errors stay DocumentErrors. With `cluster` (`local:N`
    or a Dask scheduler's address), the chunks are tasks on that Dask cluster
    instead (`cluster.py`), `workers` unused.
    """
    options = options or ExtractOptions()
    items = list(document_files(paths))
    files = [item for item in items if isinstance(item, Path)]
    run = partial(extract_file, options=options, then=then)
    alone = len(files) == 0 or (len(files) == 1 and not holds_many(files[0]))
    if cluster is None and ((workers <= 1 and not separate) or alone):
        streams = (file_results(path, options, then) for path in files)
        yield from in_order(items, streams)
        return
    run_part = partial(run_named_chunk, run=run)
    yield from in_order(
        items,
        pooled(files, run_part, workers=workers, cluster=cluster, options=options),
    )


def pooled(
    files: list[Path],
    run_part: PartRun,
    *,
    workers: int,
    cluster: str | None,
    options: ExtractOptions,
) -> Iterator[Iterable[Any]]:
    """Each file's results, in order, from chunks of `files` that `run_part`
    runs on `workers` spawned processes or, given `cluster`, on Dask; a file of
    more than `options.range_records` records is cut into pieces, each a task
    (`ranges.plan`)."""
    cut = partial(plan, options=options)
    if cluster is None:
        pool = ChunkPool(files, None, workers, run_part=run_part, plan=cut)
        yield from pool.results()
        return
    # imported here: only a cluster run needs Dask (a slow import)
    from scotrack.ingest.cluster import (
        DaskPool,
        dask_client,
        killed_worker,
        worker_threads,
    )

    with dask_client(cluster) as client:
        dask = DaskPool(client)
        pool = ChunkPool(
            files,
            None,
            worker_threads(client),
            new_pool=lambda: dask,
            broken=(killed_worker(),),
            restarts=False,
            run_part=run_part,
            plan=cut,
        )
        yield from pool.results()


def in_order(
    items: list[Path | DocumentError], batches: Iterator[Iterable[Any]]
) -> Iterator[Any]:
    """The results of each of `items` in turn: a DocumentError as it is, a
    file's results from the next of `batches`. `batches` is then run to its end,
    so that a pool behind it shuts down and waits for its workers (a pool left at
    its last batch would stop only when collected, its workers unwaited)."""
    for item in items:
        if isinstance(item, DocumentError):
            yield item
        else:
            yield from next(batches)
    for _ in batches:
        raise AssertionError("more batches than files")
