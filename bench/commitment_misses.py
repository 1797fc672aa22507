"""Why commitments are missed or spurious on an annotated corpus (#11).

    PYTHONPATH=src python bench/commitment_misses.py CORPUS [--show CLASS] [--limit N]

CORPUS holds `docs/` and `gold/` (as `scotrack train` reads them). Every page
goes through the pipeline; its commitment candidates (before the model), the
model's verdicts and the final items are paired with the gold by the scorer's
rule (same actor, partial similarity of the normalised texts >= 70, greedily,
best first). Each gold item the output misses gets one class:

- `no candidate/<phrasing>`: no candidate of any actor in the gold's sentence;
  the phrasing is the first trigger family the gold's sentence holds
  (speech verb, "proposed", "called for", "will", ...), or `no trigger`;
- `rejected by model`: a candidate of the right actor and text, below the
  model's threshold (or veto, for a precise rule's);
- `one item for several gold`: a candidate of the right actor and text the
  model kept, whose item matched another gold item (a measure not split off);
- `dropped`: a candidate of the right actor and text the model kept, lost to
  the repeat filter;
- `wrong actor/<gold actor>-><candidate actor>`: a candidate of the right text
  with another actor;
- `span/<long|short|other>`: a candidate of the right actor in the gold's
  sentence whose text is not alike enough;
- `other actor in sentence`: a candidate in the sentence, neither actor nor
  text right.

Each spurious output item gets one: `wrong actor` (a gold of that text has
another actor), `repeat` (its gold is matched already), `span` (a gold of its
actor in its sentence), `no gold in sentence/<trigger group>`. Matched items
with the wrong kind are counted by gold and output kind. The page's sentence
is printed for `--show CLASS` (a prefix of the class).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from scotrack.ingest.classifiers import corpus
from scotrack.ingest.classifiers.candidates import Candidate, aggregated
from scotrack.ingest.classifiers.labels import normalised
from scotrack.ingest.classifiers.linear import model
from scotrack.ingest.facts import commitments

PHRASINGS = [
    ("numbered point", r"^\s*(?:\(?\d+[.)]|[-*\u2022]|first(?:ly)?,|second(?:ly)?,)"),
    ("proposed", r"\bpropos|\bsuggest|\bput forward|\binitiative"),
    ("called for", r"\bcall(?:ed|s)? (?:for|on|upon)|\burg|\bappeal"),
    ("pledged", r"\bpledg|\bvow|\bpromis|\bcommit"),
    ("agreed to", r"\bagree"),
    ("decided", r"\bdecid|\binstruct|\bresolved"),
    ("should/must", r"\bshould|\bmust|\bneed|\bnecess|\bimportan"),
    ("will", r"\bwill\b|\bshall\b|\bwould\b"),
    ("ready/intend", r"\bready|\bwilling|\bintend|\bplan|\baim|\bseek|\bwant"),
    ("support/favour", r"\bsupport|\bfavou?r|\bwelcome|\bback"),
    ("speech verb", r"\bsaid\b|\bsays\b|\bstated|\bnoted|\bstressed|\bemphasi|\badded"),
    ("we/our", r"\bwe\b|\bour\b|\blet us\b|\blet's\b"),
]
"""Trigger families, in the order a gold's sentence is classed by."""


def _similar(a: str, b: str) -> float:
    x, y = normalised(a), normalised(b)
    return fuzz.partial_ratio(x, y) if x and y else 0.0


