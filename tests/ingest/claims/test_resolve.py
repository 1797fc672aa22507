from collections import Counter

import pytest

from scotrack.data import City, read_baseline
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Project
from scotrack.domain.states import State, StateIndex
from scotrack.domain.vocab import CLAIM_LISTS
from scotrack.ingest.claims.claim import ExtractedClaim
from scotrack.ingest.claims.resolve import (
    CANDIDATE_FLOOR,
    LINK_THRESHOLD,
    Candidate,
    Catalogue,
    candidates,
    interval_id,
    proposal,
)

D = PartialDate.parse


def _claim(claim_kind, published="2017-06-16", /, **payload):
    return ExtractedClaim("doc", claim_kind, payload, ((0, 1),), published=published)


# hand-made catalogue

BODIES = (
    Body("heads-of-state", "Council of Heads of State", "heads-of-state"),
    Body("foreign-ministers", "Council of Foreign Ministers", "foreign-ministers"),
    Body("rats", "RATS Council", "other"),
)
CITIES = (
    City("Astana", "KAZ", ("Nur-Sultan", "Akmola")),
    City("Ufa", "RUS"),
    City("Moscow", "RUS"),
)
MEETINGS = (
    Meeting("s2011", "heads-of-state", D("2011-06-15"), D("2011-06-15"), 11, "Astana"),
    Meeting("s2015", "heads-of-state", D("2015-07-09"), D("2015-07-10"), 15, "Ufa"),
    Meeting("s2017", "heads-of-state", D("2017-06-08"), D("2017-06-09"), 17, "Astana"),
    Meeting("s2018", "heads-of-state", D("2018-11-30"), D("2018-12-01"), 18, "Moscow"),
    Meeting("f2020a", "foreign-ministers", D("2020-03-01"), city="Moscow"),
    Meeting("f2020b", "foreign-ministers", D("2020-09-10"), city="Moscow"),
    Meeting("r2017", "rats", D("2017-04"), city="Astana"),
    Meeting("s2019", "heads-of-state", None, city="Bishkek"),
)
CATALOGUE = Catalogue(meetings=MEETINGS, bodies=BODIES, cities=CITIES)


@pytest.mark.parametrize(
    ("payload", "expected", "best"),
    [
        # date + city; alias of the city
        ({"date": "2017-06", "city": "Astana"}, "link", "s2017"),
        ({"date": "2017-06", "city": "Nur-Sultan"}, "link", "s2017"),
        ({"date": "2017-06-09", "city": "akmola"}, "link", "s2017"),
        # body + year, one meeting of the body that year
        ({"date": "2017"}, "link", "s2017"),
        # body + city, one meeting of the body there
        ({"city": "Ufa"}, "link", "s2015"),
        # body + number
        ({"number": 17}, "link", "s2017"),
        # same year and month, not contained (2018-12 vs 11-30..12-01)
        ({"date": "2018-12", "city": "Moscow"}, "link", "s2018"),
        # the claim's date lies within a month-precise meeting
        ({"body": "other", "date": "2017-04-12", "city": "Astana"}, "link", "r2017"),
        # two meetings in Astana, no date: ambiguous, not new
        ({"city": "Astana"}, "ambiguous", "s2011"),
        # two meetings of one body in one year
        ({"body": "foreign-ministers", "date": "2020"}, "ambiguous", "f2020a"),
        ({"body": "foreign-ministers", "date": "2020-09"}, "link", "f2020b"),
        # the date rules every meeting out
        ({"date": "2016-06", "city": "Astana"}, "new", None),
        # another body's meeting is never a candidate
        (
            {"body": "foreign-ministers", "date": "2017-06", "city": "Astana"},
            "new",
            None,
        ),
        # a clash of city and number keeps it under the link threshold
        ({"date": "2017-06", "city": "Ufa", "number": 15}, "new", None),
        # nothing but the body
        ({}, "new", None),
    ],
)
def test_meeting_candidates(payload, expected, best):
    claim = _claim("meeting", **({"body": "heads-of-state"} | payload))
    resolution = candidates(claim, CATALOGUE)
    assert resolution.proposal == expected
    assert (resolution.best.entity_id if resolution.best else None) == best


