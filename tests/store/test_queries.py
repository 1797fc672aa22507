from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.data import read_baseline
from scotrack.domain import agreement_status as status_rules
from scotrack.domain.agreements import PARTY_STATUSES
from scotrack.errors import Ambiguous, NotFound
from scotrack.store.read import profiles, queries, timeline

# states and membership (hand-built knowledge base)


def test_states_by_code(small: Session) -> None:
    codes = [s.code for s in queries.states(small)]
    assert codes == sorted(codes)
    assert len(codes) == 8


@pytest.mark.parametrize("code", ["IND", "ind", " Ind "])
def test_state_by_code_any_case(small: Session, code: str) -> None:
    assert queries.state(small, code).name == "India"


def test_state_unknown_code_not_found(small: Session) -> None:
    with pytest.raises(NotFound, match="'XYZ'"):
        queries.state(small, "XYZ")


@pytest.mark.parametrize(
    ("text", "code"),
    [("IND", "IND"), ("india", "IND"), ("Bharat", "IND"), ("Kyrgyz", "KGZ")],
)
def test_find_state_by_code_name_alias_adjective(
    small: Session, text: str, code: str
) -> None:
    assert queries.find_state(small, text).code == code


def test_find_state_suggests_close_names(small: Session) -> None:
    with pytest.raises(NotFound, match=r"did you mean.*IND"):
        queries.find_state(small, "Indai")


@pytest.mark.parametrize(
    ("on", "count"), [(date(2017, 6, 8), 6), (date(2017, 6, 10), 8)]
)
def test_members_on_small(small: Session, on: date, count: int) -> None:
    assert len(queries.members_on(small, on)) == count


def test_state_statuses_lists_observers(small: Session) -> None:
    answers = timeline.state_statuses(small, on=date(2010, 1, 1))
    assert {(a.code, a.status) for a in answers if a.status == "observer"} == {
        ("IND", "observer"),
        ("PAK", "observer"),
    }
    only = timeline.state_statuses(small, on=date(2010, 1, 1), status="observer")
    assert only == tuple(a for a in answers if a.status == "observer")


def test_status_history_in_date_order(small: Session) -> None:
    history = queries.status_history(small, "ind")
    assert [i.status for i in history] == ["observer", "member"]


def test_status_history_unknown_state(small: Session) -> None:
    with pytest.raises(NotFound):
        queries.status_history(small, "XYZ")


# bodies and meetings


@pytest.mark.parametrize(
    "text", ["heads-of-state", "council of heads of state", "SCO SUMMIT"]
)
def test_find_body_by_code_name_alias(small: Session, text: str) -> None:
    assert queries.find_body(small, text).code == "heads-of-state"


def test_find_body_unknown_suggests(small: Session) -> None:
    with pytest.raises(NotFound, match="did you mean heads-of-state"):
        queries.find_body(small, "Council of Heads of Stat")


def test_meetings_filters(small: Session) -> None:
    assert [m.id for m in queries.meetings(small)] == [
        "hos-2017",
        "cfm-2023",
        "hos-2023",
    ]
    assert [
        m.id for m in queries.meetings(small, body="heads-of-state", year=2023)
    ] == ["hos-2023"]
    assert [m.id for m in queries.meetings(small, host="ind")] == [
        "cfm-2023",
        "hos-2023",
    ]
    assert queries.meetings(small, year=1999) == []


def test_meeting_keeps_participants_in_order(small: Session) -> None:
    meeting = queries.meeting(small, "hos-2017")
    assert meeting.participants == (
        "CHN",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
        "UZB",
        "IND",
        "PAK",
    )
    with pytest.raises(NotFound):
        queries.meeting(small, "hos-1999")


# agreements


@pytest.mark.parametrize(
    ("text", "agreement_id"),
    [
        ("extremism-convention", "extremism-convention"),  # id
        ("sco convention on countering extremism", "extremism-convention"),  # title
        ("SCO Charter", "charter"),  # alias
        ("Convention on Countering Extremsim", "extremism-convention"),  # typo
        ("Charter of the Shanghai Cooperation", "charter"),  # part of the title
        ("Convention Shanghai", "shanghai-convention"),  # word order
    ],
)
def test_find_agreement(small: Session, text: str, agreement_id: str) -> None:
    assert queries.find_agreement(small, text).id == agreement_id


