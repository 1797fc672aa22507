"""Gazetteer matching: every named state, city, body, person and office in the text.

Contract for later stages: `doc.mentions` is a list of `Mention(start, end, kind,
value, surface, state)` sorted by `start`, never overlapping (the longest match
wins: "Shanghai Cooperation Organization" is one mention, not "Shanghai" plus
more), `surface == doc.text[start:end]`. By kind:

- `state`: a state's name, alias or adjective ("Russia's", "Chinese", "Afghan");
  `value` and `state` are the ISO alpha-3 code. Outlet names ("China Daily",
  "Times of India") and phrases like "Indian Ocean" are not state mentions.
- `city`: a city or capital; `value` the city's name, `state` its state's code.
  A city is a place: whether a capital stands for its government is decided by
  `entities`, not here.
- `body`: an SCO body from data/bodies.json; `value` is the body code.
- `initiative`: an initiative from data/initiatives.json; `value` its code.
- `region`: "Central Asia", "Eurasia", "Middle East", ...; names no state.
- `organization`: "Shanghai Cooperation Organization"/"Organisation" or "SCO";
  `value` is "SCO".
- `office`: an office title ("Premier", "Prime Minister", "Secretary-General"),
  `value` its usual spelling, `state` the state (or "SCO") a name or adjective
  just before it gives ("Chinese Premier", "Russia's Foreign Minister", "SCO
  Secretary-General") or that follows it ("President of Kazakhstan"). An
  appositive after a person ("Pan Guang, director of ... Center,") is also an
  office mention, `value` the phrase as printed.
- `person`: `value` the full name; a surname alone ("Li", "Putin") resolves to
  the full name the document gives, else to the known leader of that name in
  office on the document's date (data/people.json), else it is left out.
  `state` is the office's state when the text ties the person to an office
  ("Chinese President Xi Jinping" gives CHN; "President Xi Jinping" the
  leader's own state), else None. Photo credits ("(Xinhua/Wang Ye)") are not
  people.

The automaton is built once per process, on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from operator import attrgetter
from typing import cast

from scotrack.ingest.document import CleanDocument, Mention, MentionKind, Stage
from scotrack.ingest.entities.gazetteer import Entry, Gazetteer, gazetteer
from scotrack.ingest.lexicon import names as rules

# The three below leave out their leading `\b`: see `matches_at`.
_START = attrgetter("start")
# fmt: off


def raw_hits(text: str, gaz: Gazetteer) -> list[tuple[int, int, int, int, Entry]]:
    """Every gazetteer entry found at word boundaries, case rules applied, as
    (start, start - end, rank, sequence number, entry) in the automaton's order."""
    folded = text.lower()
    if len(folded) != len(text):  # a few characters change length when lowered
        folded = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    padded = text + " "  # padded[-1] and padded[len(text)] are not word characters
    hits: list[tuple[int, int, int, int, Entry]] = []
    for last, keys in gaz.automaton.iter(folded):
        end = last + 1
        after = padded[end]
        if after.isalnum() or after == "_":
            continue
        for length, rank, spellings, entry in keys:
            start = end - length
            before = padded[start - 1]
            if before.isalnum() or before == "_":
                continue
            if spellings is not None and text[start:end] not in spellings:
                continue
            hits.append((start, -length, rank, len(hits), entry))
    return hits


def longest_hits(text: str, gaz: Gazetteer) -> list[tuple[int, int, Entry]]:
    """Non-overlapping hits, leftmost-longest first; same-span ties by entry order."""
    kept: list[tuple[int, int, Entry]] = []
    reach = 0
    for start, minus_length, _, _, entry in sorted(raw_hits(text, gaz)):
        if start >= reach:
            reach = start - minus_length
            kept.append((start, reach, entry))
    return kept


def _person_prone(text: str, start: int, end: int) -> bool:
    """True when a name like "Jordan" or "Georgia" sits inside a person's name."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    prev = rules.NAME_BEFORE.search(before)
    nxt = rules.SPACED_NAME.match(after)
    return bool(
        (
            prev
            and prev.group(1) not in rules.NOT_NAMES
            and not before.rstrip().endswith(".")
        )
        or (nxt and nxt.group(1) not in rules.NOT_NAMES)
    )


def gazetteer_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Mentions straight from the automaton (surnames still unresolved)."""
    found = []
    for start, end, entry in longest_hits(text, gaz):
        if entry.kind == "skip":
            continue
        if entry.person_prone and _person_prone(text, start, end):
            continue
        if entry.kind == "person" and not entry.value and _name_goes_on(text, end):
            continue  # "Li" of an unknown "Li Hui"
        kind = cast(MentionKind, entry.kind)
        found.append(
            Mention(start, end, kind, entry.value, text[start:end], entry.state)
        )
    return found


