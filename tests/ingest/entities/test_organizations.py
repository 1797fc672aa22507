from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.document import Sentence
from scotrack.ingest.entities.organizations import (
    Organizations,
    of_other,
    other_starts,
)
from scotrack.ingest.lexicon.organizations import OTHER


def _sentences(text: str) -> list[Sentence]:
    found, start = [], 0
    for piece in text.split(". "):
        found.append(Sentence(start, start + len(piece), piece))
        start += len(piece) + 2
    return found


def test_of_other_after_a_meeting_phrase() -> None:
    text = "a summit of the Russia-led Collective Security Treaty Organization"
    assert of_other(text, len("a summit"))
    assert not of_other("a summit of the SCO member states", len("a summit"))
    assert not of_other("a summit in Astana", len("a summit"))


def test_other_before_in_the_same_sentence() -> None:
    text = "Armenia refuses to sign CSTO declaration at Yerevan summit"
    orgs = Organizations(text)
    (sent,) = _sentences(text)
    assert orgs.other_before(sent, text.index("summit"))
    both = "The CSTO and the SCO held a summit"
    assert not Organizations(both).other_before(
        _sentences(both)[0], both.index("summit")
    )


def test_other_before_from_the_nearest_earlier_naming() -> None:
    text = "Leaders of the CSTO met in Yerevan. Protesters rallied during the summit"
    sents = _sentences(text)
    assert Organizations(text).other_before(sents[1], text.index("summit"))
    sco = "Leaders of the SCO met in Astana. Protesters rallied during the summit"
    assert not Organizations(sco).other_before(_sentences(sco)[1], sco.index("summit"))


def test_other_before_ignores_an_organization_after_the_phrase() -> None:
    text = "At the summit, the leaders criticized NATO expansion"
    (sent,) = _sentences(text)
    assert not Organizations(text).other_before(sent, text.index("summit"))


_PIECES = st.sampled_from(
    [
        "EU",
        "NATO",
        "CIS",
        "G7",
        "G20",
        "European Union",
        "BRICS",
        "ASEAN",
        "X",
        "_",
        "1",
        "é",
        " ",
        "-",
        ".",
        "the ",
        "ANATO",
        "EUR",
        "\n",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_other_starts_are_where_the_bounded_pattern_matches(text: str) -> None:
    assert other_starts(text) == [match.start() for match in OTHER.finditer(text)]
