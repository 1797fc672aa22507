"""An agreement's status on a day (`domain.agreement_status`): overall, per state,
and the sentences that explain it."""

from datetime import date

import pytest

from scotrack.domain.agreement_status import status
from scotrack.domain.agreements import (
    Agreement,
    Declaration,
    EntryIntoForceRule,
    Party,
    entry_into_force,
)

from ._agreements import FOURTH_PLUS_30, P, convention, joined_later


def test_one_instrument_short_of_entry_into_force():
    agreement = convention("2018-01-10", "2018-02-01", "2018-03-01", None, None, None)
    answer = status(agreement, on=date(2019, 1, 1))
    # three signatories' instruments are not recorded: they may have come (#12)
    assert answer.in_force is None
    assert answer.entry_into_force is None
    assert any("one instrument short" in line for line in answer.explanation)
    assert [p.status for p in answer.parties] == ["ratified"] * 3 + ["signed"] * 3


def test_a_late_ratifier_is_bound_thirty_days_after_its_own_instrument():
    agreement = convention(
        "2018-01-10", "2018-02-01", "2018-03-01", "2018-04-01", "2019-01-01"
    )
    late = {p.state: p for p in status(agreement, on=date(2019, 1, 15)).parties}["TJK"]
    assert late.status == "ratified"
    later = {p.state: p for p in status(agreement, on=date(2019, 1, 31)).parties}["TJK"]
    assert later.status == "in force"
    assert later.in_force_from == "2019-01-31"


def test_recorded_entry_into_force_is_used_when_instruments_are_unknown():
    agreement = convention(
        None, None, None, None, recorded_entry_into_force=P("2017-12-01")
    )
    answer = status(agreement, on=date(2018, 1, 1))
    assert answer.in_force is True
    assert answer.entry_into_force is not None
    assert not answer.entry_into_force.computed
    assert any("too few to compute" in line for line in answer.explanation)
    # states whose instruments are not recorded stay "signed": unknown is not guessed
    assert {p.status for p in answer.parties} == {"signed"}


def test_no_rule_and_nothing_recorded_stays_unknown():
    agreement = convention("2018-01-10", rule=None)
    answer = status(agreement, on=date(2020, 1, 1))
    assert answer.in_force is None
    assert "On 2020-01-01 whether it is in force is unknown." in answer.explanation
    assert status(agreement, on=date(2017, 6, 8)).in_force is False  # before signing
    assert any("no entry-into-force rule" in line for line in answer.explanation)
    assert any("stays unknown" in line for line in answer.explanation)


def test_on_signature_rule():
    agreement = convention(rule=EntryIntoForceRule("on-signature"))
    assert status(agreement, on=date(2017, 6, 9)).in_force is True
    assert status(agreement, on=date(2017, 6, 8)).in_force is False


def test_state_that_never_signed_and_state_that_withdrew():
    agreement = Agreement(
        "a",
        "A",
        "agreement",
        signed_date=P("2010"),
        rule=FOURTH_PLUS_30,
        parties=(Party("KAZ", signed=P("2010-05-01"), withdrew=P("2015-01-01")),),
    )
    answer = status(agreement, on=date(2016, 1, 1), states=["KAZ", "IND"])
    assert [(p.state, p.status) for p in answer.parties] == [
        ("KAZ", "withdrawn"),
        ("IND", "not signed"),
    ]


def test_signature_known_only_to_the_year_is_uncertain_inside_it():
    agreement = Agreement(
        "a", "A", "agreement", parties=(Party("KAZ", signed=P("2010")),)
    )
    row = status(agreement, on=date(2010, 5, 1)).parties[0]
    assert (row.status, row.certain) == ("signed", False)
    assert status(agreement, on=date(2009, 5, 1)).parties[0].status == "not signed"


def test_declarations_are_part_of_the_explanation():
    agreement = convention(
        declarations=(
            Declaration("RUS", P("2019-05"), "does not apply to territory X"),
        )
    )
    lines = status(agreement, on=date(2020, 1, 1)).explanation
    assert "RUS declared on 2019-05: does not apply to territory X" in lines


# accession under a memorandum of obligations (#12)


@pytest.mark.issue(12)
def test_a_state_that_acceded_is_not_shown_as_not_signed():
    agreement = joined_later(("IND", "2019-06-01"))
    india = {p.state: p for p in status(agreement, on=date(2020, 1, 1)).parties}["IND"]
    assert india.status == "acceded"
    assert india.ratified == P("2019-06-01")
    before = {p.state: p for p in status(agreement, on=date(2019, 5, 1)).parties}
    assert (before["IND"].status, before["IND"].certain) == ("not a party", True)
    assert before["IND"].in_force_from is None
    lines = status(agreement, on=date(2020, 1, 1)).explanation
    assert "IND acceded on 2019-06-01." in lines


