import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.domain import vocab
from scotrack.errors import InputError
from scotrack.ingest.claims.claim import (
    ExtractedClaim,
    PersonTag,
    claim_key,
    claims_from_extract,
    document_tags,
)
from scotrack.ingest.claims.claim_fields import FIELDS
from scotrack.ingest.output import to_extract_json
from scotrack.ingest.pipeline import ExtractOptions, extract_file

DEV_DOCS = Path(__file__).parents[2] / "data" / "dev" / "docs"

MEETING = {
    "body": "heads-of-state",
    "number": 17,
    "date": "2017-06-09",
    "city": "Astana",
    "country": "KAZ",
    "format": "in-person",
    "evidence": [[10, 30]],
}
AGREEMENT = {
    "title": "SCO Convention on Countering Extremism",
    "action": "signed",
    "date": "2017-06",
    "place": "Astana",
    "parties": ["KAZ", "CHN"],
    "evidence": [[40, 78]],
}
COMMITMENT = {
    "actor": "CHN",
    "speaker": "Xi Jinping",
    "kind": "pledge",
    "area": "people-to-people",
    "text": "China will provide 1,000 training opportunities",
    "target": {"value": 1000, "unit": "training opportunities"},
    "evidence": [[100, 147]],
}
PROJECT = {
    "name": "China-Kyrgyzstan-Uzbekistan railway",
    "sector": "transport",
    "countries": ["UZB", "CHN", "KGZ"],
    "status": "underway",
    "evidence": [[200, 235]],
}
MEMBERSHIP = {
    "state": "IND",
    "event": "joined",
    "date": "2017-06",
    "evidence": [[5, 9]],
}
ITEMS = {
    "meetings": MEETING,
    "agreements": AGREEMENT,
    "commitments": COMMITMENT,
    "projects": PROJECT,
    "membership": MEMBERSHIP,
}


def _extract(**lists):
    extract = {
        "schema": "sco-extract/1",
        "document": {"title": "T", "published": "2017-06-16", "source": "X"},
        "states": ["CHN", "KAZ"],
        "people": [{"name": "Xi Jinping", "role": "President", "state": "CHN"}],
        "areas": ["security"],
    }
    extract.update({name: copy.deepcopy(items) for name, items in lists.items()})
    return extract


def _full_extract():
    return _extract(**{name: [item] for name, item in ITEMS.items()})


# one claim per item


def test_claims_from_extract_gives_one_claim_per_item_and_none_for_tags():
    claims = claims_from_extract("d1", _full_extract())
    assert [claim.kind for claim in claims] == list(vocab.CLAIM_LISTS.values())
    assert {claim.document_id for claim in claims} == {"d1"}


@pytest.mark.parametrize(
    ("list_name", "kind", "payload"),
    [
        (
            "meetings",
            "meeting",
            {
                "body": "heads-of-state",
                "number": 17,
                "date": "2017-06-09",
                "city": "Astana",
                "country": "KAZ",
                "format": "in-person",
            },
        ),
        (
            "agreements",
            "agreement",
            {
                "title": "SCO Convention on Countering Extremism",
                "action": "signed",
                "date": "2017-06",
                "place": "Astana",
                "parties": ["CHN", "KAZ"],
            },
        ),
        (
            "commitments",
            "commitment",
            {
                "actor": "CHN",
                "speaker": "Xi Jinping",
                "kind": "pledge",
                "area": "people-to-people",
                "text": "China will provide 1,000 training opportunities",
                "target": {"value": 1000, "unit": "training opportunities"},
            },
        ),
        (
            "projects",
            "project",
            {
                "name": "China-Kyrgyzstan-Uzbekistan railway",
                "sector": "transport",
                "countries": ["CHN", "KGZ", "UZB"],
                "status": "underway",
            },
        ),
        (
            "membership",
            "membership",
            {"state": "IND", "event": "joined", "date": "2017-06"},
        ),
    ],
)
def test_claim_payload_is_the_item_without_evidence(list_name, kind, payload):
    [claim] = claims_from_extract("d1", _extract(**{list_name: [ITEMS[list_name]]}))
    assert claim.kind == kind
    assert claim.payload == payload
    assert claim.evidence == tuple(tuple(s) for s in ITEMS[list_name]["evidence"])
    assert claim.published == "2017-06-16"