def test_meeting_with_unknown_date_is_kept_by_date_but_scored_by_city():
    resolution = candidates(
        _claim("meeting", body="heads-of-state", city="Bishkek"), CATALOGUE
    )
    assert resolution.proposal == "link"
    assert resolution.best.entity_id == "s2019"
    assert not any("date" in reason for reason in resolution.best.reasons)


def test_meeting_reasons_show_each_part_with_its_points():
    claim = _claim("meeting", body="heads-of-state", date="2017-06", city="Nur-Sultan")
    best = candidates(claim, CATALOGUE).best
    assert best.reasons == (
        "body heads-of-state +10",
        "date 2017-06 fits 2017-06-08..2017-06-09 +45",
        "city Nur-Sultan = Astana +40",
        "the only heads-of-state meeting that fits +25",
    )
    assert best.score == 100
    assert best.label == "17th Council of Heads of State, Astana, 2017-06-08"


def test_meeting_city_clash_is_listed_below_the_match():
    claim = _claim("meeting", body="heads-of-state", date="2017-06", city="Moscow")
    resolution = candidates(claim, CATALOGUE)
    assert resolution.candidates == ()
    claim = _claim("meeting", body="heads-of-state", date="2017", number=17, city="Ufa")
    [only] = candidates(claim, CATALOGUE).candidates
    assert "city Ufa != Astana -30" in only.reasons


# the shipped baseline


def test_junes_astana_summit_in_a_2017_article_is_hos_2017(baseline):
    claim = _claim("meeting", body="heads-of-state", date="2017-06", city="Astana")
    resolution = candidates(claim, baseline)
    assert resolution.proposal == "link"
    assert resolution.best.entity_id == "hos-2017"
    assert resolution.best.score >= 90
    assert [c.entity_id for c in resolution.candidates] == ["hos-2017"]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"date": "2017-06", "city": "Nur-Sultan"}, "hos-2017"),
        ({"date": "2019", "city": "Nur-Sultan"}, None),
        ({"number": 17}, "hos-2017"),
        ({"city": "Ufa"}, "hos-2015"),
        ({"date": "2022-09-16", "city": "Samarqand"}, "hos-2022"),
        (
            {"body": "heads-of-government", "date": "2017-12-01", "city": "Sochi"},
            "hog-2017",
        ),
        ({"body": "heads-of-government", "date": "2017-12"}, "hog-2017"),
        (
            {"body": "foreign-ministers", "date": "2024-05-21", "city": "Astana"},
            "cfm-2024",
        ),
    ],
)
def test_baseline_meeting_links(baseline, payload, expected):
    claim = _claim("meeting", **({"body": "heads-of-state"} | payload))
    resolution = candidates(claim, baseline)
    assert (
        resolution.best.entity_id if resolution.proposal == "link" else None
    ) == expected


def _single_meeting_years():
    """(body, year, id) for each body and year with exactly one baseline meeting
    of the SCO (the Shanghai Five's are in no catalogue, #12)."""
    meetings = [m for m in read_baseline().meetings if m.body != "shanghai-five"]
    count = Counter((m.body, m.year()) for m in meetings)
    return [
        (m.body, m.year(), m.id)
        for m in meetings
        if m.year() is not None and count[(m.body, m.year())] == 1
    ]


@pytest.mark.parametrize(("body", "year", "meeting_id"), _single_meeting_years())
def test_body_and_year_resolve_to_the_years_only_meeting(
    baseline, body, year, meeting_id
):
    resolution = candidates(_claim("meeting", body=body, date=str(year)), baseline)
    assert resolution.proposal == "link"
    assert resolution.best.entity_id == meeting_id


def test_astana_summit_without_a_date_is_ambiguous_among_four(baseline):
    resolution = candidates(
        _claim("meeting", body="heads-of-state", city="Astana"), baseline
    )
    assert resolution.proposal == "ambiguous"
    assert {c.entity_id for c in resolution.candidates} == {
        "hos-2005",
        "hos-2011",
        "hos-2017",
        "hos-2024",
    }


