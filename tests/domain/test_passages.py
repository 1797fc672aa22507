"""The passage around a claim's evidence: one cut for the claim view, the search
body and the suggestions (#15). The cases where the claim view's old
`evidence_sentence` cut differently are named; the surfaces show the same cases
in tests/web/test_review.py, tests/api/test_reads.py and tests/cli/test_review.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.domain.passages import (
    ELLIPSIS,
    SENTENCE_CONTEXT,
    SEPARATOR,
    Passage,
    passage,
)

pytestmark = pytest.mark.issue(15)

SUMMIT = (
    "The heads of state of the SCO met in Tashkent on 11 September. "
    "They signed an agreement on energy cooperation and transport corridors. "
    "Leaders also discussed security.\n"
    "Reporters waited outside."
)


def marked(found: Passage) -> list[str]:
    return [found.text[start:end] for start, end in found.marks]


def test_a_span_grows_to_its_sentence() -> None:
    start = SUMMIT.index("energy")
    assert passage(SUMMIT, [(start, start + 6)]).text == (
        "They signed an agreement on energy cooperation and transport corridors."
    )
    security = SUMMIT.index("security")
    assert passage(SUMMIT, [(security, security + 8)]).text == (
        "Leaders also discussed security."
    )
    reporters = SUMMIT.index("Reporters")
    assert passage(SUMMIT, [(reporters, reporters + 9)]).text == (
        "Reporters waited outside."
    )


def test_sentences_join_and_merge() -> None:
    tashkent = SUMMIT.index("Tashkent")
    energy = SUMMIT.index("energy")
    both = passage(SUMMIT, [(energy, energy + 6), (tashkent, tashkent + 8)])
    assert both.text == (
        "The heads of state of the SCO met in Tashkent on 11 September. "
        "They signed an agreement on energy cooperation and transport corridors."
    )
    assert marked(both) == ["Tashkent", "energy"]
    reporters = SUMMIT.index("Reporters")
    apart = passage(SUMMIT, [(tashkent, tashkent + 1), (reporters, reporters + 1)])
    assert apart.text.count(ELLIPSIS) == 1


@pytest.mark.parametrize("spans", [[], [(-5, 3)], [(500, 900)], [(10, 5)]])
def test_odd_spans(spans: list[tuple[int, int]]) -> None:
    found = passage(SUMMIT, spans)
    assert isinstance(found.text, str)
    assert all(0 <= a < b <= len(found.text) for a, b in found.marks)


def test_nothing_around_no_span() -> None:
    assert passage(SUMMIT, []) == Passage("")
    assert passage(SUMMIT, []).first == (0, 0)
    assert passage(SUMMIT, []).parts() == []


def test_the_passage_is_bounded() -> None:
    long_text = "word " * 2000
    context = passage(long_text, [(5000, 5004)]).text
    assert len(context) <= 2 * SENTENCE_CONTEXT + 4


def test_the_first_sentence_of_a_document() -> None:
    text = "Leaders met in Astana on Friday for the 17th SCO summit. Then they left."
    assert passage(text, [(60, 64)]).text == "Then they left."


@pytest.mark.parametrize(
    ("text", "span", "sentence"),
    [
        ("SCO ministers met. Then they left.", (0, 3), "SCO ministers met."),
        ("SCO ministers met. Then they left.", (19, 23), "Then they left."),
        (
            "Title line\nSCO ministers met in Tashkent.",
            (11, 14),
            "SCO ministers met in Tashkent.",
        ),
        ("  SCO leaders spoke.", (2, 5), "SCO leaders spoke."),
    ],
)
def test_the_passage_keeps_its_first_character(
    text: str, span: tuple[int, int], sentence: str
) -> None:
    found = passage(text, [span])
    assert found.text == sentence
    start, end = found.first
    assert found.text[start:end] == text[span[0] : span[1]]


# the cases where the claim view's `evidence_sentence` cut differently


def test_a_span_ending_on_the_full_stop_keeps_its_sentence_alone() -> None:
    text = "SCO ministers met in Tashkent. Then they left. Reporters waited."
    span = (0, text.index(".") + 1)
    found = passage(text, [span])
    assert found.text == "SCO ministers met in Tashkent."  # was with "Then they left."
    assert marked(found) == ["SCO ministers met in Tashkent."]


def test_a_page_without_a_full_stop_gives_a_window() -> None:
    text = "word " * 400 + "SCO " + "word " * 400  # was the whole page
    start = text.index("SCO")
    found = passage(text, [(start, start + 3)])
    assert len(found.text) <= 2 * SENTENCE_CONTEXT + 3
    assert marked(found) == ["SCO"]


def test_white_space_runs_are_one_space_and_the_mark_follows() -> None:
    text = "The  SCO\tministers   met in\u00a0Tashkent. Then they left."
    start = text.index("ministers")
    end = text.index("Tashkent") + len("Tashkent")
    found = passage(text, [(start, end)])
    assert found.text == "The SCO ministers met in Tashkent."  # was as written
    assert marked(found) == ["ministers met in Tashkent"]


def test_every_span_is_shown_and_marked() -> None:
    tashkent = SUMMIT.index("Tashkent")
    reporters = SUMMIT.index("Reporters")
    found = passage(SUMMIT, [(reporters, reporters + 9), (tashkent, tashkent + 8)])
    assert found.text == (  # was the first span's sentence alone
        "The heads of state of the SCO met in Tashkent on 11 September."
        f"{SEPARATOR}Reporters waited outside."
    )
    assert marked(found) == ["Tashkent", "Reporters"]
    assert found.first == (found.text.index("Tashkent"), found.text.index(" on 11"))
    assert found.parts() == [
        ("The heads of state of the SCO met in ", False),
        ("Tashkent", True),
        (f" on 11 September.{SEPARATOR}", False),
        ("Reporters", True),
        (" waited outside.", False),
    ]


def test_a_span_past_the_end_is_clipped() -> None:
    text = "SCO ministers met. Then they left."
    found = passage(text, [(19, 90)])  # was offsets past the sentence
    assert found.text == "Then they left."
    assert marked(found) == ["Then they left."]


def test_overlapping_spans_are_marked_once() -> None:
    text = "SCO ministers met in Tashkent."
    found = passage(text, [(0, 13), (4, 17)])
    assert "".join(piece for piece, _ in found.parts()) == found.text
    assert found.parts() == [("SCO ministers met", True), (" in Tashkent.", False)]


TEXTS = st.text(alphabet=st.sampled_from("ab .\n\t\u00a0"), max_size=80)


@given(TEXTS, st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90))))
def test_each_mark_is_its_span_as_shown(
    text: str, spans: list[tuple[int, int]]
) -> None:
    found = passage(text, spans)
    assert "".join(piece for piece, _ in found.parts()) == found.text
    shown = sorted(
        " ".join(text[max(0, a) : max(0, a, min(b, len(text)))].split())
        for a, b in spans
    )
    assert sorted(marked(found)) == [words for words in shown if words]
    starts = [start for start, _ in found.marks]
    assert starts == sorted(starts)  # in text order
