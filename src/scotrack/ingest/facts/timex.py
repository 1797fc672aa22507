"""Date expressions in a sentence, resolved against the document's reference date.

`timexes(text, ref)` finds absolute dates ("June 9, 2017", "9 June 2017",
"Dec. 1", "2017-06-09", "June 2017", "in 2017") and relative ones ("on Friday",
"in June", "last year's", "next month", "this year") and returns them as ISO
strings at the precision the text supports (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).

Resolution follows how news is written: wire copy reports the past, so a bare
weekday is the most recent such day on or before the reference date unless the
sentence speaks of the future; a bare month is in the reference year, or the
year before when it lies after the reference month and the sentence is in the
past tense (or the year after when it lies before it and the sentence is future).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from scotrack.domain.dates import PartialDate, add_days
from scotrack.errors import InputError
from scotrack.ingest.lexicon import dates as rules
from scotrack.ingest.lexicon.folding import folded

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression: its span in the text given and its ISO value."""

    start: int
    end: int
    value: str


TOP = 300
"""How far into a text a date still stands for the text's own date."""
_TENSED = frozenset(["mdy", "dmy", "month", "weekday"])
"""The kinds whose value can depend on the tense (a bare month or weekday)."""


@lru_cache(maxsize=64)
def reference_day(value: str | None) -> date | None:
    """The day an ISO reference date names (its first day when partial);
    remembered, as three stages ask for the same document's."""
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10]).first_day()
    except InputError:
        return None


def tense(text: str) -> Tense:
    """The tense a sentence speaks in, as far as date resolution needs it."""
    lowered = folded(text)
    if rules.FUTURE.search(lowered):
        return "future"
    return "past" if rules.PAST.search(lowered) else "present"


def _clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around text[start:end]."""
    marks = rules.TENSE_CLAUSE_MARK
    left = max((m.end() for m in marks.finditer(text, 0, start)), default=0)
    after = marks.search(text, end)
    return tense(text[left : after.start() if after else len(text)])


def timexes(
    text: str, ref: date | None, *, when: Tense | None = None, year: int | None = None
) -> list[Timex]:
    """Every date expression in `text` that can be resolved, in text order.

    `year`, for a text without a reference date, is the year a month or a day
    of a month without its own year is in ("In April 2007, ... on Aug. 16"):
    the year the text last named (CONVENTIONS.md: a year the text leaves out
    is taken from the text where it plainly means it).

    Remembered for the last few sentences, as the meetings, agreements and
    membership stages ask for the same ones' dates."""
    return list(_timexes(text, ref, when, year))


@lru_cache(maxsize=256)
def _timexes(
    text: str, ref: date | None, when: Tense | None, year: int | None
) -> tuple[Timex, ...]:
    found: list[Timex] = []
    kinds = _kinds(text)
    taken: list[tuple[int, int]] = []
    weekdays = 0
    for kind, pattern in rules.PATTERNS:
        if kind not in kinds:
            continue
        searched = folded(text) if kind in rules.FOLDED_KINDS else text
        for match in pattern.finditer(searched):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            tensed = when is None and ref is not None and _tensed(kind, match)
            here = _clause_tense(text, start, end) if tensed else when or "present"
            value = _resolve(kind, match, ref, here, year)
            if value is not None:
                found.append(Timex(start, end, value))
                taken.append((start, end))
                weekdays += kind == "weekday"
    found.sort(key=lambda timex: timex.start)
    return tuple(_without_named_days(text, found) if weekdays else found)


def _tensed(kind: str, match: re.Match[str]) -> bool:
    """Whether the value of a date expression depends on the tense it is told
    in: a weekday, or a month or a day of a month without its year."""
    return kind == "weekday" or (kind in _TENSED and not match.groupdict().get("year"))


def _without_named_days(text: str, found: list[Timex]) -> list[Timex]:
    """ "on Tuesday, November 30": the weekday only names the date that follows
    it, which says more (and wins where the two disagree)."""
    kept: list[Timex] = []
    for here, after in zip(found, [*found[1:], None], strict=True):
        named = (
            after is not None
            and rules.WEEKDAY_NAME.search(text, here.start, here.end) is not None
            and rules.DAY_NAMING.fullmatch(text, here.end, after.start) is not None
            and len(after.value) == len("YYYY-MM-DD")
        )
        if not named:
            kept.append(here)
    return kept


