from datetime import date

import pytest

from scotrack.domain.commitments import (
    Assessment,
    Commitment,
    by_actor,
    by_area,
    by_year,
    compliance,
    compliance_by,
    parse_score,
)
from scotrack.domain.dates import PartialDate

P = PartialDate.parse


def pledge(id_, actor, area, *assessments, made="2018-06-10"):
    return Commitment(
        id_,
        actor,
        "pledge",
        area,
        "will do it",
        made_on=P(made),
        assessments=tuple(assessments),
    )


def test_later_assessment_reverses_an_earlier_one():
    commitment = pledge(
        "c1",
        "CHN",
        "trade",
        Assessment(P("2019-01-15"), 1, "done"),
        Assessment(P("2020-03"), -1, "reversed"),
    )
    assert compliance(commitment, on=date(2018, 12, 31)) is None
    first = compliance(commitment, on=date(2019, 6, 1))
    assert first is not None
    assert first.score == 1
    # the reversal is dated only to the month: it counts once the month is over
    during = compliance(commitment, on=date(2020, 3, 15))
    assert during is not None
    assert during.score == 1
    after = compliance(commitment, on=date(2020, 4, 1))
    assert after is not None
    assert after.score == -1


def test_aggregates_by_actor_area_and_year():
    commitments = [
        pledge("a", "CHN", "trade", Assessment(P("2019-01-01"), 1, "")),
        pledge("b", "CHN", "security", Assessment(P("2019-01-01"), 0, "")),
        pledge("c", "RUS", "trade", Assessment(P("2019-01-01"), "inconclusive", "")),
        pledge("d", "RUS", None, made="2019-06-01"),
    ]
    on = date(2020, 1, 1)
    actors = {s.key: s for s in compliance_by(commitments, by_actor, on=on)}
    assert actors["CHN"].mean_score == 0.5
    assert (
        actors["RUS"].commitments,
        actors["RUS"].assessed,
        actors["RUS"].inconclusive,
        actors["RUS"].mean_score,
    ) == (2, 1, 1, None)
    areas = {s.key for s in compliance_by(commitments, by_area, on=on)}
    assert areas == {"trade", "security", "unknown"}
    years = {s.key: s.commitments for s in compliance_by(commitments, by_year, on=on)}
    assert years == {"2018": 3, "2019": 1}


def test_of_two_assessments_for_one_date_the_later_recorded_wins():
    commitment = pledge(
        "c1",
        "CHN",
        "trade",
        Assessment(P("2019-06"), 1, "done"),
        Assessment(P("2019-06"), 0, "only partly, on a second look"),
    )
    found = compliance(commitment, on=date(2020, 1, 1))
    assert found is not None
    assert found.score == 0


def test_parse_score():
    assert [parse_score(t) for t in ("1", "+1", " 0", "-1", "Inconclusive")] == [
        1,
        1,
        0,
        -1,
        "inconclusive",
    ]
    for bad in ("2", "", "yes", "1.0"):
        with pytest.raises(ValueError, match="is not a score"):
            parse_score(bad)
