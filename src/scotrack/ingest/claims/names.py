"""Fuzzy likeness of names and texts, and city aliases, for entity resolution.

The name functions are pure and cached: the same titles meet again and again
when many articles name the same agreements.

rapidfuzz's token-set and partial similarity forgive a shorter or longer form of
one name, which is what makes "the Charter" find the SCO Charter; they also call
"SCO agreement on trade facilitation" 88% like the road-transport facilitation
agreement. So a name pair in which *both* sides have words the other lacks is
penalised: different things named alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, utils

from scotrack.data import City
from scotrack.ingest.lexicon import claims as rules

WORD_CLASH_PENALTY = 25
"""Both names have words the other lacks ("trade" vs "road transport"; "2025" vs
"2035"), or two texts give different numbers: takes a 90 under every link threshold."""
NUMBER_GAP_PENALTY = 10
"""A number only one name has (the years in "Development Strategy for 2026-2035" vs
"SCO development strategy"): the other is vaguer, so an exact name ranks first."""
WORD_MATCH = 80
"""Words this similar are one word (neighbourliness/neighborliness 97, drug/drugs 89,
defence/defense 86; extremism/terrorism is 56, highway/railway 57)."""
NAME_NOISE = frozenset(
    {
        *("the", "of", "on", "in", "and", "for", "to", "a", "an", "among", "between"),
        *("sco", "member", "states", "governments"),
    }
)
"""Words dropped before comparing names: they are in almost every SCO title."""


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """`name` lower-cased, without punctuation, the organization's name or noise."""
    text = rules.ORGANISATION_NAME.sub(" ", utils.default_process(name))
    return " ".join(word for word in text.split() if word not in NAME_NOISE)


@lru_cache(maxsize=65536)
def name_similarity(query: str, name: str) -> tuple[int, str | None]:
    """0-100 and, when a penalty applies, a note saying why.

    The mean of token-set, partial and token-sort similarity of the name keys: the
    first two forgive a shorter or longer form of one name ("the Charter"), the
    third ranks an exact alias above a longer name that merely contains the query
    ("Convention against Terrorism" inside the Shanghai Convention's alias).
    Penalties: words on both sides that the other lacks (WORD_CLASH_PENALTY), else
    numbers on one side only (NUMBER_GAP_PENALTY).
    """
    left, right = name_key(query), name_key(name)
    if not left or not right:
        return 0, None
    mean = (
        fuzz.token_set_ratio(left, right)
        + fuzz.partial_ratio(left, right)
        + fuzz.token_sort_ratio(left, right)
    ) / 3
    only_left, only_right = unmatched_words(left.split(), right.split())
    if only_left and only_right:
        clash = f"{' '.join(only_left)!r} vs {' '.join(only_right)!r}"
        return max(0, round(mean) - WORD_CLASH_PENALTY), (
            f"{clash} -{WORD_CLASH_PENALTY}"
        )
    gap = [word for word in only_left + only_right if word.isdigit()]
    if gap:
        note = f"{' '.join(gap)!r} on one side only -{NUMBER_GAP_PENALTY}"
        return max(0, round(mean) - NUMBER_GAP_PENALTY), note
    return round(mean), None


def token_set_similarity(query: str, name: str) -> int:
    """Token-set similarity of the name keys (the scorer's rule for projects)."""
    return round(fuzz.token_set_ratio(name_key(query), name_key(name)))


def unmatched_words(left: list[str], right: list[str]) -> tuple[list[str], list[str]]:
    """The words of each list with no like word in the other (numbers must be equal)."""

    def alike(word: str, other: str) -> bool:
        if word.isdigit() or other.isdigit():
            return word == other
        return word == other or fuzz.ratio(word, other) >= WORD_MATCH

    only_left = [w for w in left if not any(alike(w, o) for o in right)]
    only_right = [w for w in right if not any(alike(w, o) for o in left)]
    return only_left, only_right


@lru_cache(maxsize=65536)
def surface_similarity(text: str, other: str) -> int:
    """Plain similarity, case and punctuation ignored: breaks ties between names
    with the same key ("SCO anti-extremism convention", "anti-extremism convention")."""
    return round(fuzz.ratio(utils.default_process(text), utils.default_process(other)))


def text_similarity(text: str, other: str) -> int:
    """Partial similarity of two texts, case and punctuation ignored."""
    return round(fuzz.partial_ratio(text, other, processor=utils.default_process))


def numbers(text: str) -> frozenset[str]:
    """The numbers `text` states, without thousands separators ("1,000" -> "1000")."""
    return frozenset(number.replace(",", "") for number in rules.NUMBER.findall(text))


_CITY_KEYS: dict[int, tuple[Sequence[City], dict[str, str]]] = {}
"""city_keys by the identity of the city list (which is kept alive beside it): one
catalogue's list is asked for its keys once per claim resolved."""


def city_keys(cities: Sequence[City]) -> dict[str, str]:
    """Every name and alias of each city (case-folded) -> the city's own name."""
    cached = _CITY_KEYS.get(id(cities))
    if cached is not None and cached[0] is cities:
        return cached[1]
    keys = {
        alias.casefold(): city.name.casefold()
        for city in cities
        for alias in (city.name, *city.aliases)
    }
    if len(_CITY_KEYS) > 64:  # a few catalogues live at a time
        _CITY_KEYS.clear()
    _CITY_KEYS[id(cities)] = (cities, keys)
    return keys


def city_key(name: str, cities: dict[str, str]) -> str:
    key = name.strip().casefold()
    return cities.get(key, key)