@pytest.mark.parametrize(
    ("title", "expected", "best"),
    [
        ("SCO anti-extremism treaty", "link", "extremism-convention"),
        ("convention on countering extremism", "link", "extremism-convention"),
        ("the Charter", "link", "charter"),
        ("Charter of the Shanghai Cooperation Organization", "link", "charter"),
        ("Good-Neighborliness Treaty", "link", "good-neighbourliness-treaty"),
        (
            "Treaty on Long-Term Good-Neighbourliness",
            "link",
            "good-neighbourliness-treaty",
        ),
        ("SCO Convention against Terrorism", "link", "convention-against-terrorism"),
        ("Shanghai Convention", "link", "shanghai-convention"),
        ("Shanghai Convention on Combating Terrorism", "link", "shanghai-convention"),
        (
            "Development Strategy of the SCO until 2025",
            "link",
            "development-strategy-2025",
        ),
        ("SCO Development Strategy for 2026-2035", "link", "development-strategy-2035"),
        ("road transport facilitation agreement", "link", "road-transport-agreement"),
        # a different agreement named alike
        ("SCO agreement on trade facilitation", "new", None),
        ("Astana Declaration", "new", None),
        ("joint communique", "new", None),
        # three conventions
        ("the Convention", "ambiguous", None),
    ],
)
def test_agreement_candidates(baseline, title, expected, best):
    resolution = candidates(_claim("agreement", title=title, action="signed"), baseline)
    assert resolution.proposal == expected
    if best is not None:
        assert resolution.best.entity_id == best


def test_agreement_reason_names_the_alias_and_score(baseline):
    claim = _claim("agreement", title="anti-extremism convention", action="ratified")
    best = candidates(claim, baseline).best
    assert best.entity_id == "extremism-convention"
    assert (
        best.label
        == "Convention of the Shanghai Cooperation Organisation on Countering Extremism"
    )
    assert best.reasons == ("alias 'anti-extremism convention' 100",)


def test_agreement_clash_is_explained(baseline):
    claim = _claim(
        "agreement", title="Development Strategy until 2035", action="adopted"
    )
    resolution = candidates(claim, baseline)
    older = next(
        c for c in resolution.candidates if c.entity_id == "development-strategy-2025"
    )
    assert older.reasons == (
        "alias 'SCO development strategy' 83",
        "'2035' on one side only -10",
    )


def _baseline_names():
    return [
        (agreement.id, name)
        for agreement in read_baseline().agreements
        if agreement.body is None  # the Shanghai Five's are in no catalogue (#12)
        for name in (agreement.title, *agreement.aliases)
    ]


@pytest.mark.parametrize(("agreement_id", "name"), _baseline_names())
def test_every_baseline_title_and_alias_links_to_its_agreement(
    baseline, agreement_id, name
):
    resolution = candidates(_claim("agreement", title=name, action="signed"), baseline)
    assert resolution.proposal == "link"
    assert resolution.best.entity_id == agreement_id


@pytest.mark.issue(12)
def test_no_claim_links_to_the_shanghai_five(baseline):
    """The Shanghai Five's summits and border agreements are not the SCO's: a
    claim never resolves to them."""
    assert not [m for m in baseline.meetings if m.body == "shanghai-five"]
    assert not [a for a in baseline.agreements if a.body is not None]
    claim = _claim("meeting", body="other", city="Bishkek", date="1999-08-25")
    summit = candidates(claim, baseline)
    assert not any(c.entity_id.startswith("sf-") for c in summit.candidates)


# projects

PROJECTS = (
    Project(
        "cku-rail",
        "China-Kyrgyzstan-Uzbekistan railway",
        "transport",
        ("CHN", "KGZ", "UZB"),
    ),
    Project("cpec", "China-Pakistan Economic Corridor", "transport", ("CHN", "PAK")),
    Project(
        "pipeline",
        "Central Asia-China gas pipeline",
        "energy",
        ("CHN", "KAZ", "TKM", "UZB"),
    ),
)


@pytest.mark.parametrize(
    ("name", "countries", "expected", "best"),
    [
        (
            "China-Kyrgyzstan-Uzbekistan railway",
            ["CHN", "KGZ", "UZB"],
            "link",
            "cku-rail",
        ),
        ("the China-Kyrgyzstan-Uzbekistan railway project", [], "link", "cku-rail"),
        ("China Pakistan Economic Corridor (CPEC)", ["PAK"], "link", "cpec"),
        ("China-Central Asia gas pipeline", ["KAZ"], "link", "pipeline"),
        # shares every word but one: listed, not linked
        (
            "China-Kyrgyzstan-Uzbekistan highway",
            ["CHN", "KGZ", "UZB"],
            "new",
            "cku-rail",
        ),
        ("Chabahar Port", ["IRN"], "new", None),
    ],
)
def test_project_candidates(name, countries, expected, best):
    claim = _claim("project", name=name, sector="transport", countries=countries)
    resolution = candidates(claim, Catalogue(projects=PROJECTS))
    assert resolution.proposal == expected
    assert (resolution.best.entity_id if resolution.best else None) == best


