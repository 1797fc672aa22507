"""What a meeting phrase's neighbourhood says of it (facts/meeting_clues.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.facts import meeting_clues
from scotrack.ingest.facts.meetings import meetings


def _only(text: str, **kwargs: str | None) -> dict:
    found = meetings(make_doc(text, **kwargs))
    assert len(found) == 1, found
    return found[0]


def test_meetings_host_named_before_an_appositive() -> None:
    text = (
        "On 3 May 2024, Astana, the capital of Kazakhstan, hosted the 5th Meeting "
        "of the Prosecutors General of the SCO Member States. "
        "Taking part in the meeting was Ivan Petrov."
    )
    meeting = _only(text)
    assert (meeting["city"], meeting["format"]) == ("Astana", "in-person")


def test_meetings_held_in_a_place_then_a_date() -> None:
    text = (
        "The 9th meeting of the SCO prime ministers was held in Astana, the capital "
        "of Kazakhstan, on October 14, 2011."
    )
    assert _only(text, published=None)["date"] == "2011-10-14"


def test_roman_ordinal_right_before_the_phrase() -> None:
    assert meeting_clues.roman("Kazan hosted the VI ") == 6
    assert meeting_clues.roman("the XIV ") == 14
    assert meeting_clues.roman("I ") is None  # the pronoun
    assert meeting_clues.roman("CIVIL ") is None
