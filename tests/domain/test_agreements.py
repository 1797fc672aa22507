from datetime import date

import pytest

from scotrack.domain.agreement_status import status
from scotrack.domain.agreements import EntryIntoForceRule, entry_into_force

from ._agreements import FOURTH_PLUS_30, convention, joined_later


def test_fourth_instrument_brings_it_into_force_thirty_days_later():
    agreement = convention("2018-01-10", "2018-02-01", "2018-03-01", "2018-04-01", None)
    eif = entry_into_force(agreement)
    assert eif is not None
    assert (eif.earliest, eif.latest, eif.computed) == (date(2018, 5, 1),) * 2 + (True,)
    assert status(agreement, on=date(2018, 4, 30)).in_force is False
    on_day = status(agreement, on=date(2018, 5, 1))
    assert on_day.in_force is True
    assert [p.status for p in on_day.parties] == ["in force"] * 4 + ["signed"]


def test_partial_instrument_dates_give_an_uncertain_answer_not_a_guess():
    agreement = convention("2018-01-10", "2018-02-01", "2018-03-01", "2018-04")
    eif = entry_into_force(agreement)
    assert eif is not None
    assert (eif.earliest, eif.latest) == (date(2018, 5, 1), date(2018, 5, 30))
    assert status(agreement, on=date(2018, 5, 10)).in_force is None
    assert status(agreement, on=date(2018, 5, 30)).in_force is True
    assert "between" in str(eif)


def test_all_instruments_rule_waits_for_the_last_signatory():
    rule = EntryIntoForceRule("all-instruments", days=0)
    agreement = convention("2008-01-01", "2008-02-01", "2008-03-01", rule=rule)
    eif = entry_into_force(agreement)
    assert eif is not None
    assert eif.earliest == date(2008, 3, 1)
    assert entry_into_force(convention("2008-01-01", None, rule=rule)) is None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (
            FOURTH_PLUS_30,
            "30 days after the depositary (CHN) receives the 4th instrument",
        ),
        (
            EntryIntoForceRule("all-instruments"),
            "on the day the depositary (CHN) receives "
            "the last signatory's instrument of ratification",
        ),
        (EntryIntoForceRule("on-signature"), "on signature"),
    ],
)
def test_rule_descriptions(rule, text):
    assert rule.describe("CHN") == text


# accession under a memorandum of obligations (#12)


@pytest.mark.issue(12)
def test_accessions_do_not_count_towards_entry_into_force():
    agreement = joined_later(("IND", "2019-06-01"), ("PAK", "2019-06-02"))
    assert entry_into_force(agreement) is None
    answer = status(agreement, on=date(2020, 1, 1))
    assert answer.in_force is None  # a founder's instrument is not recorded
    assert any("3 of the 4 instruments" in line for line in answer.explanation)
