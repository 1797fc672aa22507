"""The key SCO treaties in the shipped record: who is a party, and the data check
of the recorded entry into force against each treaty's own rule (#12)."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from scotrack.data import FILES, baseline_problems, raw_records, read_baseline
from scotrack.domain.agreement_status import status
from scotrack.domain.agreements import Agreement, computed_entry_into_force

JOINED_LATER = ("IND", "PAK", "IRN", "BLR")
FOUNDERS = {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
KEY_TREATIES = (
    "shanghai-convention",
    "charter",
    "charter-protocol-2003",
    "charter-protocol-2006",
    "rats-agreement",
    "good-neighbourliness-treaty",
    "convention-against-terrorism",
    "extremism-convention",
)
"""The treaties of issue #12: each must say, per state, what the sources give."""

Raw = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module")
def shipped() -> Raw:
    return {name: raw_records(name) for name in FILES}


def _agreement(agreement_id: str) -> Agreement:
    return next(a for a in read_baseline().agreements if a.id == agreement_id)


def _record(raw: Raw, agreement_id: str) -> dict[str, Any]:
    return next(a for a in raw["agreements"] if a["id"] == agreement_id)


def _with_rule() -> list[str]:
    return [i for i in KEY_TREATIES if _agreement(i).rule is not None]


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", KEY_TREATIES)
def test_later_members_are_parties_not_unsigned(agreement_id):
    """India, Pakistan, Iran and Belarus signed or acceded to every key treaty,
    each with a source: none shows "not signed" once it is a member."""
    agreement = _agreement(agreement_id)
    rows = {row.state: row for row in status(agreement, on=date(2025, 1, 1)).parties}
    for code in JOINED_LATER:
        party = agreement.party(code)
        assert party is not None, (agreement_id, code)
        assert party.source_id, (agreement_id, code)
        assert rows[code].status != "not signed", (agreement_id, rows[code])


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", KEY_TREATIES)
def test_every_founder_signed_each_key_treaty(agreement_id):
    agreement = _agreement(agreement_id)
    signed = {p.state for p in agreement.parties if p.signed is not None}
    assert signed >= FOUNDERS, agreement_id


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", KEY_TREATIES)
def test_a_key_treaty_without_a_rule_says_why(shipped, agreement_id):
    """No rule is guessed: where the final clauses were not found, the note says
    the rule is not recorded."""
    record = _record(shipped, agreement_id)
    if record["rule"] is None:
        note = record["note"]
        assert "rule" in note, agreement_id
        assert "not recorded" in note or "no rule" in note, agreement_id


def test_the_charter_protocol_of_2003_needs_the_fourth_instrument():
    """Article 2: in force on the thirtieth day from the fourth instrument."""
    rule = _agreement("charter-protocol-2003").rule
    assert rule is not None
    assert (rule.kind, rule.n, rule.days) == ("nth-instrument", 4, 30)


def test_the_charter_protocol_of_2006_signed_by_the_six_on_15_june_2006():
    agreement = _agreement("charter-protocol-2006")
    signed = {p.state: str(p.signed) for p in agreement.parties if p.signed}
    assert signed == dict.fromkeys(sorted(FOUNDERS), "2006-06-15")
    assert agreement.rule is None
    assert agreement.recorded_entry_into_force is None