def test_find_agreement_ambiguous_lists_candidates(small: Session) -> None:
    with pytest.raises(Ambiguous) as raised:
        queries.find_agreement(small, "convention")
    assert sorted(raised.value.candidates) == [
        "SCO Convention on Countering Extremism [extremism-convention]",
        "Shanghai Convention on Combating Terrorism, Separatism and Extremism "
        "[shanghai-convention]",
    ]


def test_find_agreement_not_found(small: Session) -> None:
    with pytest.raises(NotFound, match="Treaty of Versailles"):
        queries.find_agreement(small, "Treaty of Versailles")


def test_an_agreement_records_status_is_the_domain_rule(small: Session) -> None:
    on = date(2019, 1, 15)
    answer = profiles.agreement_record(
        small, "Convention on Countering Extremism", on=on, sources=False
    ).status
    expected = status_rules.status(
        queries.agreement(small, "extremism-convention"), on=on
    )
    assert answer == expected
    by_state = {p.state: p.status for p in answer.parties}
    assert by_state == {
        "CHN": "ratified",
        "KAZ": "ratified",
        "RUS": "signed",
        "IND": "not signed",
    }


def test_agreements_by_signature_date(small: Session) -> None:
    assert [a.id for a in queries.agreements(small)] == [
        "shanghai-convention",
        "charter",
        "extremism-convention",
    ]


def test_agreement_unknown_id(small: Session) -> None:
    with pytest.raises(NotFound):
        queries.agreement(small, "no-such-agreement")


# commitments, sources, profile


def test_commitments_filters(small: Session) -> None:
    assert [c.id for c in queries.commitments(small)] == ["c1", "c2", "c3"]
    assert [c.id for c in queries.commitments(small, actor="chn")] == ["c1"]
    assert [c.id for c in queries.commitments(small, area="trade")] == ["c2"]
    assert [c.id for c in queries.commitments(small, kind="call")] == ["c3"]
    assert queries.commitments(small, actor="CHN", kind="call") == []


def test_sources_lookup(small: Session) -> None:
    assert sorted(queries.sources_by_id(small, ["s1", "s2", "s3"])) == ["s1", "s2"]
    assert queries.sources_by_id(small, ["s2", "s3", None])["s2"].url == "https://x"
    assert queries.sources_by_id(small, ["s1"])["s1"].title == (
        "SCO Charter and membership records"
    )


def test_state_profile_small(small: Session) -> None:
    profile = queries.state_profile(small, "IND")
    assert [i.status for i in profile.history] == ["observer", "member"]
    assert [m.id for m in profile.meetings_hosted] == ["cfm-2023", "hos-2023"]
    assert [a.agreement_id for a in profile.agreements] == ["extremism-convention"]
    assert [c.id for c in profile.commitments] == ["c2"]


# the shipped baseline


@pytest.mark.parametrize(
    ("on", "count"), [(date(2017, 6, 8), 6), (date(2017, 6, 10), 8)]
)
def test_members_on_baseline(kb: Session, on: date, count: int) -> None:
    members = queries.members_on(kb, on)
    assert len(members) == count
    assert all(m.certain for m in members)


def test_agreement_record_status_extremism_convention_2018(kb: Session) -> None:
    on = date(2018, 1, 1)
    answer = profiles.agreement_record(
        kb, "Convention on Countering Extremism", on=on, sources=False
    ).status
    convention = queries.find_agreement(kb, "Convention on Countering Extremism")
    assert answer == status_rules.status(convention, on=on)
    assert {p.state for p in answer.parties} == {p.state for p in convention.parties}
    for party in answer.parties:
        assert party.status in PARTY_STATUSES
        if party.signed is not None and party.signed.on_or_before(on):
            assert party.status != "not signed"
    assert answer.in_force is not True


def test_state_profile_india(kb: Session) -> None:
    profile = queries.state_profile(kb, "IND")
    assert profile.state.name == "India"
    member = profile.history[-1]
    assert (member.status, str(member.start)) == ("member", "2017-06-09")
    assert all(m.host == "IND" for m in profile.meetings_hosted)
    assert any(m.body == "heads-of-state" for m in profile.meetings_hosted)
    signed = {a.agreement_id for a in profile.agreements if a.signed is not None}
    assert "extremism-convention" in signed


def test_find_agreement_baseline_aliases(kb: Session) -> None:
    for agreement in read_baseline().agreements:
        for name in (agreement.id, agreement.title, *agreement.aliases):
            assert queries.find_agreement(kb, name).id == agreement.id
