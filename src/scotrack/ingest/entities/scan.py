"""Finding fixed words in a text in one pass, and regexes tried only where they
can match.

`word_starts` and `occurrences` find every occurrence of a tuple of words (as
written, inside words too) with an Aho-Corasick automaton built once per tuple:
one pass over the text, not one `str.find` loop per word. `matches_at` and
`names_ending_at` run a regex only at the places a match can start or end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import ahocorasick

from scotrack.ingest.lexicon import names as rules

_WORDS_BACK_WINDOW = 80


@cache
def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    """An automaton over `words` (each stores its length), built once per tuple."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in words:
        automaton.add_word(word)
    automaton.make_automaton()
    return automaton


def occurrences(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of one of `words` in `text`, overlapping
    ones too, by end (the longer first on a tie)."""
    if not text:
        return []
    return [
        (last + 1 - length, last + 1) for last, length in _automaton(words).iter(text)
    ]


def word_starts(text: str, words: tuple[str, ...]) -> list[int]:
    """Everywhere one of `words` occurs in `text`, in order."""
    return sorted({start for start, _ in occurrences(text, words)})


def is_word_char(text: str, index: int) -> bool:
    """True when `text[index]` exists and is a word character (as `\\w` reads)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_"


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """What `\\b` + `pattern` finds in `text`, given every place a match can start."""
    pos = 0
    for start in starts:
        if start < pos or is_word_char(text, start - 1):
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            pos = match.end()


def names_ending_at(
    pattern: re.Pattern[str], text: str, ends: list[int]
) -> Iterator[re.Match[str]]:
    """What `\\b` + `pattern` finds in `text`, for a pattern that matches two or
    three words ending at one of `ends` (sorted, every place a match can end).

    A match ending at `end` starts within the three words before it, so only
    those positions are tried, not the whole text.
    """
    pos = 0
    for end in ends:
        if end <= pos:
            continue
        first = max(pos, words_back(text, end, 3))
        pos = end  # unless a match is found, none starts before `end`
        for capital in rules.CAPITAL.finditer(text, first, end):
            start = capital.start()
            if is_word_char(text, start - 1):
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = match.end()
                break


def words_back(text: str, end: int, count: int) -> int:
    """Where the `count`-th white-space separated word before `end` starts.

    Read off the reversed text before `end` (`rules.WORDS_BACK` for three
    words), the few characters they take first; a loop over the characters
    when the window falls short."""
    if count == rules.WORDS_BACK_COUNT:
        left = max(0, end - _WORDS_BACK_WINDOW)
        window = text[left:end][::-1]
        taken = rules.WORDS_BACK.match(window)
        if taken is not None and (taken.end() < len(window) or left == 0):
            return end - taken.end()
    start = end
    for _ in range(count):
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return start
