# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Actions of agreements (`agreement_actions`), on invented sentences."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import agreements_found as _found


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive of need or purpose: the signing is still to come
        "The ministers discussed the procedures needed to sign the Convention on Water Security.",
        "Members must ratify the Agreement on Customs Cooperation first.",
        # a wished-for early action
        "Mongolia welcomed an early conclusion of the Treaty on Transit Corridors.",
        "They looked forward to a speedy signing of the Draft Roadmap of Joint Actions.",
    ],
)
def test_agreement_actions_still_to_come_or_drafts(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistan suggested adopting a programme of student exchanges.",
            [("programme of student exchanges", "proposed")],
        ),
        (
            "Modi recalled India's proposal for the SCO to work out a plan of cooperation in medicine.",
            [("plan of cooperation in medicine", "proposed")],
        ),
        # a proposal verb right before the agreement
        (
            "Mongolia has proposed an SCO convention on desert control.",
            [("SCO convention on desert control", "proposed")],
        ),
        (
            "Kyrgyzstan put forward a treaty on water sharing.",
            [("treaty on water sharing", "proposed")],
        ),
    ],
)
def test_agreement_actions_proposals(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's present tense
        (
            "Mongolia signs memorandum on observer duties",
            [("memorandum on observer duties", "signed")],
        ),
        (
            "Turkey ratifies convention on transit",
            [("convention on transit", "ratified")],
        ),
        # "became effective" is an entry into force
        (
            "The Agreement on Seed Exchange became effective in May.",
            [("Agreement on Seed Exchange", "entered-into-force")],
        ),
    ],
)
def test_agreement_actions_headlines_and_effect(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting's outcome, with no action verb
        (
            "The results of the forum featured a joint declaration on clean water and a joint communique on tourism.",
            [
                ("joint declaration on clean water", "adopted"),
                ("joint communique on tourism", "adopted"),
            ],
        ),
        (
            "The main outcome of the session was the Bishkek Declaration.",
            [("Bishkek Declaration", "adopted")],
        ),
    ],
)
def test_agreement_actions_outcomes_are_adopted(text: str, expected: list) -> None:
    assert _found(text) == expected


def test_agreement_actions_results_of_something_else_adopt_nothing() -> None:
    assert _found("The results of the vote were in line with the Charter.") == []