def _pairs(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[int, int]:
    """The scorer's greedy one-to-one matching: gold index -> output index."""
    scored = []
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            if str(gold.get("actor")).upper() != str(pred.get("actor")).upper():
                continue
            s = _similar(str(gold.get("text")), str(pred.get("text")))
            if s >= 70:
                scored.append((-s, g, p))
    done: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(scored):
        if g not in done and p not in used:
            done[g] = p
            used.add(p)
    return done


def _sentence_of(doc: Any, text: str) -> tuple[int, int] | None:
    """The span of the sentence that holds a gold text (else the most alike)."""
    at = doc.text.find(text[:60])
    if at < 0:
        best = max(doc.sentences, key=lambda s: _similar(text, s.text), default=None)
        if best is None or _similar(text, best.text) < 70:
            return None
        return best.start, best.end
    for sent in doc.sentences:
        if sent.start <= at < sent.end:
            return sent.start, sent.end
    return None


def _in(span: tuple[int, int] | None, candidate: Candidate) -> bool:
    return span is not None and any(
        s < span[1] and span[0] < e for s, e in candidate.item["evidence"]
    )


def _phrasing(sentence: str) -> str:
    for name, pattern in PHRASINGS:
        if re.search(pattern, sentence, re.IGNORECASE):
            return name
    return "no trigger"


def _group(candidate: Candidate) -> str:
    return next(
        (n.split("=", 1)[1] for n in candidate.features if n.startswith("group=")), "?"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", default=None)
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    classes: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    totals = Counter[str]()
    shown = 0
    the_model = model("commitments")
    for page in corpus.pages([args.corpus]):
        doc = page.doc
        golds = [g for g in page.gold.get("commitments") or [] if isinstance(g, dict)]
        cands = aggregated(commitments.candidates(doc))
        for c in cands:
            c.probability = the_model.probability(c.features)
        final = commitments.commitments(doc)
        pairs = _pairs(golds, final)
        totals["gold"] += len(golds)
        totals["output"] += len(final)
        totals["matched"] += len(pairs)
        for g, p in pairs.items():
            if golds[g].get("kind") != final[p].get("kind"):
                kinds[f"{golds[g].get('kind')}->{final[p].get('kind')}"] += 1
        for g, gold in enumerate(golds):
            if g in pairs:
                continue
            text, actor = str(gold.get("text")), str(gold.get("actor")).upper()
            span = _sentence_of(doc, text)
            alike = [c for c in cands if _similar(text, c.item["text"]) >= 70]
            right = [c for c in alike if c.item["actor"] == actor]
            local = [c for c in cands if _in(span, c)]
            mine = [c for c in local if c.item["actor"] == actor]
            if right:
                c = max(right, key=lambda c: c.probability)
                rule = "rule=True" in c.features
                limit = the_model.veto if rule else the_model.threshold
                if c.probability < limit:
                    name = f"rejected by model/{_group(c)}"
                elif any(
                    p != pairs.get(g)
                    and final[p]["actor"] == actor
                    and _similar(text, final[p]["text"]) >= 70
                    for p in pairs.values()
                ):
                    name = f"one item for several gold/{_group(c)}"
                else:
                    name = f"dropped/{_group(c)}"
            elif alike:
                other = alike[0].item["actor"]
                name = (
                    f"wrong actor/{'SCO' if actor == 'SCO' else 'state'}->"
                    f"{'SCO' if other == 'SCO' else 'state'}"
                )
            elif mine:
                lens = [len(c.item["text"]) for c in mine]
                if min(lens) > len(text):
                    name = "span/long"
                elif max(lens) < len(text):
                    name = "span/short"
                else:
                    name = "span/other"
            elif local:
                name = "other actor in sentence"
            else:
                sentence = doc.text[span[0] : span[1]] if span else text
                name = f"no candidate/{_phrasing(sentence)}"
            classes[name] += 1
            if args.show and name.startswith(args.show) and shown < args.limit:
                shown += 1
                sentence = doc.text[span[0] : span[1]] if span else "?"
                print(f"--- {page.id} [{name}] gold {actor} {gold.get('kind')}: {text}")
                print(f"    SENT: {' '.join(sentence.split())[:500]}")
                for c in (right or alike or local)[:3]:
                    print(
                        f"    CAND {c.item['actor']} {c.item['kind']} "
                        f"p={c.probability:.2f} {_group(c)}: {c.item['text'][:200]}"
                    )
        matched = set(pairs.values())
        for p, pred in enumerate(final):
            if p in matched:
                continue
            text = str(pred["text"])
            same = [g for g in golds if _similar(text, str(g.get("text"))) >= 70]
            starts = [s for s, _ in pred["evidence"]]
            sent = next(
                (s for s in doc.sentences if s.start <= starts[0] < s.end), None
            )
            inside = [
                g
                for g in golds
                if sent is not None
                and _sentence_of(doc, str(g.get("text"))) == (sent.start, sent.end)
            ]
            if any(str(g.get("actor")).upper() == pred["actor"] for g in same):
                name = "repeat"
            elif same:
                name = "wrong actor"
            elif any(str(g.get("actor")).upper() == pred["actor"] for g in inside):
                name = "span"
            else:
                cand = next(
                    (c for c in cands if c.item["evidence"][0][0] == starts[0]), None
                )
                group = _group(cand) if cand else "?"
                name = f"no gold in sentence/{group}"
            spurious[name] += 1
            if args.show == "spurious" and shown < args.limit:
                shown += 1
                line = " ".join((sent.text if sent else "").split())[:400]
                out = f"{pred['actor']} {pred['kind']}: {text}"
                print(f"--- {page.id} [{name}] out {out}")
                print(f"    SENT: {line}")
    out = sys.stdout
    out.write(
        f"\ngold {totals['gold']}, output {totals['output']}, "
        f"matched {totals['matched']}\n\nmissed gold items by class:\n"
    )
    for name, n in classes.most_common():
        out.write(f"  {n:4d}  {name}\n")
    out.write("\nspurious output items by class:\n")
    for name, n in spurious.most_common():
        out.write(f"  {n:4d}  {name}\n")
    out.write("\nmatched with another kind (gold->output):\n")
    for name, n in kinds.most_common():
        out.write(f"  {n:4d}  {name}\n")


if __name__ == "__main__":
    main()
