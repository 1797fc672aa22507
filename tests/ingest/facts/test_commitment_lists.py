import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.facts.commitments import commitments


def _found(text: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (c["actor"], c["speaker"], c["kind"], c["text"])
        for c in commitments(make_doc(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Putin put forward three proposals at the summit. "
        "Firstly, deepen security cooperation among member states. "
        "Secondly, expand trade and investment in the region. "
        "Thirdly, set up a joint energy club.",
        "Putin made the following proposals. "
        "- deepen security cooperation among member states. "
        "- expand trade and investment in the region. "
        "- set up a joint energy club.",
    ],
)
def test_lists_points_after_an_announcement_are_proposals(text: str) -> None:
    points = [f for f in _found(text) if not f[3].startswith("Putin")]
    assert [t for *_, t in points] == [
        "deepen security cooperation among member states",
        "expand trade and investment in the region",
        "set up a joint energy club",
    ]
    assert {(a, s, k) for a, s, k, _ in points} == {
        ("RUS", "Vladimir Putin", "proposal")
    }


def test_lists_a_number_alone_opens_the_next_sentence() -> None:
    text = (
        "Modi made a four-point proposal at the summit. 1. "
        "Build new transport corridors to Central Asia. 2. "
        "Fight terrorism without double standards."
    )
    found = [t for *_, t in _found(text)]
    # the points, in order; whether the announcement itself is kept is the
    # commitments model's call (the one trained on 609 real pages keeps it: a
    # rule dropping a list announcement's model candidates lost 4 true items on
    # the real dev pages for 4 false ones, so it was not made)
    assert [t for t in found if not t.startswith("Modi made")] == [
        "Build new transport corridors to Central Asia",
        "Fight terrorism without double standards",
    ]


def test_lists_a_summary_gives_one_proposal_per_gerund() -> None:
    text = (
        "Tokayev made a three-point proposal on cooperation within the SCO. "
        "The proposal included strengthening border security, expanding trade "
        "in local currencies, and improving transport links across Eurasia."
    )
    assert _found(text) == [
        ("KAZ", "Kassym-Jomart Tokayev", "proposal", "strengthening border security"),
        (
            "KAZ",
            "Kassym-Jomart Tokayev",
            "proposal",
            "expanding trade in local currencies",
        ),
        (
            "KAZ",
            "Kassym-Jomart Tokayev",
            "proposal",
            "improving transport links across Eurasia",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [  # no announcement, or too far before, or no proposer
        "Trade rose last year. 1. Build new transport corridors to Central Asia.",
        "Putin put forward three proposals at the summit. Trade rose. Prices fell. "
        "Officials met. Firstly, deepen security cooperation among member states.",
        "Experts put forward three proposals. "
        "Firstly, deepen security cooperation among members.",
        "The plan includes building new roads, expanding trade and improving links.",
    ],
)
def test_lists_points_need_an_announcement(text: str) -> None:
    assert [f for f in _found(text) if not f[3].startswith("Putin")] == []
