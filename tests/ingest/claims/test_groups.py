import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.data import read_baseline
from scotrack.ingest.claims.claim import claims_from_extract
from scotrack.ingest.claims.groups import FactGroup, claims_agree, collapse
from scotrack.ingest.claims.resolve import (
    Catalogue,
    candidates,
    catalogue_from_baseline,
)


def _extract(published, **lists):
    for items in lists.values():
        for item in items:
            item.setdefault("evidence", [[0, 10]])
    return {"schema": "sco-extract/1", "document": {"published": published}, **lists}


def _resolved(catalogue, *documents):
    """(claim, resolution) for every claim of each (document id, extract) pair."""
    return [
        (claim, candidates(claim, catalogue))
        for document_id, extract in documents
        for claim in claims_from_extract(document_id, extract)
    ]


def _summary(groups):
    return [(g.kind, g.proposal, g.entity_id, g.document_ids) for g in groups]


def test_two_articles_on_one_known_summit_are_one_fact(baseline):
    first = _extract(
        "2017-06-16",
        meetings=[{"body": "heads-of-state", "date": "2017-06", "city": "Astana"}],
    )
    second = _extract(
        "2019-03-20",
        meetings=[
            {"body": "heads-of-state", "number": 17, "city": "Nur-Sultan"},
            {"body": "heads-of-state", "date": "2019-06-14", "city": "Bishkek"},
        ],
    )
    groups = collapse(_resolved(baseline, ("a", first), ("b", second)))
    assert _summary(groups) == [
        ("meeting", "link", "hos-2017", ("a", "b")),
        ("meeting", "link", "hos-2019", ("b",)),
    ]
    assert len(groups[0].claims) == 2


def test_two_articles_on_one_new_summit_are_one_new_fact(baseline):
    documents = [
        (
            "a",
            _extract(
                "2026-06-20",
                meetings=[
                    {"body": "heads-of-state", "date": "2026-06", "city": "Bishkek"}
                ],
            ),
        ),
        (
            "b",
            _extract(
                "2026-07-01",
                meetings=[
                    {"body": "heads-of-state", "date": "2026-06-18", "number": 26}
                ],
            ),
        ),
        (
            "c",
            _extract(
                "2026-07-02",
                meetings=[{"body": "heads-of-state", "date": "2026", "city": "Frunze"}],
            ),
        ),
        (
            "d",
            _extract(
                "2026-02-01",
                meetings=[
                    {"body": "foreign-ministers", "date": "2026-02", "city": "Bishkek"}
                ],
            ),
        ),
    ]
    groups = collapse(_resolved(baseline, *documents), catalogue=baseline)
    assert _summary(groups) == [
        ("meeting", "new", None, ("a", "b", "c")),
        ("meeting", "new", None, ("d",)),
    ]


def test_city_aliases_need_the_catalogue_to_group_new_claims(baseline):
    documents = [
        ("a", _extract("2026", meetings=[{"body": "other", "city": "Astana"}])),
        ("b", _extract("2026", meetings=[{"body": "other", "city": "Nur-Sultan"}])),
    ]
    resolved = _resolved(baseline, *documents)
    assert len(collapse(resolved, catalogue=baseline)) == 1
    assert len(collapse(resolved)) == 2


def test_ambiguous_claims_that_agree_are_one_group_with_all_candidates(baseline):
    documents = [
        (
            "a",
            _extract(
                "2017-06-16", meetings=[{"body": "heads-of-state", "city": "Astana"}]
            ),
        ),
        (
            "b",
            _extract(
                "2011-06-16",
                meetings=[{"body": "heads-of-state", "city": "Nur-Sultan"}],
            ),
        ),
    ]
    [group] = collapse(_resolved(baseline, *documents), catalogue=baseline)
    assert group.proposal == "ambiguous"
    assert group.entity_id is None
    assert group.document_ids == ("a", "b")
    assert [c.entity_id for c in group.candidates] == [
        "hos-2005",
        "hos-2011",
        "hos-2017",
        "hos-2024",
    ]


@pytest.mark.parametrize(
    ("first", "second", "groups"),
    [
        # generic titles: one text per meeting
        (("signed", "2019-11-02", "2019-11-05"), ("signed", None, "2024-10-17"), 2),
        (("signed", "2019-11-02", "2019-11-05"), ("adopted", None, "2019-11-04"), 1),
        (("signed", "2019", "2019-11-05"), ("signed", "2019-11-02", "2020-01-01"), 1),
        (
            ("signed", "2019-11-02", "2019-11-05"),
            ("signed", "2019-11-03", "2019-11-04"),
            1,
        ),
        # a later ratification of the same text
        (
            ("signed", "2019-11-02", "2019-11-05"),
            ("ratified", "2020-05", "2020-05-30"),
            1,
        ),
    ],
)
def test_new_agreements_group_by_title_and_year(baseline, first, second, groups):
    def document(action, date, published):
        agreement = {"title": "Joint Communique", "action": action, "date": date}
        return _extract(published, agreements=[agreement])

    documents = [("a", document(*first)), ("b", document(*second))]
    found = collapse(_resolved(baseline, *documents), catalogue=baseline)
    assert len(found) == groups
    assert {g.proposal for g in found} == {"new"}


def test_known_agreement_reported_by_three_articles(baseline):
    documents = [
        (
            "a",
            _extract(
                "2017-06-10",
                agreements=[{"title": "SCO anti-extremism treaty", "action": "signed"}],
            ),
        ),
        (
            "b",
            _extract(
                "2017-06-16",
                agreements=[
                    {
                        "title": "convention on countering extremism",
                        "action": "signed",
                        "place": "Ufa",
                    }
                ],
            ),
        ),
        (
            "c",
            _extract(
                "2019-01-05",
                agreements=[
                    {
                        "title": "Convention on Countering Extremism",
                        "action": "ratified",
                        "date": "2018-12",
                    }
                ],
            ),
        ),
    ]
    assert _summary(collapse(_resolved(baseline, *documents))) == [
        ("agreement", "link", "extremism-convention", ("a", "b", "c")),
    ]


