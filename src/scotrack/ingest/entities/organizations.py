"""Which organization a stretch of a document speaks of: the SCO or another one
(CSTO, BRICS, CIS, the EAEU, ...), for telling SCO meetings from theirs.

`Organizations(doc)` finds every name of the SCO and of the other organizations
(rules.SCO_NAME, rules.OTHER_ORGANIZATION_NAMES) in one pass each over the
document, the first time a meeting phrase asks, and answers by offset.
"""

from __future__ import annotations

from bisect import bisect_left

from scotrack.ingest.document import Sentence
from scotrack.ingest.lexicon import organizations as rules


def of_other(text: str, end: int) -> bool:
    """ "a summit of the Russia-led Collective Security Treaty Organization":
    the phrase ending at `end` is followed by "of" another organization."""
    if not text.startswith(" of ", end):
        return False
    return rules.OF_OTHER.match(text, end) is not None


def other_starts(text: str) -> list[int]:
    """The start of each `rules.OTHER` match in `text`, in order.

    `rules.OTHER_UNBOUNDED` finds them, and the word boundary `rules.OTHER`
    begins with is checked at each: while every match passes, the two patterns
    find the same matches (the first place `rules.OTHER` matches is the first
    place the rest of it does); if one fails, `rules.OTHER` runs as written.
    """
    starts: list[int] = []
    for match in rules.OTHER_UNBOUNDED.finditer(text):
        start = match.start()
        before = start > 0 and _is_word(text[start - 1])
        if before == (start < len(text) and _is_word(text[start])):
            return [match.start() for match in rules.OTHER.finditer(text)]
        starts.append(start)
    return starts


def _is_word(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


class Organizations:
    """The offsets of the organization names in one document's text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._names: list[tuple[int, bool]] | None = None

    def _all(self) -> list[tuple[int, bool]]:
        """(start, is the SCO) of each name, in text order; found once."""
        if self._names is None:
            names = [(m.start(), True) for m in rules.SCO.finditer(self._text)]
            names += [(start, False) for start in other_starts(self._text)]
            self._names = sorted(names)
        return self._names

    def between(self, start: int, end: int) -> tuple[bool, bool]:
        """(the SCO is named, another organization is named) in [start, end)."""
        names = self._all()
        sco = other = False
        for offset, is_sco in names[bisect_left(names, (start, False)) :]:
            if offset >= end:
                break
            sco, other = sco or is_sco, other or not is_sco
        return sco, other

    def other_before(self, sent: Sentence, start: int) -> bool:
        """Whether an unqualified meeting phrase at `start` (document offset)
        speaks of another organization's meeting: its sentence names another
        organization before it (within 60 characters) and not the SCO; or, when
        the sentence names none, the nearest earlier sentence naming one names
        another organization and not the SCO."""
        sco, other = self.between(sent.start, sent.end)
        if sco:
            return False
        if other:
            return self.between(max(sent.start, start - 60), start)[1]
        names = self._all()
        before = bisect_left(names, (sent.start, False))
        if not before:
            return False
        last = names[before - 1][0]
        head = self._text.rfind("\n", 0, last) + 1
        near = names[bisect_left(names, (head, False), 0, before) : before]
        return not any(is_sco for _, is_sco in near)
