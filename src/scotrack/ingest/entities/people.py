"""People the text names by position rather than by the gazetteer.

Each function takes the mentions found so far and returns new person mentions
(or office mentions) to merge with them:

- `widened_people`: a known surname with the given names or initials printed
  before it ("Emomalii Rahmon", "R. Otunbaeva", "M Venkaiah Naidu") is one
  mention of the whole name, written as `spelling` says.
- `pattern_people`: an unknown name after a title, however long ("Minister of
  Petroleum and Natural Gas Murli Deora", "Secretary-General of the Association
  of Southeast Asian Nations Le Luong Minh", "Admiral Dong Jun"), before a verb
  of saying or an appositive, or after "said".
- `appositive_offices`: the office of "NAME, director of ...,".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from scotrack.ingest.document import Mention
from scotrack.ingest.entities.gazetteer import gazetteer
from scotrack.ingest.entities.scan import is_word_char, matches_at
from scotrack.ingest.entities.scan import names_ending_at as _names_ending_at
from scotrack.ingest.entities.scan import word_starts as word_starts
from scotrack.ingest.entities.spelling import KnownPeople
from scotrack.ingest.lexicon import names as rules

_SPAN = 24
"""How many words a title and the name after it may take."""
_NAME_KINDS = ("name", "initials", "particle")
_TITLES, _SAYING, _SAID = range(3)
"""The groups of `rules.CUE_GROUPS`."""


def _cues(text: str) -> tuple[list[tuple[int, int]], ...]:
    """(start, end) of the title words, the verbs of saying and the words a name
    follows ("said", "according to") in `text`: found in the gazetteer's pass."""
    return gazetteer().scan(text).cues


class Token(NamedTuple):
    """One word after a title: `kind` is name, initials, particle, title (a
    title's own word), cut (a body's or a place's word), connector, paren or
    stop; `closes` when punctuation ends the run after it."""

    start: int
    end: int
    kind: str
    closes: bool


def _kind(word: str, covering: Mention | None, *, in_name: bool) -> str:
    """What one word after a title is (see `Token`)."""
    if covering is not None:
        if covering.kind == "person":
            return "person"
        return "title" if covering.kind == "office" else "cut"
    bare = word.removesuffix("'s").removesuffix("\u2019s").rstrip(".")
    if word in rules.CONNECTORS:
        return "connector"
    if word in rules.PARTICLES:
        return "particle" if in_name else "connector"
    if word.startswith("(") or not word[:1].isalpha():
        return "paren"
    if word.endswith(".") and rules.INITIALS.fullmatch(word):
        return "initials"
    if bare in rules.HONORIFICS or bare in rules.TITLE_HEADS:
        return "title"
    if bare in rules.INSTITUTION_WORDS:
        return "cut"
    if bare in rules.NOT_NAMES or not rules.NAME_WORD.fullmatch(word):
        return "stop"
    return "cut" if word.isupper() else "name"


def _tokens(
    text: str, pos: int, covered: list[Mention], starts: list[int]
) -> Iterator[Token]:
    """The words after `pos` (a title's end), up to a blank line, classified;
    `starts` are those of the mentions `covered`."""
    in_name = False
    for _ in range(_SPAN):
        match = rules.TOKEN.search(text, pos)
        if match is None or (
            text.find("\n", pos, match.start()) >= 0  # the cheap test first
            and rules.BLANK_LINE.search(text, pos, match.start())
        ):
            return
        start, word = match.start(), match.group()
        if word.startswith("("):  # "(RATS)", "(SCO RATS)": skipped whole
            close = text.find(")", start, start + 60)
            pos = close + 1 if close > 0 else match.end()
            yield Token(start, pos, "paren", False)
            continue
        pos = match.end()
        tail = rules.TOKEN_END.search(word) if word[-1] in rules.TOKEN_CLOSERS else None
        closes = tail is not None
        word = word[: tail.start()] if tail is not None else word
        glued = rules.INITIALS.match(word) if "." in word else None
        if glued is not None and 0 < glued.end() < len(word) and "." in glued.group():
            yield Token(start, start + glued.end(), "initials", False)  # "Y.Sodbaatar"
            start, word = start + glued.end(), word[glued.end() :]
        if not word:  # punctuation alone: "Minister , of"
            yield Token(start, start, "cut", True)
            continue
        if (
            word.endswith(".")
            and not rules.INITIALS.fullmatch(word)
            and word.rstrip(".") not in rules.HONORIFICS
        ):
            closes, word = True, word.rstrip(".")  # a sentence ends
        end = start + len(word)
        i = bisect_left(starts, end) - 1
        cover = covered[i] if i >= 0 and covered[i].end > start else None
        kind = _kind(word, cover, in_name=in_name)
        if in_name and kind == "name" and word.endswith(("'s", "\u2019s")):
            closes = True  # "President Jimmy Carter's adviser": the name ends
        in_name = kind in _NAME_KINDS
        yield Token(start, end, kind, closes)


