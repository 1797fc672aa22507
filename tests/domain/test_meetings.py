import pytest

from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting, meetings_matching, ordinal

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
