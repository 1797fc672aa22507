"""What an undecided status lacks: the text of the matrix's unclear cell (#12)."""

from datetime import date

import pytest

from scotrack.domain import agreement_status as status_rules
from scotrack.domain.agreements import Agreement, Party
from scotrack.domain.status_gaps import SIGNED_ONLY

from ._agreements import P, convention

pytestmark = pytest.mark.issue(12)

FOUR = ("2018-01-10", "2018-02-01", "2018-03-01", "2018-04-01")
"""Four instruments: in force from 2018-05-01 under the fourth-plus-30 rule."""


def gap(agreement: Agreement, state: str, on: str) -> str | None:
    answer = status_rules.status(agreement, on=date.fromisoformat(on))
    return next(p for p in answer.parties if p.state == state).unclear


@pytest.mark.parametrize(
    ("instruments", "state", "on", "expected"),
    [
        # decided: no text
        ((*FOUR, None), "CHN", "2019-01-01", None),
        ((*FOUR, None), "TJK", "2018-03-01", None),  # signed; not yet in force
        # in force, the signature recorded, the instrument not
        ((*FOUR, None), "TJK", "2019-01-01", SIGNED_ONLY),
        # an instrument known to the month, the day inside it
        (
            (*FOUR, "2018-06"),
            "TJK",
            "2018-06-15",
            "ratified 2018-06, no day recorded: may be after this day",
        ),
        # ... and the days it may be bound from include this one
        (
            (*FOUR, "2018-06"),
            "TJK",
            "2018-07-15",
            "ratified 2018-06, no day recorded: bound from "
            "2018-07-01..2018-07-30, which includes this day",
        ),
        # known to the year: it may be the fourth, so the entry into force is
        # in doubt too
        (
            (*FOUR, "2018"),
            "TJK",
            "2018-06-15",
            "ratified 2018, no month recorded; entry into force between "
            "2018-03-31 and 2018-05-01: bound from 2018-03-31..2019-01-30, which "
            "includes this day",
        ),
    ],
)
def test_status_gap_says_what_is_missing(instruments, state, on, expected):
    assert gap(convention(*instruments), state, on) == expected


def test_status_gap_of_an_entry_into_force_known_to_the_month():
    agreement = convention(*FOUR, rule=None, recorded_entry_into_force=P("2018-05"))
    text = gap(agreement, "CHN", "2018-05-15")
    assert text is not None
    assert text.startswith("entry into force between 2018-05-01 and 2018-05-31")
    assert text.endswith(": bound from 2018-05-01..2018-05-31, which includes this day")
    assert gap(agreement, "CHN", "2018-06-01") is None


def test_status_gap_of_a_signature_known_to_the_month():
    agreement = Agreement(
        "c", "Test", "convention", parties=(Party("KAZ", signed=P("2017-06")),)
    )
    assert gap(agreement, "KAZ", "2017-06-15") == (
        "signed 2017-06, no day recorded: may be after this day"
    )


def test_an_acceding_state_known_to_the_month_says_acceded():
    agreement = Agreement(
        "c",
        "Test",
        "convention",
        parties=(Party("BLR", ratified=P("2023-07")),),
    )
    assert gap(agreement, "BLR", "2023-07-15") == (
        "acceded 2023-07, no day recorded: may be after this day"
    )
