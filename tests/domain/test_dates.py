from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.domain.dates import (
    PartialDate,
    add_days,
    all_of,
    as_of_day,
    compatible,
    parse_optional,
    reconciled,
)
from scotrack.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", PartialDate(2017)),
        ("2017-06", PartialDate(2017, 6)),
        ("2017-06-09", PartialDate(2017, 6, 9)),
        (" 2017-6-9 ", PartialDate(2017, 6, 9)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
    ],
)
def test_parse_accepts_each_precision(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "17",
        "2017/06/09",
        "June 2017",
        "2017-13",
        "2017-02-30",
        "2023-02-29",
        "2017-06-00",
        "0000",
    ],
)
def test_parse_rejects_impossible_or_malformed_dates(text):
    with pytest.raises(InputError, match="date"):
        PartialDate.parse(text)


def test_day_without_month_is_refused():
    with pytest.raises(InputError, match="needs a month"):
        PartialDate(2017, None, 9)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2017", date(2017, 1, 1), date(2017, 12, 31)),
        ("2017-06", date(2017, 6, 1), date(2017, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2017-06-09", date(2017, 6, 9), date(2017, 6, 9)),
    ],
)
def test_period_bounds(value, first, last):
    partial = PartialDate.parse(value)
    assert (partial.first_day(), partial.last_day()) == (first, last)


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2017-06", "2017-06-09", True),
        ("2017", "2017-06", True),
        ("2017-06", "2017", False),
        ("2017-06", "2017-07-01", False),
        ("2017-06-09", "2017-06-09", True),
    ],
)
def test_contains(outer, inner, expected):
    assert PartialDate.parse(outer).contains(PartialDate.parse(inner)) is expected


@pytest.mark.parametrize(
    ("value", "day", "on_or_before", "before"),
    [
        # a month never pretends to know its day: inside it, the answer is None
        ("2017-06", date(2017, 6, 15), None, None),
        ("2017-06", date(2017, 6, 30), True, None),
        ("2017-06", date(2017, 6, 1), None, False),
        ("2017-06", date(2017, 5, 31), False, False),
        ("2017-06", date(2017, 7, 1), True, True),
        ("2017-06-09", date(2017, 6, 9), True, False),
        ("2017-06-09", date(2017, 6, 8), False, False),
        ("2017", date(2017, 12, 31), True, None),
        ("2017", date(2018, 1, 1), True, True),
    ],
)
def test_as_of_comparisons_at_boundaries(value, day, on_or_before, before):
    partial = PartialDate.parse(value)
    assert partial.on_or_before(day) is on_or_before
    assert partial.before(day) is before


def test_contains_a_plain_date():
    assert PartialDate(2017, 6).contains(date(2017, 6, 9))
    assert not PartialDate(2017, 6).contains(date(2017, 7, 9))


def test_to_date_only_when_day_known():
    assert PartialDate(2017, 6).to_date() is None
    assert PartialDate(2017, 6, 9).to_date() == date(2017, 6, 9)


def test_three_valued_and():
    assert all_of(True, True) is True
    assert all_of(True, None) is None
    assert all_of(None, False) is False


def test_helpers():
    assert parse_optional(None) is None
    assert parse_optional("2017") == PartialDate(2017)
    assert as_of_day(PartialDate(2017, 6), today=date(2020, 1, 1)) == date(2017, 6, 30)
    assert as_of_day(None, today=date(2020, 1, 1)) == date(2020, 1, 1)
    assert as_of_day(date(2019, 1, 2), today=date(2020, 1, 1)) == date(2019, 1, 2)
    assert add_days(date(2017, 12, 31), 30) == date(2018, 1, 30)


partial_dates = st.builds(
    lambda d, precision: PartialDate(
        d.year,
        d.month if precision != "year" else None,
        d.day if precision == "day" else None,
    ),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
)


@given(partial_dates)
def test_parse_and_format_round_trip(partial):
    assert PartialDate.parse(str(partial)) == partial


@given(partial_dates, partial_dates)
def test_ordering_is_total_and_consistent(a, b):
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)


@given(
    partial_dates, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
)
def test_on_or_before_never_contradicts_the_period(partial, day):
    answer = partial.on_or_before(day)
    if answer is True:
        assert partial.last_day() <= day
    elif answer is False:
        assert partial.first_day() > day
    else:
        assert partial.first_day() <= day < partial.last_day()


@given(partial_dates)
def test_a_period_contains_its_days(partial):
    assert partial.contains(partial.first_day())
    assert partial.contains(partial.last_day())
    assert partial.contains(partial)


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    ("known", "claimed", "expected"),
    [
        ("2017-06", "2017-06-09", "2017-06-09"),  # a more precise claim refines
        ("2017", "2017-06", "2017-06"),
        ("2017", "2017-06-09", "2017-06-09"),
        ("2017-06-09", "2017-06", "2017-06-09"),  # a less precise one confirms
        ("2017-06-09", "2017", "2017-06-09"),
        ("2017-06-09", "2017-06-09", "2017-06-09"),
        ("2017-06", "2017-07", None),  # only incompatible values conflict
        ("2017-06-09", "2017-06-10", None),
        ("2017", "2018-01", None),
        ("2017-12-31", "2018", None),
    ],
)
def test_reconciled_keeps_the_more_precise_of_two_compatible_dates(
    known, claimed, expected
):
    found = reconciled(PartialDate.parse(known), PartialDate.parse(claimed))
    assert (None if found is None else str(found)) == expected
    assert compatible(PartialDate.parse(known), PartialDate.parse(claimed)) == (
        expected is not None
    )


@pytest.mark.issue(14)
@given(partial_dates, partial_dates)
def test_reconciled_is_symmetric_and_never_invents_a_day(a, b):
    assert compatible(a, b) == compatible(b, a)
    assert reconciled(a, b) == reconciled(b, a)
    found = reconciled(a, b)
    if found is None:
        assert a.last_day() < b.first_day() or b.last_day() < a.first_day()
    else:
        assert found in (a, b)
        assert a.contains(found)
        assert b.contains(found)
