"""How a person's name is written in the output: the page's spelling, completed.

The annotation keeps the page's spelling of the parts it prints ("Sergei
Lavrov", "Kohir Rasulzoda", "Zhaparov Akylbek", "Vladimir Imamovich Norov"),
completes initials and a lone surname to the name the person is known by ("S.
Jaishankar" is Subrahmanyam Jaishankar, "R. Otunbaeva" Roza Otunbaeva, a lone
"Rakhmon" Emomali Rakhmon), drops honorifics and corrects a misprint of a known
leader's name ("Nerendra Modi", "Alexandar Lukashenk"). The known people are
those of data/people.json, each with every spelling listed there.

Spellings are compared word by word on a transliteration key (`fold`): the same
key is the same spelling ("Sooronbai"/"Sooronbay"); a one-letter vowel slip
early in a word, or a word cut short, is a misprint; other small differences
("Mirziyaev"/"Mirziyoyev", "Peseshkian"/"Pezeshkian") are the page's own
transliteration, kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from scotrack.ingest.lexicon import names as rules

Likeness = Literal["same", "variant", "misprint"]
_REMEMBERED = 8192
"""How many names `KnownPeople.match` remembers before it starts afresh."""
_RANK = {"same": 0, "variant": 1, "misprint": 2}


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    start: str
    end: str | None


@dataclass(frozen=True, slots=True)
class Person:
    """A known person: `spellings` are the full names, `name` first."""

    name: str
    state: str
    roles: tuple[Role, ...]
    spellings: tuple[str, ...] = field(default=())

    def holds_office(self, on: str) -> bool:
        """True when one of the person's roles covers the ISO date `on`."""
        return any(
            r.start <= on[:7] and (r.end is None or on[:7] < r.end) for r in self.roles
        )


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """The transliteration key of `name`: lower case, no accents or hyphens, the
    pairs of `rules.SPELLING_FOLDS` merged, y read as i, doubled letters single."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = rules.NOT_LETTER.sub("", text.replace("-", " "))
    for spelled, key in rules.SPELLING_FOLDS:
        text = text.replace(spelled, key)
    text = rules.WORD_START_YE.sub("e", rules.Y_BETWEEN_VOWELS.sub("", text))
    return rules.DOUBLED.sub(r"\1", text.replace("y", "i")).strip()


def without_honorifics(name: str) -> str:
    """`name` without the honorifics and ranks before it ("Admiral Dong Jun")."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".") in rules.HONORIFICS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def full_name(name: str) -> bool:
    """True when `name` is more than a surname: two words, or initials and one."""
    return len(name.split()) > 1 or bool(rules.INITIALS.match(name))