def _acceptable(run: list[Token], after: Token | None) -> bool:
    """True when a run of name words is a person's name: two words or more (or
    initials and a surname), not cut off before a body's word."""
    while run and run[-1].kind == "particle":
        run.pop()
    words = [t for t in run if t.kind == "name"]
    if not words or run[0].kind == "particle" or len(words) > 4:
        return False
    if run[0].kind == "initials":
        return True
    if after is not None and after.kind == "cut":
        return False  # "Opening" of "... Opening Ceremony"
    return len(words) >= 2


def titled_name(
    text: str, pos: int, covered: list[Mention], starts: list[int]
) -> tuple[int, int] | None:
    """The span of the first name after the title ending at `pos`, if any
    (`starts` are those of the mentions `covered`)."""
    run: list[Token] = []
    crossed = False
    for token in _tokens(text, pos, covered, starts):
        if token.kind == "person":
            return None  # a known person holds the title
        after: Token | None = token
        if token.kind in _NAME_KINDS and not (
            token.kind == "initials" and any(t.kind == "name" for t in run)
        ):
            run.append(token)
            if not token.closes:
                continue
            after = None
        if run and _acceptable(run, after):
            return run[0].start, run[-1].end
        run = []
        if after is None or after.kind == "stop":
            return None
        if after.closes:
            if crossed or text[after.end : after.end + 1] != ",":
                return None
            crossed = True  # "President of Iran, Mohammad Mokhber,"
    return (run[0].start, run[-1].end) if run and _acceptable(run, None) else None


def _title_ends(text: str, found: list[Mention]) -> list[int]:
    """Where a title ends: after each title word and each office mention."""
    ends = _title_word_ends(text)
    ends.update(m.end for m in found if m.kind == "office" and m.value[:1].isupper())
    return sorted(ends)


def _title_word_ends(text: str) -> set[int]:
    """Where the title words of `text` end, a full stop after one included: the
    ends of the matches of `\\b(?:TITLE_HEADS|Member(?= of))\\b\\.?`, found
    in the gazetteer's pass. At one place the longest title word is the match, as in
    the regex, whose alternation lists "Secretary-General" before "Secretary"."""
    found = []
    for start, end in _cues(text)[_TITLES]:
        if is_word_char(text, start - 1):
            continue
        if text.endswith(" of", start, end):  # "Member" before "of" (not "States")
            end -= 3
        elif is_word_char(text, end):
            continue
        found.append((start, -end))
    found.sort()
    ends = set()
    reach = 0
    for start, minus_end in found:
        if start < reach:
            continue  # inside the title word before ("General" of "Director General")
        reach = -minus_end
        if text.startswith(".", reach):
            reach += 1
        ends.add(reach)
    return ends


def pattern_people(text: str, found: list[Mention]) -> list[Mention]:
    """People the text names by position (see the module docstring)."""
    taken = [(m.start, m.end) for m in found]
    covered = list(found)
    starts = [m.start for m in covered]
    spans: list[tuple[int, int]] = []
    for end in _title_ends(text, found):
        span = titled_name(text, end, covered, starts)
        if span is not None:
            spans.append(span)
    joined = (rules.AND_NAME.match(text, m.end) for m in found if m.kind == "person")
    for match in (
        *(m for m in joined if m is not None),
        *_names_ending_at(rules.SAID_AFTER, text, _said_ends(text)),
        *matches_at(rules.SAID_BEFORE, text, _starts(_cues(text)[_SAID])),
        *_names_ending_at(rules.BEFORE_APPOSITIVE, text, _appositive_ends(text)),
    ):
        spans.append(match.span(1))
    new: list[Mention] = []
    for start, end in sorted(set(spans)):
        for m in _name_mention(text, start, end, taken):
            if not new or new[-1].end <= m.start:
                new.append(m)
    return new


def widened_people(
    text: str, found: list[Mention], known: KnownPeople, on: str | None
) -> list[Mention]:
    """`found` with each known surname widened over the given names or initials
    printed before it, when they fit (see the module docstring)."""
    out = list(found)
    for i, m in enumerate(out):
        if m.kind != "person":
            continue
        left = _left_name(text, m.start, out[i - 1].end if i else 0)
        if m.value and not rules.ALL_INITIALS.fullmatch(text[left : m.start].strip()):
            continue  # a full name widens over initials only ("M Venkaiah Naidu")
        if left == m.start:
            continue
        printed = text[left : m.end]
        name = known.spelled(printed, on)
        words = rules.INITIALS.sub("", text[left : m.start]).split()
        if known.person_of(name) is None and (
            (len(words) == 1 and not _out_of_office(known, m.surface, on))
            or (not words and "." not in printed)
        ):
            continue  # "Kyrghyzstan Bakiyev", "A Putin aide"
        out[i] = Mention(left, m.end, "person", name, printed, m.state)
    return out


