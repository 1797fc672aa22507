"""A small hand-built knowledge base, for store tests that need no shipped data."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from scotrack.data import Baseline, City
from scotrack.domain.agreements import (
    Agreement,
    Declaration,
    EntryIntoForceRule,
    Party,
)
from scotrack.domain.commitments import Assessment, Commitment, Target
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Initiative, Project, StatusChange
from scotrack.domain.sources import Source
from scotrack.domain.states import State
from scotrack.store.write.baseline import load_baseline, load_commitments, load_projects


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


FOUNDERS = ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")


def _small_baseline() -> Baseline:
    """Eight states, two bodies, a few meetings and three agreements."""
    names = {
        "CHN": ("China", ("PRC",), ("Chinese",)),
        "IND": ("India", ("Bharat",), ("Indian",)),
        "KAZ": ("Kazakhstan", (), ("Kazakh",)),
        "KGZ": ("Kyrgyzstan", ("Kyrgyz Republic",), ("Kyrgyz",)),
        "PAK": ("Pakistan", (), ("Pakistani",)),
        "RUS": ("Russia", ("Russian Federation",), ("Russian",)),
        "TJK": ("Tajikistan", (), ("Tajik",)),
        "UZB": ("Uzbekistan", (), ("Uzbek",)),
    }
    states = tuple(
        State(code, name, None, aliases, adjectives)
        for code, (name, aliases, adjectives) in names.items()
    )
    membership = (
        *(
            StatusInterval(code, "member", day("2001-06-15"), None, "s1")
            for code in FOUNDERS
        ),
        StatusInterval("IND", "observer", day("2005-07"), day("2017-06-09"), "s1"),
        StatusInterval("IND", "member", day("2017-06-09"), None, "s1"),
        StatusInterval("PAK", "observer", day("2005-07"), day("2017-06-09"), "s1"),
        StatusInterval("PAK", "member", day("2017-06-09"), None, "s1"),
    )
    bodies = (
        Body(
            "heads-of-state",
            "Council of Heads of State",
            "heads-of-state",
            ("SCO summit",),
        ),
        Body(
            "foreign-ministers",
            "Council of Foreign Ministers",
            "foreign-ministers",
            ("CFM",),
        ),
    )
    meetings = (
        Meeting(
            "hos-2017",
            "heads-of-state",
            day("2017-06-08"),
            day("2017-06-09"),
            number=17,
            city="Astana",
            host="KAZ",
            format="in-person",
            participants=(*FOUNDERS, "IND", "PAK"),
            source_id="s2",
        ),
        Meeting(
            "hos-2023",
            "heads-of-state",
            day("2023-07-04"),
            number=23,
            host="IND",
            format="video",
            source_id="s2",
        ),
        Meeting(
            "cfm-2023", "foreign-ministers", day("2023-05"), city="Goa", host="IND"
        ),
    )
    agreements = (
        Agreement(
            "charter",
            "Charter of the Shanghai Cooperation Organization",
            "charter",
            aliases=("SCO Charter",),
            signed_date=day("2002-06-07"),
            place="St Petersburg",
            rule=EntryIntoForceRule("all-instruments"),
            parties=tuple(Party(code, day("2002-06-07")) for code in FOUNDERS),
            recorded_entry_into_force=day("2003-09-19"),
            source_id="s1",
        ),
        Agreement(
            "extremism-convention",
            "SCO Convention on Countering Extremism",
            "convention",
            signed_date=day("2017-06-09"),
            place="Astana",
            depositary="SCO Secretariat",
            rule=EntryIntoForceRule("nth-instrument", n=4, days=30, later_days=30),
            parties=(
                Party("CHN", day("2017-06-09"), day("2018-12-29"), source_id="s2"),
                Party("KAZ", day("2017-06-09"), day("2018-06"), day("2018-07-01")),
                Party("RUS", day("2017-06-09"), day("2019-12-02")),
                Party("IND", None, None),
            ),
            declarations=(Declaration("KAZ", day("2018-06"), "Applies from deposit."),),
            source_id="s2",
        ),
        Agreement(
            "shanghai-convention",
            "Shanghai Convention on Combating Terrorism, Separatism and Extremism",
            "convention",
            aliases=("Shanghai Convention",),
            signed_date=day("2001-06-15"),
            source_id="s1",
        ),
    )
    return Baseline(
        sources=(
            Source(
                "s1", "SCO Charter and membership records", "SCO", None, day("2002")
            ),
            Source("s2", "Astana summit press release", "SCO Secretariat", "https://x"),
        ),
        states=states,
        cities=(City("Astana", "KAZ", ("Nur-Sultan",)), City("Goa", "IND")),
        bodies=bodies,
        membership=membership,
        meetings=meetings,
        agreements=agreements,
        initiatives=(
            Initiative(
                "bri", "Belt and Road Initiative", "CHN", day("2013-09"), ("BRI",), "s1"
            ),
        ),
    )


def _small_commitments() -> tuple[Commitment, ...]:
    return (
        Commitment(
            "c1",
            "CHN",
            "pledge",
            "people-to-people",
            "China will provide 1,000 training opportunities",
            speaker="Li Keqiang",
            target=Target(1000, "training opportunities"),
            meeting_id="hos-2017",
            made_on=day("2017-06-09"),
            assessments=(
                Assessment(day("2018-06"), 0, "under way", "s2"),
                Assessment(day("2019-06"), "inconclusive", "no report"),
            ),
            source_id="s2",
        ),
        Commitment(
            "c2",
            "IND",
            "proposal",
            "trade",
            "India proposed a start-up forum",
            made_on=day("2023-07-04"),
        ),
        Commitment("c3", "SCO", "call", "security", "The leaders urged all to act"),
    )


def _small_projects() -> tuple[Project, ...]:
    return (
        Project(
            "p1",
            "China-Kyrgyzstan-Uzbekistan highway",
            "transport",
            countries=("CHN", "KGZ", "UZB"),
            initiative="bri",
            history=(
                StatusChange(day("2014"), "agreed"),
                StatusChange(day("2018-02"), "completed", "s2"),
            ),
            source_id="s2",
        ),
    )


@pytest.fixture
def small_baseline() -> Baseline:
    return _small_baseline()


@pytest.fixture
def small_commitments() -> tuple[Commitment, ...]:
    return _small_commitments()


@pytest.fixture
def small_projects() -> tuple[Project, ...]:
    return _small_projects()


@pytest.fixture
def small(session: Session) -> Session:
    """`session` with the small knowledge base loaded (rolled back after the test)."""
    load_baseline(session, _small_baseline())
    load_commitments(session, _small_commitments())
    load_projects(session, _small_projects())
    return session
