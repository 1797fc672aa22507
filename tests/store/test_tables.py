"""Tables a researcher can work with (#14): one document lookup by id or prefix,
sorts by any column with keyset paging, facet counts and partial-date ranges."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.errors import Ambiguous, InputError, NotFound
from scotrack.store.read import document_tables, meetings
from scotrack.store.read.reader import find_document
from scotrack.store.read.tables import Sort, date_range, parse_sort, sorted_by

from ._documents import add_documents

pytestmark = pytest.mark.issue(14)


def test_parse_sort_and_date_range() -> None:
    columns = ("date", "body")
    assert parse_sort(None, columns, Sort("date")) == Sort("date")
    assert parse_sort("-Body", columns, Sort("date")) == Sort("body", True)
    with pytest.raises(InputError, match="sort 'city': choose one of date, body"):
        parse_sort("city", columns, Sort("date"))
    assert date_range("2017", "2017-06") == date_range("2017-01-01", "2017-06-30")
    assert date_range("2016-02", None).start == date(2016, 2, 1)
    assert date_range(None, "2016-02").end == date(2016, 2, 29)
    with pytest.raises(InputError, match=r"^to: date '2017-13'"):
        date_range(None, "2017-13")
    with pytest.raises(InputError, match="after"):
        date_range("2018", "2017")
    june = date_range("2017-06", "2017-06")
    assert june.holds(PartialDate.parse("2017-06"))
    assert not june.holds(PartialDate.parse("2017"))  # counts as 2017-01-01
    assert not june.holds(None)


def test_sorted_by_puts_missing_values_last_either_way() -> None:
    keys = {"n": lambda x: x}
    assert sorted_by([2, None, 1, 3], Sort("n"), keys) == [1, 2, 3, None]
    assert sorted_by([2, None, 1, 3], Sort("n", True), keys) == [3, 2, 1, None]


def test_a_document_is_found_by_its_id_or_a_unique_prefix(session: Session) -> None:
    add_documents(session)
    full = "bbbbbb33" + "0" * 56
    assert find_document(session, full).id == full
    assert find_document(session, "BBBBBB3").id == full
    with pytest.raises(InputError, match="at least 6 characters"):
        find_document(session, "bbbbb")
    with pytest.raises(NotFound):
        find_document(session, "eeeeee")
    with pytest.raises(Ambiguous, match="aaaaaa11"):
        find_document(session, "aaaaaa")


def test_meetings_table_sorts_counts_and_ranges(kb: Session) -> None:
    everything = meetings.meeting_table(kb)
    dated = [m.start_date for m in everything.meetings if m.start_date]
    assert dated == sorted(dated)
    newest = meetings.meeting_table(kb, sort=meetings.meeting_sort("-date"))
    assert newest.meetings[0] == everything.meetings[-1]
    ranged = meetings.meeting_table(kb, dates=date_range("2017", "2017-06"))
    assert ranged.meetings
    assert all(
        m.start_date
        and date(2017, 1, 1) <= m.start_date.first_day() <= date(2017, 6, 30)
        for m in ranged.meetings
    )
    facets = {f.name: dict(f.counts) for f in everything.facets}
    assert sum(facets["body"].values()) == len(everything.meetings)
    assert set(facets) == {"body", "host", "year", "format"}
    hosts = meetings.meeting_table(kb, host="China", sort=meetings.meeting_sort("city"))
    assert {m.host for m in hosts.meetings} == {"CHN"}
    assert [m.city for m in hosts.meetings] == sorted(m.city for m in hosts.meetings)
    with pytest.raises(InputError, match="sort"):
        meetings.meeting_sort("nonsense")
    assert Sort("published", True) == document_tables.LATEST
