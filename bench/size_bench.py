"""Cost of extraction as a page grows: ms per KB, per page size and per stage.

Pages of 10 KB, 100 KB, 1 MB and 4 MB recombine the paragraphs of the seeds and
the dev set with a fixed random seed (never the test split); a last page of
1 MB has no sentence punctuation at all and no line breaks in its body, so it
is one sentence: the shape of a hostile upload. Every stage runs in this
process, timed as `pipeline.extract` runs it; with costs linear in the input,
ms per KB is about the same in every row.

Usage: python bench/size_bench.py [--sizes 10,100,1000,4000] [--nopunct 1000]
[--seed 7] [--repeat 1] (sizes in KB, several separated by commas)
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import time
from pathlib import Path

from scotrack.ingest.document import RawDocument
from scotrack.ingest.pipeline import STAGES, start_document
from scotrack.ingest.read.language import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "tests" / "data" / "dev" / "docs"]
PUNCTUATION = re.compile(r"[.!?;:]")
"""What ends a sentence (or a clause), removed from the hostile page."""


def paragraphs() -> tuple[list[str], list[str]]:
    """Headlines and body paragraphs of every source page."""
    heads, bodies = [], []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lines = [x.strip() for x in path.read_text(encoding="utf-8").split("\n")]
            lines = [x for x in lines if x]
            heads.append(lines[0])
            bodies.extend(x for x in lines[1:] if len(x) > 60)
    return heads, bodies


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentences() -> tuple[list[str], list[str]]:
    """Headlines and body sentences of every source page."""
    heads, bodies = paragraphs()
    return heads, [x for body in bodies for x in SENTENCE_END.split(body)]


def page(kb: int, rng: random.Random, *, punctuated: bool = True) -> str:
    """A page of about `kb` KB: a headline, a date line, then paragraphs of two
    to five sentences drawn at random until the size is reached (the cleaner
    keeps a repeated paragraph once, so each is a new combination); without
    punctuation when `punctuated` is false, and then all on one line."""
    heads, sents = sentences()
    body: list[str] = []
    size = 0
    while size < kb * 1000:
        text = " ".join(rng.sample(sents, k=rng.randint(2, 5)))
        body.append(text if punctuated else PUNCTUATION.sub("", text))
        size += len(text.encode("utf-8")) + 2
    date = (
        f"Updated: 20{rng.randint(13, 24)}-0{rng.randint(1, 9)}-{rng.randint(10, 19)}"
    )
    joined = "\n\n".join(body) if punctuated else " ".join(body)
    return "\n\n".join([rng.choice(heads), date, joined])


def stage_seconds(text: str, repeat: int) -> tuple[dict[str, float], int]:
    """Seconds per stage for one page (the fastest of `repeat` runs each), and
    the length of its cleaned text."""
    best: dict[str, float] = {}
    kept = 0
    for _ in range(repeat):
        doc = start_document(RawDocument(id="page", path="page.txt", text=text))
        for stage in STAGES:
            if doc.language not in (None, ENGLISH) and stage.name not in (
                "clean",
                "language",
                "metadata",
            ):
                continue
            started = time.perf_counter()
            doc = stage.run(doc)
            took = time.perf_counter() - started
            best[stage.name] = min(best.get(stage.name, took), took)
        kept = len(doc.text)
    return best, kept


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000,4000", help="KB, commas")
    parser.add_argument("--nopunct", default="1000", help="KB, commas; 0 = none")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pages = [(f"{kb} KB", page(kb, rng)) for kb in map(int, args.sizes.split(","))]
    for kb in (int(x) for x in args.nopunct.split(",") if int(x)):
        pages.append((f"{kb} KB, no punctuation", page(kb, rng, punctuated=False)))
    print(
        f"python {platform.python_version()} on {platform.machine()}, seed {args.seed}"
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    stage_seconds(page(10, random.Random(0)), 1)  # gazetteer, classifiers: loaded
    names = [stage.name for stage in STAGES]
    short = {name: name[:7] for name in names}
    print(
        f"{'page':>24} {'KB':>6} {'kept':>5} {'s':>7} {'ms/KB':>6} | "
        + " ".join(f"{short[name]:>7}" for name in names)
    )
    for label, text in pages:
        kb = len(text.encode("utf-8")) / 1000
        seconds, kept = stage_seconds(text, args.repeat)
        total = sum(seconds.values())
        per_stage = " ".join(
            f"{1000 * seconds.get(name, 0.0) / kb:7.3f}" for name in names
        )
        head = f"{label:>24} {kb:6.0f} {kept / len(text):5.0%} {total:7.2f}"
        print(f"{head} {1000 * total / kb:6.2f} | {per_stage}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("(per-stage columns: ms per KB)")


if __name__ == "__main__":
    main()