def _kinds(text: str) -> set[str]:
    """The kinds of expression `text` may hold: cheap tests before the patterns.

    Each test looks for what every match of the kind's pattern holds (a month
    name, "19" or "20" for a year, "-" for an ISO date): a plain string or an
    alternation of words, which the regex engine finds far faster than it runs
    the pattern, which starts with `\\b`.
    """
    kinds: set[str] = set()
    century = "19" in text or "20" in text  # every `rules.YEAR`
    if century:
        kinds.add("year")
    month = rules.MONTH_PREFIX.search(text) is not None
    if (month or "-" in text) and (century or rules.DIGIT.search(text)):
        if "-" in text:
            kinds.add("iso")
        if month:
            kinds.update(("mdy", "dmy"))
            if century:
                kinds.add("my")
    if month and rules.MONTH_NAME.search(text):
        kinds.add("month")
    if "day" in text and rules.WEEKDAY_NAME.search(text):  # in every weekday
        kinds.add("weekday")
    lowered = folded(text)
    if "year" in lowered or "month" in lowered:
        kinds.add("relative")
    if "yesterday" in lowered or "today" in lowered or "tomorrow" in lowered:
        kinds.add("day")
    return kinds


def _resolve(
    kind: str, match: re.Match[str], ref: date | None, when: Tense, year: int | None
) -> str | None:
    groups = match.groupdict()
    if kind in {"iso", "mdy", "dmy", "my", "month"}:
        month = _month(groups.get("month") or groups.get("month2") or "")
        if month is None:
            return None
        day = int(groups["day"]) if groups.get("day") else None
        if groups.get("year"):
            return _iso(int(groups["year"]), month, day)
        return _iso(_year_of(month, ref, when) if ref else year, month, day)
    if kind == "relative":
        unit = (groups.get("unit") or groups.get("unit2") or "").lower()
        which = (groups.get("which") or groups.get("which2") or "").lower()
        return _relative(unit, which, ref)
    if kind == "day":
        if ref is None:
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["dayword"].lower()]
        return add_days(ref, shift).isoformat()
    if kind == "weekday":
        return _weekday(groups["weekday"].lower(), ref, when)
    return groups["year"]


def _month(name: str) -> int | None:
    if name.isdigit():
        return int(name) if 1 <= int(name) <= 12 else None
    return rules.month_number(name) or None


def _year_of(month: int, ref: date | None, when: Tense) -> int | None:
    if ref is None:
        return None
    if month > ref.month and when == "past":
        return ref.year - 1
    if month < ref.month and when == "future":
        return ref.year + 1
    return ref.year


@lru_cache(maxsize=1024)
def _iso(year: int | None, month: int, day: int | None) -> str | None:
    """The ISO value of a date, if it is one (remembered: few dates recur)."""
    if year is None:
        return None
    try:
        return str(PartialDate(year, month, day))
    except InputError:
        return None


def _relative(unit: str, which: str, ref: date | None) -> str | None:
    if ref is None:
        return None
    step = {"last": -1, "previous": -1, "past": -1, "before": -1, "this": 0}.get(
        which, 1
    )
    if unit == "year":
        return f"{ref.year + step:04d}"
    index = ref.year * 12 + ref.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _weekday(name: str, ref: date | None, when: Tense) -> str | None:
    if ref is None:
        return None
    target = rules.WEEKDAYS.index(name)
    if when == "future":
        return add_days(ref, (target - ref.weekday()) % 7).isoformat()
    return add_days(ref, -((ref.weekday() - target) % 7)).isoformat()


def usual_year(text: str) -> int | None:
    """The year an undated text is most likely written in: the year of a full
    date near its top ("Bishkek, October 26, 2023 (TDI):"), else the year it
    names most often (the latest of equals), for telling past meetings from the
    reported one."""
    top = rules.DATED_YEAR.search(text, 0, TOP)
    if top is not None:
        return int(top.group("year"))
    counts: dict[int, int] = {}
    for match in rules.YEAR_MENTION.finditer(text):
        year = int(match.group())
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def year_mentions(text: str) -> list[tuple[int, int]]:
    """(offset, year) of each year `text` names, in text order."""
    return [(m.start(), int(m.group())) for m in rules.YEAR_MENTION.finditer(text)]


def first_value(text: str, ref: date | None) -> str | None:
    """The first date expression's value in `text`, if any."""
    found = timexes(text, ref)
    return found[0].value if found else None
