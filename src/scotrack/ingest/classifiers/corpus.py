"""Training the shipped models from an annotated corpus: `train_models`.

A corpus is a folder with `docs/` (pages: .txt, .html) and `gold/` (their
`sco-extract/1` annotations, `<id>.json` for `docs/<id>.*`); several corpora may
be given. Each page goes through the pipeline up to the fact stages; each
model-backed stage proposes its candidates (`CANDIDATES`), which are labelled by
the gold (`labels.target`) and fitted (`training`). The threshold comes from
cross-validation by page, and the figures it gives are recorded in the model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

import orjson

from scotrack.errors import DocumentError, InputError
from scotrack.ingest.classifiers import labels, training
from scotrack.ingest.classifiers.candidates import Candidate, aggregated
from scotrack.ingest.classifiers.linear import MODELS, LinearModel
from scotrack.ingest.document import CleanDocument, ExtractOptions, Stage
from scotrack.ingest.facts import commitments, membership
from scotrack.ingest.pipeline import STAGES, start_document
from scotrack.ingest.read.files import read_file

CANDIDATES: dict[str, Callable[[CleanDocument], list[Candidate]]] = {
    "membership": membership.candidates,
    "commitments": commitments.candidates,
}
"""The candidate generator behind each model."""
SEED = 7


class FitOptions(TypedDict, total=False):
    """`training.fitted` options a model departs from the defaults with."""

    rate: float
    min_documents: int


OPTIONS: dict[str, FitOptions] = {
    "commitments": {"rate": 0.15, "min_documents": 3},
}
"""Per model, how it is fitted where the defaults overfit. The commitments
model has some 2,000 candidates and a thousand features, most of them words
seen on a handful of pages (the word before a trigger, the two after it): at the
default step the weights of words seen on two pages grew as large as those of
the trigger groups and the actor sources, and the pages the model had not seen
(5-fold cross-validation by real dev page, `bench/crossval.py`) lost what the
pages it had seen gained. A smaller step and words seen on three pages at least
keep the weights of single words small (#11)."""


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    doc: CleanDocument
    gold: dict[str, Any]


def pages(corpora: Sequence[Path]) -> Iterator[Page]:
    """Every annotated page of the corpora, extracted up to the model stages."""
    for corpus in corpora:
        docs, gold = corpus / "docs", corpus / "gold"
        if not docs.is_dir() or not gold.is_dir():
            raise InputError(f"{corpus}: a corpus needs docs/ and gold/ folders")
        for path in sorted(docs.iterdir()):
            answer = gold / f"{path.stem}.json"
            if not answer.is_file():
                continue
            for raw in read_file(path, ExtractOptions()):
                if isinstance(raw, DocumentError):
                    raise InputError(f"{raw.path}: {raw.reason}")
                doc = _prepared(start_document(raw), STAGES)
                page_id = f"{_relative(corpus)}/{path.stem}"  # unique across corpora
                yield Page(page_id, doc, orjson.loads(answer.read_bytes()))


def _prepared(doc: CleanDocument, stages: Sequence[Stage]) -> CleanDocument:
    """The document after every stage that no model-backed stage follows from."""
    skipped = {f"facts.{name}" for name in MODELS}
    for stage in stages:
        if set(stage.provides) & skipped or set(stage.requires) & skipped:
            continue
        doc = stage.run(doc)
    return doc


def examples(kind: str, corpus: Sequence[Page]) -> tuple[list[training.Example], int]:
    """The labelled candidates of every page, and the number of gold items."""
    found: list[training.Example] = []
    gold_items = 0
    for page in corpus:
        golds = [g for g in page.gold.get(kind) or [] if isinstance(g, dict)]
        gold_items += len(golds)
        for candidate in aggregated(CANDIDATES[kind](page.doc)):
            target = labels.target(kind, golds, candidate.item)
            found.append(
                training.Example(page.id, candidate.features, candidate.key, target)
            )
    return found, gold_items


def _relative(corpus: Path) -> str:
    """The corpus as the training command named it: relative to the working
    directory when it lies below it, so the model records a repository path."""
    try:
        return corpus.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return corpus.as_posix()


def digest(corpora: Sequence[Path]) -> str:
    """SHA-256 over the corpora's file names and bytes, in order."""
    sha = hashlib.sha256()
    for corpus in corpora:
        for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
            sha.update(path.relative_to(corpus).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def page_count(corpora: Sequence[Path]) -> int:
    """How many annotated pages the corpora hold (for a progress bar)."""
    return sum(
        1
        for corpus in corpora
        if (corpus / "docs").is_dir()
        for path in (corpus / "docs").iterdir()
        if (corpus / "gold" / f"{path.stem}.json").is_file()
    )


def train_models(
    corpora: Sequence[Path],
    out: Path,
    *,
    kinds: Sequence[str] = tuple(CANDIDATES),
    on_page: Callable[[], object] | None = None,
) -> dict[str, LinearModel]:
    """Fit each model on the corpora and write `out/<kind>.json`; the models.
    `on_page` is called after each page is read (for a progress bar)."""
    corpus = []
    for page in pages(corpora):
        corpus.append(page)
        if on_page is not None:
            on_page()
    names = sorted(p.id for p in corpus)
    models: dict[str, LinearModel] = {}
    for kind in kinds:
        found, gold_items = examples(kind, corpus)
        options = OPTIONS.get(kind, FitOptions())
        scored = training.out_of_fold(found, seed=SEED, **options)
        chosen = training.best_threshold(scored, gold_items)
        fit = training.fitted(found, seed=SEED, **options)
        trained = {
            "corpus_sha256": digest(corpora),
            "corpora": [_relative(c) for c in corpora],
            "pages": len(names),
            "candidates": len(found),
            "positives": sum(e.target is not None for e in found),
            "gold_items": gold_items,
            "cross_validated": {
                "folds": 5,
                "precision": round(chosen.precision, 4),
                "recall": round(chosen.recall, 4),
                "f1": round(chosen.f1, 4),
            },
        }
        model = training.model_of(
            kind, fit, chosen.threshold, trained, veto=chosen.veto
        )
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{kind}.json").write_text(model.to_json(), encoding="utf-8")
        models[kind] = model
    return models
