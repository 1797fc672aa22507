"""The claims list, one for every surface, and the one keyset paging (#15): by
id for the API, grouped (kind, group, id) for the terminal review; a page after a
key reads on exactly where the page before stopped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.read import listings
from scotrack.store.write import review

from ._claims import doc, ingest, meeting

pytestmark = pytest.mark.issue(15)


@pytest.fixture
def session(initialised_db_url: str) -> Iterator[Session]:
    engine = make_engine(initialised_db_url)
    with session_factory(engine)() as session:
        ingest(
            session,
            doc("a", meetings=[meeting()]),
            doc("b", meetings=[meeting(format="video")]),
            doc("c", meetings=[meeting(city="Almaty")]),
            doc("d", meetings=[meeting(city="Bishkek", date="2019-06-14")]),
        )
        yield session
    engine.dispose()


def every_page(
    session: Session, listing: listings.Listing[Any], limit: int
) -> list[list[str]]:
    """The ids of each page of `listing`, read `limit` at a time to the end."""
    pages, after = [], None
    while True:
        page = listings.page(session, listing, after=after, limit=limit)
        pages.append([item.id for item in page.items])
        if page.next is None:
            return pages
        after = page.next


@pytest.mark.parametrize("grouped", [False, True])
def test_pages_read_the_whole_list_once_in_its_order(session: Session, grouped):
    listing = listings.claims(grouped=grouped)
    whole = listings.page(session, listing, limit=1000).items
    assert len(whole) >= 4
    keys = [(c.kind, c.group_key, c.id) if grouped else (c.id,) for c in whole]
    assert keys == sorted(keys)
    pages = every_page(session, listing, limit=2)
    assert all(len(page) == 2 for page in pages[:-1])
    assert [i for page in pages for i in page] == [c.id for c in whole]


def test_filters_keep_only_the_claims_asked_for(session: Session):
    first = listings.page(session, listings.claims(), limit=1).items[0]
    review.reject(session, first.id, actor="a")
    pending = listings.page(session, listings.claims(status="pending"), limit=99)
    assert first.id not in [c.id for c in pending.items]
    assert {c.status for c in pending.items} == {"pending"}
    rejected = listings.claims(status="rejected", kind="meeting")
    assert [c.id for c in listings.page(session, rejected, limit=9).items] == [first.id]
    own = listings.claims(document_id=first.document_id)
    assert {c.document_id for c in listings.page(session, own, limit=99).items} == {
        first.document_id
    }
    assert listings.page(session, listings.claims(kind="project"), limit=9).items == []


def test_a_bad_filter_or_key_is_refused_naming_it(session: Session):
    with pytest.raises(InputError, match="status 'maybe': choose one of"):
        listings.claims(status="maybe")
    with pytest.raises(InputError, match="--type 'x': choose one of"):
        listings.claims(kind="x", labels=("--status", "--type"))
    grouped = listings.claims(grouped=True)
    assert not listings.listing_key_fits(grouped, ("meeting",))
    assert not listings.listing_key_fits(listings.claims(), (7,))
    with pytest.raises(InputError, match="cursor"):
        listings.page(session, grouped, after=("a", "b"), limit=1)
    changes = listings.changes()
    assert listings.listing_key_fits(changes, (3,))
    assert not listings.listing_key_fits(changes, ("3",))
    assert not listings.listing_key_fits(changes, (True,))
