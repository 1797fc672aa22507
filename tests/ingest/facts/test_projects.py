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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Members will speed up work on the SCO Development Bank. The "
            "development bank would finance joint ventures.",
            [("SCO Development Bank", "finance", [], "planned")],
        ),
        (
            "Bankers of the SCO Interbank Consortium met the SCO Business Council.",
            [
                ("SCO Interbank Consortium", "finance", [], None),
                ("SCO Business Council", "industry", [], None),
            ],
        ),
        (
            "Work goes on to set up the SCO Development Fund (Special Account).",
            [("SCO Development Fund", "finance", [], "planned")],
        ),
        (
            'Putin again backed an "energy club" for gas producers.',
            [("energy club", "energy", [], None)],
        ),
    ],
)
def test_projects_sco_institutions(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Asian Development Bank lends to Mongolia.",  # another owner
        "India praised the New Development Bank of the BRICS.",  # another owner
        "Pakistan backs the One Belt, One Road plan.",  # an initiative
        "Officials from China Railway First Survey arrived.",  # a company
        "The Agreement on International Road Transport was signed.",  # a title
        "Trade needs a bigger Indian port on that coast.",  # an adjective and a head
        "Industrial park plans were discussed.",  # capital only as the first word
        "Putin landed at Tianjin's Binhai Airport on Sunday.",  # a place of arrival
    ],
)
def test_projects_not_projects_either(text: str) -> None:
    assert _found(text) == []


def test_projects_named_in_a_place_offered() -> None:
    found = _found("Russia offered to build the Tashkent-1 power plant in Uzbekistan.")
    assert found == [("Tashkent-1 power plant", "energy", ["UZB"], "planned")]


def test_projects_misspelt_name_is_one_project() -> None:
    found = _found("The Gwadar Port opened. Ships now call at Gawdar Port daily.")
    assert [name for name, *_ in found] == ["Gwadar Port"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Its flagship project China-Mongolia Economic Corridor moved ahead.",
            "China-Mongolia Economic Corridor",
        ),
        (
            "The SCO Demonstration Base for Textile Technology and Training opened.",
            "SCO Demonstration Base for Textile Technology and Training",
        ),
        (
            "Goods travel on the China-Europe freight train.",
            "China-Europe freight train",
        ),
    ],
)
def test_projects_name_bounds(text: str, name: str) -> None:
    assert [found for found, *_ in _found(text)] == [name]


_HEADS = "|".join(pattern for _, pattern in projects_lexicon.PROJECT_HEADS)


@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(texts_matching(rf"\b(?:{_HEADS})\b(?!-)"))
def test_project_heads_hold_a_head_word(text: str) -> None:
    words = "|".join(projects_lexicon.PROJECT_HEAD_WORDS)
    assert re.search(rf"\b(?:{words})\b", folded(text))