def _out_of_office(known: KnownPeople, surname: str, on: str | None) -> bool:
    """True when no known person of `surname` held office on `on`: another given
    name before the surname is then another person's ("Jadambyn Enkhbayar", a
    secretary in 2022, not Nambaryn Enkhbayar, president until 2009)."""
    people = known.surnames.get(surname, [])
    return on is not None and not any(p.holds_office(on) for p in people)


def _left_name(text: str, start: int, floor: int) -> int:
    """Where the given names or initials just before `start` begin (`start`
    when there are none): up to three words, on the same or the previous line."""
    left = start
    for _ in range(3):
        before = text[max(floor, left - 40) : left]
        match = rules.LEFT_NAME_WORD.search(before)
        if match is None:
            break
        word = match.group(match.lastindex or 0).strip()
        if word in rules.NOT_NAMES or title_word(word.rstrip(".")):
            break
        left = left - len(before) + match.start(match.lastindex or 0)
    return left


def _said_ends(text: str) -> list[int]:
    """Where white space before a verb of saying starts: every place a name run
    of `rules.SAID_AFTER` can end."""
    ends = set()
    for at in _starts(_cues(text)[_SAYING]):
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < at:
            ends.add(end)
    return sorted(ends)


def _starts(found: list[tuple[int, int]]) -> list[int]:
    return sorted({start for start, _ in found})


def _appositive_ends(text: str) -> list[int]:
    """The commas an appositive (", director of ...,") starts at."""
    return [match.start() for match in rules.ANY_APPOSITIVE.finditer(text)]


def _name_mention(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> Iterator[Mention]:
    """A person mention for the name at `start:end`, trimmed of honorifics and
    title words before it and of a possessive or a sentence word after it;
    nothing when it overlaps a mention already taken or keeps one word only."""
    spans = [match.span() for match in rules.TOKEN.finditer(text, start, end)]
    words = [text[a:b] for a, b in spans]
    possessive = ("'s", "\u2019s")
    while words and (words[-1] in rules.NOT_NAMES or words[-1].endswith(possessive)):
        if words[-1].endswith(possessive) and words[-1][:-2] not in rules.NOT_NAMES:
            words[-1] = words[-1][:-2]
            spans[-1] = (spans[-1][0], spans[-1][1] - 2)
            break
        words.pop()
        spans.pop()
    while words and (title_word(words[0]) or overlaps(spans[0], taken)):
        words.pop(0)  # "Minister", a place: "of Kyrgyzstan Gulkayir Balbaeva said"
        spans.pop(0)
    if len(words) < 2 and not (words and rules.INITIALS.match(words[0])):
        return
    if any(_bare(word) in rules.INSTITUTION_WORDS for word in words):
        return  # "Silk Road Fund announced"
    start, end = spans[0][0], spans[-1][1]
    if overlaps((start, end), taken):
        return
    name = text[start:end]
    yield Mention(start, end, "person", " ".join(name.split()), name, None)


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """True when `span` overlaps one of the sorted spans `taken`."""
    start, end = span
    index = bisect_left(taken, (start, start))
    return any(
        left < end and start < right
        for left, right in taken[max(0, index - 1) : index + 2]
    )


def _bare(word: str) -> str:
    """`word` without a possessive or a full stop after it."""
    return word.removesuffix("'s").removesuffix("\u2019s").rstrip(".")


def title_word(word: str) -> bool:
    """True when `word` is a sentence word, an honorific or a title's word."""
    bare = word.rstrip(".")
    return (
        word in rules.NOT_NAMES
        or bare in rules.HONORIFICS
        or bare in rules.INSTITUTION_WORDS
        or bare in rules.TITLE_HEADS
    )


def appositive_offices(text: str, found: list[Mention]) -> list[Mention]:
    """An office mention for each "NAME, director of ...," after a person."""
    new = []
    starts, reach = reaches([(m.start, m.end) for m in found])
    for person in found:
        if person.kind != "person":
            continue
        match = rules.APPOSITIVE.match(text, person.end)
        if match is None:
            continue
        start, end = match.span(1)
        before = bisect_left(starts, end)  # the mentions that start before `end`
        if not (before and reach[before - 1] > start):
            new.append(Mention(start, end, "office", text[start:end], text[start:end]))
    return new


def reaches(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts of `spans`, sorted, and at each index the furthest end of the
    spans up to it: a span overlaps one of them when one that starts before its
    end reaches past its start (a look-up, not a scan of them all, #18)."""
    starts, reach, furthest = [], [], 0
    for start, end in sorted(spans):
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach
