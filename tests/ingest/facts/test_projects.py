import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc, texts_matching

from scotrack.ingest.facts.projects import projects
from scotrack.ingest.lexicon import projects as projects_lexicon
from scotrack.ingest.lexicon.folding import folded


def _found(text: str) -> list[tuple[str, str | None, list[str], str | None]]:
    return [
        (p["name"], p["sector"], p["countries"], p["status"])
        for p in projects(make_doc(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The China-Kyrgyzstan-Uzbekistan railway is under construction.",
            [
                (
                    "China-Kyrgyzstan-Uzbekistan railway",
                    "transport",
                    ["CHN", "UZB"],
                    "underway",
                )
            ],
        ),
        (
            "A solar power plant in Uzbekistan was commissioned last year.",
            [("solar power plant in Uzbekistan", "energy", ["UZB"], "completed")],
        ),
        (
            "The two sides plan to build the Great Stone Industrial Park.",
            [("Great Stone Industrial Park", "industry", [], "planned")],
        ),
        (
            "Russia and India discussed the North-South Transport Corridor.",
            [("North-South Transport Corridor", "transport", [], None)],
        ),
    ],
)
def test_projects_named_and_described(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "China is building a network of railways, roads and pipelines.",  # categories
        "India will open 10 Luban Workshops.",  # a commitment
        "The Belt and Road Initiative links Asia and Europe.",  # an initiative
        "Members discussed the SCO free trade zone.",  # an initiative
        "A power plant will help the region.",  # no name, no place
    ],
)
def test_projects_not_projects(text: str) -> None:
    assert _found(text) == []


_HEADS = "|".join(pattern for _, pattern in projects_lexicon.PROJECT_HEADS)


@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(texts_matching(rf"\b(?:{_HEADS})\b(?!-)"))
def test_project_heads_hold_a_head_word(text: str) -> None:
    words = "|".join(projects_lexicon.PROJECT_HEAD_WORDS)
    assert re.search(rf"\b(?:{words})\b", folded(text))
