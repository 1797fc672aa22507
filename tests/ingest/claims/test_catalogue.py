import pytest

from scotrack.data import read_baseline
from scotrack.domain.dates import PartialDate
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Project
from scotrack.domain.states import StateIndex
from scotrack.ingest.claims.catalogue import (
    Candidate,
    Resolution,
    catalogue_from_baseline,
    interval_id,
    interval_label,
)


def test_catalogue_from_baseline_holds_its_lists():
    baseline = read_baseline()
    project = Project("p1", "China-Kyrgyzstan-Uzbekistan railway", "transport")
    catalogue = catalogue_from_baseline(baseline, projects=[project])
    # the SCO's meetings and agreements: not its predecessor's (#12)
    assert catalogue.meetings == [
        m for m in baseline.meetings if m.body != "shanghai-five"
    ]
    assert catalogue.agreements == [a for a in baseline.agreements if a.body is None]
    assert len(catalogue.meetings) == len(baseline.meetings) - 5
    assert catalogue.membership == baseline.membership
    assert catalogue.cities == baseline.cities
    assert catalogue.projects == [project]
    assert catalogue.commitments == ()
    assert isinstance(catalogue.states, StateIndex)
    assert len(catalogue.states) == len(baseline.states)


@pytest.mark.parametrize(
    ("interval", "entity_id", "label"),
    [
        (
            StatusInterval("IND", "member", PartialDate(2017, 6, 9)),
            "IND:member:2017-06-09",
            "IND member from 2017-06-09",
        ),
        (
            StatusInterval("MNG", "observer", PartialDate(2004), PartialDate(2025, 9)),
            "MNG:observer:2004",
            "MNG observer from 2004 to 2025-09",
        ),
        (StatusInterval("BLR", "member", None), "BLR:member:unknown", "BLR member"),
    ],
)
def test_interval_id_and_label(interval, entity_id, label):
    assert interval_id(interval) == entity_id
    assert interval_label(interval) == label


def test_interval_ids_of_the_baseline_are_unique():
    ids = [interval_id(i) for i in read_baseline().membership]
    assert len(ids) == len(set(ids))


def test_resolution_best_is_the_first_candidate():
    first = Candidate("meeting", "hos-2017", "17th", 100, ("body +10",))
    assert Resolution((first,), "link").best == first
    assert Resolution((), "new").best is None
