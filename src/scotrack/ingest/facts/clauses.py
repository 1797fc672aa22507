"""Sentence-level structure shared by the fact stages: mentions by span, cue
words by sentence, clauses.

`MentionIndex` answers "which mentions lie in this span" with a binary search, so
every stage works per sentence without scanning the document. `Keywords` finds a
stage's cue words in one pass over the document, so a stage runs its regexes only
on the sentences that contain a cue. The clause functions cut a commitment's
complement into distinct measures (see `gold/NOTES.md`, "Splitting").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from scotrack.ingest.document import Mention, MentionKind, Sentence
from scotrack.ingest.lexicon import clauses as rules
from scotrack.ingest.lexicon.folding import folded

V = TypeVar("V", bound=Hashable)
_Key = tuple[str, tuple[Sentence, ...]]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def holds_any(text: str, words: Sequence[str]) -> bool:
    """Whether one of `words` occurs in `text`: a few `in` tests, a cheap first
    test before a pattern whose every match holds one."""
    for word in words:  # noqa: SIM110 -- any() and a generator: twice the cost
        if word in text:
            return True
    return False


class _Scanner:
    """One Aho-Corasick automaton over the words of every `Keywords`.

    Each stage has its own cue words, but they all look at the same document:
    one pass over it finds every stage's words (the last few texts' hits are
    remembered), which costs about what one stage's pass did.
    """

    def __init__(self) -> None:
        self._words: dict[str, list[tuple[int, int]]] = {}
        self._owners = 0
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, words: Sequence[str]) -> int:
        """Register the words of one owner; its number. A hit names a word by
        its index in `words`."""
        owner = self._owners
        self._owners += 1
        for entry, word in enumerate(words):
            self._words.setdefault(word, []).append((owner, entry))
        self._automaton = None
        self.hits.cache_clear()
        return owner

    @lru_cache(maxsize=64)  # noqa: B019 -- one scanner, alive as long as the process
    def hits(self, text: str) -> dict[int, list[tuple[int, int, int]]]:
        """(start, end, entry) of every registered word in `text`, by owner."""
        if self._automaton is None:
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
            for word, owners in self._words.items():
                self._automaton.add_word(word, (len(word), tuple(owners)))
            self._automaton.make_automaton()
        lists: list[list[tuple[int, int, int]]] = [[] for _ in range(self._owners)]
        appends = [hits.append for hits in lists]
        for last, (length, owners) in self._automaton.iter(folded(text)):
            end = last + 1
            start = end - length
            for owner, entry in owners:
                appends[owner]((start, end, entry))
        return {owner: hits for owner, hits in enumerate(lists) if hits}


_SCANNER = _Scanner()


class Keywords(Generic[V]):
    """Lower-case ASCII words, each with a value, found where a case-insensitive
    regex of them would match; with `whole_words`, only where they neither start
    nor end inside a word.

    A document is searched in the pass all Keywords share (`_Scanner`); a short
    text (`at`) with an automaton of these words only.
    """

    def __init__(
        self, words: Iterable[tuple[str, V]], *, whole_words: bool = False
    ) -> None:
        table: dict[str, list[V]] = {}
        for word, value in words:
            if not word.isascii() or word != word.lower():
                raise ValueError(f"keyword {word!r} is not lower-case ASCII")
            table.setdefault(word, []).append(value)
        self._values = [tuple(values) for values in table.values()]
        self._owner = _SCANNER.add(list(table))
        self._whole_words = whole_words
        self._last: tuple[_Key, list[dict[int, set[V]]]] | None = None
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for entry, word in enumerate(table):
            self._automaton.add_word(word, (len(word), entry))
        self._automaton.make_automaton()

    def at(self, text: str) -> dict[int, set[V]]:
        """For a short `text`: offset -> the values of the words that begin there."""
        found: dict[int, set[V]] = {}
        whole = Sentence(0, len(text), text)
        for last, (length, entry) in self._automaton.iter(folded(text)):
            start = last + 1 - length
            if not self._whole_words or self._bounded(text, start, last + 1, whole):
                found.setdefault(start, set()).update(self._values[entry])
        return found

    def offsets(self, lowered: str) -> list[int]:
        """For a short folded text (`folded`): where the words begin, in order;
        for Keywords of any words, not only whole ones."""
        if self._whole_words:
            raise ValueError("offsets() finds words anywhere, not whole words")
        return sorted(
            {last + 1 - length for last, (length, _) in self._automaton.iter(lowered)}
        )

    def by_sentence(self, text: str, sentences: Sequence[Sentence]) -> list[set[V]]:
        """For each sentence of the document `text`, the values of its words."""
        found: list[set[V]] = [set() for _ in sentences]
        for number, _, entry in self._in_sentences(text, sentences):
            found[number].update(self._values[entry])
        return found

    def at_by_sentence(
        self, text: str, sentences: Sequence[Sentence]
    ) -> list[dict[int, set[V]]]:
        """For each sentence of the document `text`: offset in the sentence -> the
        values of the words that begin there.

        Remembered for the last document, as two stages (commitments and areas)
        ask for the same one's: the callers only read what they get.
        """
        key = (text, tuple(sentences))  # compared by identity first: cheap
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        found: list[dict[int, set[V]]] = [{} for _ in sentences]
        for number, start, entry in self._in_sentences(text, sentences):
            offset = start - sentences[number].start
            found[number].setdefault(offset, set()).update(self._values[entry])
        self._last = (key, found)
        return found

    def _in_sentences(
        self, text: str, sentences: Sequence[Sentence]
    ) -> list[tuple[int, int, int]]:
        """(sentence number, start, entry) of each hit inside a sentence."""
        starts = [sent.start for sent in sentences]
        inside: list[tuple[int, int, int]] = []
        for start, end, entry in _SCANNER.hits(text).get(self._owner, ()):
            number = bisect_right(starts, start) - 1
            if number < 0 or end > sentences[number].end:
                continue
            if self._whole_words and not self._bounded(
                text, start, end, sentences[number]
            ):
                continue
            inside.append((number, start, entry))
        return inside

    @staticmethod
    def _bounded(text: str, start: int, end: int, sent: Sentence) -> bool:
        if start > sent.start and _is_word(text[start - 1]):
            return False
        return not (end < sent.end and _is_word(text[end]))


_START = attrgetter("start")
_END = attrgetter("end")


class MentionIndex:
    """The document's mentions sorted by start, searchable by span."""

    _last: tuple[tuple[Mention, ...], MentionIndex] | None = None

    def __init__(self, mentions: Iterable[Mention]) -> None:
        # by start, the longer first: two stable sorts on C-level keys
        by_end = sorted(mentions, key=_END, reverse=True)
        self._mentions = sorted(by_end, key=_START)
        self._starts = [mention.start for mention in self._mentions]

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> MentionIndex:
        """`MentionIndex(mentions)`, remembered for the last document's mentions:
        the fact stages all index the same ones (an index is never changed)."""
        key = tuple(mentions)  # compared by identity first: cheap
        if cls._last is not None and cls._last[0] == key:
            return cls._last[1]
        index = cls(key)
        cls._last = (key, index)
        return index

    def between(
        self, start: int, end: int, kinds: Sequence[MentionKind] | None = None
    ) -> list[Mention]:
        """Mentions that lie wholly inside [start, end), optionally of some kinds."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, first)
        if kinds is None:
            return [m for m in self._mentions[first:last] if m.end <= end]
        return [
            m for m in self._mentions[first:last] if m.end <= end and m.kind in kinds
        ]


def matches_at(
    pattern: re.Pattern[str],
    text: str,
    starts: Sequence[int],
    start: int = 0,
    end: int | None = None,
) -> list[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds, for a pattern that never
    matches an empty string and whose every match begins at one of `starts`
    (sorted offsets, where its literal first letters occur; others do no harm):
    it is tried only there, not at every character. The matches see the text
    before `start` and stop at `end` as finditer's do."""
    end = len(text) if end is None else end
    found: list[re.Match[str]] = []
    free = start
    for index in range(bisect_left(starts, start), len(starts)):
        offset = starts[index]
        if offset >= end:
            break
        if offset >= free:
            match = pattern.match(text, offset, end)
            if match is not None:
                found.append(match)
                free = match.end()
    return found


