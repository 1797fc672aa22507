# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Proposals named by a noun or a passive, with their author beside the noun or
after "by" (#11): candidates for the model, each on an invented sentence."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.facts.commitments import candidates


def _framed(text: str) -> list[tuple[str, str, str]]:
    """(actor, text, how the actor was found) of every candidate of a frame."""
    return [
        (c.item["actor"], c.item["text"], source)
        for c in candidates(make_doc(text))
        for source in c.features
        if source.startswith("src=frame")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Modi pointed to India's proposal for the SCO to draw up a plan on rail freight.",
            (
                "IND",
                "India's proposal for the SCO to draw up a plan on rail freight",
                "src=frame",
            ),
        ),
        (
            "The ministers backed the initiative of Kazakhstan to create a new forum of energy ministers.",
            (
                "KAZ",
                "the initiative of Kazakhstan to create a new forum of energy ministers",
                "src=frame",
            ),
        ),
        (
            "The partnership was proposed by Putin in a 2015 address as a framework for regional integration.",
            (
                "RUS",
                "The partnership was proposed by Putin in a 2015 address as a framework for regional integration",
                "src=frame-by",
            ),
        ),
        (
            "A centre against organized crime, to be set up in Astana at Kazakhstan's initiative, will open in May.",
            (
                "KAZ",
                "A centre against organized crime, to be set up in Astana at Kazakhstan's initiative, will open in May",
                "src=frame-by",
            ),
        ),
    ],
)
def test_a_proposal_named_by_a_noun_or_a_passive_is_its_author_s(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _framed(text) == [expected]


def test_a_frame_is_the_model_s_to_judge() -> None:
    found = candidates(
        make_doc("Putin recalled Russia's proposal to open a grain exchange.")
    )
    assert [(c.item["actor"], c.item["kind"]) for c in found] == [("RUS", "proposal")]
    assert RULE not in found[0].features


@pytest.mark.parametrize(
    "text",
    [
        "China's proposal was rejected.",  # no action named
        "The security concept proposed by Putin has been praised by the members.",  # a reduced relative
        "The plan proposed by Astana officials was discussed.",  # a city is no author
        "Russia proposed a grain exchange, Russia's proposal for which drew praise.",  # the verb's already
    ],
)
def test_no_frame_candidate_without_an_action_or_an_author(text: str) -> None:
    assert [actor for actor, *_ in _framed(text)] == []
