"""Agreements' errors on an annotated set, by batch and by cause (#11).

    PYTHONPATH=src python bench/agreement_errors.py tests/data/real/dev \
        [--manifest tests/data/real/manifest.jsonl] [--batches 1,2,3,4] [--list]

Extracts every page of SET/docs with the pipeline, matches its agreements to
SET/gold with the scorer's own rules (`../shared/extraction/score.py`) and prints
agreements F1 per batch (from the manifest; batch 1 has none there), then each
missed gold item and each spurious predicted item with a cause class: `action` (a
predicted item with a title alike and another action), `title` (same action, title
alike below the threshold), `no candidate` (nothing predicted in the sentence
that names it), `unclaimed` (something else predicted there); the sentence is
printed so that a reader can sort the last two further by phrasing. Not part of
the package: an analysis aid. It never reads the real test split unless told to.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from scotrack.ingest.document import CleanDocument, ExtractOptions
from scotrack.ingest.pipeline import extract_file

_SCORER = Path(__file__).resolve().parents[1] / ".." / "shared/extraction/score.py"
_NEAR = 50.0
"""A title alike below the scorer's threshold still counts as the same item
named with a wrong boundary from this similarity on."""


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", _SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{_SCORER}: the shared scorer is not checked out")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _batches(manifest: Path) -> dict[str, int]:
    batches: dict[str, int] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        batches[row["id"]] = row.get("batch") or 1
    return batches


def _sentence(doc: CleanDocument, title: str, score: ModuleType) -> tuple[int, str]:
    """The sentence most like a gold title (its words' share in the sentence)."""
    words = set(score.normalise(title).split())
    best = (-1.0, 0, "")
    for sent in doc.sentences:
        mine = set(score.normalise(sent.text).split())
        share = len(words & mine) / max(1, len(words))
        if share > best[0]:
            best = (share, sent.start, sent.text)
    return best[1], best[2]


def _in(doc: CleanDocument, start: int, item: dict[str, Any]) -> bool:
    sent = next((s for s in doc.sentences if s.start == start), None)
    if sent is None:
        return False
    return any(sent.start <= span[0] < sent.end for span in item.get("evidence", []))


def _causes(
    doc: CleanDocument, gold: list[dict[str, Any]], score: ModuleType
) -> tuple[int, list[tuple[str, str, str]]]:
    """True positives and (kind, cause, line) of each error of one page."""
    pred = doc.facts.get("agreements", [])
    pairs = score.greedy_match(gold, pred, score.SIMILARITY["agreements"])
    gold_left = [g for i, g in enumerate(gold) if i not in {a for a, _ in pairs}]
    pred_left = [p for j, p in enumerate(pred) if j not in {b for _, b in pairs}]
    errors: list[tuple[str, str, str]] = []
    for item in gold_left:
        title = score.normalise(item["title"])
        near = [
            (score.token_set_ratio(title, score.normalise(p["title"]), True), p)
            for p in pred_left
        ]
        same = [p for s, p in near if s >= score.AGREEMENT_THRESHOLD]
        alike = [p for s, p in near if s >= _NEAR and p["action"] == item["action"]]
        start, text = _sentence(doc, item["title"], score)
        if same:
            cause = f"action (pred {same[0]['action']})"
        elif alike:
            cause = f"title (pred {alike[0]['title']!r})"
        elif any(_in(doc, start, p) for p in pred):
            cause = "unclaimed"
        else:
            cause = "no candidate"
        line = f"{item['title']!r} {item['action']}\n      | {text.strip()[:400]}"
        errors.append(("missed", cause.split(" ")[0], f"{cause}: {line}"))
    for item in pred_left:
        title = score.normalise(item["title"])
        near = [
            (score.token_set_ratio(title, score.normalise(g["title"]), True), g)
            for g in gold_left
        ]
        if any(s >= score.AGREEMENT_THRESHOLD for s, _ in near):
            cause = "action"
        elif any(s >= _NEAR and g["action"] == item["action"] for s, g in near):
            cause = "title"
        else:
            cause = "not in gold"
        span = item["evidence"][0]
        sent = next(s for s in doc.sentences if s.start <= span[0] < s.end)
        line = f"{item['title']!r} {item['action']}\n      | {sent.text.strip()[:400]}"
        errors.append(("spurious", cause, f"{cause}: {line}"))
    return len(pairs), errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--manifest", type=Path)
    parser.add_argument("--batches", help="comma-separated batches to list")
    parser.add_argument("--list", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    if "test" in args.set.parts:
        print(f"{args.set}: the test split is scored, never analysed", file=sys.stderr)
        return 2
    score = _scorer()
    batches = _batches(args.manifest) if args.manifest else {}
    wanted = {int(b) for b in args.batches.split(",")} if args.batches else None
    tally: dict[int, Counter[str]] = {}
    causes: Counter[tuple[str, str]] = Counter()
    options = ExtractOptions()
    for path in sorted((args.set / "docs").iterdir()):
        gold_path = args.set / "gold" / f"{path.stem}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("agreements", [])
        (doc,) = extract_file(path, options)
        batch = batches.get(path.stem, 1)
        tp, errors = _causes(doc, gold, score)
        counts = tally.setdefault(batch, Counter())
        counts.update(tp=tp, gold=len(gold), pred=len(doc.facts.get("agreements", [])))
        if wanted is not None and batch not in wanted:
            continue
        for kind, cause, line in errors:
            causes[kind, cause] += 1
            if args.list:
                print(f"{path.stem} [{batch}] {kind} {line}")
    rows = [(str(batch), counts) for batch, counts in sorted(tally.items())]
    if wanted is not None:  # the batches listed, and the rest (the fresh ones)
        rows.append(
            ("listed", sum((tally[b] for b in tally if b in wanted), Counter()))
        )
        rows.append(
            ("rest", sum((tally[b] for b in tally if b not in wanted), Counter()))
        )
    rows.append(("all", sum(tally.values(), Counter())))
    print(" batch  gold  pred   tp      P      R     F1")
    for name, counts in rows:
        p, r, f = score.prf(counts["tp"], counts["gold"], counts["pred"])
        print(
            f"{name:>6} {counts['gold']:>5} {counts['pred']:>5} {counts['tp']:>4}"
            f"  {p:.3f}  {r:.3f}  {f:.3f}"
        )
    for (kind, cause), count in causes.most_common():
        print(f"{count:>4}  {kind:<8} {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
