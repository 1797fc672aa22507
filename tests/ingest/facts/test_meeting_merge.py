"""How the observations of one meeting merge (facts/meeting_merge.py), through
`meetings()` on hand-built documents."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.facts.meeting_merge import Observation, fold_anaphoric
from scotrack.ingest.facts.meetings import meetings


def _only(text: str, **kwargs: str | None) -> dict:
    found = meetings(make_doc(text, **kwargs))
    assert len(found) == 1, found
    return found[0]


def test_meetings_other_names_merge_in_any_word_order() -> None:
    same = (
        "The 3rd meeting of the Ministers of Energy of the SCO was held in Astana. "
        "The SCO energy ministers' meeting adopted a plan."
    )
    assert len(meetings(make_doc(same))) == 1
    two = (
        "The SCO transport ministers' meeting opened in Bishkek. "
        "The SCO culture ministers' meeting opened in Goa."
    )
    assert [m["city"] for m in meetings(make_doc(two))] == ["Bishkek", "Goa"]


def test_meetings_ministers_of_a_council_meet_in_it() -> None:
    text = "The meeting of the SCO member states' foreign ministers opened in Astana."
    assert _only(text)["body"] == "foreign-ministers"
    generic = (
        "SCO ministers' meeting ends in Tianjin.\n"
        "The Council of Foreign Ministers of the SCO met in Tianjin on Monday."
    )
    meeting = _only(generic)
    assert (meeting["body"], meeting["city"]) == ("foreign-ministers", "Tianjin")


def test_meetings_summit_of_heads_of_government() -> None:
    text = "The summit of Heads of Government of the SCO opened in Astana."
    assert _only(text)["body"] == "heads-of-government"
    headline = (
        "SCO summit in Bishkek.\n"
        "The Council of Heads of Government of the SCO met in Bishkek on Friday."
    )
    meeting = _only(headline)
    assert (meeting["body"], meeting["city"]) == ("heads-of-government", "Bishkek")


def test_meetings_bare_meeting_after_a_past_one_is_the_current_one() -> None:
    text = (
        "SCO defence ministers convened at the site of the 2018 SCO summit in Astana. "
        "The meeting, spanning June 25 to 26, discussed security."
    )
    found = {m["body"]: m["date"] for m in meetings(make_doc(text))}
    assert found["defence-ministers"] == "2024-06-25"


def test_meetings_participants_held_their_first_meeting() -> None:
    text = (
        "The SCO prime ministers' meeting opened in Astana on Monday. "
        "Two years ago, the prime ministers of SCO members held their first "
        "meeting in Bishkek."
    )
    found = meetings(make_doc(text))
    assert [(m["body"], m["number"], m["city"]) for m in found] == [
        ("heads-of-government", None, "Astana"),
        ("heads-of-government", 1, "Bishkek"),
    ]


def test_meetings_an_unplaced_undated_meeting_is_the_one_of_its_body() -> None:
    one = Observation("foreign-ministers", 0, 10, country="KAZ", evidence=[[0, 10]])
    placed = Observation("foreign-ministers", 50, 60, city="Astana", date="2024-05")
    placed.evidence = [[50, 60]]
    merged = [one, placed]
    fold_anaphoric(merged)
    assert merged == [placed]
    assert placed.evidence == [[0, 10], [50, 60]]
    assert placed.country == "KAZ"


def test_meetings_an_unplaced_meeting_stays_beside_two_of_its_body() -> None:
    one = Observation("heads-of-state", 0, 10, evidence=[[0, 10]])
    merged = [
        one,
        Observation("heads-of-state", 50, 60, city="Astana", evidence=[[50, 60]]),
        Observation("heads-of-state", 80, 90, city="Goa", evidence=[[80, 90]]),
    ]
    fold_anaphoric(merged)
    assert len(merged) == 3
