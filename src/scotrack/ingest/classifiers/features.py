"""Features shared by the fact stages' candidates: words with entity placeholders,
windows around a span, distance buckets.

Words are lower-cased; a mention's words become one placeholder token (`<state>`,
`<person>`, `<city>`, `<body>`, ...), and numbers `<num>` and years `<year>`, so
a model learns "<state> was admitted" once for every state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scotrack.ingest.classifiers.linear import Features
from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.lexicon import classifiers as rules


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokens(sent: Sentence, mentions: Iterable[Mention]) -> list[Token]:
    """The sentence's words (offsets in the document), mentions as placeholders."""
    found: list[Token] = []
    spans = sorted((m.start, m.end, m.kind) for m in mentions)
    position = sent.start
    for start, end, kind in spans:
        if start < position or end > sent.end:
            continue
        found += _words(sent, position, start)
        found.append(Token(start, end, f"<{kind}>"))
        position = end
    found += _words(sent, position, sent.end)
    return found


def _words(sent: Sentence, start: int, end: int) -> list[Token]:
    offset = sent.start
    out = []
    for match in rules.WORD.finditer(sent.text, start - offset, end - offset):
        word = match.group().lower()
        if rules.YEAR.fullmatch(word):
            word = "<year>"
        elif word[0].isdigit():
            word = "<num>"
        out.append(Token(offset + match.start(), offset + match.end(), word))
    return out


def index_at(toks: list[Token], position: int) -> int:
    """The index of the first token ending after `position`."""
    for i, tok in enumerate(toks):
        if tok.end > position:
            return i
    return len(toks)


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


def window(toks: list[Token], start: int, end: int, size: int) -> list[str]:
    """Words of up to `size` tokens before index `start` and after index `end`,
    marked with their side."""
    before = [f"<{t.text}" for t in toks[max(0, start - size) : start]]
    after = [f">{t.text}" for t in toks[end : end + size]]
    return before + after
