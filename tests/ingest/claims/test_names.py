import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.claims.names import (
    NUMBER_GAP_PENALTY,
    WORD_CLASH_PENALTY,
    name_key,
    name_similarity,
    numbers,
    surface_similarity,
    text_similarity,
    unmatched_words,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Charter", "charter"),
        ("Charter of the Shanghai Cooperation Organization", "charter"),
        ("SCO Convention on Countering Extremism", "convention countering extremism"),
        ("Shanghai Convention", "shanghai convention"),
        ("Good-Neighbourliness Treaty", "good neighbourliness treaty"),
        ("SCO Development Strategy for 2026-2035", "development strategy 2026 2035"),
        ("The SCO", ""),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("query", "name", "low", "high", "note"),
    [
        ("the Charter", "SCO Charter", 100, 100, None),
        ("SCO anti-extremism treaty", "SCO anti-extremism treaty", 100, 100, None),
        # a longer name holding the query ranks below an exact one
        (
            "Convention against Terrorism",
            "Shanghai Convention against terrorism, separatism and extremism",
            80,
            95,
            None,
        ),
        # both sides have words the other lacks
        (
            "SCO agreement on trade facilitation",
            "Agreement on the Facilitation of International Road Transport",
            0,
            70,
            "'trade' vs 'international road transport' -25",
        ),
        (
            "Astana Declaration",
            "Declaration on the Establishment of the SCO",
            0,
            60,
            None,
        ),
        # a number on one side only
        (
            "SCO Development Strategy 2026-2035",
            "SCO development strategy",
            70,
            90,
            "'2026 2035' on one side only -10",
        ),
        ("the SCO", "SCO Charter", 0, 0, None),
    ],
)
def test_name_similarity(query, name, low, high, note):
    score, why = name_similarity(query, name)
    assert low <= score <= high
    if note is not None:
        assert why == note


def test_name_similarity_penalties():
    raw_clash, _ = name_similarity("China highway", "China railway")
    assert raw_clash <= 100 - WORD_CLASH_PENALTY
    gap, _ = name_similarity("Strategy 2035", "Strategy")
    plain, _ = name_similarity("Strategy", "Strategy")
    assert gap <= plain - NUMBER_GAP_PENALTY


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("good neighbourliness treaty", "good neighborliness treaty", ([], [])),
        ("drug trafficking", "drugs trafficking", ([], [])),
        (
            "extremism convention",
            "terrorism convention",
            (["extremism"], ["terrorism"]),
        ),
        ("strategy 2025", "strategy 2035", (["2025"], ["2035"])),
        ("charter", "charter of principles", ([], ["of", "principles"])),
    ],
)
def test_unmatched_words(left, right, expected):
    assert unmatched_words(left.split(), right.split()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China will provide 1,000 training opportunities", {"1000"}),
        ("a loan of 5 billion yuan in 2017", {"5", "2017"}),
        ("no numbers", set()),
        ("3.5 percent", {"3.5"}),
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


def test_text_and_surface_similarity_ignore_case_and_punctuation():
    assert (
        text_similarity("CHINA will provide", "Xi said: china will provide aid.") == 100
    )
    assert (
        surface_similarity("Anti-extremism convention", "anti extremism convention")
        == 100
    )
    assert (
        surface_similarity("anti-extremism convention", "SCO anti-extremism convention")
        < 100
    )


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_similarity_is_symmetric_and_bounded(one, two):
    score, _ = name_similarity(one, two)
    assert 0 <= score <= 100
    assert score == name_similarity(two, one)[0]
