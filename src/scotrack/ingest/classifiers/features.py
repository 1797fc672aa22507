"""Features shared by the fact stages' candidates: words with entity placeholders,
windows around a span, distance buckets.

Words are lower-cased; a mention's words become one placeholder token (`<state>`,
`<person>`, `<city>`, `<body>`, ...), and numbers `<num>` and years `<year>`, so
a model learns "<state> was admitted" once for every state.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from scotrack.ingest.classifiers.linear import Features
from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.lexicon import classifiers as rules


@dataclass(frozen=True, slots=True)
class Tokens:
    """A sentence's tokens in order: where each ends (a document offset) and its
    text (two lists rather than an object a token: a sentence has dozens)."""

    ends: list[int]
    texts: list[str]

    def index_at(self, position: int) -> int:
        """The index of the first token ending after `position` (the ends never
        decrease)."""
        return bisect_right(self.ends, position)


def tokens(sent: Sentence, mentions: Iterable[Mention]) -> Tokens:
    """The sentence's words (offsets in the document), mentions as placeholders."""
    found = Tokens([], [])
    # an ASCII text lower-cased whole is its words lower-cased one by one
    lowered = sent.text.lower() if sent.text.isascii() else None
    spans = sorted((m.start, m.end, m.kind) for m in mentions)
    position = sent.start
    for start, end, kind in spans:
        if start < position or end > sent.end:
            continue
        _words(found, sent, lowered, position, start)
        found.ends.append(end)
        found.texts.append(f"<{kind}>")
        position = end
    _words(found, sent, lowered, position, sent.end)
    return found


def _words(
    found: Tokens, sent: Sentence, lowered: str | None, start: int, end: int
) -> None:
    """The words of sent.text between document offsets start..end onto `found`;
    `lowered` is the sentence lower-cased, when that keeps its offsets."""
    offset = sent.start
    span = (start - offset, end - offset)
    if lowered is not None:
        words = [(m.end(), m.group()) for m in rules.WORD.finditer(lowered, *span)]
    else:
        found_in = rules.WORD.finditer(sent.text, *span)
        words = [(m.end(), m.group().lower()) for m in found_in]
    ends, texts = found.ends, found.texts
    for stop, word in words:
        if word[0].isdigit():  # a year starts with a digit too
            word = "<year>" if rules.YEAR.fullmatch(word) else "<num>"
        ends.append(offset + stop)
        texts.append(word)


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
