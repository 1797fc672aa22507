"""Areas the document gives at least one sentence mainly about (facts["areas"]).

A sentence is mainly about an area when that area's keywords (lexicon.AREA_KEYWORDS,
longest phrase first) clearly outnumber every other area's; a bare list of fields
spread over several areas does not count. Each commitment's area also counts,
with the commitment's evidence. Items are {"area": ..., "evidence": [[s, e], ...]}.
"""

from __future__ import annotations

import re
from functools import cache

from scotrack.ingest import lexicon
from scotrack.ingest.document import CleanDocument, Item, Stage


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a regex, split at "|" outside parentheses."""
    parts, depth, begin = [], 0, 0
    for position, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[begin:position])
            begin = position + 1
    parts.append(pattern[begin:])
    return parts


_ALTERNATIVES = sorted(
    (
        (alternative, area)
        for area, pattern in (
            ("neutral", lexicon.NEUTRAL_KEYWORDS),
            *lexicon.AREA_KEYWORDS,
        )
        for alternative in _top_level(pattern)
    ),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_KEYWORDS = re.compile(
    r"\b(?:" + "|".join(alt.lower() for alt, _ in _ALTERNATIVES) + r")\b"
)
"""Compiled lowercase and run on lowercased text: far faster than IGNORECASE."""
_AREA_OF = tuple(
    (re.compile(alternative, re.IGNORECASE), area)
    for alternative, area in _ALTERNATIVES
)
_MIN_HITS = 2


@cache
def _area_of(phrase: str) -> str:
    for pattern, area in _AREA_OF:
        if pattern.fullmatch(phrase):
            return area
    return "neutral"


def keyword_hits(text: str) -> list[tuple[int, str]]:
    """(offset, area) for each area keyword, the longest phrase winning at a place."""
    hits: list[tuple[int, str]] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few Unicode letters change length
        lowered = text
    for match in _KEYWORDS.finditer(lowered):
        area = _area_of(match.group(0).lower())
        if area != "neutral":
            hits.append((match.start(), area))
    return hits


def first_area(text: str) -> str | None:
    hits = keyword_hits(text)
    return hits[0][1] if hits else None


def main_area(text: str) -> str | None:
    """The area a sentence is mainly about, if one clearly dominates."""
    counts: dict[str, int] = {}
    for _, area in keyword_hits(text):
        counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda pair: -pair[1])
    top, hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if (hits >= _MIN_HITS and runner_up == 0) or (
        hits > _MIN_HITS and hits >= 2 * runner_up
    ):
        return top
    return None


def areas(doc: CleanDocument) -> list[Item]:
    found: dict[str, Item] = {}
    for sent in doc.sentences:
        area = main_area(sent.text)
        if area:
            found.setdefault(area, {"area": area, "evidence": []})["evidence"].append(
                [sent.start, sent.end]
            )
    for item in doc.facts.get("commitments", []):
        area = item.get("area")
        if area:
            found.setdefault(area, {"area": area, "evidence": []})["evidence"].extend(
                item.get("evidence", [])
            )
    return list(found.values())


def find_areas(doc: CleanDocument) -> CleanDocument:
    doc.facts["areas"] = areas(doc)
    return doc


STAGE = Stage(
    name="areas",
    requires=("text", "sentences", "facts.commitments"),
    provides=("facts.areas",),
    run=find_areas,
)
