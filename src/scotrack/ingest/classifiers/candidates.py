"""What a fact stage proposes to its model: candidate items with their features."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from scotrack.ingest.classifiers.linear import Features, LinearModel
from scotrack.ingest.document import Item


@dataclass(slots=True)
class Candidate:
    """An item the rules found, the features the model judges it by, and its key:
    candidates with one key become one item (the best of them, evidence merged)."""

    item: Item
    features: Features
    key: Hashable
    probability: float = 0.0


_NONE = float("-inf")
"""Below every feature's value."""


def aggregated(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per key, in the order keys first occur: its features are
    every feature of the key's candidates (the largest value of each), plus how
    many there were; its item is the first candidate's, dated by the first that
    has a date, with the evidence of all. A model judges what the whole document
    says of an item, not one sentence alone."""
    groups: dict[Hashable, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.key, []).append(candidate)
    merged: list[Candidate] = []
    for key, group in groups.items():
        features = _copied(group[0].features)
        known = features.get
        for candidate in group[1:]:
            for name, value in candidate.features.items():
                if value > known(name, _NONE):
                    features[name] = value
        features[f"mentions={min(len(group), 4)}"] = 1.0
        item = dict(group[0].item)
        dated = next((c.item.get("date") for c in group if c.item.get("date")), None)
        if "date" in item and item["date"] is None:
            item["date"] = dated
        spans: list[list[int]] = []
        for candidate in group:
            spans += [s for s in candidate.item.get("evidence", []) if s not in spans]
        item["evidence"] = sorted(spans)
        merged.append(Candidate(item, features, key))
    return merged


def _copied(features: Features) -> Features:
    """The features whose values exceed _NONE (as the loop of `aggregated` keeps
    them): usually all of them, copied at once."""
    values = set(features.values())
    if _NONE not in values and all(value == value for value in values):  # no NaN
        return dict(features)
    return {name: value for name, value in features.items() if value > _NONE}


RULE = "rule=True"
"""The feature of a candidate a precise rule found. A model that keeps rules'
candidates unless they are very unlikely (`LinearModel.veto`) mostly adds to what the
rules know (#11)."""


def kept(candidates: Iterable[Candidate], model: LinearModel) -> list[Candidate]:
    """One candidate per key, the likeliest, among those the model accepts (a
    candidate a precise rule found, `RULE`, need only reach the model's veto);
    in the order their keys first occur. Evidence
    of the accepted candidates of a key is merged into the one kept."""
    best: dict[Hashable, Candidate] = {}
    evidence: dict[Hashable, list[list[int]]] = {}
    for candidate in candidates:
        candidate.probability = model.probability(candidate.features)
        limit = model.veto if RULE in candidate.features else model.threshold
        if candidate.probability < limit:
            continue
        known = best.get(candidate.key)
        spans = evidence.setdefault(candidate.key, [])
        spans += [s for s in candidate.item.get("evidence", []) if s not in spans]
        if known is None or candidate.probability > known.probability:
            best[candidate.key] = candidate
    for key, candidate in best.items():
        candidate.item["evidence"] = sorted(evidence[key])
    return list(best.values())
