"""Accepting a claim whose dates are partial: containment is agreement (#14).

A claim that gives a date more precisely than the knowledge base refines it (a
logged change that `undo` reverts); a less precise one agrees and changes nothing;
only incompatible dates are disagreements. On SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.read import listings
from scotrack.store.write import review
from scotrack.store.write.disagreements import Disagreements, Refinement
from scotrack.store.write.undo import undo_batch

from ._claims import doc, ingest, meeting, span

pytestmark = pytest.mark.issue(14)

ASTANA_CFM = "meeting:cfm-2024"
"""Baseline: the foreign ministers in Astana in 2024, known to the month (2024-05).

The first heads-of-government meeting (Almaty 2001) served until #12 dated it to
the day."""
FOUNDERS = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
ASTANA_SIGNERS = [*FOUNDERS, "IND", "PAK"]


@pytest.fixture
def session(initialised_db_url: str) -> Iterator[Session]:
    engine = make_engine(initialised_db_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def astana(date: str) -> dict[str, Any]:
    return meeting(
        body="foreign-ministers",
        number=None,
        date=date,
        city="Astana",
        country="KAZ",
    )


def signing(title: str, date: str, parties: list[str]) -> dict[str, Any]:
    text = "Kazakhstan ratified the Convention on Countering Extremism."
    return {
        "title": title,
        "action": "signed",
        "date": date,
        "place": None,
        "parties": parties,
        "evidence": span(text, "Convention on Countering Extremism"),
    }


def joined(state: str, date: str) -> dict[str, Any]:
    return {
        "state": state,
        "event": "joined",
        "date": date,
        "evidence": span("India and Pakistan joined", "joined"),
    }


def test_a_more_precise_meeting_date_refines_the_knowledge_base(session):
    claim = ingest(session, doc(meetings=[astana("2024-05-21")]))[0]
    link = f"{claim.entity_kind}:{claim.entity_id}"
    assert link == ASTANA_CFM, "the claim should link to the 2024 Astana meeting"
    shown = review.view(session, claim.id)
    assert shown.disagreements == []
    assert shown.refinements == [Refinement("date", "2024-05", "2024-05-21")]
    assert session.get(models.Meeting, "cfm-2024").start_date == "2024-05"

    changes = review.accept(session, claim.id, actor="alice")
    session.commit()
    row = session.get(models.Meeting, "cfm-2024")
    assert (row.start_date, row.end_date, row.year) == ("2024-05-21", "2024-05", 2024)
    logged = listings.entity_history(session, ASTANA_CFM)[-1]
    assert logged.action == "accept"
    assert logged.before["start_date"] == "2024-05"
    assert logged.after["start_date"] == "2024-05-21"

    undo_batch(session, changes[0].id, actor="bob")
    session.commit()
    assert session.get(models.Meeting, "cfm-2024").start_date == "2024-05"


@pytest.mark.parametrize("date", ["2024", "2024-05"])
def test_a_less_precise_meeting_date_agrees_and_changes_nothing(session, date):
    claim = ingest(session, doc(meetings=[astana(date)]))[0]
    shown = review.view(session, claim.id)
    assert (shown.disagreements, shown.refinements) == ([], [])
    review.accept(session, claim.id, actor="alice")
    assert session.get(models.Meeting, "cfm-2024").start_date == "2024-05"


@pytest.mark.parametrize("date", ["2017", "2017-06", "2017-06-08", "2017-06-09"])
def test_a_date_within_a_meetings_days_agrees(session, date):
    claim = ingest(session, doc(meetings=[meeting(date=date)]))[0]
    assert review.view(session, claim.id).disagreements == []
    review.accept(session, claim.id, actor="alice")
    row = session.get(models.Meeting, "hos-2017")
    assert (row.start_date, row.end_date) == ("2017-06-08", "2017-06-09")


@pytest.mark.parametrize("date", ["2024-06", "2024-06-02"])
def test_an_incompatible_meeting_date_is_a_disagreement(session, date):
    claim = ingest(session, doc(meetings=[astana(date)]))[0]
    with pytest.raises(Disagreements, match=rf"date: 2024-05 vs {date}") as found:
        review.accept(session, claim.id, actor="alice", link=ASTANA_CFM)
    assert [d.field for d in found.value.found] == ["date"]
    assert session.get(models.Meeting, "cfm-2024").start_date == "2024-05"


def test_a_less_precise_signing_is_no_disagreement_for_any_party(session):
    """The issue's case: `2017-06` against `2017-06-09` made 9 "disagreements"
    (the signing and each of 8 parties), and accept was refused until --keep."""
    title = "SCO Convention on Countering Extremism"
    claims = ingest(
        session, doc(agreements=[signing(title, "2017-06", ASTANA_SIGNERS)])
    )
    claim = claims[0]
    assert claim.entity_id == "extremism-convention"
    shown = review.view(session, claim.id)
    assert (shown.disagreements, shown.refinements) == ([], [])
    review.accept(session, claim.id, actor="alice")
    row = session.get(models.Agreement, "extremism-convention")
    assert row.signed_date == "2017-06-09"
    signers = [p for p in row.parties if p.state_id in ASTANA_SIGNERS]
    assert len(signers) == len(ASTANA_SIGNERS)
    assert {p.signed_date for p in signers} == {"2017-06-09"}


def _signed_in_a_month(session, agreement_id: str, month: str) -> None:
    """The knowledge base knows `agreement_id`'s signing only to the month (the
    baseline has it to the day since #12)."""
    row = session.get(models.Agreement, agreement_id)
    row.signed_date = month
    for party in row.parties:
        party.signed_date = month
    session.flush()