@pytest.mark.issue(12)
def test_an_accession_after_entry_into_force_binds_later_days_after_it():
    base = convention("2018-01-10", "2018-02-01", "2018-03-01", "2018-04-01")
    agreement = Agreement(
        base.id,
        base.title,
        base.kind,
        signed_date=base.signed_date,
        rule=FOURTH_PLUS_30,
        parties=(*base.parties, Party("BLR", ratified=P("2023-07-13"))),
    )
    assert str(entry_into_force(agreement)) == "2018-05-01"
    rows = {p.state: p for p in status(agreement, on=date(2023, 8, 12)).parties}
    assert (rows["BLR"].status, rows["BLR"].in_force_from) == ("in force", "2023-08-12")
    assert status(agreement, on=date(2023, 8, 11)).parties[-1].status == "acceded"
    assert rows["BLR"].missing == ()  # the rule gives its own day


@pytest.mark.issue(12)
def test_without_a_rule_an_earlier_instrument_is_bound_from_entry_into_force():
    agreement = convention(
        "2017-11-10", None, rule=None, recorded_entry_into_force=P("2018-01-14")
    )
    rows = status(agreement, on=date(2018, 6, 1)).parties
    assert [(p.status, p.in_force_from) for p in rows] == [
        ("in force", "2018-01-14"),
        ("signed", None),
    ]
    late = convention("2019-01-01", rule=None, recorded_entry_into_force=P("2018-01"))
    assert status(late, on=date(2020, 1, 1)).parties[0].status == "ratified"


@pytest.mark.issue(12)
def test_not_in_force_only_when_every_signatorys_instrument_is_recorded():
    # three signatories, all recorded, and the rule wants a fourth instrument
    agreement = convention("2018-01-10", "2018-02-01", "2018-03-01")
    answer = status(agreement, on=date(2019, 1, 1))
    assert answer.in_force is False
    assert [p.missing for p in answer.parties] == [()] * 3
    # one of them unrecorded: it may have come, so the answer is unknown
    unknown = status(convention("2018-01-10", "2018-02-01", None), on=date(2019, 1, 1))
    assert unknown.in_force is None
    assert unknown.parties[2].missing == ("ratification (no source)",)
    assert status(agreement, on=date(2017, 6, 8)).in_force is False  # not yet signed


NO_RULE_IN_FORCE = convention(
    "2017-11-10", "2017-12-01", rule=None, recorded_entry_into_force=P("2018-01-14")
)


def _acceding(*accessions: tuple[str, str]) -> Agreement:
    extra = tuple(Party(code, ratified=P(day)) for code, day in accessions)
    return Agreement(
        NO_RULE_IN_FORCE.id,
        NO_RULE_IN_FORCE.title,
        NO_RULE_IN_FORCE.kind,
        signed_date=NO_RULE_IN_FORCE.signed_date,
        parties=NO_RULE_IN_FORCE.parties + extra,
        recorded_entry_into_force=NO_RULE_IN_FORCE.recorded_entry_into_force,
    )


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2018, 6, 1), ("not a party", True, None, ())),
        (date(2019, 6, 8), ("not a party", True, None, ())),
        (
            date(2019, 6, 9),
            (
                "acceded",
                True,
                None,
                ("the day it is bound from (no rule or source gives it)",),
            ),
        ),
        (
            date(2025, 1, 1),
            (
                "acceded",
                True,
                None,
                ("the day it is bound from (no rule or source gives it)",),
            ),
        ),
    ],
)
def test_status_of_a_state_acceding_to_a_treaty_in_force_without_a_rule(on, expected):
    """India accedes in 2019 to a treaty in force since 2018-01-14 with no rule:
    not a party before, then acceded, the day it is bound from unknown, never
    "not signed" nor a guessed "in force"."""
    agreement = _acceding(("IND", "2019-06-09"))
    row = {p.state: p for p in status(agreement, on=on).parties}["IND"]
    assert (row.status, row.certain, row.in_force_from, row.missing) == expected


@pytest.mark.issue(12)
def test_status_of_a_state_acceding_before_entry_into_force_without_a_rule():
    """An accession that came before the entry into force binds from it."""
    agreement = _acceding(("IND", "2017-12-20"))
    rows = {p.state: p for p in status(agreement, on=date(2018, 6, 1)).parties}
    assert (rows["IND"].status, rows["IND"].in_force_from) == ("in force", "2018-01-14")
    assert rows["IND"].missing == ()
    before = {p.state: p for p in status(agreement, on=date(2018, 1, 1)).parties}
    assert before["IND"].status == "acceded"


@pytest.mark.issue(12)
def test_status_of_a_state_acceding_on_a_day_inside_a_partial_accession_date():
    """Belarus's accession known to the month: undecided within it."""
    agreement = _acceding(("BLR", "2023-07"))
    row = {p.state: p for p in status(agreement, on=date(2023, 7, 15)).parties}["BLR"]
    assert (row.status, row.certain) == ("acceded", False)


@pytest.mark.issue(12)
def test_explanation_says_a_later_accession_has_no_known_binding_day():
    agreement = _acceding(("IND", "2019-06-09"), ("PAK", "2019-06-09"))
    lines = status(agreement, on=date(2025, 1, 1)).explanation
    assert "IND acceded on 2019-06-09." in lines
    assert any(
        line.startswith("It was in force before IND, PAK acceded") and "unknown" in line
        for line in lines
    )
    assert not any(
        "binds a state" in line
        for line in status(agreement, on=date(2019, 1, 1)).explanation
    )
