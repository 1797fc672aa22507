"""Tables a researcher can work with (#14): one document lookup by id or prefix,
sorts by any column with keyset paging, facet counts and partial-date ranges."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.errors import Ambiguous, InputError, NotFound
from scotrack.store.provenance import Document
from scotrack.store.read import listings, meetings
from scotrack.store.read.listings import DocumentQuery, document_sort, document_table
from scotrack.store.read.reader import find_document
from scotrack.store.read.summaries import Summaries
from scotrack.store.read.tables import Sort, date_range, parse_sort, sorted_by

pytestmark = pytest.mark.issue(14)

DOCS = {
    # id: (title, outlet, published)
    "aaaaaa11" + "0" * 56: ("Bravo", "Xinhua", "2017-06-09"),
    "aaaaaa22" + "0" * 56: ("Alpha", "xinhua", "2017"),
    "bbbbbb33" + "0" * 56: ("Delta", "TASS", "2018-06"),
    "cccccc44" + "0" * 56: ("Charlie", None, None),
    "dddddd55" + "0" * 56: (None, "TASS", "2013-09-13"),
}


def add_documents(session: Session) -> None:
    for n, (doc_id, (title, outlet, published)) in enumerate(DOCS.items()):
        session.add(
            Document(
                id=doc_id,
                title=title,
                outlet=outlet,
                published_date=published,
                raw_text="x",
                clean_text="x",
                tags="{}",
                ingested_at=f"2024-01-0{n + 1}T00:00:00",
            )
        )
    session.flush()


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


def every_page(session: Session, query: DocumentQuery, limit: int) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        table = document_table(session, query, after=after, limit=limit)
        ids += [row.id for row in table.rows]
        if table.next is None:
            return ids
        after = table.next


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("-published", ["bbbbbb33", "aaaaaa11", "aaaaaa22", "dddddd55", "cccccc44"]),
        ("published", ["dddddd55", "aaaaaa22", "aaaaaa11", "bbbbbb33", "cccccc44"]),
        ("title", ["aaaaaa22", "aaaaaa11", "cccccc44", "bbbbbb33", "dddddd55"]),
        ("-title", ["bbbbbb33", "cccccc44", "aaaaaa11", "aaaaaa22", "dddddd55"]),
        ("-ingested", ["dddddd55", "cccccc44", "bbbbbb33", "aaaaaa22", "aaaaaa11"]),
        ("id", ["aaaaaa11", "aaaaaa22", "bbbbbb33", "cccccc44", "dddddd55"]),
    ],
)
def test_documents_sort_by_any_column_page_by_page(
    session: Session, sort: str, order: list[str]
) -> None:
    add_documents(session)
    query = DocumentQuery(sort=document_sort(sort))
    for limit in (1, 2, 5):
        assert [i[:8] for i in every_page(session, query, limit)] == order


@pytest.mark.issue(18)
@pytest.mark.parametrize("sort", ["-published", "published", "-title", "outlet"])
def test_documents_without_the_value_follow_in_id_order_across_pages(
    session: Session, sort: str
) -> None:
    """Pages read the documents with the value and those without separately
    (#18): walked a page at a time, they are the whole list in its order, with
    ties and the documents without the value in the order of their ids."""
    add_documents(session)
    for n, doc_id in enumerate(["eeeeee66", "ffffff77", "999999aa"]):
        session.add(
            Document(
                id=doc_id + "0" * 56,
                title=None,
                outlet=None,
                published_date=None if n else "2017",
                raw_text="x",
                clean_text="x",
                tags="{}",
                ingested_at="2024-02-01T00:00:00",
            )
        )
    session.flush()
    query = DocumentQuery(sort=document_sort(sort))
    whole = every_page(session, query, 100)
    for limit in (1, 2, 3):
        assert every_page(session, query, limit) == whole
    column = sort.removeprefix("-")
    values = {
        row.id: row.published_date if column == "published" else getattr(row, column)
        for row in document_table(session, query, limit=100).rows
    }
    known = [i for i in whole if values[i] is not None]
    unknown = [i for i in whole if values[i] is None]
    assert whole == known + unknown
    assert unknown == sorted(unknown, reverse=sort.startswith("-"))
    assert [(values[i], i) for i in known] == sorted(
        ((values[i], i) for i in known), reverse=sort.startswith("-")
    )


@pytest.mark.issue(18)
def test_unfiltered_document_facets_are_kept_until_a_document_is_added(
    session: Session,
) -> None:
    add_documents(session)
    kept = Summaries()
    first = document_table(session, DocumentQuery(), facets=True, summaries=kept)
    assert first.facets == document_table(session, DocumentQuery(), facets=True).facets
    session.add(
        Document(
            id="eeeeee66" + "0" * 56,
            outlet="TASS",
            published_date="2019",
            raw_text="y",
            clean_text="y",
            tags="{}",
            ingested_at="2024-02-01T00:00:00",
        )
    )
    session.flush()
    again = document_table(session, DocumentQuery(), facets=True, summaries=kept)
    outlets = {f.name: dict(f.counts) for f in again.facets}["outlet"]
    assert outlets["TASS"] == 3
    filtered = document_table(
        session, DocumentQuery(outlet="tass"), facets=True, summaries=kept
    )
    assert {f.name: dict(f.counts) for f in filtered.facets}["outlet"] == {"TASS": 3}


@pytest.mark.issue(18)
def test_a_kept_first_page_of_documents_follows_a_new_document(
    session: Session,
) -> None:
    """The first page of a query is kept per knowledge-base version; a later
    page is read on each request; both as without `summaries`."""
    add_documents(session)
    kept = Summaries()
    query = DocumentQuery(sort=Sort("title"))
    first = document_table(session, query, limit=2, summaries=kept)
    assert document_table(session, query, limit=2, summaries=kept) is first
    assert first == document_table(session, query, limit=2)
    later = document_table(session, query, after=first.next, limit=2, summaries=kept)
    assert later == document_table(session, query, after=first.next, limit=2)
    session.add(
        Document(
            id="eeeeee66" + "0" * 56,
            title="Able",
            raw_text="y",
            clean_text="y",
            tags="{}",
            ingested_at="2024-02-01T00:00:00",
        )
    )
    session.flush()
    again = document_table(session, query, limit=2, summaries=kept)
    assert [row.title for row in again.rows] == ["Able", "Alpha"]
    assert again.total == first.total + 1
    assert again == document_table(session, query, limit=2)


def test_a_cursor_of_another_sort_is_refused(session: Session) -> None:
    add_documents(session)
    table = document_table(session, DocumentQuery(sort=Sort("title")), limit=1)
    assert table.next is not None
    with pytest.raises(InputError, match="cursor"):
        document_table(session, DocumentQuery(), after=table.next)


def test_documents_facets_and_partial_date_range(session: Session) -> None:
    add_documents(session)
    query = DocumentQuery(dates=date_range("2017", "2018-06"))
    table = document_table(session, query, facets=True)
    assert {row.id[:8] for row in table.rows} == {"aaaaaa11", "aaaaaa22", "bbbbbb33"}
    assert table.total == 3
    facets = {f.name: dict(f.counts) for f in table.facets}
    assert facets["year"] == {"2017": 2, "2018": 1}
    assert facets["outlet"] == {"Xinhua": 1, "xinhua": 1, "TASS": 1}
    by_outlet = document_table(session, DocumentQuery(outlet="XINHUA"))
    assert by_outlet.total == 2
    assert document_table(session, DocumentQuery()).facets == ()


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
    assert Sort("published", True) == listings.LATEST
