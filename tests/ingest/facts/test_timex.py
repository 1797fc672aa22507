import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.facts.timex import (
    _kinds,
    reference_day,
    tense,
    timexes,
    usual_year,
    year_mentions,
)
from scotrack.ingest.lexicon import dates as dates_lexicon
from scotrack.ingest.lexicon.folding import fold

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared corpus sentences
from _docs import corpus_sentences

REF = date(2024, 7, 5)  # a Friday


def _values(text: str, ref: date | None = REF) -> list[str]:
    return [found.value for found in timexes(text, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit opened on June 9, 2017 in Astana.", ["2017-06-09"]),
        ("It was signed on 15 June 2001.", ["2001-06-15"]),
        ("MOSCOW, Dec. 1 (TASS) -- talks began", ["2024-12-01"]),
        ("The file is dated 2019-06-14.", ["2019-06-14"]),
        ("Leaders met in June 2019.", ["2019-06"]),
        ("The bank was first proposed in 2010.", ["2010"]),
        ("the 2019 Bishkek summit", ["2019"]),
        ("last year's Samarkand summit", ["2023"]),
        ("the meeting will be held next month", ["2024-08"]),
        ("this year", ["2024"]),
        ("the ministers met yesterday", ["2024-07-04"]),
    ],
)
def test_timexes_absolute_and_relative(text: str, expected: list[str]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders met on Tuesday.", "2024-07-02"),
        ("Leaders met on Friday.", "2024-07-05"),
        ("Leaders will meet on Tuesday.", "2024-07-09"),
        ("The treaty was signed in September.", "2023-09"),
        ("The summit will open in September.", "2024-09"),
        ("The summit will open in March.", "2025-03"),
        ("The ministers met in March.", "2024-03"),
    ],
)
def test_timexes_resolve_by_tense(text: str, expected: str) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["They may agree.", "2,000 scholarships", "No date here.", "since the 1990s"],
)
def test_timexes_ignore_non_dates(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It joined in 2001 as a regional security bloc.", ["2001"]),
        ("a dialogue partner since 2013 as the talks went on", ["2013"]),
        ("in 2005 was granted observer status", ["2005"]),
        ("The exercise JATE-2021 in 2021 was held in Pakistan.", ["2021"]),
        ("The year 2016 is special.", ["2016"]),
        ("2017 saw India and Pakistan join.", ["2017"]),
        ("after the 2019 elections", ["2019"]),
        ("the 1990s and the 2000s", []),
        ("talks in the 2000s, signed in 2001", ["2001"]),
        ("2000s", []),
    ],
)
def test_timexes_year_before_a_word_ending_in_s_but_not_a_decade(
    text: str, expected: list[str]
) -> None:
    assert _values(text) == expected


def test_timexes_without_reference_keep_only_absolute() -> None:
    assert _values("On Friday, on June 9, 2017, in June.", None) == ["2017-06-09"]


def test_timexes_spans_point_at_the_expression() -> None:
    text = "Signed in June's Astana summit."
    found = timexes(text, REF)
    assert [text[f.start : f.end] for f in found] == ["in June"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China will provide", "future"),
        ("Li urged members", "past"),
        ("It is", "present"),
    ],
)
def test_tense(text: str, expected: str) -> None:
    assert tense(text) == expected


def test_reference_day_accepts_partial_and_rejects_junk() -> None:
    assert reference_day("2017-06") == date(2017, 6, 1)
    assert reference_day("soon") is None
    assert reference_day(None) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_timexes_round_trip_written_dates(day: date) -> None:
    written = f"{day:%B} {day.day}, {day.year}"
    assert _values(f"It happened on {written}.") == [day.isoformat()]


@pytest.mark.parametrize(
    ("kind", "pattern"),
    dates_lexicon.PATTERNS,
    ids=[k for k, _ in dates_lexicon.PATTERNS],
)
@given(data=st.data())
def test_kinds_never_reject_a_text_the_pattern_matches(kind, pattern, data) -> None:
    text = data.draw(st.from_regex(pattern))
    assert kind in _kinds(text)


