"""The gazetteer behind `mentions`: one Aho-Corasick automaton over every name.

Built once per process, on first use, from the shipped data files (states,
cities, bodies, initiatives, people), the word lists below (regions, office
titles, phrases that hold a state's name without naming it) and the outlets of
`lexicon.sources`. Keys are matched on lower-cased text; an `exact` entry must
also match as written (or in capitals, as in headlines and datelines). The same
pass finds the cue words `people` needs (see `Gazetteer`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import ahocorasick

from scotrack import data
from scotrack.ingest.entities.spelling import (
    KnownPeople,
    Person,
    Role,
    without_honorifics,
)
from scotrack.ingest.lexicon import names
from scotrack.ingest.lexicon.sources import OUTLETS

REGIONS = (
    "Central Asia",
    "Central Asian",
    "South Asia",
    "South Asian",
    "West Asia",
    "Western Asia",
    "East Asia",
    "East Asian",
    "Southeast Asia",
    "Southeast Asian",
    "North Africa",
    "Middle East",
    "Middle Eastern",
    "Eurasia",
    "Eurasian",
    "Asia-Pacific",
    "Asia Pacific",
    "Asia",
    "Asian",
    "Europe",
    "European",
    "Africa",
    "African",
    "Caucasus",
    "South Caucasus",
    "Persian Gulf",
    "Gulf",
    "Latin America",
    "Indo-Pacific",
    "Arctic",
    "Balkans",
    "Eastern Europe",
    "Greater Eurasia",
    "Eurasian continent",
)
OFFICES = {
    "President": "President",
    "Vice President": "Vice President",
    "Vice-President": "Vice President",
    "Premier": "Premier",
    "Vice Premier": "Vice Premier",
    "Prime Minister": "Prime Minister",
    "Deputy Prime Minister": "Deputy Prime Minister",
    "First Deputy Prime Minister": "First Deputy Prime Minister",
    "Foreign Minister": "Foreign Minister",
    "Minister of Foreign Affairs": "Foreign Minister",
    "External Affairs Minister": "External Affairs Minister",
    "Minister of External Affairs": "External Affairs Minister",
    "Defence Minister": "Defence Minister",
    "Defense Minister": "Defence Minister",
    "Minister of Defence": "Defence Minister",
    "Minister of Defense": "Defence Minister",
    "Minister of National Defense": "Defence Minister",
    "Foreign Secretary": "Foreign Secretary",
    "Secretary-General": "Secretary-General",
    "Secretary General": "Secretary-General",
    "Deputy Secretary-General": "Deputy Secretary-General",
    "General Secretary": "General Secretary",
    "Chairman": "Chairman",
    "Chairperson": "Chairperson",
    "Speaker": "Speaker",
    "Parliament Speaker": "Speaker",
    "King": "King",
    "Emir": "Emir",
    "Amir": "Emir",
    "Crown Prince": "Crown Prince",
    "Sultan": "Sultan",
    "Chancellor": "Chancellor",
    "Supreme Leader": "Supreme Leader",
    "State Councilor": "State Councilor",
    "State Councillor": "State Councilor",
    "Ambassador": "Ambassador",
    "Spokesperson": "Spokesperson",
    "Spokesman": "Spokesman",
    "Interior Minister": "Interior Minister",
    "Finance Minister": "Finance Minister",
    "Trade Minister": "Trade Minister",
    "Commerce Minister": "Commerce Minister",
    "Energy Minister": "Energy Minister",
    "Economy Minister": "Economy Minister",
}
"""Office titles as printed, mapped to one spelling; matched in any case."""
ORGANIZATION = (
    "Shanghai Cooperation Organization",
    "Shanghai Cooperation Organisation",
)
NOT_STATES = (
    "Indian Ocean",
    "West Indian",
    "American Indian",
    "Turkish delight",
    "New Mexico",
    "New England",
    "New Jersey",
    "Georgia Tech",
    "Guinea pig",
    "Chinese Taipei",
    "Indochina",
    "Hong Kong dollar",
)
"""Phrases that hold a state's name or adjective without naming the state."""
PERSON_PRONE = frozenset({"Georgia", "Jordan", "Chad", "Turkey", "Israel", "India"})
"""State names that are also given names: not a state inside a person's name."""
_KIND_RANK = {
    "person": 0,
    "state": 1,
    "organization": 2,
    "body": 3,
    "initiative": 4,
    "office": 5,
    "city": 6,
    "region": 7,
    "skip": 8,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer key: `surface` as written, the mention it makes, case rule."""

    surface: str
    kind: str
    value: str
    state: str | None = None
    exact: bool = True
    person_prone: bool = False

    @property
    def rank(self) -> int:
        return _KIND_RANK.get(self.kind, 9)


Key = tuple[int, int, tuple[str, ...] | None, Entry]
"""What the automaton holds for an entry, worked out once: the length of its
surface, its rank, the spellings it accepts (None: any case) and the entry."""


def _key(entry: Entry) -> Key:
    spellings = (entry.surface, entry.surface.upper()) if entry.exact else None
    return len(entry.surface), entry.rank, spellings, entry


Hit = tuple[int, int, int, int, Entry]
"""An entry found in a text: (start, start - end, rank, sequence number, entry)."""
Spans = list[tuple[int, int]]


class Scan(NamedTuple):
    """What one pass of the automaton over a text finds."""

    hits: list[Hit]
    """Every entry found at word boundaries, case rules applied, in the
    automaton's order (numbered in that order)."""
    cues: tuple[Spans, ...]
    """For each group of cue words, (start, end) of each occurrence of one of
    them as written, inside words too, by end (see `Gazetteer`)."""


class Gazetteer:
    """The automaton over every name, and the known people by name and alias.

    The automaton also holds groups of cue words (`cues`, matched as written),
    so that the pass that finds the names finds them too: `people` looks for
    names after title words and around verbs of saying."""

    def __init__(
        self,
        entries: list[Entry],
        people: KnownPeople,
        cues: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        """Lower-case key -> a tuple of `Key`s, one per entry, in entry order,
        and a tuple of the cue words it is, as (group number, word)."""
        keyed: dict[str, list[Entry]] = {}
        for entry in entries:
            keyed.setdefault(entry.surface.lower(), []).append(entry)
        cued: dict[str, list[tuple[int, str]]] = {}
        for number, words in enumerate(cues):
            for word in words:
                cued.setdefault(word.lower(), []).append((number, word))
        for key in {**keyed, **cued}:
            bucket = tuple(map(_key, keyed.get(key, ())))
            self.automaton.add_word(key, (bucket, tuple(cued.get(key, ()))))
        self.automaton.make_automaton()
        self._cue_groups = len(cues)
        self._last: tuple[str, Scan] | None = None
        self.people = people
        """The known people, by any spelling (see `spelling`)."""
        self.surname_first = frozenset(
            surname
            for surname, persons in people.surnames.items()
            if any(p.name.split()[0] == surname for p in persons)
        )
        """Surnames written before the given name ("Li", "Xi")."""
        self.capitals = {
            r["capital"]: r["code"] for r in _records("states") if r.get("capital")
        }
        """Capital city name -> the code of the state it is the capital of."""
        self.cities = {
            name.casefold(): r["name"]
            for r in _records("cities")
            for name in (r["name"], *r.get("aliases", ()))
        }
        self.cities.update({c.casefold(): c for c in self.capitals})
        """Any spelling of a city, lower case -> the city's name."""

    def scan(self, text: str) -> Scan:
        """The entries and cue words of `text` (see `Scan`), found on its lower
        case; remembered for the last text (`mentions` and `people` both ask)."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        folded = text.lower()
        if len(folded) != len(text):  # a few characters change length when lowered
            folded = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        padded = text + " "  # padded[-1] and padded[len(text)] are not word characters
        hits: list[Hit] = []
        cues: tuple[Spans, ...] = tuple([] for _ in range(self._cue_groups))
        for last, (keys, cued) in self.automaton.iter(folded):
            end = last + 1
            if cued:
                for number, word in cued:
                    if text.startswith(word, end - len(word)):
                        cues[number].append((end - len(word), end))
            after = padded[end]
            if after.isalnum() or after == "_":
                continue
            for length, rank, spellings, entry in keys:
                start = end - length
                before = padded[start - 1]
                if before.isalnum() or before == "_":
                    continue
                if spellings is not None and text[start:end] not in spellings:
                    continue
                hits.append((start, -length, rank, len(hits), entry))
        self._last = (text, Scan(hits, cues))
        return self._last[1]

    def entries(self, name: str) -> list[Entry]:
        """The entries written `name`, in any case."""
        found = self.automaton.get(name.lower(), None)
        return [] if found is None else [key[3] for key in found[0]]

    def holder(self, surname: str, on: str | None) -> str | None:
        """The full name of the known person a lone surname names on `on`."""
        person = self.people.holder(surname, on)
        return None if person is None else self.people.surname_spelled(surname, person)

    def state_of(self, name: str) -> str | None:
        """The state of the known person written `name`, if any."""
        person = self.people.person_of(name)
        return None if person is None else person.state


def _records(name: str) -> list[dict[str, Any]]:
    """The records of data/<name>.json, or none while the file is not shipped."""
    if not resources.files(data).joinpath(f"{name}.json").is_file():
        return []
    return data.raw_records(name)


def _place_entries() -> Iterator[Entry]:
    for r in _records("states"):
        code = r["code"]
        for name in (r["name"], r.get("official_name"), *r.get("aliases", ())):
            if name:
                yield Entry(
                    name, "state", code, code, person_prone=name in PERSON_PRONE
                )
        for adjective in r.get("adjectives", ()):
            yield Entry(adjective, "state", code, code)
        if r.get("capital"):
            yield Entry(r["capital"], "city", r["capital"], code)
    for r in _records("cities"):
        for name in (r["name"], *r.get("aliases", ())):
            yield Entry(name, "city", r["name"], r["state"])
    for region in REGIONS:
        yield Entry(region, "region", region)


def _named_entries() -> Iterator[Entry]:
    for kind, name in (("body", "bodies"), ("initiative", "initiatives")):
        for r in _records(name):
            if r.get("predecessor_of"):
                continue  # the Shanghai Five is no SCO body: not a mention (#12)
            for alias in (r["name"], *r.get("aliases", ())):
                short = len(alias) <= 5 or alias.isupper()
                yield Entry(alias, kind, r["code"], exact=short)
    for name in ORGANIZATION:
        yield Entry(name, "organization", "SCO", exact=False)
    yield Entry("SCO", "organization", "SCO")
    for surface, value in OFFICES.items():
        yield Entry(surface, "office", value, exact=False)
    for phrase in (*NOT_STATES, *OUTLETS.values()):
        yield Entry(phrase, "skip", phrase)


def _people() -> tuple[KnownPeople, list[Entry]]:
    """The known people, and a gazetteer entry for each full name and surname;
    a full name's entry gives the name as written there (aliases included)."""
    people: list[Person] = []
    surnames: dict[str, list[Person]] = {}
    entries: list[Entry] = []
    for r in _records("people"):
        roles = tuple(Role(x["role"], x["from"], x.get("to")) for x in r["roles"])
        full = [r["name"], *(a for a in r.get("aliases", ()) if " " in a or "." in a)]
        spellings = tuple(dict.fromkeys(without_honorifics(a) for a in full))
        person = Person(r["name"], r["state"], roles, spellings)
        people.append(person)
        entries.extend(Entry(name, "person", name) for name in full)
        for alias in r.get("aliases", ()):
            if " " not in alias and "." not in alias:
                surnames.setdefault(alias, []).append(person)
    for alias in surnames:
        entries.append(Entry(alias, "person", ""))  # a surname, resolved later
    return KnownPeople(people, surnames), entries


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use from the shipped data."""
    people, person_entries = _people()
    entries = [*_place_entries(), *_named_entries(), *person_entries]
    return Gazetteer(entries, people, names.CUE_GROUPS)
