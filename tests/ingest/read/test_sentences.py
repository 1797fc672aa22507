import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.lexicon import pages as page_rules
from scotrack.ingest.read.sentences import MAX_SENTENCE, sentence_at, sentence_spans


def test_sentences_abbreviations_and_quotes() -> None:
    text = (
        "Headline without stop\nSOCHI, Russia, Dec. 1 (Xinhua) -- Li said. "
        '"We will go." He met U.S. officials. Mr. Smith and J. K. Rowling came. '
        "No. 5 is it! What?"
    )
    got = [s.text for s in sentence_spans(text)]
    assert got == [
        "Headline without stop",
        "SOCHI, Russia, Dec. 1 (Xinhua) -- Li said.",
        '"We will go."',
        "He met U.S. officials.",
        "Mr. Smith and J. K. Rowling came.",
        "No. 5 is it!",
        "What?",
    ]


def test_sentence_at() -> None:
    sents = sentence_spans("One. Two.\nThree.")
    assert sentence_at(sents, 6) == sents[1]
    assert sentence_at(sents, 4) is None


@given(st.text(alphabet=st.sampled_from("ab .?!\n\"'AB"), max_size=80))
def test_sentence_offsets_point_into_text(text: str) -> None:
    for sent in sentence_spans(text):
        assert text[sent.start : sent.end] == sent.text
        assert sent.text == sent.text.strip()
        assert "\n" not in sent.text


@pytest.mark.issue(18)
def test_a_sentence_over_the_cap_is_cut_at_spaces_into_pieces_under_it() -> None:
    words = [f"word{i}" for i in range(3000)]  # 25,000 characters, no stop
    text = "Headline\n" + " ".join(words)
    sents = sentence_spans(text)
    assert sents[0].text == "Headline"
    pieces = sents[1:]
    assert len(pieces) > 1
    assert all(MAX_SENTENCE // 2 < len(s.text) <= MAX_SENTENCE for s in pieces[:-1])
    assert len(pieces[-1].text) <= MAX_SENTENCE
    assert " ".join(s.text for s in pieces).split() == words  # no word is cut
    for sent in pieces:
        assert text[sent.start : sent.end] == sent.text


@pytest.mark.issue(18)
def test_an_over_long_sentence_is_cut_after_its_last_clause_end() -> None:
    clause = "the ministers discussed trade and security in the region"
    sents = sentence_spans(", ".join([clause] * 200) + ".")
    assert len(sents) > 1
    for sent in sents[:-1]:
        assert sent.text.endswith(",")
        assert len(sent.text) <= MAX_SENTENCE < len(sent.text) + len(clause) + 2
    assert sents[-1].text.endswith("region.")


@pytest.mark.issue(18)
def test_a_word_longer_than_the_cap_is_cut_at_the_cap() -> None:
    sents = sentence_spans("x" * (2 * MAX_SENTENCE + 5))
    assert [len(s.text) for s in sents] == [MAX_SENTENCE, MAX_SENTENCE, 5]


@pytest.mark.issue(18)
def test_a_sentence_of_the_cap_or_less_is_whole() -> None:
    text = ("a " * MAX_SENTENCE)[: MAX_SENTENCE - 1] + "."
    assert [s.text for s in sentence_spans(text)] == [text]


@pytest.mark.issue(18)
def test_a_long_run_of_stops_is_one_sentence_end() -> None:
    text = "It ended" + "." * 1500 + " Then more!" + ")" * 900 + " Done" + "?" * 1500
    got = [s.text for s in sentence_spans(text)]
    assert got == [
        "It ended" + "." * 1500,
        "Then more!" + ")" * 900,
        "Done" + "?" * 1500,
    ]


_OLD_CANDIDATE = re.compile(
    r"(?<![.!?])[.!?]++[\"'\u201d\u2019\u00bb)\]]*+"
    r"(?=[^\S\n]+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u0400-\u04ff])"
)
"""The sentence-end rule as it was before it opened with the stop (#11)."""


@given(st.lists(st.sampled_from([".", "!", "?", "...", " ", "\n", "A", "a", "0", '"'])))
def test_the_sentence_end_rule_finds_what_its_lookbehind_form_found(
    parts: list[str],
) -> None:
    text = "".join(parts)
    old = [m.span() for m in _OLD_CANDIDATE.finditer(text)]
    assert [m.span() for m in page_rules.CANDIDATE.finditer(text)] == old
