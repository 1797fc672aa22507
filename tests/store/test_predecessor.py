"""The Shanghai Five, the SCO's predecessor, in the knowledge base: its summits
and border agreements are recorded and shown when asked for, and left out of the
lists of the SCO's own meetings and agreements (#12)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.store.read import queries
from scotrack.store.read.meetings import meeting_table
from scotrack.store.read.outcomes import meeting_outcomes

pytestmark = pytest.mark.issue(12)

SUMMITS = ["sf-1996", "sf-1997", "sf-1998", "sf-1999", "sf-2000"]
BORDER_AGREEMENTS = {
    "border-confidence-agreement-1996",
    "border-reduction-agreement-1997",
}
FIVE = {"CHN", "KAZ", "KGZ", "RUS", "TJK"}


def test_the_shanghai_five_is_a_body_that_preceded_the_sco(kb: Session):
    body = queries.find_body(kb, "Shanghai Five")
    assert (body.code, body.predecessor_of) == ("shanghai-five", "SCO")
    others = [b for b in queries.bodies(kb) if b.code != "shanghai-five"]
    assert all(b.predecessor_of is None for b in others)


def test_sco_meetings_leave_out_the_shanghai_five_unless_asked(kb: Session):
    assert not [m for m in queries.meetings(kb) if m.body == "shanghai-five"]
    assert [m.id for m in queries.meetings(kb, body="shanghai-five")] == SUMMITS
    assert not queries.meetings(kb, year=1998)


def test_the_meetings_table_reads_a_predecessors_meetings_when_asked(kb: Session):
    every = tuple(queries.meetings(kb))  # what the web keeps: the SCO's meetings
    asked = meeting_table(kb, body="Shanghai Five", known=every)
    assert [m.id for m in asked.meetings] == SUMMITS
    assert [(m.city, str(m.start_date)) for m in asked.meetings] == [
        ("Shanghai", "1996-04-26"),
        ("Moscow", "1997-04-24"),
        ("Almaty", "1998-07-03"),
        ("Bishkek", "1999-08-25"),
        ("Dushanbe", "2000-07-05"),
    ]
    assert not [m for m in meeting_table(kb, known=every).meetings if m.year() < 2001]


def test_sco_agreements_leave_out_the_border_agreements_unless_asked(kb: Session):
    assert not BORDER_AGREEMENTS & {a.id for a in queries.agreements(kb)}
    every = {a.id: a for a in queries.agreements(kb, predecessors=True)}
    assert every.keys() >= BORDER_AGREEMENTS
    for agreement_id in BORDER_AGREEMENTS:
        agreement = every[agreement_id]
        assert agreement.body == "shanghai-five"
        assert {p.state for p in agreement.parties} == FIVE
    found = queries.find_agreement(
        kb, "Agreement on Mutual Reduction of Armed Forces in the Border Area"
    )
    assert found.id == "border-reduction-agreement-1997"


def test_a_states_agreements_and_history_are_the_scos(kb: Session):
    profile = queries.state_profile(kb, "KAZ")
    assert not BORDER_AGREEMENTS & {a.agreement_id for a in profile.agreements}
    assert not [m for m in profile.meetings_hosted if m.body == "shanghai-five"]
    assert all(
        i.start is not None and i.start.first_day() >= date(2001, 6, 15)
        for i in profile.history
    )


def test_a_shanghai_five_summit_lists_its_agreement_and_its_guest(kb: Session):
    moscow = meeting_outcomes(kb, "sf-1997")
    assert [a.agreement_id for a in moscow.agreements] == [
        "border-reduction-agreement-1997"
    ]
    assert not any(p.guest for p in moscow.participants)
    dushanbe = meeting_outcomes(kb, "sf-2000")
    guests = {p.state: p.guest for p in dushanbe.participants}
    # the five were its members; Uzbekistan's president came as a guest
    assert guests == {
        "TJK": False,
        "CHN": False,
        "KAZ": False,
        "KGZ": False,
        "RUS": False,
        "UZB": True,
    }


def test_the_dashboard_and_the_holdings_count_the_shanghai_five_apart(kb: Session):
    from scotrack.store.read.dashboard import dashboard, holdings

    held = holdings(kb)
    five = [(p.code, p.meetings, p.agreements) for p in held.predecessors]
    assert five == [("shanghai-five", len(SUMMITS), len(BORDER_AGREEMENTS))]
    assert held.counts["meetings"] == len(queries.meetings(kb))
    assert held.counts["agreements"] == len(queries.agreements(kb))
    board = dashboard(kb, on=date(2024, 1, 1))
    assert len(board.agreements) == held.counts["agreements"]
    assert board.predecessors == held.predecessors


def test_the_year_filter_offers_the_years_of_the_body_shown(kb: Session):
    from scotrack.store.read.timeline import meetings_overview

    overview = meetings_overview(kb)
    five = queries.find_body(kb, "shanghai-five")
    assert overview.years_of(five) == (2000, 1999, 1998, 1997, 1996)
    assert min(overview.years_of(None)) == 2001
    ministers = queries.find_body(kb, "foreign-ministers")
    assert set(overview.years_of(ministers)) < set(overview.years)
