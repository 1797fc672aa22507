"""Precision and recall of the implementation-statement matcher (#13).

The annotated set in tests/data/assessments/ pairs a later page (its text as
published) with an earlier commitment, labelled whether the page reports on that
commitment's implementation. Each page is extracted with the pipeline; a pair is
predicted when one of the page's statements of implementation matches the
commitment (`store.write.matching.match`) as `scotrack ingest` would match it.

Usage: python bench/matcher_bench.py [--json] [--data tests/data/assessments]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scotrack.ingest.document import RawDocument
from scotrack.ingest.pipeline import extract
from scotrack.store.write.matching import Target, match

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "assessments"


def predictions(data: Path) -> list[dict[str, Any]]:
    """Each pair with the matcher's verdict, score and reasons."""
    pages = {p["page"]: p for p in json.loads((data / "pages.json").read_text())}
    statements: dict[str, list[dict[str, Any]]] = {}
    for name, page in pages.items():
        text = (data / "pages" / f"{name}.txt").read_text(encoding="utf-8")
        raw = RawDocument(name, f"{name}.txt", text=text, published=page["published"])
        statements[name] = extract(raw).facts.get("implementations", [])
    rows = []
    for number, pair in enumerate(json.loads((data / "pairs.json").read_text())):
        pledge = pair["commitment"]
        target = Target(
            "commitment", f"pair-{number}", (pledge["actor"],), pledge["text"],
            pledge["made"],
        )  # fmt: skip
        found = [m for s in statements[pair["page"]] if (m := match(s, target))]
        best = max(found, key=lambda m: m.score, default=None)
        rows.append(
            {
                "page": pair["page"],
                "commitment": pledge["text"][:70],
                "reports": pair["reports"],
                "predicted": best is not None,
                "score": None if best is None else best.score,
                "reasons": [] if best is None else list(best.reasons),
            }
        )
    return rows


def scores(rows: list[dict[str, Any]]) -> dict[str, float | int]:
    tp = sum(r["reports"] and r["predicted"] for r in rows)
    fp = sum(not r["reports"] and r["predicted"] for r in rows)
    fn = sum(r["reports"] and not r["predicted"] for r in rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pairs": len(rows),
        "positive": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="Print JSON only.")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    rows = predictions(args.data)
    result = scores(rows)
    if args.json:
        sys.stdout.write(json.dumps({"scores": result, "pairs": rows}) + "\n")
        return
    for row in rows:
        mark = {(True, True): "TP", (False, True): "FP", (True, False): "FN"}.get(
            (row["reports"], row["predicted"]), "TN"
        )
        sys.stdout.write(f"{mark} {row['page']:34} {row['commitment']}\n")
        if row["reasons"]:
            sys.stdout.write(f"   {row['score']}: {'; '.join(row['reasons'])}\n")
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
