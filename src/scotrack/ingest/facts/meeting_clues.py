"""What the neighbourhood of a meeting phrase says of the meeting: its ordinal,
place, host, date and whether the text looks back at it (facts/meetings.py).

Each function reads one sentence's text with the phrase at [start, end); a
parenthesised aside ("(hereafter SCO or Organisation)") does not count towards
the distance between the phrase and what it reaches.
"""

from __future__ import annotations

from scotrack.ingest.document import Mention
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.lexicon import meeting_kinds as kinds_rules
from scotrack.ingest.lexicon import meetings as rules

PLACE_GAP = 110
RIGHT = 150
DATE_BEFORE = 70
DATE_AFTER = 100
OPENING = 6
"""A date starting this close to the sentence's start opens it ("On 14 July, ...")."""
OPENING_GAP = 160
ATTACHED = 6
"""A date ending this close before another meeting phrase is that one's ("the
2018 SCO Summit")."""


def gap_length(text: str, start: int, end: int) -> int:
    """The length of text[start:end] without its parenthesised asides."""
    aside = sum(len(m.group()) for m in rules.PARENTHESIS.finditer(text, start, end))
    return end - start - aside


def window_end(text: str, end: int) -> int:
    """Where the stretch after a phrase that may speak of it ends: at the next
    clause boundary, or RIGHT characters on (asides not counted)."""
    stop = len(text)
    for mark in (";", " from ", " while ", " but "):
        found = text.find(mark, end)
        while mark == " from " and found != -1 and rules.FROM_DATE.match(text, found):
            found = text.find(mark, found + 1)
        if found != -1:
            stop = min(stop, found)
    reach = min(len(text), end + 2 * RIGHT)
    asides = 0
    if text.find("(", end, reach) != -1:  # every aside opens with one
        asides = sum(
            len(m.group()) for m in rules.PARENTHESIS.finditer(text, end, reach)
        )
    return min(stop, end + RIGHT + asides)


def looks_back(window: str, year: int | None) -> bool:
    """A back-reference marker before the phrase; a year counts only when it is
    before the reference year ("the 2009 summit", not "on September 1, 2025,
    the summit" in a 2025 report, nor any year when the report is undated)."""
    for match in rules.BACK.finditer(window):
        found = match.group()
        if not found.isdigit() or (year is not None and int(found) < year):
            return True
    return False


def number(before: str, after: str) -> int | None:
    """The ordinal of the meeting phrase that `before` (lower-cased) leads up to:
    "the 24th meeting of the Council of", not "its tenth member at the", nor
    "the fourth summit" in "the fourth summit that India attended" (`after`
    is the text after the phrase)."""
    found = None
    for match in rules.ORDINAL.finditer(before):
        found = match
    if found is None or rules.NUMBER_STOP.search(before, found.end()):
        return None
    lowered = after.lower()
    if rules.NUMBER_CLAUSE.match(lowered):
        return None
    if found.group(1):
        return int(found.group(1))
    if rules.NUMBER_WORD_CLAUSE.match(lowered):
        return None
    return rules.ORDINAL_WORDS[found.group(2).lower()]


def roman(before: str) -> int | None:
    """The Roman ordinal `before` (as printed) ends with ("VI Conference")."""
    found = kinds_rules.ROMAN.search(before)
    if found is None:
        return None
    value = 0
    for letter, after in zip(found.group(1), [*found.group(1)[1:], ""], strict=True):
        here = kinds_rules.ROMAN_VALUES[letter]
        value += -here if after and kinds_rules.ROMAN_VALUES[after] > here else here
    return value


def date(
    text: str, span: tuple[int, int], dates: list[timex.Timex], phrases: list[int]
) -> str | None:
    """The date written next to the meeting phrase ("June's Astana summit",
    "the summit in Qingdao on Saturday"), not one of another clause nor one
    past another meeting phrase (`phrases` holds where each starts); else the
    date that opens the sentence ("On 14 July 2021, Norov attended a meeting")."""
    start, end = span
    dates = [
        found
        for found in dates
        if not any(
            found.end <= other < start
            or end <= other < found.start
            or found.end <= other <= found.end + ATTACHED
            for other in phrases
        )
        and not rules.NOT_EVENT_DATE.search(text, max(0, found.start - 30), found.start)
    ]
    for found in dates:
        if found.end <= start:
            gap = text[found.end : start]
            if gap_length(text, found.end, start) < DATE_BEFORE and not (
                rules.GAP_STOP.search(gap)
            ):
                return found.value
    for found in dates:
        if found.start >= end:
            gap = rules.PARENTHESIS.sub("", text[end : found.start])
            if len(gap) < _reach(gap, 0, len(gap), DATE_AFTER) and _date_gap(gap):
                return found.value
    return _opening_date(text, start, dates)