def _every_signatory_deposits(raw: Raw, agreement_id: str) -> tuple[Raw, date]:
    """A copy of `raw` where every signatory deposits one day, a year after
    signature; the day is returned."""
    raw = copy.deepcopy(raw)
    record = _record(raw, agreement_id)
    signed = date.fromisoformat(f"{record['signed_date']}-01"[:10])
    day = signed + timedelta(days=400)
    for party in record["parties"]:
        if "signed" in party:
            party["deposited"] = day.isoformat()
    return raw, day


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", _with_rule())
def test_check_accepts_an_entry_into_force_its_rule_computes(shipped, agreement_id):
    raw, day = _every_signatory_deposits(shipped, agreement_id)
    rule = _agreement(agreement_id).rule
    assert rule is not None
    record = _record(raw, agreement_id)
    record["entry_into_force"] = (day + timedelta(days=rule.days)).isoformat()
    record["entry_into_force_source"] = record["source"]
    assert baseline_problems(raw) == []


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", _with_rule())
def test_check_names_the_treaty_and_both_dates(shipped, agreement_id):
    raw, day = _every_signatory_deposits(shipped, agreement_id)
    rule = _agreement(agreement_id).rule
    assert rule is not None
    computed = day + timedelta(days=rule.days)
    recorded = computed + timedelta(days=1)
    record = _record(raw, agreement_id)
    record["entry_into_force"] = recorded.isoformat()
    record["entry_into_force_source"] = record["source"]
    lines = [line for line in baseline_problems(raw) if "entry_into_force" in line]
    assert len(lines) == 1, lines
    assert agreement_id in lines[0]
    assert f"recorded {recorded.isoformat()}" in lines[0]
    assert f"give {computed.isoformat()}" in lines[0]


@pytest.mark.issue(12)
def test_every_key_treaty_with_both_computes_its_recorded_date():
    """Where the record holds the instruments the rule needs and a recorded
    entry into force, they agree; the treaties where the sources give both are
    listed, so one gaining its instruments is checked here."""
    both = []
    for agreement_id in KEY_TREATIES:
        agreement = _agreement(agreement_id)
        computed = computed_entry_into_force(agreement)
        recorded = agreement.recorded_entry_into_force
        if computed is None or recorded is None:
            continue
        both.append(agreement_id)
        assert (computed.earliest, computed.latest) == (
            recorded.first_day(),
            recorded.last_day(),
        ), agreement_id
    assert both == []


@pytest.mark.issue(12)
def test_convention_against_terrorism_cites_who_had_ratified_by_2014(shipped):
    record = _record(shipped, "convention-against-terrorism")
    assert "peoplecn-jp-npc-cat-2014" in record["note"]
    ids = {s["id"] for s in shipped["sources"]}
    assert "peoplecn-jp-npc-cat-2014" in ids


ACCESSION_SOURCES = {
    "IND": "sify-india-accession-2017",
    "PAK": "brecorder-pakistan-accession-2016",
    "IRN": "mehr-iran-accession-law-2023",
}


@pytest.mark.issue(12)
@pytest.mark.parametrize("agreement_id", KEY_TREATIES)
def test_each_accession_cites_the_acceding_states_own_act(shipped, agreement_id):
    """India's completion of its memorandum, Pakistan's cabinet approval, Iran's
    accession law: each acceding party cites the page of its own step."""
    for party in _record(shipped, agreement_id)["parties"]:
        expected = ACCESSION_SOURCES.get(party["state"])
        if "acceded" in party and expected:
            assert party["source"] == expected, (agreement_id, party["state"])


def test_kyrgyzstan_ratified_the_charter_by_law_no_133():
    party = _agreement("charter").party("KGZ")
    assert party is not None
    assert (str(party.signed), str(party.ratified)) == ("2002-06-07", "2003-07-15")


def test_uzbekistan_ratified_the_good_neighbourliness_treaty_on_12_september_2012():
    party = _agreement("good-neighbourliness-treaty").party("UZB")
    assert party is not None
    assert str(party.ratified) == "2012-09-12"
    assert party.source_id == "singlenews-uzbekistan-gnt-2012"


@pytest.mark.issue(12)
def test_the_disputed_signatures_of_the_extremism_convention_are_said(shipped):
    """The record keeps India's and Pakistan's signatures and names the sources
    that list only the six founders."""
    note = _record(shipped, "extremism-convention")["note"]
    for source_id in ("sova-russia-extremism-2019", "rso-mfa-extremism-2021"):
        assert source_id in note