def split_initials(name: str) -> tuple[str, list[str]]:
    """The initials `name` starts with ("M.V.", "" for none) and its other words."""
    match = rules.INITIALS.match(name)
    if match is None or match.end() >= len(name):
        return "", name.split()
    return match.group().strip(), name[match.end() :].split()


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _vowel_slip(a: str, b: str) -> bool:
    """True when `a` is `b` with one vowel changed, added or dropped, before the
    word's last three letters (where transliterations differ: -aev, -oev)."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return (
            len(diff) == 1
            and {a[diff[0]], b[diff[0]]} <= rules.VOWELS
            and diff[0] < len(b) - 3
        )
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    pairs = enumerate(zip(short, long_[: len(short)], strict=True))
    i = next((k for k, (x, y) in pairs if x != y), len(short))
    return (
        long_[i] in rules.VOWELS
        and short == long_[:i] + long_[i + 1 :]
        and i < len(long_) - 3
    )


def word_likeness(printed: str, known: str) -> Likeness | None:
    """How one printed word stands to one word of a known spelling."""
    a, b = fold(printed), fold(known)
    if a == b:
        return "same"
    if len(a) >= 4 and len(b) == len(a) + 1 and b.startswith(a):
        return "misprint"  # cut short: "Lukashenk"
    if len(a) >= 4 and _vowel_slip(a, b):
        return "misprint"
    if min(len(a), len(b)) >= 5 and _distance(a, b) <= 2:
        return "variant"
    return None


def likeness(printed: list[str], known: list[str]) -> Likeness | None:
    """How a printed name (its words) stands to a known spelling, or None when
    they are not the same person's: word by word, in either order, or with a
    middle name or patronymic added between the two."""
    if len(printed) == len(known):
        found = [word_likeness(p, k) for p, k in zip(printed, known, strict=True)]
        if None not in found:
            return max(found, key=lambda x: _RANK[x or "same"])
        turned = [
            word_likeness(p, k) for p, k in zip(printed, known[::-1], strict=True)
        ]
        if len(known) == 2 and None not in turned and "misprint" not in turned:
            return "variant"  # surname first: "Zhaparov Akylbek"
        return None
    if 2 <= len(printed) < len(known) and all(
        fold(p) == fold(k) for p, k in zip(printed, known[-len(printed) :], strict=True)
    ):
        return "same"  # "Bhutto Zardari" of Bilawal Bhutto Zardari
    if len(printed) == len(known) + 1 == 3:
        ends = [
            word_likeness(printed[0], known[0]),
            word_likeness(printed[-1], known[-1]),
        ]
        if ends == ["same", "same"]:
            return "variant"  # "Vladimir Imamovich Norov"
    return None


Known = tuple[list[str], str, Person]
"""A known spelling: its words, as written, and whose it is."""
Match = tuple[Person, str, Likeness]
"""A known person, the spelling of theirs a name is most like, and how alike."""


def _shorter(spelling: str, name: str) -> bool:
    """True when `spelling` leaves out words of `name` ("Asif Zardari")."""
    short, full = set(fold(spelling).split()), set(fold(name).split())
    return short < full


class KnownPeople:
    """The known people, found by any of their spellings, surnames or initials."""

    def __init__(self, people: list[Person], surnames: dict[str, list[Person]]):
        self.people = {p.name: p for p in people}
        self.surnames = surnames
        """A surname as printed ("Putin", "Li") -> the people it can name."""
        self._matches: dict[str, Match | None] = {}
        self._spellings: dict[tuple[str, str | None], str] = {}
        self._exact: dict[str, tuple[str, Person]] = {}
        self._near: dict[str, list[Known]] = {}
        for person in people:
            for spelling in person.spellings:
                self._exact.setdefault(fold(spelling), (spelling, person))
                words = spelling.split()
                for key in {fold(word)[:3] for word in words}:
                    self._near.setdefault(key, []).append((words, spelling, person))

    def holder(self, surname: str, on: str | None) -> Person | None:
        """The known person a lone surname names on the ISO date `on`: the one
        in office then, or the only person of that surname (a long one)."""
        key = surname.removesuffix("'s").removesuffix("\u2019s")
        candidates = self.surnames.get(key, [])
        if on is not None:
            current = [p for p in candidates if p.holds_office(on)]
            if not current and len(candidates) == 1 and len(key) >= 5:
                current = candidates
            candidates = current
        return candidates[0] if len(candidates) == 1 else None

    def match(self, name: str) -> Match | None:
        """The known spelling most like `name` (no initials), its person and how
        alike they are; None when `name` is nobody known (remembered: a name
        recurs within a document and across documents)."""
        if name not in self._matches:
            if len(self._matches) >= _REMEMBERED:
                self._matches.clear()
            self._matches[name] = self._match(name)
        return self._matches[name]

    def _match(self, name: str) -> Match | None:
        exact = self._exact.get(fold(name))
        if exact is not None:
            return exact[1], exact[0], "same"
        words = name.split()
        best: Match | None = None
        seen: set[str] = set()
        for word in words:
            for known, spelling, person in self._near.get(fold(word)[:3], ()):
                if spelling in seen:
                    continue
                seen.add(spelling)
                how = likeness(words, known)
                if how is not None and (best is None or _RANK[how] < _RANK[best[2]]):
                    best = (person, spelling, how)
        return best

    def person_of(self, name: str) -> Person | None:
        """The known person `name` (as `spelled` gives it) is, if any."""
        initials, words = split_initials(name)
        if initials or len(words) < 2:
            return None
        match = self.match(" ".join(words))
        return None if match is None else match[0]

    def spelled(self, printed: str, on: str | None = None) -> str:
        """The name to write for a full name printed as `printed` (see the module
        docstring): the page's spelling unless initials need completing or the
        name is a misprint of a known one (remembered, as `match`)."""
        key = (printed, on)
        if key not in self._spellings:
            if len(self._spellings) >= _REMEMBERED:
                self._spellings.clear()
            self._spellings[key] = self._spelled(printed, on)
        return self._spellings[key]

    def _spelled(self, printed: str, on: str | None) -> str:
        name = without_honorifics(" ".join(printed.split()))
        initials, words = split_initials(name)
        if initials:
            return self._expanded(initials, words, on) or name
        if len(words) < 2:
            return name
        match = self.match(name)
        if match is None:
            name, match = self._unglued(words)
        if match is None:
            return name
        person, spelling, how = match
        if how == "misprint":
            return spelling
        if name.isupper():  # a headline's capitals
            return spelling if spelling.upper() == name else name.title()
        if how == "same" and _shorter(name, person.name):
            return person.name  # "Bilawal Bhutto": known as Bilawal Bhutto Zardari
        return name

    def _unglued(self, words: list[str]) -> tuple[str, Match | None]:
        """A name whose last word has a small word glued to it ("Ahmadinejadand",
        "Giyosovwere"), that word cut off when the rest is a known name."""
        name = " ".join(words)
        for glued in rules.GLUED_WORDS:
            if words[-1].endswith(glued) and len(words[-1]) > len(glued) + 3:
                unglued = " ".join([*words[:-1], words[-1][: -len(glued)]])
                match = self.match(unglued)
                if match is not None:
                    return unglued, match
        return name, None

    def surname_spelled(self, surname: str, person: Person) -> str:
        """`person`'s full name for a lone surname printed as `surname`: a
        spelling with that surname, else the name with the page's surname."""
        key = surname.removesuffix("'s").removesuffix("\u2019s")
        for spelling in person.spellings:
            if key in spelling.split():
                return spelling
        words = person.name.split()
        for i, word in enumerate(words):
            if fold(word) == fold(key):
                return " ".join([*words[:i], key, *words[i + 1 :]])
        return person.name

    def _expanded(self, initials: str, words: list[str], on: str | None) -> str | None:
        """A name printed with initials ("S. Jaishankar", "M.V. Mishustin")
        completed from the one known person it fits, the page's surname kept."""
        letters = [ch for ch in initials if ch.isupper()]
        n = len(words)
        options: list[tuple[Person, list[str]]] = []
        for known, _, person in self._near.get(fold(words[-1])[:3], ()):
            if len(known) <= n or any(
                fold(p) != fold(k) for p, k in zip(words, known[-n:], strict=True)
            ):
                continue
            given = known[:-n]
            if any(g[0] == letters[0] or fold(g)[0] == fold(letters[0]) for g in given):
                options.append((person, known))
        persons = list({id(p): p for p, _ in options}.values())
        if len(persons) > 1 and on is not None:
            persons = [p for p in persons if p.holds_office(on)]
        if len(persons) != 1:
            return None
        fitting = [known for p, known in options if p is persons[0]]
        best = min(fitting, key=lambda k: (k[0][0] != letters[0], k[-n:] != words))
        return " ".join([*best[:-n], *words])