def test_kinds_never_reject_a_corpus_sentence_the_pattern_matches() -> None:
    sentences = corpus_sentences()
    assert len(sentences) > 500
    for sentence in sentences:
        kinds = _kinds(sentence)
        for kind, pattern in dates_lexicon.PATTERNS:
            assert kind in kinds or not pattern.search(sentence), (kind, sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit held in Qingdao on June 9-10, 2018 ended.", "2018-06-09"),
        ("The summit will be held in Astana on 3-4 July.", "2024-07-03"),
        ("Leaders gathered on September 15 and 16, 2022.", "2022-09-15"),
    ],
)
def test_timexes_day_range_is_its_first_day(text: str, expected: str) -> None:
    (found,) = timexes(text, REF)
    assert found.value == expected
    assert text[found.start : found.end].endswith(("2018", "July", "2022"))


def test_timexes_aside_does_not_end_the_future_clause() -> None:
    text = (
        "Li will chair the Council of Heads of Government (CHG) via video on Tuesday."
    )
    assert _values(text) == ["2024-07-09"]


def test_timexes_to_take_place_speaks_of_the_future() -> None:
    assert _values("They discussed the summit to take place on August 31.") == [
        "2024-08-31"
    ]


def test_usual_year_is_the_year_named_most_often() -> None:
    text = "In 2007 the SCO met; the 2006 summit in Shanghai and 2007 talks followed."
    assert usual_year(text) == 2007
    assert usual_year("No year here.") is None


def test_timexes_weekday_gives_way_to_the_date_it_names() -> None:
    assert _values("India hosted the meeting on Tuesday, July 2.") == ["2024-07-02"]
    assert _values("The talks ended on Tuesday.") == ["2024-07-02"]


def test_usual_year_of_a_date_at_the_top() -> None:
    text = "Bishkek, October 26, 2023 (TDI): plans for 2024 and 2024-2025 and 2024."
    assert usual_year(text) == 2023


def test_timexes_year_for_a_text_without_reference() -> None:
    text = "The summit opened on March 3 and closed in April, on Tuesday."
    found = [t.value for t in timexes(text, None, year=2011)]
    assert found == ["2011-03-03", "2011-04"]  # a weekday needs the reference
    assert [t.value for t in timexes("It opened on March 3.", REF, year=2011)] == [
        "2024-03-03"
    ]


def test_year_mentions_in_text_order() -> None:
    assert year_mentions("From 2001 to 2019-20 and 2024.") == [(5, 2001), (25, 2024)]


_MONTH_NAMES = dates_lexicon.MONTH_NAMES
_MONTH = rf"(?P<month>{_MONTH_NAMES}|(?:{dates_lexicon.ABBR})\.?)"
_DAY, _YEAR = dates_lexicon.DAY, dates_lexicon.YEAR
_AS_WRITTEN = {
    "mdy": re.compile(
        rf"\b{_MONTH}\s+{_DAY}(?:{dates_lexicon.TO_DAY})?\b(?:,?\s+{_YEAR}\b)?"
    ),
    "dmy": re.compile(
        rf"\b{_DAY}(?:\s*[-\u2013]\s*[0-3]?\d)?\s+(?:of\s+)?{_MONTH}"
        rf"(?:,?\s+{_YEAR}\b)?"
    ),
    "my": re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    "dated": re.compile(
        rf"\b(?:{_MONTH}\s+{_DAY},?\s+|{_DAY}\s+{_MONTH},?\s+){_YEAR}\b".replace(
            "(?P<month>", "(?:"
        ).replace("(?P<day>", "(?:")
    ),
    "year": re.compile(
        r"(?<![\d,.$-])(?P<year>(?:19|20)\d\d)(?![\d-])(?!s\b)"
        r"(?!\s*(?:percent|%))"
    ),
    "mention": re.compile(r"(?<![\d-])(?:19|20)\d\d(?![\d-])"),
    "month": re.compile(
        rf"(?:\b(?i:in|since|by|from|until|till|last|this|next|early|late|of|"
        rf"during|before|after|mid|and|or|to)\s+|\bmid-)(?P<month>{_MONTH_NAMES})\b"
        rf"|\b(?P<month2>{_MONTH_NAMES})(?='s?\s)"
    ),
    "relative": re.compile(
        r"\b(?P<which>last|this|next|previous|past|coming)\s+"
        r"(?P<unit>year|month)\b|\b(?P<unit2>year|month)\s+(?P<which2>before|after)",
        re.IGNORECASE,
    ),
    "day": re.compile(r"\b(?P<dayword>yesterday|today|tomorrow)\b", re.IGNORECASE),
}
"""Date rules as first written, before they were rewritten to run faster."""
_REWRITTEN = {
    **{
        kind: pattern for kind, pattern in dates_lexicon.PATTERNS if kind in _AS_WRITTEN
    },
    "mention": dates_lexicon.YEAR_MENTION,
    "dated": dates_lexicon.DATED_YEAR,
}


