"""The SCO's own officeholders from the shipped baseline: the Secretaries-General
and the directors of the RATS Executive Committee.

They are people with the role `Secretary-General` or `RATS Director` in
`people.json`, each term citing its own page (#12). The knowledge base in the
database does not hold people, so the CLI, the API and the web read them here, from
the checked baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from scotrack.data import raw_records, read_baseline
from scotrack.domain.dates import PartialDate
from scotrack.domain.sources import Source
from scotrack.errors import InputError

SECRETARY_GENERAL = "Secretary-General"
RATS_DIRECTOR = "RATS Director"

Office = Literal["secretary-general", "rats-director"]
OFFICES: dict[Office, str] = {
    "secretary-general": SECRETARY_GENERAL,
    "rats-director": RATS_DIRECTOR,
}
"""The offices listed, by the name options take (`--office rats-director`) and
their role in `people.json`."""
OFFICE_TITLES = {
    "secretary-general": "Secretaries-General",
    "rats-director": "Directors of the RATS Executive Committee",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in an office: `end` is the last month or day in office."""

    person: str
    state: str
    office: str
    start: PartialDate
    end: PartialDate | None
    source: Source | None
    note: str | None = None

    def held_on(self, day: date) -> bool | None:
        """In office on `day`? None when the recorded precision cannot tell."""
        if day < self.start.first_day():
            return False
        if self.end is not None and day > self.end.last_day():
            return False
        if day < self.start.last_day():
            return None
        if self.end is not None and day > self.end.first_day():
            return None
        return True


def office_role(office: str) -> str:
    """The `people.json` role of an office name; InputError names the choices."""
    if office not in OFFICES:
        raise InputError(f"office: {office!r} is not one of {', '.join(OFFICES)}")
    return OFFICES[office]


@cache
def terms_of(office: str) -> tuple[Term, ...]:
    """Every term in `office` (an `OFFICES` name), earliest first, with its source."""
    role_name = office_role(office)
    sources = {s.id: s for s in read_baseline().sources}  # checks the baseline too
    terms = []
    for person in raw_records("people"):
        for role in person["roles"]:
            if role["role"] != role_name:
                continue
            source_id = role.get("source") or person.get("source")
            end = role.get("to")
            terms.append(
                Term(
                    person=person["name"],
                    state=person["state"],
                    office=role_name,
                    start=PartialDate.parse(role["from"]),
                    end=None if end is None else PartialDate.parse(end),
                    source=sources.get(source_id) if source_id else None,
                    note=role.get("note"),
                )
            )
    return tuple(sorted(terms, key=lambda t: t.start.first_day()))


def terms_on(office: str, day: date) -> tuple[Term, ...]:
    """The terms in `office` that certainly or possibly include `day`."""
    return tuple(t for t in terms_of(office) if t.held_on(day) is not False)


def secretaries_general() -> tuple[Term, ...]:
    """Every Secretary-General's term, earliest first, each with its source."""
    return terms_of("secretary-general")


def secretaries_general_on(day: date) -> tuple[Term, ...]:
    """The Secretaries-General's terms that certainly or possibly include `day`."""
    return terms_on("secretary-general", day)