def test_agreement_claims_are_one_per_action():
    ratified = {**AGREEMENT, "action": "ratified", "date": "2018-01"}
    claims = claims_from_extract("d1", _extract(agreements=[AGREEMENT, ratified]))
    assert [c.payload["action"] for c in claims] == ["signed", "ratified"]
    assert claims[0].key != claims[1].key


def test_missing_optional_fields_are_null_and_unknown_fields_dropped():
    item = {"body": "other", "evidence": [], "confidence": 0.3}
    [claim] = claims_from_extract("d1", _extract(meetings=[item]))
    assert claim.payload == dict.fromkeys(FIELDS["meeting"]) | {"body": "other"}
    assert claim.evidence == ()
    item = {"title": "Charter", "action": "signed", "evidence": []}
    [claim] = claims_from_extract("d1", _extract(agreements=[item]))
    assert claim.payload["parties"] == []


def test_the_same_item_twice_is_one_claim_with_both_spans():
    again = {**MEETING, "evidence": [[300, 310]]}
    [claim] = claims_from_extract("d1", _extract(meetings=[MEETING, again]))
    assert claim.evidence == ((10, 30), (300, 310))


def test_unparseable_published_date_is_dropped_not_fatal():
    extract = _extract(membership=[MEMBERSHIP])
    extract["document"]["published"] = "Friday"
    [claim] = claims_from_extract("d1", extract)
    assert claim.published is None


# keys


def test_claim_key_is_pinned():
    """Stored claims are matched by key on re-ingest: a changed canonical form must
    be a deliberate, migrated change."""
    payload = {"state": "IND", "event": "joined", "date": "2017-06"}
    assert claim_key("d1", "membership", payload) == "00f68ffd20eb605f723396cb9a5a0b29"


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda e: e["agreements"][0]["parties"].reverse(), True),
        (lambda e: e["agreements"][0].update(evidence=[[0, 1]]), True),
        (
            lambda e: e["agreements"][0].update(title=" " + AGREEMENT["title"] + " "),
            True,
        ),
        (lambda e: e["agreements"][0]["parties"].append("KAZ"), True),
        (lambda e: e["agreements"][0].update(note="extra field"), True),
        (lambda e: e["document"].update(published="2020"), True),
        (lambda e: e["agreements"][0].update(action="ratified"), False),
        (lambda e: e["agreements"][0].update(date="2017"), False),
        (lambda e: e["agreements"][0]["parties"].append("RUS"), False),
        (lambda e: e["agreements"][0].update(title="SCO Charter"), False),
    ],
)
def test_claim_key_changes_only_with_the_fact(change, same):
    extract = _extract(agreements=[AGREEMENT])
    [before] = claims_from_extract("d1", extract)
    change(extract)
    [after] = claims_from_extract("d1", extract)
    assert (before.key == after.key) is same


def test_claim_key_depends_on_document_and_kind():
    payload = {"state": "IND", "event": "joined", "date": None}
    keys = {
        claim_key("d1", "membership", payload),
        claim_key("d2", "membership", payload),
        claim_key("d1", "project", payload),
    }
    assert len(keys) == 3


def test_claim_key_is_computed_not_passed():
    claim = ExtractedClaim("d1", "membership", {"state": "IND"}, ())
    assert claim.key == claim_key("d1", "membership", {"state": "IND"})
    with pytest.raises(TypeError):
        ExtractedClaim("d1", "membership", {}, (), key="x")  # type: ignore[call-arg]


def test_whole_number_floats_key_like_ints():
    as_float = {**COMMITMENT, "target": {"value": 1000.0, "unit": "x"}}
    as_int = {**COMMITMENT, "target": {"value": 1000, "unit": "x"}}
    [one] = claims_from_extract("d1", _extract(commitments=[as_float]))
    [two] = claims_from_extract("d1", _extract(commitments=[as_int]))
    assert one.key == two.key


