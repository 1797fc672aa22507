import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import corpus_sentences

from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.facts.clauses import Keywords, MentionIndex, conjuncts, matches_in
from scotrack.ingest.lexicon import clauses as clauses_lexicon
from scotrack.ingest.lexicon import commitments as commitments_lexicon
from scotrack.ingest.lexicon.folding import fold, folded, folded_pattern

BOUNDARY = clauses_lexicon.BOUNDARY

# letters the regex engine folds in unusual ways, and plain text around them
_TRICKY = "\u0130\u0131\u017f\u212a\u00df\u03a3\u00c9\u00e9Kk Ss Ii."
_TEXTS = st.text(alphabet=st.sampled_from(_TRICKY + "ABCabc-'"), max_size=30)


@given(_TEXTS)
def test_folded_keeps_length(text: str) -> None:
    assert len(folded(text)) == len(text)


@pytest.mark.parametrize(
    "source",
    [
        r"\bsummits?\b",
        r"\bSCO[- ]Plus[^\w]{0,2} meeting\b",
        r"(?P<call>ask(?:ed|s)?)(?! about)|(?P<pledge>vow)",
        r"communiqu[e\u00e9]",
        r"\bkiss\b|\bissue\b|\bking\b",
    ],
)
@given(text=_TEXTS)
def test_folded_pattern_finds_what_ignorecase_finds(source: str, text: str) -> None:
    expected = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    found = [m.span() for m in folded_pattern(source).finditer(folded(text))]
    assert found == expected


@pytest.mark.parametrize("word", ["issue", "king", "kiss"])
def test_folded_text_holds_words_where_ignorecase_finds_them(word: str) -> None:
    text = "The \u0130SSUE of \u212aing and ki\u017fs"  # dotted I, Kelvin, long s
    assert re.search(word, text, re.IGNORECASE)
    assert word in folded(text)


@pytest.mark.parametrize("source", [r"\W+", r"\Bx", r"(?-i:x)", r"(?P<Name>x)"])
def test_folded_pattern_refuses_case_sensitive_syntax(source: str) -> None:
    with pytest.raises(ValueError, match="case-sensitive"):
        folded_pattern(source)


def test_keywords_by_sentence() -> None:
    text = "The SUMMIT opened. Ministers met. No cue here."
    sentences = [Sentence(0, 18, text[0:18]), Sentence(19, 33, text[19:33])]
    sentences.append(Sentence(34, len(text), text[34:]))
    cues = Keywords([("summit", "s"), ("minister", "m"), ("met", "m")])
    assert cues.by_sentence(text, sentences) == [{"s"}, {"m"}, set()]


def test_keywords_whole_words_and_offsets() -> None:
    text = "A port; the support."
    sentences = [Sentence(0, 7, text[:7]), Sentence(8, len(text), text[8:])]
    whole = Keywords([("port", 1)], whole_words=True)
    assert whole.by_sentence(text, sentences) == [{1}, set()]
    assert whole.at("support port") == {8: {1}}
    anywhere = Keywords([("port", 1), ("sup", 2)])
    assert anywhere.at_by_sentence(text, sentences) == [{2: {1}}, {4: {2}, 7: {1}}]


def test_keywords_refuse_upper_case_words() -> None:
    with pytest.raises(ValueError, match="lower-case"):
        Keywords([("SCO", 1)])


def test_mention_index_between_by_span_and_kind() -> None:
    mentions = [
        Mention(10, 16, "city", "Astana", "Astana", "KAZ"),
        Mention(0, 5, "state", "CHN", "China", "CHN"),
        Mention(0, 11, "body", "SCO", "China and S", None),
    ]
    index = MentionIndex(mentions)
    assert [m.value for m in index.between(0, 20)] == ["SCO", "CHN", "Astana"]
    assert [m.value for m in index.between(0, 12)] == ["SCO", "CHN"]
    assert [m.value for m in index.between(0, 20, ("city",))] == ["Astana"]


@given(_TEXTS)
def test_fold_is_what_folded_remembers(text: str) -> None:
    assert fold(text) == folded(text)


_SPANS = st.lists(st.integers(0, 30), min_size=2, max_size=2).map(sorted)


@given(st.text(alphabet="abc ", max_size=30), _SPANS)
def test_matches_in_is_finditer_in_the_span(text: str, span: list[int]) -> None:
    pattern = re.compile(r"ab+|b|c a")  # no end-of-text test a cut could satisfy
    start, end = span
    whole = list(pattern.finditer(text))
    expected = [m.span() for m in pattern.finditer(text, start, end)]
    assert [m.span() for m in matches_in(pattern, text, whole, start, end)] == expected


def test_matches_in_searches_the_span_when_a_match_is_cut() -> None:
    pattern = re.compile(r"abc|ab")
    text = "xabcx"
    found = matches_in(pattern, text, list(pattern.finditer(text)), 0, 3)
    assert [m.group(0) for m in found] == ["ab"]


_MENTIONS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 8), st.sampled_from(["state", "city"]))
)


@given(_MENTIONS, st.integers(0, 50), st.integers(0, 50))
def test_mention_index_between_is_a_filter(
    spans: list[tuple[int, int, str]], start: int, end: int
) -> None:
    mentions = [Mention(a, a + n, k, str(a), "x") for a, n, k in spans]  # type: ignore[arg-type]
    index = MentionIndex(mentions)
    ordered = sorted(sorted(mentions, key=lambda m: -m.end), key=lambda m: m.start)
    inside = [m for m in ordered if start <= m.start and m.end <= end]
    assert index.between(start, end) == inside
    assert index.between(start, end, ("city",)) == [
        m for m in inside if m.kind == "city"
    ]


_PLAIN_BOUNDARY = folded_pattern(
    commitments_lexicon.PARTICIPIAL_BOUNDARY
    + r"|;\s|,\s*(?:while|but|which|whereas|as)\s"
    r"|\s+and\s+(?:also\s+)?\w+ed\s+(?=(?:a|an|the|their|its|his|her|several|\d)\b)"
    r"|\s+--\s+"
)
"""`BOUNDARY` written as the plain alternation it stands for."""


_PIECES = [" ", ",", ";", "-", "--", "\n", "\t", "and", "also", "ed", "the", "as"]
_PIECES += ["saying", "while", "x", "X", "1"]


@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_boundary_is_the_plain_alternation(text: str) -> None:
    expected = [m.span() for m in _PLAIN_BOUNDARY.finditer(folded(text))]
    assert [m.span() for m in BOUNDARY.finditer(folded(text))] == expected


def test_boundary_is_the_plain_alternation_on_real_sentences() -> None:
    for sentence in corpus_sentences():
        expected = [m.span() for m in _PLAIN_BOUNDARY.finditer(folded(sentence))]
        assert [m.span() for m in BOUNDARY.finditer(folded(sentence))] == expected


def test_conjuncts_split_a_list_of_measures_with_verbs_beyond_the_core() -> None:
    """Coordinated verb phrases after a comma each open a measure: "resume",
    "forge", "eliminate" and the like, besides the commonest verbs (#11)."""
    text = (
        "agreed to keep trade steady, resume the ministerial dialogue, "
        "and eliminate duties on grain"
    )
    pieces = conjuncts(text, 0, len(text), head_end=len("agreed to keep"))
    assert [text[p.start : p.end] for p in pieces] == [
        "agreed to keep trade steady",
        "resume the ministerial dialogue",
        "eliminate duties on grain",
    ]