def _found(kind: str, text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    """What a rule finds in `text` as written, and as rewritten (on the folded
    text for the kinds that run on it): spans and lower-cased groups."""
    pattern = _REWRITTEN[kind]
    if kind in dates_lexicon.FOLDED_KINDS:
        text = fold(text)
    return [
        (m.span(), {k: v.lower() for k, v in m.groupdict().items() if v})
        for m in pattern.finditer(text)
    ]


def _found_as_written(
    kind: str, text: str
) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [
        (m.span(), {k: v.lower() for k, v in m.groupdict().items() if v})
        for m in _AS_WRITTEN[kind].finditer(text)
    ]


_DATE_WORDS = st.sampled_from(
    [
        *("in", "IN", "mid-", "mid", "Last", "last", "year", "Month", "Before"),
        *("after", "Today", "yesterday", "2019", "1999", "x", "s", "percent", "June"),
        *("May", "Mayor", "\u017fince", "\u0130n", "3", "May's", "June's", "-"),
        *("Sept.", "Sep", "Jan.", "9", "10th", "of", "March", "Mar", "xJune", "15"),
    ]
)
_DATE_TEXTS = st.lists(
    st.tuples(_DATE_WORDS, st.sampled_from([" ", "", "\n", ", ", "  "])).map("".join),
    max_size=8,
).map("".join)


@pytest.mark.parametrize("kind", sorted(_AS_WRITTEN))
@pytest.mark.parametrize(
    "text",
    [
        "Last year the summit was held in June, and LAST MONTH in mid-July.",
        "Today, IN June and Since May's talks; the year before and month after.",
        "\u017fince June, \u0130n May, mid-Mayor, early\nAugust 2019.",
        "On Sept. 9-10, 2018 and 3 of Jan. 2019, xMay 4, March 2020, Sep 5th.",
        "June 9 and 10, 2017; 9 June 2017; Dec. 1; June, 2017; of May 2016.",
    ],
)
def test_date_rules_find_what_they_find_as_written_in_examples(
    kind: str, text: str
) -> None:
    assert _found(kind, text) == _found_as_written(kind, text)


@pytest.mark.parametrize("kind", sorted(_AS_WRITTEN))
@given(text=_DATE_TEXTS)
def test_date_rules_find_what_they_find_as_written(kind: str, text: str) -> None:
    """Rules rewritten to run faster find the same spans and values."""
    assert _found(kind, text) == _found_as_written(kind, text)


@pytest.mark.parametrize("kind", sorted(_AS_WRITTEN))
def test_date_rules_find_what_they_find_as_written_in_the_corpus(kind: str) -> None:
    for sentence in corpus_sentences():
        assert _found(kind, sentence) == _found_as_written(kind, sentence)


def test_a_decade_is_not_a_year_mention() -> None:
    assert year_mentions("since the 1990s, in the 2000s; the 1990's") == [(35, 1990)]
    assert usual_year("Ties from the 1990s grew. In the 1990s and in 2003.") == 2003


@pytest.mark.issue(15)
def test_every_month_form_is_made_from_the_one_list_of_months() -> None:
    """The abbreviations, alternations and numbers of months all come from
    `dates.MONTHS`, and one function reads a month's name wherever it is met."""
    assert dates_lexicon.MONTH_ABBREVIATIONS == {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
        "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    }  # fmt: skip
    assert dates_lexicon.MONTH_STARTS.split("|") == [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Sept",
    ]  # fmt: skip
    for number, name in enumerate(dates_lexicon.MONTHS, start=1):
        for word in (name, name.capitalize(), name[:3].capitalize() + "."):
            assert dates_lexicon.month_number(word) == number
    assert dates_lexicon.month_number("Sept.") == 9
    assert dates_lexicon.month_number("июня") == 6
    assert dates_lexicon.month_number("Monday") == 0
