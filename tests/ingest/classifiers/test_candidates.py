from scotrack.ingest.classifiers.candidates import RULE, Candidate, aggregated, kept
from scotrack.ingest.classifiers.linear import LinearModel


def _c(key, features, date=None, evidence=((0, 1),)):
    item = {"state": key, "date": date, "evidence": [list(e) for e in evidence]}
    return Candidate(item, dict(features), key)


def test_aggregated_merges_a_key_features_dates_and_evidence():
    merged = aggregated(
        [
            _c("IND", {"a": 1.0, "w": 0.2}, evidence=((5, 9),)),
            _c("PAK", {"b": 1.0}),
            _c("IND", {"c": 1.0, "w": 0.7}, date="2017", evidence=((0, 3),)),
        ]
    )
    assert [c.key for c in merged] == ["IND", "PAK"]
    india = merged[0]
    assert india.features == {"a": 1.0, "c": 1.0, "w": 0.7, "mentions=2": 1.0}
    assert india.item["date"] == "2017"
    assert india.item["evidence"] == [[0, 3], [5, 9]]


def test_kept_keeps_what_the_model_accepts_and_rule_hits_if_asked():
    model = LinearModel("t", bias=0.0, weights={"good": 5.0, "bad": -5.0})
    candidates = [
        _c("A", {"good": 1.0}),
        _c("B", {"bad": 1.0}),
        _c("C", {"bad": 1.0, RULE: 1.0}),
    ]
    assert [c.key for c in kept(candidates, model)] == ["A", "C"]
    judged = LinearModel("t", 0.0, model.weights, veto=0.5)
    candidates = [_c("A", {"good": 1.0}), _c("C", {"bad": 1.0, RULE: 1.0})]
    assert [c.key for c in kept(candidates, judged)] == ["A"]


def test_kept_keeps_the_likeliest_of_a_key_with_all_evidence():
    model = LinearModel("t", bias=0.0, weights={"good": 5.0})
    first = _c("A", {"good": 0.2}, evidence=((0, 1),))
    second = _c("A", {"good": 1.0}, evidence=((4, 6),))
    (best,) = kept([first, second], model)
    assert best is second
    assert best.item["evidence"] == [[0, 1], [4, 6]]
