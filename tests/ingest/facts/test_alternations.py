"""Alternations compiled to skip ahead find what the rules as written find."""

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scotrack.ingest.facts.clauses import matches_at
from scotrack.ingest.lexicon import areas as areas_lexicon
from scotrack.ingest.lexicon import dates as dates_lexicon
from scotrack.ingest.lexicon import meeting_kinds as kinds_lexicon
from scotrack.ingest.lexicon import meetings as meetings_lexicon
from scotrack.ingest.lexicon import membership as membership_lexicon
from scotrack.ingest.lexicon import projects as projects_lexicon
from scotrack.ingest.lexicon.alternations import (
    alternation,
    first_words,
    literal_first,
    tail,
)
from scotrack.ingest.lexicon.folding import folded, folded_pattern

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import corpus_sentences, texts_matching

RULES = [
    *(pattern for _, _, pattern in meetings_lexicon.MEETING_PATTERNS),
    meetings_lexicon.INDEFINITE_MEETING,
    meetings_lexicon.BARE_MEETING,
    meetings_lexicon.BLANKET_MARKERS,
    meetings_lexicon.VIDEO_FORMAT,
    meetings_lexicon.NEXT_REFERENCE,
    meetings_lexicon.ORGAN_MARKERS,
    *(pattern for pattern, _ in kinds_lexicon.CONTEXT_BODY_CUES),
    kinds_lexicon.DRILLS,
    dates_lexicon.FUTURE_MARKERS,
    areas_lexicon.STATUS_LISTS,
    areas_lexicon.POLITICAL_CUES,
    meetings_lexicon.BACK_REFERENCE,
    meetings_lexicon.ORDINAL_STOP,
    r"\bSCO (?:summit|meeting)\b|\b(?:[\w-]+ ){0,2}ministers meet\b|\bthe summit\b",
    *(
        pattern
        for _, _, cues, pattern in membership_lexicon.MEMBERSHIP_PATTERNS
        if cues[0] in ("appl", "admission of", "observer")
    ),
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("alternative", "rewritten"),
    [
        (r"\bsummits?\b", [r"summit(?<!\wsummit)s?\b"]),
        (r"(?<!the )\bsummit\b", [r"summit(?<!\wsummit)(?<!the summit)\b"]),
        (
            r"\b(?:sco|the) meet",
            [r"sco meet(?<!\wsco meet)", r"the meet(?<!\wthe meet)"],
        ),
        (r"\b(?:big )?meet", [r"big meet(?<!\wbig meet)", r"meet(?<!\wmeet)"]),
        (r"\b(?:big )?\d+", [r"big (?<!\wbig )\d+", r"\b\d+"]),
        (r"\b[\w-]+ meet", [r"\b[\w-]+ meet"]),
        (r"\b(?:a|b)+ meet", [r"\b(?:a|b)+ meet"]),
        (  # an optional group of alternatives stays a group
            r"\b(?:now |then )?meet",
            [
                r"now meet(?<!\wnow meet)",
                r"then meet(?<!\wthen meet)",
                r"meet(?<!\wmeet)",
            ],
        ),
        (  # a long rest is written once per first letter
            r"\b(?:sco|sea|the) " + "x" * 2600,
            [
                r"s(?:co(?<!\wsco)|ea(?<!\wsea)) " + "x" * 2600,
                r"the(?<!\wthe) " + "x" * 2600,
            ],
        ),
    ],
)
def test_literal_first_rewrites(alternative: str, rewritten: list[str]) -> None:
    assert literal_first(alternative) == rewritten


@pytest.mark.parametrize(
    ("alternative", "end"),
    [
        (r"\b(?:[\w-]+ ){0,2}ministers['\u2019]? meet", r"ministers['\u2019]? meet"),
        (r"\b\d+(?:st|nd) session\b", r"session\b"),
        (r"\b[\w-]+ s?meetings?(?= of)", r"meetings?(?= of)"),
        (r"\b\u2019s meet", r"s meet"),
        (r"\b(?:a|b){10}", None),
    ],
)
def test_tail(alternative: str, end: str | None) -> None:
    assert tail(alternative) == end


@pytest.mark.parametrize("rule", RULES)
def test_alternations_find_the_rules_spans_in_real_sentences(rule: str) -> None:
    written, compiled = folded_pattern(rule), alternation(rule)
    for sentence in corpus_sentences():
        lowered = folded(sentence)
        found = _spans(written, lowered)
        assert _spans(compiled.rule_for(lowered), lowered) == found
        assert _spans(compiled.full, lowered) == found


@pytest.mark.parametrize("rule", RULES)
@settings(max_examples=40, deadline=None)  # the first example compiles the rule
@given(data=st.data())
def test_alternations_find_the_rules_spans(rule: str, data: st.DataObject) -> None:
    words = st.sampled_from(
        ["the ", "of ", "SCO ", "summit ", "-", "a", " ", "\u2019s "]
    )
    before = "".join(data.draw(st.lists(words, max_size=4)))
    text = folded(before + data.draw(texts_matching(rule)) + before)
    written, compiled = folded_pattern(rule), alternation(rule)
    assert _spans(compiled.rule_for(text), text) == _spans(written, text)
    assert _spans(compiled.full, text) == _spans(written, text)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (r"\b(?:summits?|the meeting)\b", ("summit", "the meeting")),
        (r"\b(?:big )?meet|\bmeets\b", ("big meet", "meet", "meets")),
        (r"\bUN Charter|\bsco\u2019s", ("un charter", "sco")),
    ],
)
def test_first_words(rule: str, words: tuple[str, ...]) -> None:
    assert first_words(rule) == words


def test_first_words_refuses_an_alternative_without_first_letters() -> None:
    with pytest.raises(ValueError, match="does not start with plain letters"):
        first_words(r"\bsummit|\b[\w-]+ meet")


STARTED_RULES = [
    rf"\b(?:{areas_lexicon.POLITICAL_CUES})",
    projects_lexicon.ANY_HEAD.pattern,
]
"""Rules the stages try only where one of their `first_words` occurs."""


def _at_first_words(rule: str, lowered: str) -> list[tuple[int, int]]:
    words = first_words(rule)
    starts = sorted(
        {m.start() for word in words for m in re.finditer(re.escape(word), lowered)}
    )
    return [m.span() for m in matches_at(folded_pattern(rule), lowered, starts)]


@pytest.mark.parametrize("rule", STARTED_RULES)
def test_rules_tried_at_their_first_words_find_their_spans(rule: str) -> None:
    written = folded_pattern(rule)
    for sentence in corpus_sentences():
        lowered = folded(sentence)
        assert _at_first_words(rule, lowered) == _spans(written, lowered)


@pytest.mark.parametrize("rule", STARTED_RULES)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_rules_tried_at_their_first_words_find_generated_spans(
    rule: str, data: st.DataObject
) -> None:
    words = st.sampled_from(["the ", "of ", "SCO ", "-", "a", " ", "\u2019s "])
    before = "".join(data.draw(st.lists(words, max_size=4)))
    text = folded(before + data.draw(texts_matching(rule)) + before)
    assert _at_first_words(rule, text) == _spans(folded_pattern(rule), text)
