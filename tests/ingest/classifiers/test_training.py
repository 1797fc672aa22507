from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.classifiers.linear import LinearModel
from scotrack.ingest.classifiers.training import (
    Example,
    Scored,
    best_threshold,
    figures_at,
    fitted,
    frequent,
    out_of_fold,
)


def _examples() -> list[Example]:
    """Ten pages; on each, a "good" candidate that matches gold, a "bad" one."""
    found = []
    for page in range(10):
        doc = f"p{page}"
        found.append(Example(doc, {"good": 1.0, f"noise{page}": 1.0}, "k1", 0))
        found.append(Example(doc, {"bad": 1.0, f"noise{page}": 1.0}, "k2", None))
    return found


def test_fitting_learns_the_signal_and_drops_page_quirks():
    fit = fitted(_examples())
    assert fit.weights["good"] > 1.0
    assert fit.weights["bad"] < -1.0
    assert not any(name.startswith("noise") for name in fit.weights)


def test_fitting_is_deterministic():
    assert fitted(_examples()) == fitted(_examples())


def test_frequent_counts_documents_not_examples():
    examples = [
        Example("a", {"x": 1.0, "y": 1.0}, 1, None),
        Example("a", {"x": 1.0}, 2, None),
        Example("b", {"y": 1.0}, 3, None),
    ]
    assert frequent(examples, 2) == {"y"}


def test_cross_validation_scores_each_page_with_a_model_that_never_saw_it():
    scored = out_of_fold(_examples(), folds=5)
    assert len(scored) == 20
    good = [s.probability for s in scored if "good" in s.example.features]
    bad = [s.probability for s in scored if "bad" in s.example.features]
    assert min(good) > 0.5 > max(bad)


def test_item_figures_merge_candidates_by_key_and_count_each_gold_once():
    ex = [
        Example("p", {}, "k", 0),
        Example("p", {}, "k", 0),  # same item twice: one prediction
        Example("p", {}, "j", 0),  # another item claiming the same gold: wrong
        Example("p", {}, "z", None),
    ]
    scored = [Scored(0.9, e) for e in ex]
    figures = figures_at(scored, 0.5, gold=2)
    assert (figures.precision, figures.recall) == (1 / 3, 1 / 2)


def test_rule_candidates_need_only_reach_the_veto():
    ex = Example("p", {RULE: 1.0}, "k", 0)
    scored = [Scored(0.1, ex)]
    assert figures_at(scored, 0.5, gold=1).recall == 1.0
    assert figures_at(scored, 0.5, gold=1, veto=0.05).recall == 1.0
    assert figures_at(scored, 0.5, gold=1, veto=0.15).recall == 0.0


def test_best_threshold_is_the_lowest_of_the_plateau():
    # right candidates at 0.9 and 0.3, a wrong one at 0.1: F1 1.0 from 0.15 to
    # 0.3 (the plateau; its middle would be 0.2), 0.8 below, 0.667 above
    scored = [
        Scored(0.9, Example("p", {}, "a", 0)),
        Scored(0.3, Example("p", {}, "b", 1)),
        Scored(0.1, Example("p", {}, "c", None)),
    ]
    best = best_threshold(scored, gold=2)
    assert (best.threshold, best.veto, best.f1) == (0.15, 0.0, 1.0)


def test_best_threshold_vetoes_unlikely_rule_candidates_when_that_pays():
    scored = [
        Scored(0.9, Example("p", {RULE: 1.0}, "a", 0)),
        Scored(0.02, Example("p", {RULE: 1.0}, "b", None)),
        Scored(0.6, Example("p", {}, "c", 1)),
    ]
    best = best_threshold(scored, gold=2)
    assert best.f1 == 1.0
    assert 0.02 < best.veto <= best.threshold <= 0.6


def _rule_candidates(right: int) -> list[Scored]:
    """`right` rule candidates the model is sure of, and one wrong one it doubts."""
    found = [Scored(0.9, Example("p", {RULE: 1.0}, f"r{i}", i)) for i in range(right)]
    return [*found, Scored(0.02, Example("p", {RULE: 1.0}, "w", None))]


def test_a_veto_must_gain_twice_the_noise():
    # 40 right and 1 wrong: vetoing the wrong one gains 0.012 of F1, inside
    # twice the noise, so the rules' candidates are all kept
    kept = best_threshold(_rule_candidates(40), gold=40)
    assert kept.veto == 0.0
    # 20 right and 1 wrong: the veto gains 0.024 and is used
    vetoed = best_threshold(_rule_candidates(20), gold=20)
    assert (vetoed.veto > 0.02, vetoed.f1) == (True, 1.0)


def test_a_model_judges_with_its_threshold():
    m = LinearModel("t", bias=0.0, weights={"good": 3.0}, threshold=0.6)
    assert m.accepts({"good": 1.0})
    assert not m.accepts({})
