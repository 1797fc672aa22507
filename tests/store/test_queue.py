"""The review queue as a table (#14): sorted by any column with stable ties and
offset paging that totals correctly, filtered by source, size and score bands
and publication dates, with facet counts that match what their filters give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Document
from scotrack.store.read import queue
from scotrack.store.read.queue import QueueQuery, queue_sort, review_queue
from scotrack.store.read.tables import date_range
from scotrack.store.write import review
from scotrack.store.write.baseline import init_knowledge_base

from ._claims import doc, ingest, meeting

pytestmark = pytest.mark.issue(14)

CFM = meeting(body="foreign-ministers", date="2031-03-02", city="Minsk", number=None)
ODD = meeting(date=None, number=None, format=None, country=None)


@pytest.fixture
def session(fresh_db_url: str) -> Iterator[Session]:
    """Three groups of pending meeting claims (3, 2 and 1 documents) from
    documents of two outlets published in 2017 and 2018, and one rejected."""
    init_knowledge_base(fresh_db_url)
    engine = make_engine(fresh_db_url)
    with session_factory(engine)() as session:
        ingest(
            session,
            *(doc(f"s{i}", meetings=[meeting()]) for i in range(3)),
            *(doc(f"f{i}", published="2018-03", meetings=[CFM]) for i in range(2)),
            doc("z", published=None, meetings=[ODD]),
        )
        session.execute(
            update(Document)
            .where(Document.path.in_(["/corpus/s0.txt", "/corpus/f0.txt"]))
            .values(outlet="Xinhua")
        )
        session.commit()
        yield session
    engine.dispose()


def ids(session: Session, **fields) -> list[str]:
    page = review_queue(session, query=QueueQuery(**fields), limit=100)
    return [row.claim.id for row in page.rows]


@pytest.mark.parametrize(
    "sort",
    ["claims", "-claims", "documents", "score", "-score", "kind", "summary",
     "-summary", "published", "-published", "document", "source", "id"],
)  # fmt: skip
def test_the_queue_sorts_by_any_column_and_pages_whole(session, sort):
    order = queue_sort(sort)
    whole = review_queue(session, query=QueueQuery(sort=order), limit=100)
    assert (whole.groups, whole.claims) == (3, 6)
    paged = []
    for offset in range(0, 3, 2):
        page = review_queue(
            session, query=QueueQuery(sort=order), limit=2, offset=offset
        )
        assert (page.groups, page.claims) == (3, 6)
        paged += [row.claim.id for row in page.rows]
    assert paged == [row.claim.id for row in whole.rows]
    if order.column in ("claims", "documents"):
        sizes = [row.claims for row in whole.rows]
        assert sizes == sorted(sizes, reverse=order.descending)
    if order.column == "published":
        dates = [row.published_date for row in whole.rows]
        assert dates[-1] is None  # undated last either way
        assert dates[:-1] == sorted(dates[:-1], reverse=order.descending)


def test_the_default_is_the_largest_group_first(session):
    assert ids(session) == ids(session, sort=queue_sort("-claims"))
    sizes = [row.claims for row in review_queue(session).rows]
    assert sizes == [3, 2, 1]


def test_the_queue_filters_by_source_bands_and_dates(session):
    assert len(ids(session, source="xinhua")) == 2  # one claim of each of two groups
    rows = review_queue(session, query=QueueQuery(source="XINHUA", size="1")).rows
    assert [(r.claims, r.outlet) for r in rows] == [(1, "Xinhua")] * 2
    assert [r.claims for r in review_queue(
        session, query=QueueQuery(size="2-9")).rows] == [3, 2]  # fmt: skip
    assert ids(session, size="100+") == []
    unscored = review_queue(session, query=QueueQuery(score="unscored"))
    scored = review_queue(session, query=QueueQuery(score="90-100"))
    assert (
        unscored.groups
        + scored.groups
        + len(ids(session, score="50-89"))
        + len(ids(session, score="0-49"))
        == 3
    )
    in_2018 = review_queue(session, query=QueueQuery(dates=date_range("2018", None)))
    assert [(r.claims, r.published_date) for r in in_2018.rows] == [(2, "2018-03")]
    assert in_2018.note == "showing 1-1 of 1 group (2 claims)"


def test_facet_counts_are_what_their_filters_give(session):
    found = review_queue(session, query=QueueQuery(), facets=True)
    facets = {f.name: dict(f.counts) for f in found.facets}
    assert list(facets) == ["kind", "status", "document", "source", "size", "score"]
    assert facets["kind"] == {"meeting": 3}
    assert facets["size"] == {"2-9": 2, "1": 1}
    for name, field in (("size", "size"), ("score", "score"), ("source", "source")):
        for value, count in facets[name].items():
            if value is not None:
                assert len(ids(session, **{field: value})) == count, (name, value)
    for value, count in facets["document"].items():
        assert len(ids(session, document=value)) == count
    first = found.rows[0].claim
    review.reject(session, first.id, actor="tests")
    session.commit()
    after = review_queue(session, query=QueueQuery(), facets=True)
    status = dict(next(f.counts for f in after.facets if f.name == "status"))
    assert status == {"pending": 3, "rejected": 1}  # every status, to choose from
    assert len(ids(session, status="rejected")) == 1


def test_the_queue_refuses_unknown_values(session):
    for name, value in (("size", "5"), ("score", "high"), ("status", "open")):
        with pytest.raises(InputError, match=f"{name} '{value}': choose one of"):
            ids(session, **{name: value})
    with pytest.raises(InputError, match="sort 'size': choose one of claims"):
        queue.queue_sort("size")
