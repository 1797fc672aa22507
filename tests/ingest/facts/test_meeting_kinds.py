# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Meetings of the SCO's other bodies (lexicon/meeting_kinds.py), through
`meetings()` on hand-built documents."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.facts.meetings import meetings


def _only(text: str) -> dict:
    found = meetings(make_doc(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "city"),
    [
        (
            "The fifth meeting of the Ministers of Agriculture of the Member States of the Shanghai Cooperation Organization was held in Moscow.",
            5,
            "Moscow",
        ),
        (
            "Goa hosted the 9th Meeting of the Prosecutors General of the Shanghai Cooperation Organisation's Member States.",
            9,
            "Goa",
        ),
        (
            "The 14th meeting of the SCO RATS Council took place in Tianjin.",
            14,
            "Tianjin",
        ),
        (
            "The 7th meeting of the heads of the disaster relief agencies of the SCO member states opened in Bishkek.",
            7,
            "Bishkek",
        ),
        (
            "The 3rd Meeting of Security Council Secretaries of SCO Member States opened in Astana.",
            3,
            "Astana",
        ),
        (
            "Experts of the SCO Interbank Consortium (SCO IBC) held an online meeting in Moscow.",
            None,
            "Moscow",
        ),
        ("Moscow hosted the IV Conference of SCO Ministers of Health.", 4, "Moscow"),
        (
            "The SCO envoy took part in the meeting of the Youth Council in Astana.",
            None,
            "Astana",
        ),
    ],
)
def test_meetings_of_the_sco_other_bodies(
    text: str, number: int | None, city: str
) -> None:
    meeting = _only(text)
    assert (meeting["body"], meeting["number"], meeting["city"]) == (
        "other",
        number,
        city,
    )


def test_meetings_of_other_bodies_in_a_list_or_of_the_plural_are_none() -> None:
    text = "Meetings of Security Council Secretaries of SCO Member States have been held since 2004."
    assert meetings(make_doc(text)) == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a hyphenated "Member-States" in a council's name
        (
            "Astana hosted the meeting of the Council of Heads of the SCO Member-States.",
            "heads-of-state",
        ),
        # a prime-ministerial summit is the heads of government's
        (
            "A prime-ministerial summit meeting of the SCO opened in Bishkek.",
            "heads-of-government",
        ),
        (
            "The SCO prime-ministerial summit ended in Moscow.",
            "heads-of-government",
        ),
        # government leaders of the SCO meeting now
        (
            "Government leaders from the eight member states of the Shanghai Cooperation Organization are meeting in Tianjin.",
            "heads-of-government",
        ),
        # the SCO's joint drill, named with words between
        (
            "The Shanghai Cooperation Organization's (SCO) joint anti-terrorist exercise concluded in Moscow.",
            "other",
        ),
        (
            "SCO members hold first joint counter-terrorism live exercise in Astana.",
            "other",
        ),
    ],
)
def test_meeting_kinds_bodies_of_more_phrases(text: str, body: str) -> None:
    assert _only(text)["body"] == body


@pytest.mark.parametrize(
    "text",
    [
        "The meeting of the SCO-Afghanistan Contact Group was held in Moscow.",
        "The SCO-Afghanistan Contact Group Meeting took place in Moscow.",
    ],
)
def test_meeting_kinds_contact_group(text: str) -> None:
    found = _only(text)
    assert (found["body"], found["city"]) == ("other", "Moscow")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a forum named after the SCO's full name and its acronym
        (
            "The third Shanghai Cooperation Organisation (SCO) Youth Forum was held in Bishkek.",
            "other",
        ),
        # the heads of defence departments are the defence ministers
        (
            "The meeting of the heads of defence ministries of the SCO member states took place in Moscow.",
            "defence-ministers",
        ),
    ],
)
def test_meeting_kinds_forums_and_defence_heads(text: str, body: str) -> None:
    assert _only(text)["body"] == body


def test_meeting_kinds_video_conference_is_no_conference() -> None:
    found = meetings(
        make_doc(
            "Xi will attend the 23rd meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) via video conference."
        )
    )
    assert [item["body"] for item in found] == ["heads-of-state"]
