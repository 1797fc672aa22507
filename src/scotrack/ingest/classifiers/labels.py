"""Which gold item a candidate matches, by the scorer's own rules.

`../shared/extraction/score.py` pairs items by type: membership by state and
event; agreements by action and titles alike (token-set similarity >= 80);
commitments by actor and texts alike (partial similarity >= 70). The same tests
here label the candidates a model learns from, with rapidfuzz (the scorer
mimics it) on text normalised the scorer's way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

Gold = dict[str, Any]

AGREEMENT_THRESHOLD = 80
COMMITMENT_THRESHOLD = 70


def normalised(text: object) -> str:
    """Lower case, every non-alphanumeric character a space, spaces collapsed."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def _code(value: object) -> str | None:
    return (
        str(value).strip().upper() if value is not None and str(value).strip() else None
    )


def _label(value: object) -> str | None:
    return (
        str(value).strip().lower() if value is not None and str(value).strip() else None
    )


def matches(kind: str, gold: Gold, item: Gold) -> bool:
    """Whether `item` matches `gold` by the scorer's rule for `kind`."""
    if kind == "membership":
        return (
            _code(gold.get("state")) is not None
            and _code(gold.get("state")) == _code(item.get("state"))
            and _label(gold.get("event")) == _label(item.get("event"))
        )
    if kind == "agreements":
        if _label(gold.get("action")) != _label(item.get("action")):
            return False
        a, b = normalised(gold.get("title")), normalised(item.get("title"))
        return bool(a and b) and fuzz.token_set_ratio(a, b) >= AGREEMENT_THRESHOLD
    if kind == "commitments":
        if _code(gold.get("actor")) is None or _code(gold.get("actor")) != _code(
            item.get("actor")
        ):
            return False
        a, b = normalised(gold.get("text")), normalised(item.get("text"))
        return bool(a and b) and fuzz.partial_ratio(a, b) >= COMMITMENT_THRESHOLD
    raise ValueError(f"no matching rule for {kind!r}")


def target(kind: str, golds: Sequence[Gold], item: Gold) -> int | None:
    """The index of the first gold item of `golds` that `item` matches."""
    for index, gold in enumerate(golds):
        if matches(kind, gold, item):
            return index
    return None
