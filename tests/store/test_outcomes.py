"""A meeting's outcomes: the agreements done there and who took part, from the
curated record and from accepted claims, each with its basis (#12)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import NotFound
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.read.outcomes import meeting_outcomes
from scotrack.store.write import review

from ._claims import TEXT, doc, ingest, meeting, span

pytestmark = pytest.mark.issue(12)

TITLE = "SCO Convention on Countering Extremism"
CONVENTION = (
    "Convention of the Shanghai Cooperation Organisation on Countering Extremism"
)
"""The shipped record's title of the convention signed at Astana in 2017."""


def test_agreements_signed_at_the_meeting_come_from_the_record(small: Session):
    outcomes = meeting_outcomes(small, "hos-2017")
    assert [a.agreement_id for a in outcomes.agreements] == ["extremism-convention"]
    (signed,) = outcomes.agreements
    assert (signed.action, str(signed.date), signed.place) == (
        "signed",
        "2017-06-09",
        "Astana",
    )
    assert [b.source.id for b in signed.basis if b.source] == ["s2"]
    assert meeting_outcomes(small, "cfm-2023").agreements == ()


def test_participants_with_how_they_took_part(small: Session):
    outcomes = meeting_outcomes(small, "hos-2017")
    by_state = {p.state: p for p in outcomes.participants}
    assert list(by_state)[:1] == ["KAZ"]  # the host first
    assert set(by_state) == {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    kaz = by_state["KAZ"]
    assert kaz.roles[:2] == ("host", "participant")
    assert f"signed {TITLE}" in kaz.roles
    assert "made a commitment" in by_state["CHN"].roles
    # India joined on the summit's last day: a member there, not a guest
    assert (by_state["IND"].status, by_state["IND"].guest) == ("member", False)
    assert all(b.source and b.source.id == "s2" for b in by_state["CHN"].basis)


def test_a_state_that_was_no_member_is_a_guest(small: Session):
    row = models.Meeting(
        id="hos-2016",
        body_id="heads-of-state",
        start_date="2016-06-23",
        end_date="2016-06-24",
        year=2016,
        city_name="Tashkent",
        host_state_id="UZB",
        source_id="s1",
    )
    row.participants = [
        models.MeetingParticipant(state_id="UZB", position=0),
        models.MeetingParticipant(state_id="IND", position=1),
    ]
    small.add(row)
    small.flush()
    by_state = {p.state: p for p in meeting_outcomes(small, "hos-2016").participants}
    assert (by_state["IND"].status, by_state["IND"].guest) == ("observer", True)
    assert (by_state["UZB"].status, by_state["UZB"].guest) == ("member", False)
    assert by_state["IND"].roles == ("participant",)


def test_an_unknown_meeting_is_not_found(small: Session):
    with pytest.raises(NotFound):
        meeting_outcomes(small, "nope")


@pytest.fixture
def initialised(initialised_db_url: str) -> Iterator[Session]:
    engine = make_engine(initialised_db_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def signing(
    title: str, date: str | None, place: str | None, parties: list[str]
) -> dict[str, Any]:
    return {
        "title": title,
        "action": "signed",
        "date": date,
        "place": place,
        "parties": parties,
        "evidence": span(TEXT, "the Convention on Countering Extremism"),
    }


def accept_all(session: Session, claims) -> None:
    for claim in claims:
        review.accept(session, claim.id, actor="alice")
    session.commit()


def test_accepted_claims_add_their_evidence_and_signers(initialised: Session):
    claims = ingest(
        initialised,
        doc(
            meetings=[meeting(date="2017-06")],
            agreements=[signing(TITLE, "2017-06", "Astana", ["CHN", "MNG"])],
        ),
    )
    accept_all(initialised, claims)
    outcomes = meeting_outcomes(initialised, "hos-2017")
    (convention,) = outcomes.agreements
    assert convention.agreement_id == "extremism-convention"
    evidence = [b for b in convention.basis if b.claim_id]
    # the sentence around the evidence, as the review shows it (#15)
    assert [b.quote for b in evidence] == [
        "Kazakhstan ratified the Convention on Countering Extremism."
    ]
    assert evidence[0].document_title == "SCO summit in Astana"
    by_state = {p.state: p for p in outcomes.participants}
    assert by_state["MNG"].status == "observer"
    assert by_state["MNG"].guest is True
    assert [b.claim_id for b in by_state["MNG"].basis] == [evidence[0].claim_id]


def test_a_claim_of_another_day_or_place_is_no_outcome(initialised: Session):
    claims = ingest(
        initialised,
        doc(
            meetings=[meeting(date="2017-06")],
            agreements=[
                signing("Agreement on Mountains", "2015-07", None, ["CHN"]),
                signing("Agreement on Rivers", "2017-06-09", "Sochi", ["CHN"]),
                signing("Agreement on Lakes", None, None, ["CHN"]),
            ],
        ),
    )
    accept_all(initialised, claims)
    titles = [a.title for a in meeting_outcomes(initialised, "hos-2017").agreements]
    # the undated one: its document reports this meeting and no other
    assert titles == [CONVENTION, "Agreement on Lakes"]


def test_an_undecided_claim_in_a_report_of_two_meetings_is_left_out(
    initialised: Session,
):
    sochi = meeting(
        body="heads-of-government",
        number=16,
        date="2017-12-01",
        city="Sochi",
        country="RUS",
    )
    claims = ingest(
        initialised,
        doc(
            meetings=[meeting(date="2017-06"), sochi],
            agreements=[signing("Agreement on Lakes", None, None, ["CHN"])],
        ),
    )
    accept_all(initialised, claims)
    titles = [a.title for a in meeting_outcomes(initialised, "hos-2017").agreements]
    assert "Agreement on Lakes" not in titles
