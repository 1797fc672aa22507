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
- `person`: `value` the full name as `spelling` writes it: the page's
  spelling ("Sergei Lavrov"), initials and a lone surname completed from the
  full name the text gives or the known person (data/people.json) in office on
  the document's date ("S. Jaishankar", "Premier Li"), honorifics dropped,
  misprints of known leaders corrected; a lone surname nobody fits is left
  out. Besides gazetteer hits, names after a title however long, in lists of
  participants, before an appositive or a verb of saying are people (see
  `people`). `state` is the office's state when the text ties the person to an
  office ("Chinese President Xi Jinping" gives CHN; "President Xi Jinping" the
  leader's own state), else the known person's own state (None for others).
  Photo credits ("(Xinhua/Wang Ye)") and bylines ("By ...") are not people.

The automaton is built once per process, on first use.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter
from typing import cast

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Mention, MentionKind, Stage
from scotrack.ingest.entities.full_names import FullNames, repeated_names
from scotrack.ingest.entities.gazetteer import Entry, Gazetteer, Hit, gazetteer
from scotrack.ingest.entities.people import (
    appositive_offices,
    pattern_people,
    reaches,
    title_word,
    widened_people,
)
from scotrack.ingest.entities.spelling import full_name
from scotrack.ingest.lexicon import names as rules

_START = attrgetter("start")


def raw_hits(text: str, gaz: Gazetteer) -> list[Hit]:
    """Every gazetteer entry found at word boundaries, case rules applied, as
    (start, start - end, rank, sequence number, entry) in the automaton's order."""
    return gaz.scan(text).hits


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
    place = rules.PLACE_BEFORE.search(before)  # "of India Vijay Kumar Singh"
    return bool(
        (
            prev
            and prev.group(1) not in rules.NOT_NAMES
            and not before.rstrip().endswith(".")
        )
        or (nxt and nxt.group(1) not in rules.NOT_NAMES and place is None)
    )


def gazetteer_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Mentions straight from the automaton (surnames still unresolved)."""
    found = []
    for start, end, entry in longest_hits(text, gaz):
        if entry.kind == "skip":
            continue
        if entry.person_prone and _person_prone(text, start, end):
            continue
        if (
            entry.kind == "person"
            and not entry.value
            and entry.surface in gaz.surname_first
            and (_name_goes_on(text, end) or _name_before(text, start))
        ):
            continue  # "Li" of an unknown "Li Hui", "Wei" of "Chen Wei"
        kind = cast(MentionKind, entry.kind)
        found.append(
            Mention(start, end, kind, entry.value, text[start:end], entry.state)
        )
    return found


def _name_goes_on(text: str, end: int) -> bool:
    nxt = rules.NAME_NEXT.match(text[end : end + 30])
    return nxt is not None and nxt.group(1) not in rules.NOT_NAMES


def _name_before(text: str, start: int) -> bool:
    """True when a given name (not a title) comes just before `start`."""
    prev = rules.NAME_BEFORE.search(text[max(0, start - 30) : start])
    return prev is not None and not title_word(prev.group(1))


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
        if state is not None and state != office.state:
            out[i] = _with_state(office, state)
    return out


def _with_value(m: Mention, value: str) -> Mention:
    """`m` naming `value` (`m` itself when it does)."""
    if value == m.value:
        return m
    return Mention(m.start, m.end, m.kind, value, m.surface, m.state)


def _with_state(m: Mention, state: str | None) -> Mention:
    return Mention(m.start, m.end, m.kind, m.value, m.surface, state)


def in_credit(text: str) -> list[tuple[int, int]]:
    """The spans of photo credits and bylines: no person named there is one
    the text talks about ("(Xinhua/Wang Ye)", "By Ivan Petrov")."""
    spans = [m.span() for m in rules.CREDIT.finditer(text)] if "/" in text else []
    if any(word in text for word in rules.BYLINE_WORDS):  # cheap tests first
        spans.extend(m.span() for m in rules.BYLINE.finditer(text))
    return spans


def resolved_people(
    found: list[Mention], gaz: Gazetteer, on: str | None
) -> list[Mention]:
    """Full names written as `spelling` says; surnames replaced by the full name
    the text gives or by the known person's; unresolvable ones dropped."""
    spelled = gaz.people.spelled
    full = [
        _with_value(m, spelled(m.value, on))
        if m.kind == "person" and full_name(m.value)
        else m
        for m in found
    ]
    names = FullNames([m for m in full if m.kind == "person"], gaz.surname_first)
    out = []
    for m in full:
        if m.kind == "person" and (written := names.initials_written_out(m)):
            m = Mention(m.start, m.end, "person", written, m.surface, m.state)
        if m.kind != "person" or full_name(m.value):
            out.append(m)
            continue
        name = names.earlier(m)
        name = name or gaz.holder(m.surface, on)
        if name is not None:
            out.append(Mention(m.start, m.end, "person", name, m.surface, m.state))
    return out


def person_states(found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Each person mention gets the state of the office right before it (or,
    when that office names none, the known person's own state); any other
    mention of a known person gets the person's own state."""
    out = list(found)
    for i, person in enumerate(out):
        if person.kind != "person":
            continue
        office = out[i - 1] if i else None
        state = None
        if (
            office is not None
            and office.kind == "office"
            and (office.end + 1 >= person.start or office.state is not None)
        ):
            state = office.state
        state = state or gaz.state_of(person.value)
        if state != person.state:
            out[i] = _with_state(person, state)
    return out


def find_mentions(text: str, *, on: str | None = None) -> list[Mention]:
    """Every mention in `text` (see the module docstring); `on` is the ISO date
    surnames resolve against."""
    gaz = gazetteer()
    found = office_states(text, gazetteer_mentions(text, gaz))
    budget.check()
    found = widened_people(text, found, gaz.people, on)
    found = _merged(found, pattern_people(text, found))
    budget.check()
    credits = in_credit(text)
    if credits:
        starts, reach = reaches(credits)
        found = [
            m
            for m in found
            if m.kind != "person"
            or not (at := bisect_right(starts, m.start))
            or reach[at - 1] <= m.start
        ]
    found = resolved_people(found, gaz, on)
    budget.check()
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