def test_a_more_precise_signing_refines_the_agreement_and_its_parties(session):
    title = "Agreement on the Facilitation of International Road Transport"
    _signed_in_a_month(session, "road-transport-agreement", "2014-09")
    claim = ingest(
        session,
        doc(
            agreements=[signing(title, "2014-09-12", ["CHN", "KAZ"])],
            published="2014-09-13",
        ),
    )[0]
    assert claim.entity_id == "road-transport-agreement"
    fields = {r.field for r in review.view(session, claim.id).refinements}
    assert fields == {"signed", "CHN signed", "KAZ signed"}
    changes = review.accept(session, claim.id, actor="alice")
    session.commit()
    row = session.get(models.Agreement, "road-transport-agreement")
    signed = {p.state_id: p.signed_date for p in row.parties}
    assert row.signed_date == "2014-09-12"
    assert (signed["CHN"], signed["KAZ"], signed["RUS"]) == (
        "2014-09-12",
        "2014-09-12",
        "2014-09",
    )
    undo_batch(session, changes[0].id, actor="bob")
    session.commit()
    session.expire_all()
    row = session.get(models.Agreement, "road-transport-agreement")
    assert row.signed_date == "2014-09"
    assert {p.signed_date for p in row.parties} == {"2014-09"}


def test_an_incompatible_signing_date_is_a_disagreement(session):
    title = "Agreement on the Facilitation of International Road Transport"
    claim = ingest(session, doc(agreements=[signing(title, "2014-10", ["CHN"])]))[0]
    assert claim.entity_id == "road-transport-agreement"
    found = {d.field for d in review.view(session, claim.id).disagreements}
    assert found == {"signed", "CHN signed"}
    review.accept(session, claim.id, actor="alice", choice="take")
    assert session.get(models.Agreement, "road-transport-agreement").signed_date == (
        "2014-10"
    )


@pytest.mark.parametrize("date", ["2017", "2017-06"])
def test_membership_since_a_containing_date_agrees(session, date):
    claim = ingest(session, doc(membership=[joined("IND", date)]))[0]
    assert claim.proposal == "link", claim.entity_id
    shown = review.view(session, claim.id)
    assert (shown.disagreements, shown.refinements) == ([], [])
    review.accept(session, claim.id, actor="alice")
    row = session.get(models.StatusInterval, int(claim.entity_id))
    assert (row.state_id, row.status, row.start_date) == ("IND", "member", "2017-06-09")


def test_dates_of_a_group_conflict_only_when_incompatible(session):
    agreeing = ingest(
        session,
        doc("a", meetings=[meeting(date="2017-06")]),
        doc("b", meetings=[meeting(date="2017-06-08")]),
        doc("c", meetings=[meeting(date="2017")]),
    )
    shown = review.view(session, agreeing[0].id)
    assert len(shown.group) == 3
    assert "date" not in shown.group_conflicts
    ingest(session, doc("d", meetings=[meeting(date="2017-06-09")]))
    shown = review.view(session, agreeing[0].id)
    assert set(shown.group_conflicts["date"]) == {
        "2017",
        "2017-06",
        "2017-06-08",
        "2017-06-09",
    }