def _name_goes_on(text: str, end: int) -> bool:
    nxt = rules.NAME_NEXT.match(text[end : end + 30])
    return nxt is not None and nxt.group(1) not in rules.NOT_NAMES


def _follows(text: str, left: int, right: int, *, allow: str = "") -> bool:
    """True when only white space (or the words in `allow`) separates two spans."""
    gap = text[left:right]
    return not gap.strip() or gap.strip() in allow.split("|")


def office_states(text: str, found: list[Mention]) -> list[Mention]:
    """Office mentions given the state a name or adjective before or after gives."""
    out = list(found)
    for i, office in enumerate(out):
        if office.kind != "office":
            continue
        state = None
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (
            prev
            and prev.kind in ("state", "organization")
            and _follows(text, prev.end, office.start, allow="'s|\u2019s|of the")
        ):
            state = prev.value
        elif (
            nxt
            and nxt.kind == "state"
            and rules.OF_STATE.fullmatch(text, office.end, nxt.start)
        ):
            state = nxt.value
        if state is not None:
            out[i] = _with_state(office, state)
    return out


def _with_state(m: Mention, state: str | None) -> Mention:
    return Mention(m.start, m.end, m.kind, m.value, m.surface, state)


def pattern_people(text: str, found: list[Mention]) -> list[Mention]:
    """People the text names by position: after an office, before an appositive
    or a verb of saying; these are new mentions to merge with `found`."""
    taken = [(m.start, m.end) for m in found]
    new: list[Mention] = []
    for i, office in enumerate(found):
        if office.kind != "office" or office.value[0].islower():
            continue
        pos = office.end
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt
            and nxt.kind == "state"
            and rules.OF_STATE.fullmatch(text, pos, nxt.start)
        ):
            pos = nxt.end
        match = rules.SPACE_RUN.match(text, pos)
        if match is None:
            continue
        run = rules.NAME_RUN.match(text, match.end())
        if run is not None:
            new.extend(_name_mention(text, run.start(), run.end(), taken))
    for match in (
        *_names_ending_at(rules.SAID_AFTER, text, _said_ends(text)),
        *matches_at(rules.SAID_BEFORE, text, word_starts(text, rules.SAYING_BEFORE)),
        *_names_ending_at(rules.BEFORE_APPOSITIVE, text, _appositive_ends(text)),
    ):
        new.extend(_name_mention(text, match.start(1), match.end(1), taken))
    return new


def _said_ends(text: str) -> list[int]:
    """Where white space before a verb of saying starts: every place a name run
    of `rules.SAID_AFTER` can end."""
    ends = set()
    for at in word_starts(text, rules.SAYING):
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < at:
            ends.add(end)
    return sorted(ends)


def _appositive_ends(text: str) -> list[int]:
    """The commas an appositive (", director of ...,") starts at."""
    ends = []
    comma = text.find(",")
    while comma >= 0:
        if rules.APPOSITIVE.match(text, comma):
            ends.append(comma)
        comma = text.find(",", comma + 1)
    return ends


