"""The documents table (#14, #18): sorts by any column with keyset paging, facet
counts and partial-date ranges, the first page kept per knowledge-base version."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.provenance import Document
from scotrack.store.read.document_tables import (
    DocumentQuery,
    document_sort,
    document_table,
)
from scotrack.store.read.summaries import Summaries
from scotrack.store.read.tables import Sort, date_range

from ._documents import add_documents

pytestmark = pytest.mark.issue(14)


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