def test_shared_countries_raise_a_project_score():
    def score(countries):
        claim = _claim("project", name="China-Pakistan corridor", countries=countries)
        return candidates(claim, Catalogue(projects=PROJECTS)).best.score

    assert score(["CHN", "PAK"]) == score([]) + 10
    assert score(["PAK", "IND"]) == score([]) + 3
    assert score(["IND"]) == score([])


def test_project_name_gate_is_token_set_75():
    claim = _claim("project", name="Pakistan railway", countries=["CHN", "PAK"])
    assert candidates(claim, Catalogue(projects=PROJECTS)).candidates == ()


# membership

STATES = (State("IND", "India"), State("IRN", "Iran"), State("BLR", "Belarus"))
INTERVALS = (
    StatusInterval("IND", "observer", D("2005-07-05"), D("2017-06-09")),
    StatusInterval("IND", "member", D("2017-06-09")),
    StatusInterval("IRN", "observer", D("2005-07-05"), D("2023-07-04")),
    StatusInterval("IRN", "member", D("2023-07-04")),
    StatusInterval("BLR", "member", None),
)


@pytest.mark.parametrize("states", [StateIndex(STATES), STATES, ()])
@pytest.mark.parametrize(
    ("state", "event", "date", "expected", "best", "score"),
    [
        ("IND", "joined", "2017-06", "link", "IND:member:2017-06-09", 100),
        ("IND", "joined", None, "link", "IND:member:2017-06-09", 80),
        ("IND", "observer", "2005", "link", "IND:observer:2005-07-05", 100),
        # `left` would end the open interval
        ("IRN", "left", "2030", "link", "IRN:member:2023-07-04", 70),
        ("BLR", "joined", "2024", "link", "BLR:member:unknown", 80),
        # dates the interval contradicts: listed, not linked
        ("IRN", "observer", "2023-07-04", "new", "IRN:observer:2005-07-05", 35),
        ("IND", "observer", "2018", "new", "IND:observer:2005-07-05", 35),
        ("IRN", "left", "2020", "new", "IRN:member:2023-07-04", 35),
        # no interval the event would start or end
        ("IND", "applied", "2014", "new", None, None),
        ("PAK", "joined", "2017", "new", None, None),
    ],
)
def test_membership_candidates(states, state, event, date, expected, best, score):
    catalogue = Catalogue(states=states, membership=INTERVALS)
    claim = _claim("membership", state=state, event=event, date=date)
    resolution = candidates(claim, catalogue)
    assert resolution.proposal == expected
    assert (resolution.best.entity_id if resolution.best else None) == best
    assert (resolution.best.score if resolution.best else None) == score


@pytest.mark.parametrize("states", [StateIndex(STATES), STATES])
def test_membership_of_an_unknown_state_has_no_candidates(states):
    interval = StatusInterval("XXK", "member", D("2030"))
    catalogue = Catalogue(states=states, membership=(interval,))
    claim = _claim("membership", state="XXK", event="joined", date="2030")
    assert candidates(claim, catalogue) == candidates(claim, Catalogue())
    assert candidates(claim, Catalogue(membership=(interval,))).proposal == "link"


def test_membership_in_the_baseline(baseline):
    claim = _claim("membership", state="IND", event="joined", date="2017-06")
    resolution = candidates(claim, baseline)
    assert resolution.proposal == "link"
    assert resolution.best.label == "IND member from 2017-06-09"
    interval = next(
        i
        for i in read_baseline().membership
        if i.state == "IND" and i.status == "member"
    )
    assert resolution.best.entity_id == interval_id(interval)


# commitments