def _names_ending_at(
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
        first = max(pos, _words_back(text, end, 3))
        pos = end  # unless a match is found, none starts before `end`
        for capital in rules.CAPITAL.finditer(text, first, end):
            start = capital.start()
            if _is_word_char(text, start - 1):
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = match.end()
                break


def _words_back(text: str, end: int, count: int) -> int:
    """Where the `count`-th white-space separated word before `end` starts."""
    start = end
    for _ in range(count):
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return start


def _name_mention(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> Iterator[Mention]:
    words = text[start:end].split()
    possessive = ("'s", "\u2019s")
    while words and (words[-1] in rules.NOT_NAMES or words[-1].endswith(possessive)):
        if words[-1].endswith(possessive) and words[-1][:-2] not in rules.NOT_NAMES:
            words[-1] = words[-1][:-2]
            break
        words.pop()
    if not words or words[0] in rules.NOT_NAMES:
        return
    end = start + len(" ".join(words))
    name = text[start:end]
    index = bisect_left(taken, (start, start))
    for left, right in taken[max(0, index - 1) : index + 2]:
        if left < end and start < right:
            return
    yield Mention(start, end, "person", name, name, None)


def appositive_offices(text: str, found: list[Mention]) -> list[Mention]:
    """An office mention for each "NAME, director of ...," after a person."""
    new = []
    for person in found:
        if person.kind != "person":
            continue
        match = rules.APPOSITIVE.match(text, person.end)
        if match is not None:
            start, end = match.span(1)
            new.append(Mention(start, end, "office", text[start:end], text[start:end]))
    return new


def repeated_names(text: str, found: list[Mention]) -> list[Mention]:
    """Later bare surnames of full names the text gave ("Pan" after "Pan Guang")."""
    taken = [(m.start, m.end) for m in found]
    new: list[Mention] = []
    names = {m.value for m in found if m.kind == "person" and " " in m.value}
    for name in sorted(names):
        for part in {name.split()[0], name.split()[-1]}:
            for start in _bare_starts(text, part):
                end = start + len(part)
                for m in _name_mention(text, start, end, taken):
                    new.append(Mention(m.start, m.end, "person", name, m.surface))
    return new


def _bare_starts(text: str, part: str) -> Iterator[int]:
    """Where `part` stands as a word of its own, no capitalised word after it:
    the matches of `\\bPART\\b(?!\\s+NAME)`, found with `str.find` (no regex to
    compile for every name)."""
    padded = text + " "  # padded[-1] and padded[len(text)] are not word characters
    word_first = part[0].isalnum() or part[0] == "_"
    word_last = part[-1].isalnum() or part[-1] == "_"
    start = text.find(part)
    while start >= 0:
        end = start + len(part)
        before, after = padded[start - 1], padded[end]
        if (
            (before.isalnum() or before == "_") != word_first
            and (after.isalnum() or after == "_") != word_last
            and rules.SPACED_NAME.match(text, end) is None
        ):
            yield start
            start = text.find(part, end)
        else:
            start = text.find(part, start + 1)


def _is_word_char(text: str, index: int) -> bool:
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_"


def word_starts(text: str, words: tuple[str, ...]) -> list[int]:
    """Everywhere one of `words` occurs in `text`, in order."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """What `\\b` + `pattern` finds in `text` (as `finditer` would), given every
    place a match can start (sorted; a word character there).

    Trying the few places a match can start (those of its first words, found
    with `str.find`) is much faster than letting the regex engine try every
    position of the text.
    """
    pos = 0
    for start in starts:
        if start < pos or _is_word_char(text, start - 1):
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            pos = match.end()


def in_credit(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rules.CREDIT.finditer(text)]


def resolved_people(
    found: list[Mention], gaz: Gazetteer, on: str | None
) -> list[Mention]:
    """Surnames and lone names replaced by full names; unresolvable ones dropped."""
    full = [m for m in found if m.kind == "person" and " " in m.value]
    out = []
    for m in found:
        if m.kind != "person" or " " in m.value:
            out.append(m)
            continue
        name = _earlier_full_name(m, full) or gaz.holder(m.surface, on)
        if name is None and m.value:
            name = m.value  # an unknown single name after a title, as printed
        if name is not None:
            out.append(Mention(m.start, m.end, "person", name, m.surface, m.state))
    return out


def _earlier_full_name(m: Mention, full: list[Mention]) -> str | None:
    key = m.surface.removesuffix("'s").removesuffix("\u2019s")
    matching = [p for p in full if key in rules.NAME_PARTS.split(p.value)]
    before = [p for p in matching if p.start < m.start]
    if before:
        return before[-1].value
    return matching[0].value if matching else None


def person_states(found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Each person mention right after an office gets the office's state (or,
    when the office names none, the known leader's own state)."""
    out = list(found)
    for i in range(1, len(out)):
        person, office = out[i], out[i - 1]
        if person.kind != "person" or office.kind != "office":
            continue
        if office.end + 1 < person.start and office.state is None:
            continue
        state = office.state or gaz.state_of(person.value)
        out[i] = _with_state(person, state)
    return out


def find_mentions(text: str, *, on: str | None = None) -> list[Mention]:
    """Every mention in `text` (see the module docstring); `on` is the ISO date
    surnames resolve against."""
    gaz = gazetteer()
    found = office_states(text, gazetteer_mentions(text, gaz))
    found = _merged(found, pattern_people(text, found))
    credits = in_credit(text)
    if credits:
        found = [
            m
            for m in found
            if m.kind != "person" or not any(a <= m.start < b for a, b in credits)
        ]
    found = resolved_people(found, gaz, on)
    found = _merged(found, repeated_names(text, found))
    found = _merged(found, appositive_offices(text, found))
    return person_states(found, gaz)


def _merged(found: list[Mention], new: list[Mention]) -> list[Mention]:
    """`found` (in text order) and `new` in text order; `found` first on a tie."""
    return sorted(found + new, key=_START) if new else found


def mentions(doc: CleanDocument) -> CleanDocument:
    doc.mentions = find_mentions(doc.text, on=doc.reference_date())
    return doc


STAGE = Stage(
    "mentions", requires=("text", "metadata"), provides=("mentions",), run=mentions
)
