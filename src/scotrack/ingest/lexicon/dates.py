# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Dates: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.folding import folded_pattern

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""The one list of month names: every alternation, abbreviation and number of a
month below is made from it (#15)."""
_LONGER_ABBREVIATIONS = {"september": ("sept",)}
MONTH_ABBREVIATIONS = {
    short: number
    for number, name in enumerate(MONTHS, start=1)
    for short in (name[:3], *_LONGER_ABBREVIATIONS.get(name, ()))
    if short != name
}
"""jan: 1, ..., sep: 9, sept: 9, ...: each month's abbreviations ("may" has none)."""
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTH_NAMES = "|".join(name.capitalize() for name in MONTHS)
"""January|February|...: every month's name, as a regex alternation."""
MONTH_PREFIXES = "|".join(name[:3].capitalize() for name in MONTHS)
"""Jan|Feb|...|Dec: the first three letters of every month's name."""
MONTH_STARTS = "|".join(
    [
        MONTH_PREFIXES,
        *(short.capitalize() for short in MONTH_ABBREVIATIONS if len(short) > 3),
    ]
)
"""Jan|Feb|...|Sept: the start of every month name and abbreviation, as an alternation."""
MONTH_WORD = rf"(?:{MONTH_STARTS})[a-z]*\.?"
"""A month as a date stamp prints it, loosely ("Dec.", "December", "Sept")."""
WEEKDAY_NAMES = "|".join(name.capitalize() for name in WEEKDAYS)
"""Monday|Tuesday|...: every weekday's name, as a regex alternation."""
WEEKDAY_PREFIXES = "|".join(name[:3] for name in WEEKDAYS)
"""mon|tue|...|sun: the first three letters of every weekday's name."""
FUTURE_MARKERS = r"\b(?:will|shall|is to|are to|to be held|upcoming|next|scheduled|plans? to|expected to|forthcoming|to take place|to be hosted|set to|slated|preparations? for|preparing for|in preparation for)\b"
"""Words that make a sentence speak of the future (for weekday and month resolution)."""

RUSSIAN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("января", "январь", "янв"),
            ("февраля", "февраль", "фев"),
            ("марта", "март", "мар"),
            ("апреля", "апрель", "апр"),
            ("мая", "май"),
            ("июня", "июнь", "июн"),
            ("июля", "июль", "июл"),
            ("августа", "август", "авг"),
            ("сентября", "сентябрь", "сен", "сент"),
            ("октября", "октябрь", "окт"),
            ("ноября", "ноябрь", "ноя"),
            ("декабря", "декабрь", "дек"),
        ),
        start=1,
    )
    for name in names
}
"""Russian month names (genitive as dates print them, nominative, abbreviated),
lower case: a page's date stamp may be printed in Russian ("16 июня 2011")."""
RUSSIAN_MONTH_NAMES = "|".join(sorted(RUSSIAN_MONTHS, key=len, reverse=True))

MONTH_NUMBER: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTHS, start=1)},
    **MONTH_ABBREVIATIONS,
}


def month_number(word: str) -> int:
    """The month `word` names ("Dec.", "December", "Decem", "июня"), 0 if none:
    the one reading of a month's name (timex and metadata both ask it)."""
    word = word.rstrip(".").lower()
    return MONTH_NUMBER.get(word[:3], 0) or RUSSIAN_MONTHS.get(word, 0)


ABBR = "|".join(name.capitalize() for name in MONTH_ABBREVIATIONS)

# ---------------------------------------------------------------- timex


