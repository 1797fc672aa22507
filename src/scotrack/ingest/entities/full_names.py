"""The full names a page gives, indexed for the names it shortens.

A page shortens a name it wrote out in full: to initials ("A. Petrov" after
"Anton Petrov") or to one word ("Lavrov", "Premier Li"). `FullNames` finds the
full name for each in time independent of the page's length: the names are
indexed once by their words (a page of 4 MB has thousands of people, and
comparing each mention with each name costs the square of that, #18).
`repeated_names` finds the later bare surnames ("Pan" after "Pan Guang").
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

import ahocorasick

from scotrack.ingest.document import Mention
from scotrack.ingest.entities.people import overlaps
from scotrack.ingest.entities.spelling import fold, full_name, split_initials
from scotrack.ingest.lexicon import names as rules

_START = attrgetter("start")


@lru_cache(maxsize=4096)
def _parts(name: str) -> tuple[str, ...]:
    """The words of a full name, hyphenated parts apart, as `fold` spells them."""
    return tuple(fold(part) for part in rules.NAME_PARTS.split(name))


class FullNames:
    """The people mentions of one page, in text order, ready to complete the
    shortened ones."""

    def __init__(self, people: list[Mention], surname_first: frozenset[str]) -> None:
        self.surname_first = surname_first
        self.named = [m for m in people if full_name(m.value)]
        self.sorted = all(a.start <= b.start for a, b in pairwise(self.named))
        self.by_part: dict[str, list[Mention]] = {}
        self.by_first: dict[str, list[Mention]] = {}
        for p in self.named:
            parts = _parts(p.value)
            for part in dict.fromkeys(parts):
                self.by_part.setdefault(part, []).append(p)
            if parts:
                self.by_first.setdefault(parts[0], []).append(p)
        self.written_out: dict[tuple[tuple[str, ...], str], str] = {}
        for other in people:
            initials, words = split_initials(other.value)
            if initials:
                continue
            for size in range(1, len(words)):
                key = (tuple(fold(w) for w in words[-size:]), words[0][:1])
                self.written_out.setdefault(key, other.value)

    def initials_written_out(self, m: Mention) -> str | None:
        """The name the text writes out in full elsewhere for a name printed
        with initials ("A. Petrov" after "Anton Petrov"): same surname, same
        initial; the first such name of the page."""
        initials, words = split_initials(m.value)
        if not initials or not words:
            return None
        return self.written_out.get((tuple(fold(w) for w in words), initials[:1]))

    def earlier(self, m: Mention) -> str | None:
        """The full name given before `m` (else after it), that `m`'s surname
        is part of (compared as `spelling.fold` spells them); a surname written
        first ("Wei") only as a first word, not as the given name of "Chen Wei"."""
        surname = m.surface.removesuffix("'s").removesuffix("\u2019s")
        key = fold(surname)
        index = self.by_first if surname in self.surname_first else self.by_part
        matching = index.get(key, [])
        if not matching:
            return None
        if self.sorted:
            before = bisect_left(matching, m.start, key=_START)
            return matching[before - 1 if before else 0].value
        earlier = [p for p in matching if p.start < m.start]
        return (earlier or matching)[-1 if earlier else 0].value


def repeated_names(text: str, found: list[Mention]) -> list[Mention]:
    """Later bare surnames of full names the text gave ("Pan" after "Pan Guang")."""
    taken = [(m.start, m.end) for m in found]
    new: list[Mention] = []
    names = {m.value for m in found if m.kind == "person" and " " in m.value}
    wanted = {name: _name_parts(name) for name in sorted(names)}
    starts = _bare_starts(text, {part for parts in wanted.values() for part in parts})
    for name, parts in wanted.items():
        for part in parts:
            for start in starts.get(part, ()):
                end = start + len(part)
                if not overlaps((start, end), taken):
                    new.append(Mention(start, end, "person", name, part))
    return new


def _name_parts(name: str) -> list[str]:
    """The first and last words of a full name that may stand for it alone."""
    words = name.split()
    return [
        part
        for part in sorted({words[0], words[-1]})
        if "." not in part and part[:1].isupper() and part not in rules.NOT_NAMES
    ]


def _bare_starts(text: str, parts: set[str]) -> dict[str, list[int]]:
    """Where each of `parts` stands as a word of its own, no capitalised word
    after it: the matches of `\\bPART\\b(?!\\s+NAME)`, left to right, none
    overlapping the one before. All parts are found in one pass over the text
    (a scan of the whole text for each name costs the square of its length, #18).
    Outside the text is a space, not a word character."""
    if not parts:
        return {}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for part in parts:
        automaton.add_word(part, part)
    automaton.make_automaton()
    occurrences: dict[str, list[int]] = {}
    for last, part in automaton.iter(text):
        occurrences.setdefault(part, []).append(last + 1 - len(part))
    found: dict[str, list[int]] = {}
    for part, starts in occurrences.items():
        word_first = part[0].isalnum() or part[0] == "_"
        word_last = part[-1].isalnum() or part[-1] == "_"
        kept = found[part] = []
        free = 0  # where the last match kept ends
        for start in starts:
            end = start + len(part)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if (
                start >= free
                and (before.isalnum() or before == "_") != word_first
                and (after.isalnum() or after == "_") != word_last
                and rules.SPACED_NAME.match(text, end) is None
            ):
                kept.append(start)
                free = end
    return found
