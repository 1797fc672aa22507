"""The curated baseline shipped with the package, read into domain objects and checked.

Each JSON file here is a list of records; `docs/data.md` describes the fields and the
sources. `read_baseline()` parses them all and raises InputError listing every
problem the data check finds (types, codes, dates, references, a source on each).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from scotrack.domain.agreements import Agreement, Declaration, EntryIntoForceRule, Party
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Initiative
from scotrack.domain.sources import Source
from scotrack.domain.states import State, StateIndex
from scotrack.errors import InputError

Record = dict[str, Any]

FILES = (
    "sources",
    "states",
    "cities",
    "bodies",
    "membership",
    "meetings",
    "agreements",
    "initiatives",
    "people",
)


@dataclass(frozen=True, slots=True)
class City:
    name: str
    state: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Baseline:
    sources: tuple[Source, ...]
    states: tuple[State, ...]
    cities: tuple[City, ...]
    bodies: tuple[Body, ...]
    membership: tuple[StatusInterval, ...]
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    initiatives: tuple[Initiative, ...]


def raw_records(name: str) -> list[Record]:
    """The records of data file `name`.json, as parsed JSON."""
    text = resources.files(__package__).joinpath(f"{name}.json").read_text("utf-8")
    records = json.loads(text)
    if not isinstance(records, list):
        raise InputError(f"data/{name}.json: expected a JSON list of records")
    return records


@cache
def read_baseline() -> Baseline:
    """All shipped records as domain objects; InputError lists every problem found."""
    raw = {name: raw_records(name) for name in FILES}
    problems = baseline_problems(raw)
    if problems:
        listed = "\n  ".join(problems)
        raise InputError(
            f"the shipped baseline has {len(problems)} problems:\n  {listed}"
        )
    return parse_baseline(raw)


@cache
def state_index() -> StateIndex:
    return StateIndex(read_baseline().states)


def _date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def parse_baseline(raw: dict[str, list[Record]]) -> Baseline:
    """Domain objects from already-checked records."""
    return Baseline(
        sources=tuple(
            Source(
                r["id"],
                r["title"],
                r.get("publisher"),
                r.get("url"),
                _date(r.get("date")),
            )
            for r in raw["sources"]
        ),
        states=tuple(
            State(
                r["code"],
                r["name"],
                r.get("official_name"),
                tuple(r.get("aliases", ())),
                tuple(r.get("adjectives", ())),
                r.get("capital"),
            )
            for r in raw["states"]
        ),
        cities=tuple(
            City(r["name"], r["state"], tuple(r.get("aliases", ())))
            for r in raw["cities"]
        ),
        bodies=tuple(
            Body(
                r["code"],
                r["name"],
                r["schema_body"],
                tuple(r.get("aliases", ())),
                r.get("kind", "council"),
                r.get("predecessor_of"),
                _date(r.get("founded")),
                r.get("seat"),
                r.get("note"),
                r.get("source"),
                r.get("founding_source"),
            )
            for r in raw["bodies"]
        ),
        membership=tuple(
            StatusInterval(
                r["state"],
                r["status"],
                _date(r.get("start")),
                _date(r.get("end")),
                r.get("source"),
                r.get("note"),
            )
            for r in raw["membership"]
        ),
        meetings=tuple(_meeting(r) for r in raw["meetings"]),
        agreements=tuple(_agreement(r) for r in raw["agreements"]),
        initiatives=tuple(
            Initiative(
                r["code"],
                r["name"],
                r.get("proposed_by"),
                _date(r.get("proposed_on")),
                tuple(r.get("aliases", ())),
                r.get("source"),
            )
            for r in raw["initiatives"]
        ),
    )


def _meeting(r: Record) -> Meeting:
    return Meeting(
        id=r["id"],
        body=r["body"],
        start_date=_date(r.get("start_date")),
        end_date=_date(r.get("end_date")),
        number=r.get("number"),
        city=r.get("city"),
        host=r.get("host"),
        chair=r.get("chair"),
        format=r.get("format"),
        participants=tuple(r.get("participants", ())),
        name=r.get("name"),
        source_id=r.get("source"),
    )


def _agreement(r: Record) -> Agreement:
    rule = r.get("rule")
    return Agreement(
        id=r["id"],
        title=r["title"],
        kind=r["kind"],
        aliases=tuple(r.get("aliases", ())),
        signed_date=_date(r.get("signed_date")),
        place=r.get("place"),
        depositary=r.get("depositary"),
        rule=None
        if rule is None
        else EntryIntoForceRule(
            rule["kind"], rule.get("n"), rule.get("days") or 0, rule.get("later_days")
        ),
        parties=tuple(
            Party(
                p["state"],
                _date(p.get("signed")),
                # an accession is the state's instrument: no signature, then this
                _date(p.get("ratified") or p.get("acceded")),
                _date(p.get("deposited")),
                _date(p.get("withdrew")),
                p.get("source"),
            )
            for p in r.get("parties", ())
        ),
        declarations=tuple(
            Declaration(d["state"], _date(d.get("date")), d["text"], d.get("source"))
            for d in r.get("declarations", ())
        ),
        recorded_entry_into_force=_date(r.get("entry_into_force")),
        source_id=r.get("source"),
        entry_into_force_source_id=r.get("entry_into_force_source"),
        body=r.get("body"),
    )


def baseline_problems(raw: dict[str, list[Record]]) -> list[str]:
    """Every problem in the records as `file[index] field: reason` lines."""
    from scotrack.data.check import problems  # the checker is long; keep it apart

    return problems(raw)
