# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))  # the shared hand-built documents
from _docs import holds_any, make_doc, texts_matching

from scotrack.ingest import lexicon
from scotrack.ingest.membership import membership


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m["state"], m["event"], m["date"]) for m in membership(make_doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran became a full member of the SCO on July 4, 2023.",
            [("IRN", "joined", "2023-07-04")],
        ),
        ("Belarus joined the SCO in 2024.", [("BLR", "joined", "2024")]),
        (
            "The membership expansion in June brought in India and Pakistan to include them.",
            [],
        ),
        (
            "The expansion last year to include India and Pakistan was historic.",
            [("IND", "joined", "2023"), ("PAK", "joined", "2023")],
        ),
        (
            "Mongolia was granted observer status in 2004.",
            [("MNG", "observer", "2004")],
        ),
        (
            "The summit granted observer status to Mongolia.",
            [("MNG", "observer", None)],
        ),
        (
            "Turkey was granted dialogue partner status.",
            [("TUR", "dialogue-partner", None)],
        ),
        ("Iran signed the memorandum of obligations.", [("IRN", "applied", None)]),
        (
            "Leaders began the procedure for admitting Belarus as a member.",
            [("BLR", "applied", None)],
        ),
        ("Iran applied for full membership in 2008.", [("IRN", "applied", "2008")]),
    ],
)
def test_membership_events(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "As a founding member, China values the SCO.",
        "Iran is expected to become a full member next year.",
        "SCO member and observer states attended.",
    ],
)
def test_membership_not_events(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("cues", "pattern"),
    [(cues, pattern) for _, _, cues, pattern in lexicon.MEMBERSHIP_PATTERNS],
)
@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(data=st.data())
def test_membership_patterns_hold_their_cue_words(
    cues: tuple[str, ...], pattern: str, data: st.DataObject
) -> None:
    assert holds_any(data.draw(texts_matching(pattern)), cues)
