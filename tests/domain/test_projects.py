from datetime import date

import pytest

from scotrack.domain import projects
from scotrack.domain.commitments import PROGRESS_SCORE
from scotrack.domain.dates import PartialDate
from scotrack.domain.projects import (
    EXTRACTION_STATUS,
    LIFECYCLE,
    Project,
    StatusChange,
    iati_code,
    project_status,
)

P = PartialDate.parse


def test_lifecycle_as_of_a_date():
    project = Project(
        "p",
        "China-Kyrgyzstan-Uzbekistan railway",
        "transport",
        ("CHN", "KGZ", "UZB"),
        history=(
            StatusChange(P("2022-09"), "agreed"),
            StatusChange(P("2024-12-27"), "under way"),
            StatusChange(None, "suspended"),
        ),
    )
    assert project_status(project, on=date(2022, 1, 1)) is None
    assert project_status(project, on=date(2022, 9, 15)) is None  # month not over
    assert project_status(project, on=date(2023, 1, 1)) == "agreed"
    assert project_status(project, on=date(2025, 1, 1)) == "under way"


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("pledged", 1),
        ("agreed", 1),
        ("under way", 2),
        ("completed", 4),
        ("cancelled", 5),
        ("suspended", 6),
    ],
)
def test_every_lifecycle_status_maps_to_an_iati_code(status, code):
    assert iati_code(status) == code


def test_extraction_statuses_map_into_the_lifecycle():
    assert set(EXTRACTION_STATUS.values()) <= set(LIFECYCLE)


MOVES = [
    (None, "under way", True),
    ("agreed", "under way", True),
    ("agreed", "completed", True),
    ("under way", "agreed", False),
    ("under way", "under way", False),
    ("under way", "suspended", True),
    ("suspended", "under way", True),
    ("suspended", "agreed", False),
    ("completed", "suspended", False),
    ("cancelled", "under way", False),
    ("pledged", "cancelled", True),
]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("current", "proposed", "allowed"), MOVES)
def test_can_move_along_the_lifecycle(
    current: projects.Lifecycle | None, proposed: projects.Lifecycle, allowed: bool
) -> None:
    assert projects.can_move(current, proposed) is allowed


@pytest.mark.issue(13)
def test_every_progress_has_a_status_and_a_score() -> None:
    assert set(projects.PROGRESS_STATUS) == set(PROGRESS_SCORE)
    assert set(projects.PROGRESS_STATUS.values()) <= set(projects.LIFECYCLE)
    assert PROGRESS_SCORE == {
        "done": 1,
        "under way": 0,
        "not done": -1,
        "cancelled": -1,
    }