def _reach(text: str, start: int, end: int, usual: int) -> int:
    """How far after a phrase its place or date may be: twice as far when the
    text says in between that the meeting is held there or then."""
    return 2 * usual if rules.HELD.search(text, start, end) else usual


def _date_gap(gap: str) -> bool:
    """Whether a date after a meeting phrase, past `gap`, is the meeting's: no
    other clause starts in between, or the gap says the meeting happens then
    ("the summit, which started on Tuesday")."""
    if not rules.GAP_STOP.search(gap):
        return True
    return bool(rules.OCCURRED.search(gap)) and not rules.DATE_GAP_STOP.search(gap)


def _opening_date(text: str, start: int, dates: list[timex.Timex]) -> str | None:
    if not dates or dates[0].start > OPENING or dates[0].end > start:
        return None
    first = dates[0]
    if not text.startswith(",", first.end) or start - first.end > OPENING_GAP:
        return None
    if any(found.end <= start for found in dates[1:]):
        return None
    if rules.OPENING_GAP_STOP.search(text, first.end, start):
        return None
    return first.value


def host(
    text: str, index: MentionIndex, offset: int, start: int, end: int, right: int
) -> Mention | None:
    """The host a phrase's neighbourhood names: "India will host the summit",
    "as Islamabad hosts the meeting", "the India-hosted summit", "the summit,
    hosted by New Delhi", "chaired by Russian Health Minister ..."."""
    before = text[:start]
    if "host" in before or "hold" in before:  # in every `rules.HOST_BEFORE` match
        hosted = rules.HOST_BEFORE.search(text, 0, start)
        if hosted is not None:
            stop = (
                hosted.start()
            )  # "Bishkek, the capital of the Kyrgyz Republic, hosted"
            aside = rules.APPOSITIVE_BEFORE.search(text, max(0, stop - 60), stop)
            stop = aside.start() if aside else stop
            places = index.between(
                offset + max(0, stop - 30), offset + stop, ("state", "city")
            )
            if places:
                return places[-1]
    near = max(0, start - 40)
    if "-hosted" in text[near:start] or "-chaired" in text[near:start]:
        for mention in index.between(offset + near, offset + start, ("state",)):
            if rules.HOSTED_ADJECTIVE.match(text[mention.end - offset : start]):
                return mention
    if " by" not in text[end:right]:  # in every `rules.HOST_AFTER` match
        return None
    by = rules.HOST_AFTER.match(text[end:right])
    if by is None:
        return None
    at = offset + end + by.end()
    after = index.between(at, offset + right, ("state", "city"))
    return after[0] if after and after[0].start == at else None


def chair(text: str, index: MentionIndex, offset: int) -> Mention | None:
    """The state the sentence says chairs the SCO ("Tajikistan, which holds the
    rotating chairmanship"): the host of a meeting it holds by video."""
    for mention in index.between(offset, offset + len(text), ("state",)):
        if rules.CHAIRING_STATE.match(text[mention.end - offset :]):
            return mention
    return None


def place(
    text: str, index: MentionIndex, offset: int, span: tuple[int, int], right: int
) -> tuple[str | None, str | None]:
    """The meeting's city and country: a city right before the noun or after
    in/at, or the city a participant travels to in order to attend it."""
    start, end = span
    city: Mention | None = None
    country: str | None = None
    left = max(0, start - 70)
    for mention in index.between(offset + left, offset + right, ("city", "state")):
        rel = mention.start - offset
        if rules.NOT_A_CITY.match(text, mention.end - offset):
            continue
        gap = text[mention.end - offset : start]
        adjacent = rel < start and (
            not gap.strip(" '\u2019s") or rules.WHERE.match(gap) is not None
        )
        placed = (
            rel >= end
            and rules.PLACE_BEFORE.search(text[max(end, rel - 25) : rel]) is not None
            and gap_length(text, end, rel) <= _reach(text, end, rel, PLACE_GAP)
            and not rules.MEETINGS_PLACE_GAP_STOP.search(text, end, rel)
        )
        if rel < start and not adjacent:
            adjacent = _travelled(text, rel, mention.end - offset, start)
            if not adjacent:
                continue
        if mention.kind == "city" and city is None and (adjacent or placed):
            city = mention
        elif mention.kind == "state" and country is None and (adjacent or placed):
            country = mention.value
    if city is not None:
        return city.value, city.state or country
    return None, country


def _travelled(text: str, start: int, end: int, phrase: int) -> bool:
    """ "arrived in Goa on Thursday to attend the": a journey to the place at
    text[start:end] whose purpose is the meeting phrase starting at `phrase`."""
    if rules.TRAVEL_GAP.match(text[end:phrase]) is None:
        return False
    return rules.TRAVEL_BEFORE.search(text, max(0, start - 60), start) is not None