codes = st.sampled_from(["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK"])
dates = st.none() | st.sampled_from(["2017", "2017-06", "2017-06-09", "2024-07-04"])
words = st.text("abcdefgh ", min_size=1, max_size=12).filter(str.strip)
spans = st.lists(
    st.tuples(st.integers(0, 50), st.integers(0, 50)).map(sorted).map(list),
    max_size=3,
)
meetings = st.fixed_dictionaries(
    {
        "body": st.sampled_from(vocab.MEETING_BODIES),
        "number": st.none() | st.integers(1, 30),
        "date": dates,
        "city": st.none() | words,
        "evidence": spans,
    }
)
agreements = st.fixed_dictionaries(
    {
        "title": words,
        "action": st.sampled_from(vocab.AGREEMENT_ACTIONS),
        "date": dates,
        "parties": st.lists(codes, max_size=4),
        "evidence": spans,
    }
)
projects = st.fixed_dictionaries(
    {
        "name": words,
        "sector": st.none() | st.sampled_from(vocab.SECTORS),
        "countries": st.lists(codes, max_size=4),
        "evidence": spans,
    }
)
memberships = st.fixed_dictionaries(
    {
        "state": codes,
        "event": st.sampled_from(vocab.MEMBERSHIP_EVENTS),
        "date": dates,
        "evidence": spans,
    }
)


def _shuffled(extract, rng):
    """The same facts, listed in another order, keys reordered, spans moved."""
    out = {}
    for name, value in reversed(list(extract.items())):
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = []
            for item in value:
                fields = list(item.items())
                rng.shuffle(fields)
                item = dict(fields)
                for field in ("parties", "countries"):
                    if field in item:
                        item[field] = rng.sample(item[field], len(item[field]))
                item["evidence"] = [[0, 0]]
                items.append(item)
            rng.shuffle(items)
            out[name] = items
        else:
            out[name] = value
    return out


@given(
    st.lists(meetings, max_size=4),
    st.lists(agreements, max_size=4),
    st.lists(projects, max_size=4),
    st.lists(memberships, max_size=4),
    st.randoms(use_true_random=False),
)
def test_claim_keys_ignore_order_and_evidence(
    meeting_items, agreement_items, project_items, membership_items, rng
):
    extract = _extract(
        meetings=meeting_items,
        agreements=agreement_items,
        projects=project_items,
        membership=membership_items,
    )
    keys = {claim.key for claim in claims_from_extract("d1", extract)}
    again = {claim.key for claim in claims_from_extract("d1", _shuffled(extract, rng))}
    assert again == keys
    assert not keys & {claim.key for claim in claims_from_extract("d2", extract)}


@given(st.lists(memberships, min_size=1, max_size=6))
def test_claim_keys_are_stable_across_calls(items):
    extract = _extract(membership=items)
    first = [claim.key for claim in claims_from_extract("d1", extract)]
    assert first == [claim.key for claim in claims_from_extract("d1", extract)]
    assert len(set(first)) == len(first)


# validation


@pytest.mark.parametrize(
    ("list_name", "change", "message"),
    [
        (
            "meetings",
            {"body": "summit"},
            r"meetings\[0\]\.body: 'summit' is not one of",
        ),
        ("meetings", {"body": None}, r"meetings\[0\]\.body: None"),
        ("meetings", {"date": "June 2017"}, r"meetings\[0\]\.date: date 'June 2017'"),
        ("meetings", {"date": "2017-02-30"}, r"meetings\[0\]\.date: .*impossible"),
        ("meetings", {"number": 0}, r"meetings\[0\]\.number: 0 is not a positive"),
        ("meetings", {"number": True}, r"meetings\[0\]\.number"),
        ("meetings", {"format": "zoom"}, r"meetings\[0\]\.format: 'zoom'"),
        ("meetings", {"country": "Kazakhstan"}, r"meetings\[0\]\.country"),
        ("agreements", {"action": "approved"}, r"agreements\[0\]\.action: 'approved'"),
        ("agreements", {"title": "  "}, r"agreements\[0\]\.title: '  ' is not a"),
        ("agreements", {"parties": ["China"]}, r"agreements\[0\]\.parties: 'China'"),
        ("agreements", {"parties": "CHN"}, r"agreements\[0\]\.parties: 'CHN' is not"),
        ("commitments", {"actor": "China"}, r"commitments\[0\]\.actor: 'China'"),
        ("commitments", {"kind": "promise"}, r"commitments\[0\]\.kind: 'promise'"),
        ("commitments", {"area": "sport"}, r"commitments\[0\]\.area: 'sport'"),
        ("commitments", {"target": {"value": "many"}}, r"commitments\[0\]\.target"),
        ("commitments", {"text": None}, r"commitments\[0\]\.text: None"),
        ("projects", {"sector": "mining"}, r"projects\[0\]\.sector: 'mining'"),
        ("projects", {"status": "done"}, r"projects\[0\]\.status: 'done'"),
        ("membership", {"event": "expelled"}, r"membership\[0\]\.event: 'expelled'"),
        ("membership", {"state": None}, r"membership\[0\]\.state: None"),
        ("membership", {"evidence": [[9, 5]]}, r"membership\[0\]\.evidence: \[9, 5\]"),
        ("membership", {"evidence": [[1]]}, r"membership\[0\]\.evidence: \[1\]"),
        ("membership", {"evidence": "0-5"}, r"membership\[0\]\.evidence: '0-5'"),
    ],
)
def test_bad_item_raises_naming_the_field(list_name, change, message):
    item = {**ITEMS[list_name], **change}
    with pytest.raises(InputError, match=message):
        claims_from_extract("d1", _extract(**{list_name: [item]}))


