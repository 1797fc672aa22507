import pytest

from scotrack.ingest.classifiers.labels import matches, normalised, target


def test_normalised_is_the_scorers():
    assert normalised("The SCO's  Charter—2002!") == "the sco s charter 2002"
    assert normalised(None) == ""


@pytest.mark.parametrize(
    ("kind", "gold", "item", "expected"),
    [
        (
            "membership",
            {"state": "IND", "event": "joined"},
            {"state": "ind", "event": "joined"},
            True,
        ),
        (
            "membership",
            {"state": "IND", "event": "joined"},
            {"state": "IND", "event": "applied"},
            False,
        ),
        (
            "agreements",
            {"title": "Convention on Countering Extremism", "action": "signed"},
            {"title": "the SCO Convention on Countering Extremism", "action": "signed"},
            True,
        ),
        (
            "agreements",
            {"title": "Convention on Countering Extremism", "action": "signed"},
            {"title": "Convention on Countering Extremism", "action": "ratified"},
            False,
        ),
        (
            "commitments",
            {"actor": "CHN", "text": "provide 1,000 training opportunities"},
            {
                "actor": "CHN",
                "text": "China will provide 1,000 training opportunities to members",
            },
            True,
        ),
        (
            "commitments",
            {"actor": "CHN", "text": "provide 1,000 training opportunities"},
            {"actor": "RUS", "text": "provide 1,000 training opportunities"},
            False,
        ),
    ],
)
def test_matches_follows_the_scorer(kind, gold, item, expected):
    assert matches(kind, gold, item) is expected


def test_target_is_the_first_gold_item_matched():
    golds = [{"state": "PAK", "event": "joined"}, {"state": "IND", "event": "joined"}]
    assert target("membership", golds, {"state": "IND", "event": "joined"}) == 1
    assert target("membership", golds, {"state": "IRN", "event": "joined"}) is None


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="no matching rule"):
        matches("areas", {}, {})
