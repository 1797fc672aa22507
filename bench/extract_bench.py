"""Speed and memory of `scotrack extract` on a synthetic corpus of seed-sized pages.

The corpus (>= 2,000 documents) recombines the paragraphs of the seeds and the dev
set with a fixed random seed, so every run measures the same bytes. The whole
extraction runs on one core and with two workers; the outputs must be identical.
If spaCy and en_core_web_sm are installed, the same corpus goes through them too,
as the reference a user would otherwise reach for.

Usage: python bench/extract_bench.py [--docs 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "tests" / "data" / "dev" / "docs"]


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


def build_corpus(folder: Path, docs: int, seed: int) -> int:
    """Write `docs` pages into `folder`; the total size in bytes."""
    rng = random.Random(seed)
    heads, bodies = paragraphs()
    total = 0
    for i in range(docs):
        year, month, day = rng.randint(13, 24), rng.randint(1, 9), rng.randint(10, 19)
        date = f"Updated: 20{year}-0{month}-{day}"
        body = rng.sample(bodies, k=min(len(bodies), rng.randint(8, 16)))
        text = "\n\n".join([rng.choice(heads), date, *body, "Print Mail Share"])
        path = folder / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def run_extract(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB, this child + its workers) of one extract run."""
    code = (
        "import sys, resource\n"
        "from pathlib import Path\n"
        "from scotrack.ingest.pipeline import extract_paths\n"
        "from scotrack.ingest.output import write_extract\n"
        "out = Path(sys.argv[2])\n"
        "for r in extract_paths([sys.argv[1]], workers=int(sys.argv[3])):\n"
        "    write_extract(r, out)\n"
        "self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(self_kb + kids_kb)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(out), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.strip().split()[-1]) / 1024


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.glob("*.json")):
        sha.update(path.read_bytes())
    return sha.hexdigest()


def spacy_reference(corpus: Path) -> str:
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        return "spaCy not installed: reference run skipped"
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        return "en_core_web_sm not installed: reference run skipped"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    seconds = time.perf_counter() - started
    return f"spaCy en_core_web_sm (1 process): {len(texts) / seconds:.0f} docs/s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = build_corpus(corpus, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {size / 1e6:.2f} MB, seed {args.seed}")
        print(f"python {platform.python_version()} on {platform.machine()}")
        results = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            seconds, peak = run_extract(corpus, out, workers)
            results[workers] = digest(out)
            print(
                f"extract --workers {workers}: {seconds:.2f} s, "
                f"{args.docs / seconds:.0f} docs/s, {size / 1e6 / seconds:.2f} MB/s, "
                f"peak RSS {peak:.0f} MB (incl. process start-up)"
            )
        same = results[1] == results[2]
        print(f"outputs identical across worker counts: {same}")
        print(spacy_reference(corpus))
        if not same:
            raise SystemExit(1)
    json.dumps(results)


if __name__ == "__main__":
    main()
