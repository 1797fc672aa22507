"""Cross-validated extraction quality on the real dev pages, by page.

The real dev pages (`tests/data/real/dev`) are split into folds by page (sorted
ids, page i in fold i mod FOLDS). For each fold, the models are retrained with
`scotrack train` on the other folds plus the synthetic training sets
(`tests/data/dev`, `tests/data/heldout`), into a copy of the source tree (the
stages load their models from the package's data folder), and that copy
extracts the held fold. The outputs of every fold are pooled and scored with
the shared scorer against the dev gold: a figure for pages the models never
trained on, without touching the real test split.

Usage: python bench/crossval.py [--src SRC] [--folds 5] [--work DIR] [--json]
                                [--batches 5,6]

`--src` is the source tree to measure (default: this checkout's `src`), so a
variant can be compared with its baseline by pointing at another tree.
`--batches` also scores the pages of those collection batches alone (the
manifest's `batch`): batches 5 and 6 came after the membership rules were
written, so their figure is the estimate for fresh pages. Runs
`python -m scotrack` with this interpreter; takes a few minutes per fold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL_DEV = ROOT / "tests" / "data" / "real" / "dev"
SYNTHETIC = [ROOT / "tests" / "data" / "dev", ROOT / "tests" / "data" / "heldout"]
SCORER = ROOT.parent / "shared" / "extraction" / "score.py"
MANIFEST = ROOT / "tests" / "data" / "real" / "manifest.jsonl"
TYPES = ("membership", "commitments", "agreements")


def folds_of(pages: list[str], folds: int) -> list[list[str]]:
    """The page ids in `folds` folds: sorted, page i in fold i mod folds."""
    ordered = sorted(pages)
    return [ordered[i::folds] for i in range(folds)]


def linked_corpus(folder: Path, pages: list[str], docs: dict[str, Path]) -> Path:
    """A corpus folder (docs/, gold/) of symbolic links to the given pages."""
    (folder / "docs").mkdir(parents=True)
    (folder / "gold").mkdir()
    for page in pages:
        doc = docs[page]
        (folder / "docs" / doc.name).symlink_to(doc)
        (folder / "gold" / f"{page}.json").symlink_to(
            REAL_DEV / "gold" / f"{page}.json"
        )
    return folder


def run(args: list[str], src: Path) -> None:
    """`python -m scotrack ARGS` against the source tree `src`; stops on failure."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-m", "scotrack", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):  # 1: a page reported, the rest written
        sys.exit(f"scotrack {args[0]} failed:\n{done.stderr[-2000:]}")


def score(gold: Path, out: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def batch_gold(work: Path, batches: set[int]) -> Path:
    """A gold folder of links to the dev pages of the given collection batches."""
    folder = work / "gold-batches"
    folder.mkdir()
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        gold = REAL_DEV / "gold" / f"{page['id']}.json"
        if page.get("batch") in batches and gold.is_file():
            (folder / gold.name).symlink_to(gold)
    return folder


def crossval(src: Path, folds: int, work: Path) -> dict[str, object]:
    docs = {path.stem: path for path in sorted((REAL_DEV / "docs").iterdir())}
    pages = [p for p in docs if (REAL_DEV / "gold" / f"{p}.json").is_file()]
    pooled = work / "out"
    pooled.mkdir(parents=True)
    for number, held in enumerate(folds_of(pages, folds)):
        fold = work / f"fold{number}"
        tree = fold / "src"
        shutil.copytree(src, tree, ignore=shutil.ignore_patterns("__pycache__"))
        held_set = set(held)
        train = linked_corpus(
            fold / "train", [p for p in pages if p not in held_set], docs
        )
        models = tree / "scotrack" / "data" / "classifiers"
        run(["train", str(train), *map(str, SYNTHETIC), "--out", str(models)], tree)
        held_docs = fold / "held"
        held_docs.mkdir()
        for page in held:
            (held_docs / docs[page].name).symlink_to(docs[page])
        run(["extract", str(held_docs), "--out", str(pooled)], tree)
        print(f"fold {number + 1}/{folds}: {len(held)} pages", file=sys.stderr)
    return score(REAL_DEV / "gold", pooled)


def report(result: dict[str, object], title: str) -> None:
    types: dict[str, dict[str, float]] = result["types"]  # type: ignore[assignment]
    print(title)
    for name in TYPES:
        t = types[name]
        print(
            f"  {name:12} P {t['precision']:.3f}  R {t['recall']:.3f}"
            f"  F1 {t['f1']:.3f}  (gold {t['gold']}, predicted {t['pred']})"
        )
    print(f"  {'overall':12} F1 {result['overall_f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep the folds here (empty)")
    parser.add_argument("--json", action="store_true", help="the scorer's JSON")
    parser.add_argument("--batches", help="also score these batches alone: 5,6")
    args = parser.parse_args()
    batches = {int(b) for b in args.batches.split(",")} if args.batches else set()
    with tempfile.TemporaryDirectory(prefix="crossval-") as tmp:
        work = args.work.resolve() if args.work is not None else Path(tmp)
        results = {"all": crossval(args.src.resolve(), args.folds, work)}
        if batches:
            results["batches"] = score(batch_gold(work, batches), work / "out")
    if args.json:
        print(json.dumps(results, indent=1))
        return
    report(results["all"], f"{len(list((REAL_DEV / 'gold').iterdir()))} real dev pages")
    if batches:
        report(results["batches"], f"batches {args.batches}")


if __name__ == "__main__":
    main()
