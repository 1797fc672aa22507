"""The data check: every problem in the baseline records, one line each.

A line reads `file.json[index] field: reason`, e.g.
`membership.json[12] end: date '2017-13-01' is impossible: ...`, so whoever edits a
file can go straight to the record. The check runs in two passes: first each field
against its declared type (`fields.FIELDS`), then the rules between records: codes
and ids that must exist, a source on every record and no home page as a source
(`citations`: except the allow-list in `unsourced.json`), dates in order, one
status at a time per state, and an entry into force that the recorded instruments
and rule would compute differently.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from scotrack.data import FILES, _agreement
from scotrack.data.citations import STALE, home_page, roles_sourced, unsourced
from scotrack.data.fields import BODY_KINDS, FIELDS, KEYS, RULE_KINDS, type_problem
from scotrack.domain.agreements import computed_entry_into_force
from scotrack.domain.dates import PartialDate
from scotrack.domain.membership import StatusInterval, overlapping
from scotrack.domain.states import SCO
from scotrack.domain.vocab import (
    AGREEMENT_KINDS,
    MEETING_BODIES,
    MEETING_FORMATS,
    STATUSES,
)
from scotrack.errors import InputError

Record = dict[str, Any]


def problems(raw: dict[str, list[Record]]) -> list[str]:
    """Every problem in the baseline records (an empty list: the data is valid)."""
    check = _Check()
    files = {name: check.records(raw, name) for name in FILES}
    for name, records in files.items():
        for where, record in records:
            check.fields(where, record, FIELDS[name])
        if name in KEYS:
            check.unique(records, KEYS[name])
    check.learn(files)
    for name, records in files.items():
        for where, record in records:
            if name != "sources":
                check.ref(where, "source", record.get("source"), check.source_ids)
            getattr(check, name)(where, record)
    check.overlaps()
    return check.lines


class _Check:
    """The problems found so far, what records may refer to, and one rule per file.

    The method named after a file checks one of its records beyond field types;
    `learn` must have been given every file first.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.bad: set[str] = set()
        self.intervals: list[tuple[str, StatusInterval]] = []
        self.numbered: dict[tuple[str, int], str] = {}
        self.owner: dict[tuple[str, str], str] = {}

    def add(self, where: str, field: str, reason: str) -> None:
        self.lines.append(f"{where} {field}: {reason}")
        self.bad.add(where.split(" ")[0])

    def records(
        self, raw: dict[str, list[Record]], name: str
    ) -> list[tuple[str, Record]]:
        """`(where, record)` pairs for one file; non-objects are reported, left out."""
        if not isinstance(raw.get(name), list):
            self.add(f"{name}.json", "(file)", "is missing or not a list of records")
            return []
        pairs = []
        for index, record in enumerate(raw[name]):
            where = f"{name}.json[{index}]"
            if isinstance(record, dict):
                pairs.append((where, record))
            else:
                self.add(where, "(record)", f"expected a JSON object, got {record!r}")
        return pairs

    def learn(self, files: dict[str, list[tuple[str, Record]]]) -> None:
        def ids(name: str, key: str) -> set[str]:
            return {r[key] for _, r in files[name] if isinstance(r.get(key), str)}

        self.source_ids = ids("sources", "id")
        self.state_codes = ids("states", "code")
        self.actors = self.state_codes | {SCO}
        self.body_codes = ids("bodies", "code")
        self.predecessors = {
            r["code"]
            for _, r in files["bodies"]
            if isinstance(r.get("code"), str) and r.get("predecessor_of") is not None
        }
        self.city_states = {
            r["name"]: r.get("state") for _, r in files["cities"] if "name" in r
        }
        self.city_alias = {
            alias: r["name"]
            for _, r in files["cities"]
            if isinstance(r.get("aliases"), list) and "name" in r
            for alias in r["aliases"]
        }

    def fields(self, where: str, record: Record, spec: dict[str, str]) -> None:
        for key in record:
            if key not in spec:
                self.add(where, key, f"is not a known field (known: {', '.join(spec)})")
        for key, kind in spec.items():
            value = record.get(key)
            if value is None:
                if not kind.endswith("?") and kind not in ("texts", "objects"):
                    self.add(
                        where, key, "is missing" if key not in record else "is null"
                    )
                continue
            reason = type_problem(kind.rstrip("?"), value)
            if reason:
                self.add(where, key, reason)

    def unique(self, records: list[tuple[str, Record]], key: str) -> None:
        first: dict[str, str] = {}
        for where, record in records:
            value = record.get(key)
            if isinstance(value, str) and first.setdefault(value, where) != where:
                self.add(where, key, f"{value!r} is already used by {first[value]}")

    def ref(
        self, where: str, field: str, value: Any, known: Iterable[str], what: str = ""
    ) -> bool:
        """Report `value` unless it is None or one of `known`; True when it is known."""
        if not isinstance(value, str):
            return False
        choices = list(known)
        if value in choices:
            return True
        close = difflib.get_close_matches(value, choices, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        what = what or field.replace("_", " ")
        self.add(where, field, f"{value!r} is not a known {what}{hint}")
        return False

    def one_of(
        self, where: str, record: Record, field: str, allowed: Iterable[str]
    ) -> None:
        value = record.get(field)
        if isinstance(value, str) and value not in allowed:
            self.add(where, field, f"{value!r} is not one of {', '.join(allowed)}")

    def order(
        self, where: str, record: Record, first: str, then: str, *, strict: bool
    ) -> None:
        """Report when `then` certainly comes before (or, if strict, on) `first`."""
        start, end = _date(record, first), _date(record, then)
        if start is None or end is None:
            return
        if end.last_day() < start.first_day() or (
            strict and end.last_day() == start.first_day()
        ):
            self.add(where, then, f"{end} is not after {first} {start}")

    def named(self, where: str, field: str, kind: str, text: Any, owner: str) -> bool:
        """Report `text` if it already names another `kind` than `owner`."""
        if not isinstance(text, str):
            return False
        first = self.owner.setdefault((kind, text.casefold()), owner)
        if first != owner:
            self.add(where, field, f"{text!r} also names {first}")
        return first == owner

    def city(self, where: str, record: Record, field: str, state: Any) -> None:
        """The field names a city by its cities.json name, in `state` if given."""
        city = record.get(field)
        if city in self.city_alias and city not in self.city_states:
            self.add(
                where, field, f"{city!r} is an alias: use {self.city_alias[city]!r}"
            )
        elif self.ref(where, field, city, self.city_states, "city (cities.json)"):
            in_state = self.city_states[city]
            if state in self.state_codes and in_state != state:
                self.add(where, field, f"{city} is in {in_state}, not in {state}")

    # one method per file ------------------------------------------------------

    def sources(self, where: str, record: Record) -> None:
        """An http(s) URL, of the document's own page rather than a home page."""
        url = record.get("url")
        if isinstance(url, str) and not url.startswith(("http://", "https://")):
            self.add(where, "url", f"{url!r} is not an http(s) URL")
            return
        listed = record.get("id") in unsourced().get("sources", ())
        if isinstance(url, str) and home_page(url) and not listed:
            self.add(
                where,
                "url",
                f"{url!r} is a site's home page: cite the page of the document "
                "itself (address, title, publisher, date)",
            )
        elif listed and not (isinstance(url, str) and home_page(url)):
            self.add(where, "url", STALE)

    def people(self, where: str, record: Record) -> None:
        """State known; roles dated in order; a source (the person's, or one on
        every role) unless allow-listed."""
        self.ref(where, "state", record.get("state"), self.state_codes)
        roles = record.get("roles")
        if not roles:
            self.add(where, "roles", "is missing (a person is listed for a role)")
        for index, role in enumerate(roles if isinstance(roles, list) else []):
            if not isinstance(role, dict):
                continue  # reported by the field types (roles: objects)
            at = f"{where} roles[{index}]"
            self.fields(at, role, FIELDS["role"])
            self.order(at, role, "from", "to", strict=False)
            self.ref(at, "source", role.get("source"), self.source_ids, "source id")
        listed = record.get("name") in unsourced().get("people", ())
        # a person is sourced by a page of its own, or by one on every role (#12)
        sourced = record.get("source") is not None or roles_sourced(roles)
        if not sourced and not listed:
            self.add(where, "source", "is missing (every record cites a source)")
        elif sourced and listed:
            self.add(where, "source", STALE)

    def states(self, where: str, record: Record) -> None:
        """Codes are three capitals; no name, alias or adjective names two states."""
        code = record.get("code")
        if not isinstance(code, str):
            return
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            self.add(where, "code", f"{code!r} is not three capital letters")
        for field in ("name", "official_name", "aliases", "adjectives"):
            value = record.get(field)
            for text in value if isinstance(value, list) else [value]:
                ok = self.named(where, field, "state", text, code)
                if ok and str(text).upper() in self.state_codes - {code}:
                    self.add(where, field, f"{text!r} is the code of another state")

    def cities(self, where: str, record: Record) -> None:
        """The state is known; no name or alias names two cities."""
        self.ref(where, "state", record.get("state"), self.state_codes)
        name, aliases = record.get("name"), record.get("aliases")
        if isinstance(name, str):
            self.named(where, "name", "city", name, name)
            for alias in aliases if isinstance(aliases, list) else []:
                self.named(where, "aliases", "city", alias, name)

    def bodies(self, where: str, record: Record) -> None:
        """Schema body and kind known; a seat is a city; a founding date or seat
        cites the page that gives it (`founding_source`, #12); a predecessor
        preceded the SCO."""
        self.one_of(where, record, "schema_body", MEETING_BODIES)
        self.one_of(where, record, "kind", BODY_KINDS)
        self.city(where, record, "seat", None)
        founding = record.get("founding_source")
        if founding is None and (record.get("founded") or record.get("seat")):
            self.add(where, "founding_source", "is missing (founded or seat is set)")
        self.ref(where, "founding_source", founding, self.source_ids, "source id")
        # only the SCO has a predecessor on record: the Shanghai Five (#12)
        self.one_of(where, record, "predecessor_of", (SCO,))

    def membership(self, where: str, record: Record) -> None:
        """State and status known, end after start; kept for `overlaps`."""
        known = self.ref(where, "state", record.get("state"), self.state_codes)
        self.one_of(where, record, "status", STATUSES)
        self.order(where, record, "start", "end", strict=True)
        if known and record.get("status") in STATUSES and where not in self.bad:
            start, end = _date(record, "start"), _date(record, "end")
            interval = StatusInterval(record["state"], record["status"], start, end)
            self.intervals.append((where, interval))

    def overlaps(self) -> None:
        """No state holds two statuses at once (domain.membership.overlapping)."""
        at = {id(interval): where for where, interval in self.intervals}
        for earlier, later in overlapping([i for _, i in self.intervals]):
            until = "" if earlier.end is None else f" to {earlier.end}"
            self.add(
                at[id(later)],
                "start",
                f"{later.state} {later.status} from {later.start} overlaps "
                f"{at[id(earlier)]} ({earlier.status} from {earlier.start}{until})",
            )

    def meetings(self, where: str, record: Record) -> None:
        """Body, states, city, format known; dates in order; numbers unique."""
        body, number = record.get("body"), record.get("number")
        self.ref(where, "body", body, self.body_codes, "body code")
        self.order(where, record, "start_date", "end_date", strict=False)
        for field in ("host", "chair"):
            self.ref(where, field, record.get(field), self.state_codes, "state")
        for code in record.get("participants") or ():
            self.ref(where, "participants", code, self.state_codes, "state")
        self.one_of(where, record, "format", MEETING_FORMATS)
        self.city(where, record, "city", record.get("host"))
        if isinstance(number, int) and isinstance(body, str):
            other = self.numbered.setdefault((body, number), where)
            if other != where:
                self.add(where, "number", f"{body} meeting {number} is also {other}")

    def agreements(self, where: str, record: Record) -> None:
        self.one_of(where, record, "kind", AGREEMENT_KINDS)
        # an agreement names a body only when it is a predecessor's, not the SCO's
        self.ref(
            where, "body", record.get("body"), self.predecessors, "predecessor body"
        )
        self.city(where, record, "place", None)
        self.ref(where, "depositary", record.get("depositary"), self.actors, "state")
        rule = record.get("rule")
        if isinstance(rule, dict):
            self.fields(f"{where} rule", rule, FIELDS["rule"])
            self.one_of(f"{where} rule", rule, "kind", RULE_KINDS)
            if rule.get("kind") == "nth-instrument" and rule.get("n") is None:
                self.add(f"{where} rule", "n", "is missing (nth-instrument needs n)")
        self.parties(where, record)
        eif_source = record.get("entry_into_force_source")
        if record.get("entry_into_force") is not None and eif_source is None:
            self.add(where, "entry_into_force_source", "is missing")
        self.ref(
            where, "entry_into_force_source", eif_source, self.source_ids, "source id"
        )
        if where not in self.bad:
            self.entry_into_force(where, record)

    def parties(self, where: str, record: Record) -> None:
        """Party and declaration states and sources known; a party once, in order."""
        for field, spec in (("parties", "party"), ("declarations", "declaration")):
            items = record.get(field)
            seen: set[str] = set()
            for index, item in enumerate(items if isinstance(items, list) else []):
                at = f"{where} {field}[{index}]"
                if not isinstance(item, dict):
                    continue
                self.fields(at, item, FIELDS[spec])
                state = item.get("state")
                self.ref(at, "state", state, self.state_codes)
                self.ref(at, "source", item.get("source"), self.source_ids, "source id")
                if field == "parties":
                    for step in ("ratified", "deposited", "withdrew"):
                        self.order(at, item, "signed", step, strict=False)
                    self.accession(at, item)
                    if state in seen:
                        self.add(at, "state", f"{state} is already a party")
                    seen.add(str(state))

    def accession(self, at: str, party: Record) -> None:
        """A state accedes instead of signing and ratifying, never both (#12)."""
        if party.get("acceded") is None:
            return
        for step in ("signed", "ratified"):
            if party.get(step) is not None:
                self.add(
                    at,
                    "acceded",
                    f"a party that acceded has no {step} date: it either signs and "
                    "ratifies, or accedes",
                )
        for step in ("deposited", "withdrew"):
            self.order(at, party, "acceded", step, strict=False)

    def entry_into_force(self, where: str, record: Record) -> None:
        """A recorded entry into force must fit what the rule and instruments give."""
        agreement = _agreement(record)
        recorded = agreement.recorded_entry_into_force
        computed = computed_entry_into_force(agreement)
        if recorded is None or computed is None:
            return
        if recorded.last_day() < computed.earliest or (
            computed.latest < recorded.first_day()
        ):
            self.add(
                where,
                "entry_into_force",
                f"{agreement.id}: recorded {recorded}, but the rule and the recorded "
                f"instruments give {computed} ({computed.how})",
            )

    def initiatives(self, where: str, record: Record) -> None:
        self.ref(where, "proposed_by", record.get("proposed_by"), self.actors, "state")


def _date(record: Record, key: str) -> PartialDate | None:
    """The field's date, or None when absent or malformed (reported elsewhere)."""
    value = record.get(key)
    if not isinstance(value, str):
        return None
    try:
        return PartialDate.parse(value)
    except InputError:
        return None