def spaced_starts(
    text: str, marks: str, words: Sequence[str], start: int = 0, end: int | None = None
) -> list[int]:
    """Where one of the characters `marks` occurs in `text`, or a white space
    of the run right before one of `words`, in order: for `matches_at`. With
    `start` and `end`, only the marks and words that lie between them."""
    end = len(text) if end is None else end
    found: set[int] = set()
    for mark in marks:
        at = text.find(mark, start, end)
        while at >= 0:
            found.add(at)
            at = text.find(mark, at + 1, end)
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            space = at
            while space > 0 and text[space - 1].isspace():
                space -= 1
                found.add(space)
            at = text.find(word, at + 1, end)
    return sorted(found)


def matches_in(
    pattern: re.Pattern[str],
    text: str,
    matches: Sequence[re.Match[str]],
    start: int,
    end: int,
    starts: Sequence[int] | None = None,
) -> list[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds, given `matches`, all that
    `pattern.finditer(text)` finds: a sentence is searched once, not once per
    clause or per verb.

    A whole-text match that crosses `start` or reaches `end` (before the end of
    `text`) may have been cut short in the span, and a word going on at `end`
    may have kept a look-ahead from matching, so then the span is searched.
    Otherwise the matches inside the span are the span's own, provided the
    pattern's end-of-text tests (`\\b`, `(?!...)`) do not succeed at `end` where
    the whole text's failed; the callers' spans end before a clause boundary
    (", ", "; ", " and ", " he said"), where they do not (tests check this on
    the dev, held-out and seed sentences). With `starts`, the span is searched
    there only (`matches_at`).
    """

    def searched() -> list[re.Match[str]]:
        if starts is None:
            return list(pattern.finditer(text, start, end))
        return matches_at(pattern, text, starts, start, end)

    if end < len(text) and _is_word(text[end]):
        return searched()
    inside: list[re.Match[str]] = []
    for match in matches:
        first, last = match.span()
        if first >= end:
            break
        if last <= start:
            continue
        if first < start or (last >= end and end < len(text)):
            return searched()
        inside.append(match)
    return inside


class Segment(NamedTuple):
    """A piece of a sentence: offsets relative to the sentence text."""

    start: int
    end: int


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
    limit: int | None = None  # where a purpose clause begins, found when needed
    pieces: list[Segment] = []
    begin = start
    lowered = folded(text)
    joints = spaced_starts(
        lowered, rules.CONJUNCT_MARKS, rules.CONJUNCT_WORDS, head_end, end
    )
    for match in matches_at(rules.CONJUNCT, lowered, joints, head_end, end):
        if limit is None:
            purpose = rules.PURPOSE.search(text, head_end, end)
            limit = purpose.start() if purpose else end
        after_purpose = match.start() >= limit
        if after_purpose and not text.startswith(", and to ", match.start()):
            continue
        if commas_only and text[match.start()] != ",":
            continue
        if _bare_verb(text, begin, head_end, match.start()):
            continue  # "strengthen and deepen cooperation": one measure
        pieces.append(Segment(begin, match.start()))
        begin = match.end()
    pieces.append(Segment(begin, end))
    pieces = [piece for piece in pieces if piece.end - piece.start > 8]
    if len(pieces) > 1 and _parallel(text, pieces):
        return [Segment(start, end)]
    return pieces or [Segment(start, end)]


def _bare_verb(text: str, begin: int, head_end: int, joint: int) -> bool:
    """Whether the piece before a joint is a verb alone, with no object of its
    own: the head verb ("expand and modernise the network"), or one word."""
    if begin < head_end:
        return not text[head_end:joint].strip()
    return len(text[begin:joint].split()) < 2


def _parallel(text: str, pieces: list[Segment]) -> bool:
    """True when one modifier runs through every piece ("common ... common ...")."""
    counts: list[dict[str, int]] = []
    for piece in pieces:
        tally: dict[str, int] = {}
        for word in rules.HEAD_WORDS.findall(text[piece.start : piece.end]):
            key = word.lower()
            if len(key) > 3 and key not in rules.GENERIC:
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


def clause_starts(text: str) -> list[int]:
    """Offsets where a new clause begins: participial clauses (", suggesting"),
    "; ", ", while/but/which", and a coordinated past-tense predicate."""
    lowered = folded(text)
    starts = spaced_starts(lowered, rules.BOUNDARY_MARKS, rules.BOUNDARY_WORDS)
    return [
        0,
        *(match.start() for match in matches_at(rules.BOUNDARY, lowered, starts)),
    ]
