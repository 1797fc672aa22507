"""A binary linear model over named features, and the shipped models.

A candidate's features are a dict of name to value (mostly 1.0); the model's
probability is the logistic of the bias plus the weights of the features it
knows. Unknown features weigh nothing, so a model never fails on new text. Models
are JSON files in `scotrack/data/classifiers/<name>.json`:

    {"name": "membership", "version": 1, "threshold": 0.42, "veto": 0.0,
     "bias": -1.3,
     "weights": {"event=joined|cue=inducted": 1.7, ...}, "trained": {...}}

`trained` records what the model was built from (corpus digest, examples,
cross-validated figures), so a shipped model says where it came from.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from scotrack.errors import InputError

Features = dict[str, float]

FORMAT_VERSION = 1
MODELS = ("membership", "commitments")
"""The models the fact stages load, one per decision."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    name: str
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    trained: dict[str, Any] = field(default_factory=dict)
    veto: float = 0.0
    """A candidate a precise rule found (`candidates.RULE`) is kept unless its
    probability is below this (0: always kept); training chooses it, with the
    threshold, by cross-validation."""

    def probability(self, features: Features) -> float:
        """P(accept) of a candidate with these features."""
        weights = self.weights
        total = self.bias
        # the known features in the candidate's order (the sum's order, so its
        # rounding, stays the same), picked out without a Python step each
        for name in filter(weights.__contains__, features):
            total += weights[name] * features[name]
        if total < -30.0:  # math.exp overflows past ~709; the answer is 0 anyway
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))

    def accepts(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> str:
        """The model file's text: keys sorted and weights rounded, so retraining
        on the same corpus writes the same bytes."""
        payload = {
            "name": self.name,
            "version": FORMAT_VERSION,
            "threshold": round(self.threshold, 4),
            "veto": round(self.veto, 4),
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
            "trained": self.trained,
        }
        return json.dumps(payload, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def model_from_json(text: str, *, where: str) -> LinearModel:
    """A model from its file's text; InputError naming `where` if it is not one."""
    try:
        payload = json.loads(text)
        if payload.get("version") != FORMAT_VERSION:
            raise ValueError(f"version {payload.get('version')!r} is not supported")
        weights = {str(k): float(v) for k, v in payload["weights"].items()}
        return LinearModel(
            name=str(payload["name"]),
            bias=float(payload["bias"]),
            weights=weights,
            threshold=float(payload["threshold"]),
            veto=float(payload.get("veto", 0.0)),
            trained=dict(payload.get("trained") or {}),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(f"{where}: not a scotrack classifier ({err})") from err


@cache
def model(name: str) -> LinearModel:
    """The shipped model `name` (one of MODELS), read once per process."""
    files = resources.files("scotrack.data").joinpath("classifiers")
    text = files.joinpath(f"{name}.json").read_text("utf-8")
    return model_from_json(text, where=f"classifiers/{name}.json")
