"""The rules of grouping claims (`groups.claims_agree`) through the one grouping
path, `GroupIndex.join` as the writer calls it (#15: the former `collapse`, used
only by these tests, grouped otherwise: by proposal across years and a known
text's signing with its ratification)."""

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.data import read_baseline
from scotrack.ingest.claims.claim import claims_from_extract
from scotrack.ingest.claims.group_index import GroupIndex
from scotrack.ingest.claims.groups import claims_agree
from scotrack.ingest.claims.resolve import (
    Catalogue,
    candidates,
    catalogue_from_baseline,
)
from scotrack.ingest.claims.summaries import block_key


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


def _groups(resolved, catalogue=None):
    """The groups the writer makes of these claims arriving in this order (the
    one grouping path): a claim linked to a known entity joins its entity's
    block, any other claim `GroupIndex.join`s the claims of its block it agrees
    with. A claim seen before (its document stored already) is not stored again.
    Each group as (kind, proposal, linked entity or None, sorted document ids),
    sorted."""
    index = GroupIndex(catalogue or Catalogue())
    members: dict[str, list] = {}
    seen = set()
    for claim, resolution in resolved:
        if claim.key in seen:
            continue
        seen.add(claim.key)
        block = block_key(claim, resolution)
        if resolution.proposal == "link" and resolution.best is not None:
            group = block
        else:
            group, _ = index.join(block, claim)
        members.setdefault(group, []).append((claim, resolution))
    merged: dict[str, list] = {}
    for group, found in members.items():
        merged.setdefault(index.root(group), []).extend(found)
    return sorted(_summary(found) for found in merged.values())


def _summary(found):
    claim, resolution = found[0]
    linked = resolution.proposal == "link" and resolution.best is not None
    return (
        claim.kind,
        "/".join(sorted({res.proposal for _, res in found})),
        resolution.best.entity_id if linked else None,
        tuple(sorted({c.document_id for c, _ in found})),
    )


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
    assert _groups(_resolved(baseline, ("a", first), ("b", second))) == [
        ("meeting", "link", "hos-2017", ("a", "b")),
        ("meeting", "link", "hos-2019", ("b",)),
    ]


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
    assert _groups(_resolved(baseline, *documents), baseline) == [
        ("meeting", "new", None, ("a", "b", "c")),
        ("meeting", "new", None, ("d",)),
    ]


def test_city_aliases_need_the_catalogue_to_group_new_claims(baseline):
    documents = [
        ("a", _extract("2026", meetings=[{"body": "other", "city": "Astana"}])),
        ("b", _extract("2026", meetings=[{"body": "other", "city": "Nur-Sultan"}])),
    ]
    resolved = _resolved(baseline, *documents)
    assert len(_groups(resolved, baseline)) == 1
    assert len(_groups(resolved)) == 2


def test_ambiguous_claims_that_agree_are_one_group(baseline):
    """Two articles of one year on "the summit in Astana" (four summits met
    there) are one group of ambiguous claims; articles of other years are
    another block (a claim without a date is dated by its article)."""
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
                "2017-07-01",
                meetings=[{"body": "heads-of-state", "city": "Nur-Sultan"}],
            ),
        ),
        (
            "c",
            _extract(
                "2011-06-16", meetings=[{"body": "heads-of-state", "city": "Astana"}]
            ),
        ),
    ]
    resolved = _resolved(baseline, *documents)
    assert _groups(resolved, baseline) == [
        ("meeting", "ambiguous", None, ("a", "b")),
        ("meeting", "ambiguous", None, ("c",)),
    ]
    for _, resolution in resolved:
        assert [c.entity_id for c in resolution.candidates] == [
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
        # a ratification the next year: another block (claims of new texts are
        # blocked by year), as a known text's signing and ratification are
        # two facts
        (
            ("signed", "2019-11-02", "2019-11-05"),
            ("ratified", "2020-05", "2020-05-30"),
            2,
        ),
    ],
)
def test_new_agreements_group_by_title_and_year(baseline, first, second, groups):
    def document(action, date, published):
        agreement = {"title": "Joint Communique", "action": action, "date": date}
        return _extract(published, agreements=[agreement])

    documents = [("a", document(*first)), ("b", document(*second))]
    found = _groups(_resolved(baseline, *documents), baseline)
    assert len(found) == groups
    assert {proposal for _, proposal, _, _ in found} == {"new"}


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
    # the signing is one fact, the ratification another (their blocks name the
    # action: summaries.block_key)
    assert _groups(_resolved(baseline, *documents)) == [
        ("agreement", "link", "extremism-convention", ("a", "b")),
        ("agreement", "link", "extremism-convention", ("c",)),
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
    groups = _groups(_resolved(Catalogue(), *documents))
    assert sorted(ids for *_, ids in groups) == [("a", "b"), ("c",), ("d",)]


def test_new_projects_and_membership_group_by_the_same_rules(baseline):
    # projects of one year (new projects are blocked by year); membership steps
    # by state and event whatever the year
    documents = [
        (
            "a",
            _extract(
                "2024",
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
    assert _groups(_resolved(baseline, *documents), baseline) == [
        ("membership", "new", None, ("a", "b")),
        ("membership", "new", None, ("c",)),
        ("project", "new", None, ("a", "b")),
        ("project", "new", None, ("c",)),
    ]


def test_a_claim_passed_twice_counts_once(baseline):
    extract = _extract("2017", meetings=[{"body": "other", "city": "Tianjin"}])
    resolved = _resolved(baseline, ("a", extract))
    index = GroupIndex(baseline)
    [(claim, resolution)] = resolved
    block = block_key(claim, resolution)
    first, _ = index.join(block, claim)
    assert index.join(block, claim) == (first, ())
    assert index.held == 1


def test_claims_of_different_kinds_never_agree():
    extract = _extract(
        "2017",
        meetings=[{"body": "other", "city": "Astana"}],
        projects=[{"name": "Astana", "countries": []}],
    )
    meeting, project = claims_from_extract("a", extract)
    assert not claims_agree(meeting, project, catalogue=Catalogue())
    assert claims_agree(meeting, meeting, catalogue=Catalogue())


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


@cache
def _baseline_catalogue() -> Catalogue:
    """Read once: building it in every example outlasted hypothesis's deadline
    on a loaded machine."""
    return catalogue_from_baseline(read_baseline())


@given(st.permutations(range(9)))
def test_groups_do_not_depend_on_claim_order(order):
    catalogue = _baseline_catalogue()
    resolved = _resolved(catalogue, *DOCUMENTS)
    assert len(resolved) == 9
    expected = _groups(resolved, catalogue)
    shuffled = _groups([resolved[i] for i in order], catalogue)
    assert shuffled == expected
    # blocks by year: the undated "summit in Astana" of 2017 (b) and of 2026 (c)
    # are two ambiguous groups, the undated Tianjin meeting of a 2017 article (a)
    # is not the 2025 one (c, d)
    assert expected == [
        ("meeting", "ambiguous", None, ("b",)),
        ("meeting", "ambiguous", None, ("c",)),
        ("meeting", "link", "hos-2017", ("a", "b")),
        ("meeting", "new", None, ("a",)),
        ("meeting", "new", None, ("c", "d")),
        ("meeting", "new", None, ("d", "e")),
    ]
