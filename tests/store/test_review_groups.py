"""Group decisions, decisions by filter and the grouped queue (#14)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.ingest.document import ExtractOptions
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Change, Claim, Document
from scotrack.store.read import queries, queue
from scotrack.store.write import groups, review
from scotrack.store.write.groups import ClaimFilter
from scotrack.store.write.ingestion import ingest_paths
from scotrack.store.write.undo import undo_batch

from ._claims import doc, ingest, meeting

pytestmark = pytest.mark.issue(14)


@pytest.fixture
def session(initialised_db_url: str) -> Iterator[Session]:
    engine = make_engine(initialised_db_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def named(session: Session, claims: list[Claim]) -> dict[str, Claim]:
    """The claims by the name of their document (`doc(name)`)."""
    paths = {r.id: r.path for r in session.execute(select(Document.id, Document.path))}
    return {Path(paths[c.document_id]).stem: c for c in claims}


def statuses(session: Session) -> dict[str, int]:
    query = select(Claim.status, func.count()).group_by(Claim.status)
    return {status: int(n) for status, n in session.execute(query)}


@pytest.mark.slow
def test_one_accept_decides_a_group_of_300_and_one_undo_reverts_it(session):
    started = time.monotonic()
    docs = [doc(f"d{i:03}", meetings=[meeting()]) for i in range(300)]
    claims = ingest(session, *docs)
    assert len(claims) == 300
    assert len({c.group_key for c in claims}) == 1
    assert queue.review_queue(session).groups == 1

    decision = groups.accept_group(session, claims[7].id[:8], actor="alice")
    session.commit()
    assert len(decision.decided) == 300
    assert decision.decided[0] == claims[7].id
    assert decision.left == []
    assert statuses(session) == {"accepted": 300}
    assert {c.batch for c in decision.changes} == {decision.changes[0].batch}
    # one change for the meeting, one per claim
    kinds = [c.entity_kind for c in decision.changes]
    assert kinds.count("meeting") == 1
    assert kinds.count("claim") == 300
    assert len(queries.supporting_sources(session, "meeting")["hos-2017"]) == 300

    some_claim_change = next(c for c in decision.changes if c.entity_kind == "claim")
    undone = undo_batch(session, some_claim_change.id, actor="bob")
    session.commit()
    assert len(undone) == 301
    assert statuses(session) == {"pending": 300}
    assert queries.supporting_sources(session, "meeting") == {}
    assert time.monotonic() - started < 60


def test_members_that_disagree_with_the_accepted_claim_stay_pending(session):
    claims = ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting(date="2017-06")]),  # agrees, less precise
        doc("c", meetings=[meeting(format="video")]),  # incompatible
    )
    by_name = named(session, claims)
    decision = groups.accept_group(session, by_name["a"].id, actor="alice")
    by_id = {c.id: name for name, c in by_name.items()}
    assert sorted(by_id[i] for i in decision.decided) == ["a", "b"]
    left = {by_id[item.claim_id]: item.reason for item in decision.left}
    assert left == {"c": "format: video, not in-person"}
    assert {name: c.status for name, c in by_name.items()} == {
        "a": "accepted",
        "b": "accepted",
        "c": "pending",
    }


@pytest.mark.parametrize(
    ("chosen", "other", "clash"),
    [
        ({"date": "2017-06-09"}, {"date": "2017-06"}, None),
        ({"date": "2017-06-09"}, {"date": "2017-07"}, "date: 2017-07, not 2017-06-09"),
        ({"city": "Astana"}, {"city": "Astana", "number": 17}, None),
        ({"city": None, "text": "a"}, {"city": "Almaty", "text": "b"}, None),
        ({"parties": ["KAZ"]}, {"parties": ["CHN"]}, 'parties: ["CHN"], not ["KAZ"]'),
    ],
)
def test_payload_clash(chosen, other, clash):
    assert groups.payload_clash(chosen, other) == clash


def test_a_member_that_contradicts_the_knowledge_base_is_reported(session):
    claims = ingest(
        session,
        doc("a", meetings=[meeting(city=None)]),
        doc("b", meetings=[meeting(city="Almaty")]),
    )
    first = named(session, claims)["a"]
    decision = groups.accept_group(session, first.id, actor="alice")
    assert decision.decided == [first.id]
    (left,) = decision.left
    assert left.reason.startswith("disagrees with the knowledge base (city")
    assert session.get(Claim, left.claim_id).status == "pending"


def test_the_reviewers_choice_carries_to_members_that_say_the_same(session):
    claims = ingest(
        session,
        doc("a", meetings=[meeting(format="video")]),
        doc("b", meetings=[meeting(format="video")]),
    )
    with pytest.raises(InputError, match="--keep"):
        groups.accept_group(session, claims[0].id, actor="alice")
    session.rollback()
    decision = groups.accept_group(session, claims[0].id, actor="a", choice="keep")
    assert len(decision.decided) == 2
    assert session.get(models.Meeting, "hos-2017").format == "in-person"


def test_reject_group_and_an_already_decided_claim(session):
    claims = ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting()]),
        doc("c", meetings=[meeting(format="video")]),
    )
    by_name = named(session, claims)
    a, b, c = by_name["a"], by_name["b"], by_name["c"]
    review.accept(session, a.id, actor="alice")
    # accepting the group of an accepted claim decides the rest of it
    decision = groups.accept_group(session, a.id, actor="alice")
    assert decision.decided == [b.id]
    assert [item.claim_id for item in decision.left] == [c.id]
    with pytest.raises(InputError, match="accepted"):
        groups.reject_group(session, a.id, actor="alice")
    rejected = groups.reject_group(session, c.id, actor="alice", note="wrong")
    assert rejected.decided == [c.id]
    assert c.status == "rejected"
    assert {change.action for change in rejected.changes} == {"reject"}


def test_decide_by_filter_dry_run_then_one_batch(session):
    vague = meeting(date=None, number=None, format=None, country=None)
    cfm = meeting(
        body="foreign-ministers", date="2031-03-02", city="Minsk", number=None
    )
    ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting()]),
        doc("c", meetings=[vague]),  # ambiguous
        doc("d", meetings=[cfm]),
        doc("e", meetings=[{**cfm, "format": "video"}]),  # conflicts with d's
    )
    before = session.scalar(select(func.count()).select_from(Change))
    wanted = ClaimFilter(kind="meeting")
    dry = groups.decide_by_filter(session, "accept", wanted, actor="a", dry_run=True)
    assert dry.matched == 5
    assert dry.decided == 2
    assert dry.decided_groups == 1
    assert dry.skipped == {"ambiguous": 1, "conflicting": 2, "disagreeing": 0}
    assert dry.changes == []
    assert statuses(session) == {"pending": 5}
    assert session.scalar(select(func.count()).select_from(Change)) == before

    done = groups.decide_by_filter(session, "accept", wanted, actor="a")
    session.commit()
    assert (done.decided, done.skipped) == (dry.decided, dry.skipped)
    assert statuses(session) == {"accepted": 2, "pending": 3}
    assert len({c.batch for c in done.changes}) == 1
    undo_batch(session, done.changes[-1].id, actor="a")
    assert statuses(session) == {"pending": 5}


def test_filters_select_claims(session):
    ingest(
        session,
        doc("a", meetings=[meeting()]),
        doc("b", meetings=[meeting()], title="Other"),
    )
    claim = named(session, list(session.scalars(select(Claim))))["a"]
    by_document = ClaimFilter(document=claim.document_id[:8])
    assert groups.matching_claims(session, by_document) == [claim]
    assert len(groups.matching_claims(session, ClaimFilter(source="test wire"))) == 2
    assert groups.matching_claims(session, ClaimFilter(source="Nobody")) == []
    assert len(groups.matching_claims(session, ClaimFilter(min_score=1))) == 2
    assert groups.matching_claims(session, ClaimFilter(min_score=101)) == []
    with pytest.raises(InputError, match="--kind"):
        groups.matching_claims(session, ClaimFilter(kind="nonsense"))
    rejected = groups.decide_by_filter(session, "reject", by_document, actor="a")
    assert rejected.decided == 1


def test_the_queue_has_one_row_per_group_largest_first_with_totals(session):
    cfm = meeting(
        body="foreign-ministers", date="2031-03-02", city="Minsk", number=None
    )
    ingest(
        session,
        *(doc(f"s{i}", meetings=[meeting()]) for i in range(3)),
        *(doc(f"f{i}", meetings=[cfm]) for i in range(2)),
        doc("z", meetings=[meeting(date=None, number=None, format=None, country=None)]),
    )
    page = queue.review_queue(session, limit=2)
    assert (page.groups, page.claims) == (3, 6)
    assert [(row.claims, row.documents) for row in page.rows] == [(3, 3), (2, 2)]
    assert page.note == "showing 1-2 of 3 groups (6 claims)"
    rest = queue.review_queue(session, limit=2, offset=2)
    assert [row.claim.proposal for row in rest.rows] == ["ambiguous"]
    first = page.rows[0].claim
    assert queue.next_group(session, first) == page.rows[1].claim.id
    assert queue.next_group(session, rest.rows[0].claim) == first.id
    groups.accept_group(session, first.id, actor="a")
    assert queue.next_group(session, first) == page.rows[1].claim.id


PAGE = (
    "SCO leaders meet in Astana\n\n"
    "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation Organization met "
    "in Astana on Friday for the 17th summit of the Council of Heads of State. "
    "India and Pakistan joined the SCO as full members at the summit. "
    "Kazakhstan ratified the Convention on Countering Extremism. "
    "Reporter {n} wrote that {m} delegations arrived on Thursday.\n"
)


@pytest.mark.slow
def test_1500_near_duplicate_pages_give_groups_not_thousands_of_rows(session, tmp_path):
    for n in range(1500):
        page = PAGE.format(n=n, m=n % 9 + 2)
        (tmp_path / f"p{n:04}.txt").write_text(page, encoding="utf-8")
    sessions = session_factory(session.get_bind())
    session.commit()
    report = ingest_paths(sessions, [tmp_path], ExtractOptions())
    assert not report.failures
    assert report.claims == 6000
    page = queue.review_queue(session)
    assert (page.groups, page.claims) == (4, 6000)
    assert [row.documents for row in page.rows] == [1500] * 4
    assert page.note == "showing 1-4 of 4 groups (6,000 claims)"
