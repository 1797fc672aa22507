"""Sentence-level structure shared by the fact stages: mentions by span, clauses.

`MentionIndex` answers "which mentions lie in this span" with a binary search, so
every stage works per sentence without scanning the document. The clause
functions cut a commitment's complement into distinct measures (see
`gold/NOTES.md`, "Splitting").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scotrack.ingest import lexicon
from scotrack.ingest.document import Mention, MentionKind


class MentionIndex:
    """The document's mentions sorted by start, searchable by span."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._mentions = sorted(
            mentions, key=lambda mention: (mention.start, -mention.end)
        )
        self._starts = [mention.start for mention in self._mentions]

    def between(
        self, start: int, end: int, kinds: Sequence[MentionKind] | None = None
    ) -> list[Mention]:
        """Mentions that lie wholly inside [start, end), optionally of some kinds."""
        found: list[Mention] = []
        for mention in self._mentions[bisect_left(self._starts, start) :]:
            if mention.start >= end:
                break
            if mention.end <= end and (kinds is None or mention.kind in kinds):
                found.append(mention)
        return found


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a sentence: offsets relative to the sentence text."""

    start: int
    end: int


_MEASURE = "|".join(
    sorted((re.escape(verb) for verb in lexicon.MEASURE_VERBS), key=len, reverse=True)
)
_CONJUNCT = re.compile(
    rf"(?:,\s*(?:and\s+|as well as\s+)?(?:to\s+)?(?:\w+ly\s+)?"
    rf"|\s+(?:and|as well as)\s+(?:also\s+)?(?:to\s+)?)(?=(?:{_MEASURE})\b)",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    lexicon.PURPOSE_MARKERS
    + r"|\bto\s+(?:\w+ly\s+)?(?!the\b|a\b|an\b|their\b|its\b|all\b|other\b|each\b)"
    r"[a-z]+\b(?!\s+(?:and|or)\b)|\bby\s+[a-z]+ing\b",
)
_HEAD_WORDS = re.compile(r"[A-Za-z][\w'-]*")
_GENERIC = frozenset(
    [
        "cooperation",
        "regional",
        "international",
        "development",
        "their",
        "with",
        "from",
        "that",
        "this",
        "other",
        "among",
        "between",
        "into",
    ]
)


def conjuncts(
    text: str, start: int, end: int, *, head_end: int, commas_only: bool = False
) -> list[Segment]:
    """Distinct measures in text[start:end], a complement whose verb ends at head_end.

    Coordinated verb phrases each with their own measure verb are split ("support
    X and strengthen Y"); coordination inside a purpose or means clause after the
    head verb ("work with X to advance Y and build Z") is not, nor is a parallel
    series that repeats its modifier ("shoulder their common ... and maintain
    their common ...").
    """
    purpose = _PURPOSE.search(text, head_end, end)
    limit = purpose.start() if purpose else end
    pieces: list[Segment] = []
    begin = start
    for match in _CONJUNCT.finditer(text, head_end, end):
        after_purpose = match.start() >= limit
        if after_purpose and not text.startswith(", and to ", match.start()):
            continue
        if commas_only and text[match.start()] != ",":
            continue
        pieces.append(Segment(begin, match.start()))
        begin = match.end()
    pieces.append(Segment(begin, end))
    pieces = [piece for piece in pieces if piece.end - piece.start > 8]
    if len(pieces) > 1 and _parallel(text, pieces):
        return [Segment(start, end)]
    return pieces or [Segment(start, end)]


def _parallel(text: str, pieces: list[Segment]) -> bool:
    """True when one modifier runs through every piece ("common ... common ...")."""
    counts: list[dict[str, int]] = []
    for piece in pieces:
        tally: dict[str, int] = {}
        for word in _HEAD_WORDS.findall(text[piece.start : piece.end]):
            key = word.lower()
            if len(key) > 3 and key not in _GENERIC:
                tally[key] = tally.get(key, 0) + 1
        counts.append(tally)
    shared = set(counts[0]).intersection(*counts[1:])
    return any(sum(tally[word] for tally in counts) > len(pieces) for word in shared)


def trimmed(text: str, start: int, end: int) -> Segment:
    """The span without surrounding spaces, quotes and trailing punctuation."""
    while start < end and text[start] in " \t\n\"'\u201c\u201d\u2018\u2019,;:(":
        start += 1
    while end > start and text[end - 1] in " \t\n\"'\u201c\u201d\u2018\u2019,;:.)":
        end -= 1
    return Segment(start, end)


_BOUNDARY = re.compile(
    lexicon.PARTICIPIAL_BOUNDARY + r"|;\s|,\s*(?:while|but|which|whereas|as)\s"
    r"|\s+and\s+(?:also\s+)?\w+ed\s+(?=(?:a|an|the|their|its|his|her|several|\d)\b)"
    r"|\s+--\s+",
    re.IGNORECASE,
)
_FRAME_APPOSITIVE = re.compile(r"^,[^;]{3,110},\s*(?:also\s+)?$")
_SPEECH = re.compile(rf"\b(?:{lexicon.SPEECH_VERBS})\b")
_SAY_THAT = re.compile(rf"^\s*(?:{lexicon.SPEECH_VERBS})(?:\s+that)?\s+", re.IGNORECASE)


def clause_starts(text: str) -> list[int]:
    """Offsets where a new clause begins: participial clauses (", suggesting"),
    "; ", ", while/but/which", and a coordinated past-tense predicate."""
    return [0, *(match.start() for match in _BOUNDARY.finditer(text))]


@dataclass(frozen=True, slots=True)
class Frame:
    """A speech frame ("Li said", "said Li"): the speaker mention and the span."""

    speaker: Mention | None
    pronoun: str | None
    start: int
    end: int


def frames(text: str, offset: int, mentions: list[Mention]) -> list[Frame]:
    """Speech frames of a sentence: a person, office or pronoun right before a speech
    verb, or a person right after one. Offsets are relative to the sentence."""
    found: list[Frame] = []
    for verb in _SPEECH.finditer(text):
        who: Mention | None = None
        start = verb.start()
        for mention in reversed(mentions):
            rel_end = mention.end - offset
            if rel_end <= verb.start() and mention.kind in ("person", "office"):
                gap = text[rel_end : verb.start()].strip()
                if gap in (
                    "",
                    "also",
                    "has",
                    "had",
                    "further",
                    "then",
                ) or _FRAME_APPOSITIVE.match(gap):
                    who, start = mention, mention.start - offset
                break
        pronoun = None
        if who is None:
            before = text[max(0, verb.start() - 12) : verb.start()].rstrip().lower()
            for word in ("he", "she", "they", "the premier", "the president"):
                if before.endswith(" " + word) or before == word:
                    pronoun, start = word, verb.start() - len(word) - 1
        if who is None and pronoun is None:
            after = [
                m
                for m in mentions
                if m.kind == "person" and m.start - offset > verb.end()
            ]
            if after and not text[verb.end() : after[0].start - offset].strip():
                who = after[0]
        if who is not None or pronoun is not None:
            found.append(Frame(who, pronoun, max(0, start), verb.end()))
    return found


def said_that_end(text: str, position: int) -> int:
    """After a frame's verb, the offset where the reported clause begins."""
    match = _SAY_THAT.match(text, position)
    return match.end() if match else position
