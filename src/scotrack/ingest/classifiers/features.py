"""Features shared by the fact stages' candidates: words with entity placeholders,
windows around a span, distance buckets.

Words are lower-cased; a mention's words become one placeholder token (`<state>`,
`<person>`, `<city>`, `<body>`, ...), and numbers `<num>` and years `<year>`, so
a model learns "<state> was admitted" once for every state.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from scotrack.ingest.classifiers.linear import Features
from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.lexicon import classifiers as rules


@dataclass(frozen=True, slots=True)
class Tokens:
    """A sentence's tokens in order: where each ends (an offset in the sentence)
    and its text (two lists rather than an object a token: a sentence has
    dozens)."""

    offset: int
    """The sentence's start in the document."""
    ends: list[int]
    texts: list[str]

    def index_at(self, position: int) -> int:
        """The index of the first token ending after document offset `position`
        (the ends never decrease)."""
        return bisect_right(self.ends, position - self.offset)


_DIGITS = "0123456789"
_group = re.Match.group
_end = re.Match.end


def tokens(sent: Sentence, mentions: Iterable[Mention]) -> Tokens:
    """The sentence's words, mentions as placeholders."""
    text, offset = sent.text, sent.start
    found = Tokens(offset, [], [])
    # an ASCII text lower-cased whole is its words lower-cased one by one
    lowered = text.lower() if text.isascii() else None
    position, stop = 0, sent.end - offset
    for start, end, kind in sorted((m.start, m.end, m.kind) for m in mentions):
        start, end = start - offset, end - offset
        if start < position or end > stop:
            continue
        _words(found, text, lowered, position, start)
        found.ends.append(end)
        found.texts.append(f"<{kind}>")
        position = end
    _words(found, text, lowered, position, stop)
    if lowered is None or any(digit in lowered for digit in _DIGITS):
        texts = found.texts
        for number, word in enumerate(texts):
            if word[0].isdigit():  # a year starts with a digit too
                texts[number] = "<year>" if rules.YEAR.fullmatch(word) else "<num>"
    return found


def _words(found: Tokens, text: str, lowered: str | None, start: int, end: int) -> None:
    """The words of `text` between start..end onto `found`, lower-cased;
    `lowered` is the text lower-cased, when that keeps its offsets."""
    if lowered is not None:
        matches = list(rules.WORD.finditer(lowered, start, end))
        found.texts.extend(map(_group, matches))
    else:
        matches = list(rules.WORD.finditer(text, start, end))
        found.texts.extend(m.group().lower() for m in matches)
    found.ends.extend(map(_end, matches))


def bucket(distance: int) -> str:
    """A token distance as a coarse bucket."""
    for limit, name in ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if distance <= limit:
            return name
    return "21+"


def add(features: Features, prefix: str, names: Iterable[str]) -> None:
    """`prefix|name` = 1 for each name."""
    for name in names:
        features[f"{prefix}|{name}"] = 1.0


def window(texts: list[str], start: int, end: int, size: int) -> list[str]:
    """Words of up to `size` tokens before index `start` and after index `end`,
    marked with their side."""
    before = [f"<{text}" for text in texts[max(0, start - size) : start]]
    after = [f">{text}" for text in texts[end : end + size]]
    return before + after
