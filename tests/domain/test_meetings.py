import pytest

from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import (
    Body,
    Meeting,
    done_at,
    meetings_matching,
    ordinal,
)

MEETINGS = [
    Meeting(
        "hos-2018",
        "heads-of-state",
        PartialDate(2018, 6, 9),
        number=18,
        city="Qingdao",
        host="CHN",
    ),
    Meeting(
        "hog-2017",
        "heads-of-government",
        PartialDate(2017, 11, 30),
        number=16,
        city="Sochi",
        host="RUS",
    ),
    Meeting(
        "hos-2017",
        "heads-of-state",
        PartialDate(2017, 6, 8),
        number=17,
        city="Astana",
        host="KAZ",
    ),
    Meeting("x", "other", None),
]


def test_meetings_filter_and_sort_by_date():
    assert [m.id for m in meetings_matching(MEETINGS, year=2017)] == [
        "hos-2017",
        "hog-2017",
    ]
    assert [m.id for m in meetings_matching(MEETINGS, body="heads-of-state")] == [
        "hos-2017",
        "hos-2018",
    ]
    assert [m.id for m in meetings_matching(MEETINGS, host="CHN")] == ["hos-2018"]
    assert meetings_matching(MEETINGS)[-1].id == "x"


def test_meeting_title():
    bodies = {
        "heads-of-state": Body(
            "heads-of-state", "Council of Heads of State", "heads-of-state"
        )
    }
    assert (
        MEETINGS[2].title(bodies)
        == "17th Council of Heads of State, Astana, 2017-06-08"
    )
    assert MEETINGS[3].title() == "other"


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (111, "111th"),
    ],
)
def test_ordinal(number, text):
    assert ordinal(number) == text


ASTANA_2017 = Meeting(
    "hos-2017",
    "heads-of-state",
    PartialDate(2017, 6, 8),
    PartialDate(2017, 6, 9),
    city="Astana",
)


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("on", "place", "expected"),
    [
        ("2017-06-09", "Astana", True),
        ("2017-06-09", None, True),  # a day within the meeting's days
        ("2017-06-08", "astana", True),
        ("2017-06", "Astana", True),  # the month, and the city
        ("2017-06", None, None),
        ("2017", "Astana", None),  # a year alone decides nothing
        (None, "Astana", None),
        (None, None, None),
        ("2017-06-10", "Astana", False),  # the day after
        ("2017-05", "Astana", False),
        ("2016", None, False),
        ("2017-06-09", "Sochi", False),  # another city
        (None, "Sochi", False),
    ],
)
def test_done_at_a_meeting_by_date_and_place(on, place, expected) -> None:
    day = None if on is None else PartialDate.parse(on)
    assert done_at(ASTANA_2017, on=day, place=place) is expected


def test_done_at_an_undated_meeting_is_unknown() -> None:
    undated = Meeting("x", "heads-of-state", None, city="Astana")
    assert done_at(undated, on=PartialDate(2017, 6, 9), place="Astana") is None


def test_done_at_uses_the_given_place_comparison() -> None:
    aliases = {"nur-sultan": "astana"}

    def same(one: str, other: str) -> bool:
        def fold(name: str) -> str:
            return aliases.get(name.casefold(), name.casefold())

        return fold(one) == fold(other)

    day = PartialDate(2017, 6, 9)
    assert done_at(ASTANA_2017, on=day, place="Nur-Sultan", same_place=same) is True
    assert done_at(ASTANA_2017, on=day, place="Nur-Sultan") is False
