from datetime import date

import pytest

from scotrack.domain.dates import PartialDate
from scotrack.domain.membership import (
    StatusInterval,
    history,
    members,
    overlapping,
    states_with_status,
    status_of,
    statuses_on,
)

P = PartialDate.parse

INTERVALS = [
    *(
        StatusInterval(code, "member", P("2001-06-15"))
        for code in ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")
    ),
    StatusInterval("IND", "observer", P("2005-07-05"), P("2017-06-09")),
    StatusInterval("IND", "member", P("2017-06-09")),
    # a state that changed status twice and one whose status ended
    StatusInterval("BLR", "dialogue-partner", P("2010"), P("2015-07-10")),
    StatusInterval("BLR", "observer", P("2015-07-10"), P("2024-07-04")),
    StatusInterval("BLR", "member", P("2024-07-04")),
    StatusInterval("XYZ", "observer", P("2012-06-07"), P("2021-08")),
]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2017, 6, 8), 6),
        (date(2017, 6, 9), 7),
        (date(2017, 6, 10), 7),
        (date(2001, 6, 14), 0),
        (date(2024, 7, 4), 8),
    ],
)
def test_members_at_the_accession_boundary(day, expected):
    assert len(members(INTERVALS, on=day)) == expected


def test_status_of_observer_before_accession():
    answer = status_of(INTERVALS, "IND", on=date(2017, 6, 8))
    assert (answer.status, answer.certain) == ("observer", True)


def test_status_of_changes_on_the_day_the_next_status_starts():
    assert status_of(INTERVALS, "IND", on=date(2017, 6, 9)).status == "member"
    assert status_of(INTERVALS, "BLR", on=date(2024, 7, 3)).status == "observer"
    assert status_of(INTERVALS, "BLR", on=date(2024, 7, 4)).status == "member"


def test_status_known_only_to_the_year_is_uncertain_inside_that_year():
    inside = status_of(INTERVALS, "BLR", on=date(2010, 3, 1))
    assert (inside.status, inside.certain) == ("dialogue-partner", False)
    after = status_of(INTERVALS, "BLR", on=date(2011, 1, 1))
    assert (after.status, after.certain) == ("dialogue-partner", True)
    before = status_of(INTERVALS, "BLR", on=date(2009, 12, 31))
    assert (before.status, before.certain) == (None, True)


def test_a_state_that_left_has_no_status_afterwards():
    assert status_of(INTERVALS, "XYZ", on=date(2020, 1, 1)).status == "observer"
    assert status_of(INTERVALS, "XYZ", on=date(2021, 9, 1)).status is None
    during = status_of(INTERVALS, "XYZ", on=date(2021, 8, 15))
    assert (during.status, during.certain) == ("observer", False)


def test_unknown_state_has_no_status():
    assert status_of(INTERVALS, "FRA", on=date(2020, 1, 1)).status is None


def test_statuses_on_orders_members_first():
    answers = statuses_on(INTERVALS, on=date(2016, 1, 1))
    assert [a.status for a in answers][:6] == ["member"] * 6
    assert {a.state for a in answers if a.status == "observer"} == {"IND", "BLR", "XYZ"}
    observers = states_with_status(INTERVALS, "observer", on=date(2016, 1, 1))
    assert len(observers) == 3


def test_history_is_in_date_order():
    assert [i.status for i in history(INTERVALS, "BLR")] == [
        "dialogue-partner",
        "observer",
        "member",
    ]


def test_overlapping_intervals_are_reported():
    clash = [
        StatusInterval("IRN", "observer", P("2005"), None),
        StatusInterval("IRN", "member", P("2023-07-04")),
    ]
    assert len(overlapping(clash)) == 1
    assert overlapping(INTERVALS) == []


def test_interval_with_unknown_start_is_uncertain():
    interval = StatusInterval("MNG", "observer", None)
    assert interval.holds_on(date(2010, 1, 1)) is None