def test_sco_is_an_actor():
    sco = {**COMMITMENT, "actor": "SCO"}
    [claim] = claims_from_extract("d1", _extract(commitments=[sco]))
    assert claim.payload["actor"] == "SCO"


def test_item_without_evidence_is_refused():
    item = {k: v for k, v in MEMBERSHIP.items() if k != "evidence"}
    with pytest.raises(InputError, match=r"membership\[0\]\.evidence: missing"):
        claims_from_extract("d1", _extract(membership=[item]))


def test_every_problem_is_listed_in_one_error():
    bad = _extract(
        meetings=[MEETING, {**MEETING, "body": "summit"}],
        projects=[{**PROJECT, "sector": "mining", "status": "done"}],
    )
    with pytest.raises(InputError, match="3 problems") as info:
        claims_from_extract("d9", bad)
    text = str(info.value)
    assert "'d9'" in text
    for where in ("meetings[1].body", "projects[0].sector", "projects[0].status"):
        assert where in text


@pytest.mark.parametrize(
    ("extract", "message"),
    [
        ({"schema": "sco-extract/2"}, "schema: 'sco-extract/2' is not 'sco-extract/1'"),
        ({}, "schema: None"),
        ({"schema": "sco-extract/1", "meetings": {"body": "x"}}, "meetings: expected"),
        ({"schema": "sco-extract/1", "projects": ["x"]}, "projects: expected"),
    ],
)
def test_malformed_extract_raises(extract, message):
    with pytest.raises(InputError, match=message):
        claims_from_extract("d1", extract)


def test_empty_extract_gives_no_claims():
    assert claims_from_extract("d1", {"schema": "sco-extract/1"}) == []


# document tags


def test_document_tags_are_states_people_and_areas():
    extract = _full_extract()
    extract["states"] = ["CHN", "KAZ", "CHN"]
    tags = document_tags(extract)
    assert tags.states == ("CHN", "KAZ")
    assert tags.people == (PersonTag("Xi Jinping", "President", "CHN"),)
    assert tags.areas == ("security",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"areas": ["sport"]}, "areas: 'sport' is not one of"),
        ({"states": ["China"]}, "states: 'China' is not a state code"),
        ({"states": "CHN"}, "states: expected a list of strings"),
        ({"people": [{"name": "", "role": None}]}, r"people\[0\]\.name"),
        ({"people": [{"name": "Li", "state": "prc"}]}, r"people\[0\]\.state: 'prc'"),
    ],
)
def test_bad_tags_raise_naming_the_field(change, message):
    with pytest.raises(InputError, match=message):
        document_tags({**_extract(), **change})


# the extractor's own output


def test_every_dev_document_extract_gives_valid_claims():
    """The extractor writes only the schema's value sets: this module's contract."""
    kinds = set()
    for path in sorted(DEV_DOCS.iterdir()):
        for doc in extract_file(path, ExtractOptions()):
            extract = to_extract_json(doc)
            kinds |= {claim.kind for claim in claims_from_extract(doc.id, extract)}
            document_tags(extract)
    assert kinds == set(vocab.CLAIM_LISTS.values())
