# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Who makes a commitment, and which triggers a precise rule takes (#11): cases
from the second batch of real pages, each on an invented sentence."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.facts.commitments import candidates


def _rule_hits(text: str) -> list[tuple[str, str | None, str]]:
    """(actor, speaker, text) of every candidate a precise rule found."""
    return [
        (c.item["actor"], c.item["speaker"], c.item["text"])
        for c in candidates(make_doc(text))
        if RULE in c.features
    ]


def test_a_frame_after_the_quote_walks_past_title_words() -> None:
    text = "The SCO needs to build a seed bank, said PM Modi."
    assert _rule_hits(text) == [
        ("IND", "Narendra Modi", "The SCO needs to build a seed bank")
    ]


def test_he_is_the_subject_of_the_last_sentence_not_its_last_name() -> None:
    text = (
        "Modi spoke in the presence of Putin. "
        "He stressed that SCO members must share border data."
    )
    assert [actor for actor, *_ in _rule_hits(text)] == ["IND"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers decided to set up a working group on rail tariffs.",
        "The SCO has decided to open a centre for flood warnings.",
        "The energy ministers instructed their experts to draft a gas market plan.",
        "Also, the summit has decided to launch a fund for small firms.",
        "Decided to hold a conference on cyber security next spring.",
    ],
)
def test_a_joint_decision_is_an_sco_rule_hit(text: str) -> None:
    assert [actor for actor, *_ in _rule_hits(text)] == ["SCO"]


@pytest.mark.parametrize(
    "text",
    [
        "The SCO has decided to grant Mongolia the status of a partner.",  # status
        "Russia has decided to build a grain terminal in Astana.",  # one state's: the model's
    ],
)
def test_no_rule_hit_for_a_status_decision_or_a_state_s(text: str) -> None:
    assert _rule_hits(text) == []
