"""Statements of implementation (#13): the cue that counts in a sentence, hedges,
objects and words, and the stage on a whole document."""

from __future__ import annotations

import pytest

from scotrack.ingest.document import RawDocument
from scotrack.ingest.facts.implementations import content_terms, cue_of, object_keys
from scotrack.ingest.output import to_extract_json
from scotrack.ingest.pipeline import STAGES, extract

pytestmark = pytest.mark.issue(13)

CUES = [
    ("Construction of the railway began on Friday.", "under way"),
    ("The first tranche of the loan was disbursed in May.", "under way"),
    ("The centre opened in Tashkent in June.", "done"),
    ("The convention was ratified by parliament.", "done"),
    ("Uzbekistan ratifies SCO's convention.", "done"),
    ("China has fulfilled its pledge to train 3,000 officials.", "done"),
    ("The secretariat has been officially opened in Beijing.", "done"),
    ("The bank has yet to be established.", "not done"),
    ("The convention has yet to be ratified by Kazakhstan.", "not done"),
    ("The pipeline project stalled over financing.", "not done"),
    ("The opening of the centre was postponed to 2026.", "not done"),
    ("Nothing of the kind was said.", None),
    ("The summit was postponed to next year.", "not done"),
    ("The project was cancelled in 2020.", "cancelled"),
    (
        "The line had been in limbo for decades, but the project is now underway.",
        "under way",
    ),
    ("The project is now underway but has stalled since March.", "not done"),
]


@pytest.mark.parametrize(("sentence", "progress"), CUES)
def test_cue_of_reports(sentence: str, progress: str | None) -> None:
    found = cue_of(sentence)
    assert (found[0] if found else None) == progress


HEDGED = [
    "The centre will be opened in Tashkent next year.",
    "The railway is expected to be completed by 2030.",
    "Construction of the Kyrgyz section is scheduled to begin in July 2025.",
    "China pledged to open a centre in Tashkent.",
    "The bank could be established once the members agree.",
]


@pytest.mark.parametrize("sentence", HEDGED)
def test_cue_of_skips_plans_and_conditions(sentence: str) -> None:
    assert cue_of(sentence) is None


def test_the_cue_span_points_at_the_words() -> None:
    sentence = "Officials said construction of the railway began on Friday."
    _progress, start, end = cue_of(sentence) or ("", 0, 0)
    assert sentence[start:end] == "construction of the railway began"


def test_objects_are_named_the_ways_news_writes_them() -> None:
    assert object_keys("the Belt and Road Initiative (BRI)") == ("belt-and-road",)
    assert object_keys("Xi proposed the Silk Road Economic Belt") == ("belt-and-road",)
    assert object_keys("the anti-terrorism center, or RATS") == (
        "anti-terrorist-structure",
    )
    assert object_keys("the SCO's convention on prevention of extremism") == (
        "extremism-convention",
    )
    assert object_keys("a museum of modern art") == ()


def test_content_terms_drop_stopwords_and_plurals() -> None:
    assert content_terms("The loans of China to the railways were disbursed.") == (
        "loan",
        "railway",
        "disbursed",
    )


def test_the_stage_finds_statements_outside_sco_extract() -> None:
    text = (
        "BISHKEK, Dec. 27, 2024. Construction of the China-Kyrgyzstan-Uzbekistan "
        "railway began on Friday. Officials will open a new station next year.\n"
    )
    doc = extract(RawDocument("a", "a.txt", text=text, published="2024-12-27"))
    [found] = doc.facts["implementations"]
    assert found["progress"] == "under way"
    assert found["date"] == "2024-12-27"
    assert {"CHN", "KGZ"} <= set(found["states"])
    assert found["objects"] == ["cku-railway"]
    start, end = found["evidence"][0]
    assert doc.text[start:end] == found["text"]
    assert found["text"].startswith("Construction of the China")
    assert "implementations" not in to_extract_json(doc)  # sco-extract/1 as it was
    assert STAGES[-1].name == "implementations"