def test_the_same_pledge_in_many_articles_is_one_fact():
    pledge = "China will provide 1,000 training opportunities for SCO member states"
    documents = [
        (
            "a",
            _extract(
                "2017-06-10",
                commitments=[{"actor": "CHN", "kind": "pledge", "text": pledge}],
            ),
        ),
        (
            "b",
            _extract(
                "2017-06-11",
                commitments=[
                    {
                        "actor": "CHN",
                        "kind": "pledge",
                        "text": "China will provide 1,000 training opportunities",
                    }
                ],
            ),
        ),
        (
            "c",
            _extract(
                "2017-06-12",
                commitments=[
                    {
                        "actor": "CHN",
                        "kind": "pledge",
                        "text": "China will provide 3,000 training opportunities",
                    }
                ],
            ),
        ),
        (
            "d",
            _extract(
                "2017-06-12",
                commitments=[{"actor": "RUS", "kind": "pledge", "text": pledge}],
            ),
        ),
    ]
    groups = collapse(_resolved(Catalogue(), *documents))
    assert sorted(g.document_ids for g in groups) == [("a", "b"), ("c",), ("d",)]


def test_new_projects_and_membership_group_by_the_same_rules(baseline):
    documents = [
        (
            "a",
            _extract(
                "2019",
                projects=[
                    {
                        "name": "China-Kyrgyzstan-Uzbekistan railway",
                        "countries": ["CHN"],
                    }
                ],
                membership=[{"state": "ZZZ", "event": "applied", "date": "2030"}],
            ),
        ),
        (
            "b",
            _extract(
                "2024",
                projects=[
                    {
                        "name": "China Kyrgyzstan Uzbekistan railway project",
                        "countries": [],
                    }
                ],
                membership=[{"state": "ZZZ", "event": "applied", "date": None}],
            ),
        ),
        (
            "c",
            _extract(
                "2024",
                projects=[
                    {
                        "name": "China-Kyrgyzstan-Uzbekistan highway",
                        "countries": ["CHN"],
                    }
                ],
                membership=[{"state": "ZZZ", "event": "left", "date": "2040"}],
            ),
        ),
    ]
    groups = collapse(_resolved(baseline, *documents), catalogue=baseline)
    assert _summary(groups) == [
        ("project", "new", None, ("a", "b")),
        ("project", "new", None, ("c",)),
        ("membership", "new", None, ("a", "b")),
        ("membership", "new", None, ("c",)),
    ]


def test_a_claim_passed_twice_counts_once(baseline):
    extract = _extract("2017", meetings=[{"body": "heads-of-state", "date": "2017"}])
    resolved = _resolved(baseline, ("a", extract))
    [group] = collapse(resolved + resolved)
    assert len(group.claims) == 1


def test_claims_of_different_kinds_never_agree():
    extract = _extract(
        "2017",
        meetings=[{"body": "other", "city": "Astana"}],
        projects=[{"name": "Astana", "countries": []}],
    )
    meeting, project = claims_from_extract("a", extract)
    assert not claims_agree(meeting, project, catalogue=Catalogue())
    assert claims_agree(meeting, meeting, catalogue=Catalogue())


def test_fact_group_document_ids_are_sorted_and_unique(baseline):
    extract = _extract("2017", meetings=[{"body": "heads-of-state", "date": "2017"}])
    claims = claims_from_extract("b", extract) + claims_from_extract("a", extract)
    group = FactGroup("meeting", "link", "hos-2017", tuple(claims))
    assert group.document_ids == ("a", "b")


DOCUMENTS = [
    (
        "a",
        _extract(
            "2017-06-16",
            meetings=[
                {"body": "heads-of-state", "date": "2017-06", "city": "Astana"},
                {"body": "other", "city": "Tianjin"},
            ],
        ),
    ),
    (
        "b",
        _extract(
            "2017-06-10",
            meetings=[
                {"body": "heads-of-state", "number": 17},
                {"body": "heads-of-state", "city": "Astana"},
            ],
        ),
    ),
    (
        "c",
        _extract(
            "2026-01-01",
            meetings=[
                {"body": "other", "date": "2025", "city": "Tianjin"},
                {"body": "heads-of-state", "city": "Nur-Sultan"},
            ],
        ),
    ),
    (
        "d",
        _extract(
            "2026-07-01",
            meetings=[
                {"body": "heads-of-state", "date": "2026"},
                {"body": "other", "date": "2025-09", "city": "Tianjin"},
            ],
        ),
    ),
    (
        "e",
        _extract(
            "2026-07-02",
            meetings=[{"body": "heads-of-state", "date": "2026-06", "city": "Bishkek"}],
        ),
    ),
]


@given(st.permutations(range(9)))
def test_groups_do_not_depend_on_claim_order(order):
    catalogue = catalogue_from_baseline(read_baseline())
    resolved = _resolved(catalogue, *DOCUMENTS)
    assert len(resolved) == 9
    expected = collapse(resolved, catalogue=catalogue)
    shuffled = collapse([resolved[i] for i in order], catalogue=catalogue)
    assert shuffled == expected
    assert _summary(expected) == [
        ("meeting", "link", "hos-2017", ("a", "b")),
        ("meeting", "ambiguous", None, ("b", "c")),
        ("meeting", "new", None, ("a", "c", "d")),
        ("meeting", "new", None, ("d", "e")),
    ]
