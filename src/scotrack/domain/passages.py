"""The passage around a claim's evidence: the one cut of the sentence(s) that hold
its spans, shown to the reviewer (`scotrack review show`, the API's claim, the
web's review page), kept for search as the claim's body, and quoted by a
compliance suggestion (#15).

Two functions cut it before: the claim view's `evidence_sentence` and
`evidence_context` for search and suggestions. This is the second one's cut,
which is right for every caller, with the places of the spans in it added:

- a span grows back to just after the previous ". " or line break and forward
  through the "." of the next ". " or up to the next line break, so a span that
  ends on its sentence's full stop keeps that sentence alone (the claim view went
  on to the next one);
- at most `SENTENCE_CONTEXT` characters either way, so a page with no full stop
  in reach gives a window, not the whole page (the claim view had no bound);
- every span counts, and the sentences of spans apart are joined by " … " in
  text order (the claim view showed the first span's sentence only; a claim of
  several spans showed no other);
- runs of white space are one space, since the passage is read as one line on
  every surface and kept as one line for search (the claim view kept them);
- spans are clipped to the text (the claim view took them as given).

The text is what the search index already kept, so no stored body changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ELLIPSIS = "\u2026"
SEPARATOR = f" {ELLIPSIS} "
"""Between the sentences of spans apart."""
SENTENCE_CONTEXT = 300
"""At most this many characters of a claim's sentence either side of its evidence."""


@dataclass(frozen=True, slots=True)
class Passage:
    """The sentence(s) around some spans of a text, and the spans' places in it."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()
    """[start, end) in `text` of each span that covers a word, in text order."""

    @property
    def first(self) -> tuple[int, int]:
        """The first mark, or (0, 0) with none."""
        return self.marks[0] if self.marks else (0, 0)

    def parts(self) -> list[tuple[str, bool]]:
        """`text` cut at the marks: (piece, marked), no empty piece; marks that
        overlap or touch are one marked piece."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(self.marks):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        pieces: list[tuple[str, bool]] = []
        at = 0
        for start, end in merged:
            pieces += [(self.text[at:start], False), (self.text[start:end], True)]
            at = end
        pieces.append((self.text[at:], False))
        return [(piece, marked) for piece, marked in pieces if piece]


def passage(text: str, spans: Sequence[tuple[int, int]]) -> Passage:
    """The sentence(s) of `text` around `spans` (see the module's rules)."""
    ranges: list[tuple[int, int]] = []
    clipped: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        start = max(0, min(span_start, len(text)))
        end = max(start, min(span_end, len(text)))
        clipped.append((start, end))
        floor = max(0, start - SENTENCE_CONTEXT)
        ceiling = min(len(text), end + SENTENCE_CONTEXT)
        full_stop = text.rfind(". ", floor, start)
        newline = text.rfind("\n", floor, start)
        if full_stop < 0 and newline < 0:
            begin = floor
        else:
            begin = max(full_stop + 2, newline + 1)
        # through the next "." of ". ", or up to the next newline
        ends = [
            found + offset
            for found, offset in (
                (text.find(". ", max(begin, end - 1), ceiling), 1),
                (text.find("\n", end, ceiling), 0),
            )
            if found >= 0
        ]
        finish = min(ends) if ends else ceiling
        if ranges and begin <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(finish, ranges[-1][1]))
        else:
            ranges.append((begin, finish))
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    offset = 0
    for begin, finish in ranges:
        part = " ".join(text[begin:finish].split())
        if not part:
            continue
        if parts:
            offset += len(SEPARATOR)
        for start, end in clipped:
            if not begin <= start <= end <= finish:
                continue
            words = " ".join(text[start:end].split())
            if words:
                at = offset + _word_start(text, begin, start)
                marks.append((at, at + len(words)))
        parts.append(part)
        offset += len(part)
    return Passage(SEPARATOR.join(parts), tuple(marks))


def _word_start(text: str, begin: int, at: int) -> int:
    """Where the first non-space character at or after `at` falls once
    `text[begin:]` has its runs of white space made one space and trimmed (a
    span's mark is its words from there)."""
    words = text[begin:at].split()
    shown = len(" ".join(words))
    if words and (text[at - 1].isspace() or (at < len(text) and text[at].isspace())):
        return shown + 1  # the space before the next word
    return shown
