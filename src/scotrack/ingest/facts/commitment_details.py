"""A commitment's area and numeric target, from its own words."""

from __future__ import annotations

from scotrack.ingest.document import Item
from scotrack.ingest.facts.areas import first_area, piece_prefixes
from scotrack.ingest.lexicon import commitments as rules

_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_CURRENCIES = {
    "$": "US dollars",
    "US$": "US dollars",
    "\u20ac": "euros",
    "\u00a3": "pounds",
    "\u00a5": "yuan",
}
_DEFAULT_AREA = "political"


def target_of(phrase: str) -> Item | None:
    """{"value", "unit"} for the first quantity the commitment sets, else None."""
    if not rules.DIGIT.search(phrase):  # a cheap first test: every quantity has one
        return None
    for match in rules.NUMBER.finditer(phrase):
        raw = match.group("value").replace(",", "")
        currency, scale = match.group("currency"), match.group("scale")
        unit = rules.UNIT_STOP.sub("", match.group("unit") or "").strip()
        year = rules.YEAR.fullmatch(match.group("value"))
        if not currency and not scale and year:
            continue  # a year
        if rules.NOT_UNITS.match(unit) and not currency:
            continue
        number = float(raw) * _SCALES.get((scale or "").lower(), 1)
        value: int | float = int(number) if number.is_integer() else number
        if currency:
            unit = _CURRENCIES[currency]
        if not unit:
            continue
        return {"value": value, "unit": unit}
    return None


def area_of(
    phrase: str,
    sentence: str,
    following: str,
    *,
    at: int | None = None,
    prefixes: dict[int, set[int]] | None = None,
) -> str:
    """The first area the commitment's words name; else its sentence's; else the
    next sentence's when that one describes the proposal; else political.

    `prefixes` are the sentence's `areas.keyword_prefixes` if known, and `at`
    the phrase's offset in it: the sentence is then searched once for all its
    commitments."""
    if prefixes is not None and at is not None:
        end = at + len(phrase)
        area = first_area(phrase, piece_prefixes(prefixes, at, end))
        area = area or first_area(sentence, prefixes)
    else:
        area = first_area(phrase) or first_area(sentence)
    if area is None and rules.PROPOSAL_REFERENCE.search(following[:60]):
        area = first_area(following)
    return area or _DEFAULT_AREA