COMMITMENTS = (
    Commitment(
        "c1",
        "CHN",
        "pledge",
        "people-to-people",
        "China will provide 1,000 training opportunities for SCO member states",
        made_on=D("2017-06-09"),
    ),
    Commitment(
        "c2",
        "CHN",
        "proposal",
        "trade",
        "accelerate consultations on signing a SCO agreement on trade facilitation",
        made_on=D("2017-12-01"),
    ),
    Commitment(
        "c3",
        "RUS",
        "pledge",
        "people-to-people",
        "China will provide 1,000 training opportunities for SCO member states",
    ),
    Commitment(
        "c4",
        "CHN",
        "pledge",
        "security",
        "China will train 2,000 law enforcement officers in the next three years",
        made_on=D("2018-06-10"),
    ),
)


@pytest.mark.parametrize(
    ("actor", "text", "published", "expected", "best"),
    [
        (
            "CHN",
            "China will provide 1,000 training opportunities",
            "2017-06-10",
            "link",
            "c1",
        ),
        (
            "CHN",
            "Xi said China will provide 1,000 training opportunities for SCO member "
            "states over three years",
            "2017-06-10",
            "link",
            "c1",
        ),
        (
            "CHN",
            "accelerate consultations on signing an SCO agreement on trade",
            "2018",
            "link",
            "c2",
        ),
        # c2 was made after this article
        (
            "CHN",
            "accelerate consultations on signing an SCO agreement on trade",
            "2017-06-16",
            "new",
            None,
        ),
        # another actor's pledge, worded alike
        (
            "KAZ",
            "China will provide 1,000 training opportunities",
            "2017-06-10",
            "new",
            None,
        ),
        # the same words, another number
        (
            "CHN",
            "China will provide 5,000 training opportunities",
            "2017-06-10",
            "new",
            "c1",
        ),
        ("CHN", "China will build a highway", None, "new", None),
    ],
)
def test_commitment_candidates(actor, text, published, expected, best):
    claim = _claim("commitment", published, actor=actor, kind="pledge", text=text)
    resolution = candidates(claim, Catalogue(commitments=COMMITMENTS))
    assert resolution.proposal == expected
    assert (resolution.best.entity_id if resolution.best else None) == best


def test_commitment_number_clash_is_explained():
    claim = _claim(
        "commitment",
        actor="CHN",
        kind="call",
        text="China will provide 5,000 training opportunities",
    )
    [only] = candidates(claim, Catalogue(commitments=COMMITMENTS)).candidates
    assert only.reasons == (
        "actor CHN",
        "text 98",
        "numbers 5000 vs 1000 -25",
        "other kind pledge",
    )


# proposals and thresholds


def _ranked(*scores):
    return [Candidate("meeting", f"m{i}", "", score) for i, score in enumerate(scores)]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ((), "new"),
        ((70,), "link"),
        ((69,), "new"),
        ((100, 90), "link"),
        ((100, 91), "ambiguous"),
        ((50, 50), "ambiguous"),
        ((75, 40), "link"),
        ((60, 45), "new"),
    ],
)
def test_proposal(scores, expected):
    assert proposal(_ranked(*scores), threshold=70) == expected


def test_every_claim_kind_has_thresholds():
    kinds = set(CLAIM_LISTS.values())
    assert set(LINK_THRESHOLD) == kinds
    assert set(CANDIDATE_FLOOR) == kinds
    assert all(CANDIDATE_FLOOR[k] < LINK_THRESHOLD[k] for k in kinds)


@pytest.mark.parametrize("kind", sorted(set(CLAIM_LISTS.values())))
def test_candidates_are_sorted_best_first_and_scored_0_to_100(baseline, kind):
    payloads = {
        "meeting": {"body": "heads-of-state", "city": "Astana"},
        "agreement": {"title": "SCO convention", "action": "signed"},
        "project": {"name": "China railway", "countries": []},
        "commitment": {"actor": "CHN", "kind": "pledge", "text": "China will provide"},
        "membership": {"state": "BLR", "event": "observer", "date": None},
    }
    catalogue = Catalogue(
        meetings=baseline.meetings,
        agreements=baseline.agreements,
        projects=PROJECTS,
        bodies=baseline.bodies,
        cities=baseline.cities,
        commitments=COMMITMENTS,
        membership=baseline.membership,
    )
    found = candidates(_claim(kind, **payloads[kind]), catalogue).candidates
    assert found
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert all(c.reasons for c in found)
