import json

import pytest

from scotrack.errors import InputError
from scotrack.ingest.classifiers.linear import (
    MODELS,
    LinearModel,
    model,
    model_from_json,
)


def test_probability_is_the_logistic_of_the_known_weights():
    m = LinearModel(name="t", bias=0.0, weights={"a": 2.0, "b": -1.0})
    assert m.probability({}) == pytest.approx(0.5)
    assert m.probability({"a": 1.0, "unknown": 5.0}) == pytest.approx(0.8808, abs=1e-4)
    assert m.probability({"a": 1.0, "b": 1.0}) == pytest.approx(0.7311, abs=1e-4)


def test_probability_never_overflows():
    m = LinearModel(name="t", bias=-1000.0, weights={})
    assert m.probability({}) == 0.0
    assert LinearModel(name="t", bias=1000.0, weights={}).probability({}) == 1.0


def test_accepts_at_the_threshold():
    m = LinearModel(name="t", bias=0.0, weights={}, threshold=0.5)
    assert m.accepts({})
    assert not LinearModel(name="t", bias=-0.1, weights={}, threshold=0.5).accepts({})


def test_a_model_survives_its_file_and_writes_the_same_bytes():
    m = LinearModel(
        name="t",
        bias=0.1234567,
        weights={"b": 1.0, "a": -0.5},
        threshold=0.35,
        trained={"pages": 3},
        veto=0.25,
    )
    text = m.to_json()
    again = model_from_json(text, where="t.json")
    assert again.to_json() == text
    assert again.veto == 0.25
    assert list(json.loads(text)["weights"]) == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    ["not json", "[]", '{"version": 99}', '{"version": 1, "name": "x"}'],
)
def test_a_broken_model_file_is_one_clear_error(text):
    with pytest.raises(InputError, match=r"^m\.json: not a scotrack classifier"):
        model_from_json(text, where="m.json")


@pytest.mark.parametrize("name", MODELS)
def test_every_stage_model_ships_with_the_package(name):
    shipped = model(name)
    assert shipped.name == name
    assert shipped.weights
    assert 0.0 < shipped.threshold < 1.0
    assert shipped.trained["pages"] > 0