def by_first_letter(names: list[str], *, bounded: bool = False) -> str:
    """An alternation of capitalised `names` (regexes, tried in this order) that
    finds what `"|".join(names)` finds, those that start with the same letter
    grouped on it: the regex engine tries a group, not each name, at a place
    (names that start with different letters never match at the same place).
    With `bounded`, each group tests the word boundary before it after its
    letter, so that a rule can start with the letters (and the engine skip
    ahead to them) instead of `\\b`."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        letter
        + (rf"(?<!\w{letter})" if bounded else "")
        + "(?:"
        + "|".join(rests)
        + ")"
        for letter, rests in groups.items()
    )


_MONTH_FORMS = [*MONTH_NAMES.split("|"), *(rf"{abbr}\.?" for abbr in ABBR.split("|"))]
"""Every month name, then every abbreviation with its optional dot."""
_FULL_MONTHS = by_first_letter(MONTH_NAMES.split("|"))
"""`MONTH_NAMES` grouped by letter."""
MONTH = rf"(?P<month>{by_first_letter(_MONTH_FORMS)})"
"""`(?P<month>January|...|December|(?:Jan|...|Dec)\\.?)`, grouped by letter."""
BOUNDED_MONTH = rf"(?P<month>{by_first_letter(_MONTH_FORMS, bounded=True)})"
"""`\\b{MONTH}`, the boundary tested after the first letter."""
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
TO_DAY = r"\s*[-\u2013]\s*[0-3]?\d|\s+and\s+[0-3]?\d\b(?!\s*(?:percent|%))"
"""The end of a range of days ("June 9-10", "September 15 and 16"): the value is
the first day, as for any multi-day meeting."""
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    (
        "mdy",
        re.compile(rf"{BOUNDED_MONTH}\s+{DAY}(?:{TO_DAY})?\b(?:,?\s+{YEAR}\b)?"),
    ),
    (
        "dmy",
        re.compile(
            rf"\b{DAY}(?:\s*[-\u2013]\s*[0-3]?\d)?\s+(?:of\s+)?{MONTH}"
            rf"(?:,?\s+{YEAR}\b)?"
        ),
    ),
    ("my", re.compile(rf"{BOUNDED_MONTH},?\s+(?:of\s+)?{YEAR}\b")),
    (
        "month",
        re.compile(  # one `\b` before both alternatives: tested once at a place
            rf"\b(?:(?:(?i:in|since|by|from|until|till|last|this|next|early|late|of|"
            rf"during|before|after|mid|and|or|to)\s+|mid-)(?P<month>{_FULL_MONTHS})\b"
            rf"|(?P<month2>{_FULL_MONTHS})(?='s?\s))"
        ),
    ),
    (
        "relative",
        folded_pattern(
            r"\b(?P<which>last|this|next|previous|past|coming)\s+"
            r"(?P<unit>year|month)\b|\b(?P<unit2>year|month)\s+(?P<which2>before|after)"
        ),
    ),
    (
        "day",
        folded_pattern(r"\b(?P<dayword>yesterday|today|tomorrow)\b"),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:on\s+)?(?P<weekday>{WEEKDAY_NAMES})\b"),
    ),
    (
        "year",
        re.compile(  # `(?<![\d,.$-])(?:19|20)`, tested after its digits: faster
            r"(?P<year>(?:19|20)(?<![\d,.$-]..)\d\d)(?![\d-])(?!s\b)"
            r"(?!\s*(?:percent|%))"
        ),
    ),
)
"""The "year" rule refuses a decade ("the 1990s"), not a year before a word that
ends in "s" ("in 2001 as a bloc", "in 2005 was granted", "the 2019 elections")."""
FOLDED_KINDS = frozenset(["relative", "day"])
"""The kinds whose pattern runs on the folded text (it is case-insensitive)."""
DIGIT = re.compile(r"\d")
MONTH_PREFIX = re.compile(MONTH_PREFIXES)
"""The start of every month name and abbreviation the patterns accept."""
MONTH_NAME = re.compile(MONTH_NAMES)
WEEKDAY_NAME = re.compile(WEEKDAY_NAMES)
FUTURE = skipping(FUTURE_MARKERS)
PAST = folded_pattern(
    r"\b(?:was|were|had|did|held|took|came|went|became|signed|attended|"
    r"said|told|met|last|ago|earlier|previous)\b|\b\w{3,}ed\b"
)
STORE_DATE_LINE = re.compile(r"^\s?date \d{4}-\d\d-\d\d\b")
"""The pages store's first line (" date 2023-05-04"): the page's date, not a date
the text gives to an event."""
CLAUSE_MARK = re.compile(r"[,;:()\u2014]| -- | but | while ")
TENSE_CLAUSE_MARK = re.compile(r"[,;:\u2014]| -- | but | while ")
"""Where the clause whose tense a date takes ends: an aside in parentheses
("the Council of Heads of Government (CHG) on Tuesday") does not end it."""
DAY_NAMING = re.compile(r",?\s+(?:the\s+)?")
"""Between a weekday and the date it names ("Tuesday, November 30")."""
DATED_YEAR = re.compile(
    rf"\b(?:{MONTH}\s+{DAY},?\s+|{DAY}\s+{MONTH},?\s+){YEAR}\b".replace(
        "(?P<month>", "(?:"
    ).replace("(?P<day>", "(?:")
)
"""A full date (its year named `year`), as a text's own date near its top."""
YEAR_MENTION = re.compile(r"(?:19|20)(?<![\d-]..)\d\d(?![\d-]|s\b)")
"""A year anywhere in a text (for the year an undated text is written in); its
look-behind, `(?<![\\d-])` before the year, is tested after the first digits. A
decade ("the 1990s") is not a year; "1990's" is read as 1990."""
