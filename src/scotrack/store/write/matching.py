"""Matching a statement of implementation against an earlier commitment or project.

A later sentence ("construction of the China-Kyrgyzstan-Uzbekistan railway
began") is about an earlier pledge when:

- **dates** agree: the statement is dated, and after the pledge was made;
- **actors** agree: the sentence names the pledge's actor (or one of the
  project's countries), or names no state at all, or the pledge is the SCO's;
  a sentence about other states counts only with the same named object (a
  convention ratified, the Energy Club created);
- **object**: they name the same thing (`lexicon.implementations.OBJECTS`: the
  Development Bank, the Energy Club, the railway, ...), or share enough content
  words (cosine of the two word sets).

`match` returns the score (0..1) with the reasons, or None. It is pure: the
store reads the targets (`suggestions.targets`), this decides. The weights and
the threshold were set on the annotated pairs of `tests/data/assessments/`
(`bench/matcher.py` measures them; docs/compliance.md has the figures).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError
from scotrack.ingest.facts import implementations as statement_rules
from scotrack.ingest.lexicon.implementations import GENERIC_OBJECTS

OBJECT_WEIGHT = 0.55
WORDS_WEIGHT = 0.35
ACTOR_WEIGHT = 0.10
THRESHOLD = 0.3
"""The least score that makes a suggestion."""
MIN_SHARED_WORDS = 3
"""Without a shared object, at least this many shared content words."""
MIN_COSINE = 0.2
"""Without a shared object, at least this cosine of the two word sets."""


@dataclass(frozen=True, slots=True)
class Target:
    """A commitment or project as the matcher sees it."""

    kind: str
    """commitment or project"""
    id: str
    actors: tuple[str, ...]
    text: str
    made: str | None
    document_id: str | None = None
    """The document the pledge was made in (a statement there is not a report)."""
    objects: frozenset[str] = field(init=False)
    terms: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        objects, terms = _analysed(self.text)
        object.__setattr__(self, "objects", objects)
        object.__setattr__(self, "terms", terms)


@lru_cache(maxsize=8192)
def _analysed(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A pledge's objects and words, remembered: every document stored reads the
    same commitments again."""
    objects = frozenset(statement_rules.object_keys(text))
    return objects, frozenset(statement_rules.content_terms(text))


@dataclass(frozen=True, slots=True)
class Match:
    target: Target
    score: float
    reasons: tuple[str, ...]


def _after(statement_date: str | None, made: str | None) -> bool | None:
    """True when the statement is certainly dated after the pledge, None when
    the pledge is undated, False otherwise (or when the statement is undated)."""
    if statement_date is None:
        return False
    try:
        said = PartialDate.parse(statement_date)
        if made is None:
            return None
        pledged = PartialDate.parse(made)
    except InputError:
        return False
    return said.last_day() > pledged.last_day()


def match(
    statement: Mapping[str, Any], target: Target, *, document_id: str | None = None
) -> Match | None:
    """How well `statement` (a `facts.implementations` item) reports on `target`."""
    if document_id is not None and document_id == target.document_id:
        return None
    after = _after(statement.get("date"), target.made)
    if after is False:
        return None
    states = set(statement.get("states") or ())
    named = sorted(states & set(target.actors))
    objects = set(statement.get("objects") or ())
    shared_objects = sorted((objects & target.objects) - GENERIC_OBJECTS)
    # another state's step: only about the same named object (an SCO body, a
    # convention) is it news of this pledge
    others = bool(states) and not named and "SCO" not in target.actors
    if others and not shared_objects:
        return None
    words = set(statement.get("terms") or ()) | (objects & GENERIC_OBJECTS)
    theirs = set(target.terms) | (target.objects & GENERIC_OBJECTS)
    shared = sorted(words & theirs)
    cosine = len(shared) / math.sqrt(len(words) * len(theirs)) if shared else 0.0
    if not shared_objects and (len(shared) < MIN_SHARED_WORDS or cosine < MIN_COSINE):
        return None
    score = (
        OBJECT_WEIGHT * bool(shared_objects)
        + WORDS_WEIGHT * min(1.0, 2 * cosine)
        + ACTOR_WEIGHT * bool(named)
    )
    if score < THRESHOLD:
        return None
    reasons = []
    if shared_objects:
        reasons.append(f"same object: {', '.join(shared_objects)}")
    if shared:
        reasons.append(f"shared words ({cosine:.2f}): {', '.join(shared[:8])}")
    if named:
        reasons.append(f"names {', '.join(named)}")
    reasons.append(
        "after the pledge" if after else "the pledge is undated; the report is dated"
    )
    return Match(target, round(score, 3), tuple(reasons))


def best_matches(
    statement: Mapping[str, Any],
    targets: list[Target],
    *,
    document_id: str | None = None,
    limit: int = 3,
) -> list[Match]:
    """The targets `statement` reports on, best first, at most `limit`."""
    found = [
        m
        for t in targets
        if (m := match(statement, t, document_id=document_id)) is not None
    ]
    found.sort(key=lambda m: (-m.score, m.target.kind, m.target.id))
    return found[:limit]
