"""What accepting a claim does to the knowledge base, kind by kind.

`Applier` changes (or creates) the entity a claim is about and adds the
claim's document as a source supporting it (`fact_source`). Fields the knowledge
base leaves empty are filled from the claim; a field it already holds with a
different value is a `Disagreement`: nothing is written unless the reviewer chose
`keep` (the knowledge base's value stays) or `take` (the claim's value wins).

Dates are partial, and two that contain one another agree (`dates.reconciled`):
a claim more precise than the knowledge base (2017-06-09 for 2017-06) refines the
stored date, a `Refinement` logged with the rest of the acceptance (so `undo`
reverts it); a less precise one (2017 for 2017-06-09) confirms it and changes
nothing; only incompatible dates (2017-06 vs 2017-07) disagree (#14).

- meeting: date (start), city, number, format, host state; a new meeting gets an
  id from its body, year and city.
- agreement: `signed`/`adopted` sets the signing date and each party's signature;
  `ratified` each party's ratification; `entered-into-force` the recorded date.
- commitment: a new tracked commitment (made on the document's date, at the
  meeting the claim names, else the one meeting the document's claims are linked
  to), or support.
- project: a new project with its countries and status, or a new lifecycle step.
- assessment (a suggestion, `store.write.suggestions`): an assessment of the
  commitment, made as `scotrack assess` makes one (`assessments.assessment_of`),
  with the claim's sentence as its evidence span (#13).
- project-status (a suggestion): the project's next lifecycle step, dated, if
  `domain.projects.can_move` allows it (#13).
- membership: a new status interval from the event's date (`left` ends the open
  membership instead).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate, parse_optional, reconciled
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.history import Snapshot, current
from scotrack.store.provenance import Claim, FactSource
from scotrack.store.write import progress

Choice = Literal["keep", "take"]
PROJECT_STATUS = {
    "planned": "agreed",
    "underway": "under way",
    "completed": "completed",
}
"""sco-extract/1 project statuses -> lifecycle steps."""
EVENT_STATUS = {
    "joined": "member",
    "applied": "applicant",
    "observer": "observer",
    "dialogue-partner": "dialogue-partner",
}


@dataclass(frozen=True, slots=True)
class Disagreement:
    field: str
    known: Any
    claimed: Any


@dataclass(frozen=True, slots=True)
class Refinement:
    """A date the claim gives more precisely than the knowledge base held (#14)."""

    field: str
    known: str
    refined: str


class Disagreements(InputError):
    """The claim contradicts the knowledge base; the reviewer must choose."""

    def __init__(self, entity: str, found: list[Disagreement]) -> None:
        self.entity = entity
        self.found = found
        listed = "; ".join(f"{d.field}: {d.known} vs {d.claimed}" for d in found)
        super().__init__(
            f"{entity}: the claim disagrees with the knowledge base ({listed}); "
            "choose --keep (knowledge base) or --take (claim)"
        )


@dataclass(slots=True)
class Applier:
    session: Session
    source_id: str
    claim_id: str
    published: str | None
    choice: Choice | None = None
    touched: dict[tuple[str, str], Snapshot | None] = field(default_factory=dict)
    """The entities changed, each with its snapshot from before the change."""
    refinements: list[Refinement] = field(default_factory=list)
    """The dates the claim made more precise (agreement, not disagreement)."""
    actor: str | None = None
    """Who accepts the claim: the assessor of an accepted suggestion."""

    def _touch(self, kind: str, entity_id: str, *, new: bool = False) -> None:
        """Remember the entity as it is, before the first change to it."""
        if (kind, entity_id) not in self.touched:
            before = None if new else current(self.session, kind, entity_id)
            self.touched[(kind, entity_id)] = before

    def _set(
        self, row: models.Base, name: str, value: Any, label: str
    ) -> list[Disagreement]:
        """Fill `name` from the claim; a Disagreement if it holds something else."""
        if value is None:
            return []
        known = getattr(row, name)
        if known is None or known == value:
            setattr(row, name, value)
            return []
        return self._settle(row, name, value, label)

    def _settle(
        self, row: models.Base, name: str, value: Any, label: str
    ) -> list[Disagreement]:
        """The claim's `value` contradicts the row's: as the reviewer chose."""
        if self.choice == "take":
            setattr(row, name, value)
        elif self.choice is None:
            return [Disagreement(label, getattr(row, name), value)]
        return []

    def _set_date(
        self, row: models.Base, name: str, value: str | None, label: str
    ) -> list[Disagreement]:
        """`_set` for a partial date: containment is agreement, at the finer date.

        A claim more precise than the stored date refines it (recorded in
        `refinements`), whatever `choice` says: that is for disagreements (#14).
        """
        known = getattr(row, name)
        if value is None or known is None:
            return self._set(row, name, value, label)
        held, claimed = PartialDate.parse(known), PartialDate.parse(str(value))
        agreed = reconciled(held, claimed)
        if agreed is None:
            return self._settle(row, name, str(claimed), label)
        if agreed != held:
            self.refinements.append(Refinement(label, known, str(agreed)))
            setattr(row, name, str(agreed))
        return []

    def _check(self, entity: str, clashes: list[Disagreement]) -> None:
        if clashes:
            raise Disagreements(entity, clashes)

    def support(self, kind: str, entity_id: str) -> None:
        key = (kind, entity_id, self.source_id)
        if self.session.get(FactSource, key) is None:
            self.session.add(
                FactSource(
                    entity_kind=kind,
                    entity_id=entity_id,
                    source_id=self.source_id,
                    claim_id=self.claim_id,
                )
            )
            self.session.flush()

    # meetings

    def meeting(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        if entity_id is None:
            entity_id = self._new_meeting(p)
        row = self.session.get(models.Meeting, entity_id)
        if row is None:
            raise InputError(f"meeting {entity_id!r} is not in the knowledge base")
        self._touch("meeting", entity_id)
        clashes: list[Disagreement] = []
        when = parse_optional(p.get("date"))
        if when is not None:
            clashes += self._meeting_date(row, when)
        if row.start_date is not None:
            row.year = PartialDate.parse(row.start_date).year
        if p.get("city") and not _same_city(self.session, row.city_name, p["city"]):
            clashes += self._set(row, "city_name", p["city"], "city")
        clashes += self._set(row, "number", p.get("number"), "number")
        clashes += self._set(row, "format", p.get("format"), "format")
        clashes += self._set(row, "host_state_id", p.get("country"), "host")
        self._check(f"meeting {entity_id}", clashes)
        self.support("meeting", entity_id)
        return entity_id

    def _meeting_date(
        self, row: models.Meeting, when: PartialDate
    ) -> list[Disagreement]:
        """The claim's date is the meeting's start: one compatible with the recorded
        start confirms it or, more precise, refines it (2001-09 -> 2001-09-14); a
        later day within the recorded days agrees too; anything else disagrees."""
        start = row.start_date
        if start is None or reconciled(PartialDate.parse(start), when) is not None:
            return self._set_date(row, "start_date", str(when), "date")
        if row.end_date is not None and _within(when, start, row.end_date):
            return []
        clashes = self._settle(row, "start_date", str(when), "date")
        if self.choice == "take":
            row.end_date = None
        return clashes

    def _new_meeting(self, p: Mapping[str, Any]) -> str:
        body = self.session.scalars(
            select(models.Body).where(models.Body.schema_body == p["body"])
        ).first()
        if body is None:
            raise InputError(f"no body of kind {p['body']!r} in the knowledge base")
        when = parse_optional(p.get("date")) or parse_optional(self.published)
        parts = [body.id, str(when.year) if when else "undated", p.get("city") or ""]
        entity_id = _unique(self.session, models.Meeting, _slug("-".join(parts)))
        self._touch("meeting", entity_id, new=True)
        self.session.add(
            models.Meeting(
                id=entity_id,
                body_id=body.id,
                year=None if when is None else when.year,
                start_date=None if p.get("date") is None else str(p["date"]),
                source_id=self.source_id,
            )
        )
        self.session.flush()
        return entity_id

    # agreements

    def agreement(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        if entity_id is None:
            entity_id = _unique(self.session, models.Agreement, _slug(p["title"])[:80])
            kind = _agreement_kind(p["title"])
            self._touch("agreement", entity_id, new=True)
            self.session.add(
                models.Agreement(
                    id=entity_id, title=p["title"], kind=kind, source_id=self.source_id
                )
            )
            self.session.flush()
        row = self.session.get(models.Agreement, entity_id)
        if row is None:
            raise InputError(f"agreement {entity_id!r} is not in the knowledge base")
        self._touch("agreement", entity_id)
        when = None if p.get("date") is None else str(p["date"])
        action = p["action"]
        clashes: list[Disagreement] = []
        if action in ("signed", "adopted"):
            clashes += self._set_date(row, "signed_date", when, "signed")
            clashes += self._set(row, "place", p.get("place"), "place")
        if action == "entered-into-force":
            clashes += self._set_date(row, "entry_into_force_date", when, "in force")
        column = {"signed": "signed_date", "ratified": "ratified_date"}.get(action)
        for code in p.get("parties") or ():
            party = self._party(row, code)
            if column is not None:
                clashes += self._set_date(party, column, when, f"{code} {action}")
        self._check(f"agreement {entity_id}", clashes)
        self.session.flush()
        self.support("agreement", entity_id)
        return entity_id

    def _party(self, row: models.Agreement, code: str) -> models.AgreementParty:
        for party in row.parties:
            if party.state_id == code:
                return party
        party = models.AgreementParty(
            state_id=code, position=len(row.parties), source_id=self.source_id
        )
        row.parties.append(party)
        return party

    # commitments, projects, membership

    def commitment(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        meeting = self._meeting_of(p)
        if entity_id is None:
            entity_id = _unique(
                self.session, models.Commitment, f"c-{self.claim_id[:12]}"
            )
            target = p.get("target") or {}
            self._touch("commitment", entity_id, new=True)
            self.session.add(
                models.Commitment(
                    id=entity_id,
                    actor=p["actor"],
                    kind=p["kind"],
                    area=p.get("area"),
                    text=p["text"],
                    speaker=p.get("speaker"),
                    target_value=target.get("value"),
                    target_unit=target.get("unit"),
                    made_date=self.published,
                    meeting_id=meeting,
                    source_id=self.source_id,
                )
            )
            self.session.flush()
        row = self.session.get(models.Commitment, entity_id)
        if row is None:
            raise InputError(f"commitment {entity_id!r} is not in the knowledge base")
        self._touch("commitment", entity_id)
        if p.get("meeting"):  # named by the reviewer: a different one disagrees
            clashes = self._set(row, "meeting_id", meeting, "meeting")
            self._check(f"commitment {entity_id}", clashes)
        elif row.meeting_id is None:
            row.meeting_id = meeting
        self.support("commitment", entity_id)
        return entity_id

    def _meeting_of(self, p: Mapping[str, Any]) -> str | None:
        """The meeting a commitment claim names (`meeting`, set by a reviewer),
        else the one meeting the claims of its document are linked or accepted
        as (a document about one summit); None when there are none or several."""
        named = p.get("meeting")
        if named:
            if self.session.get(models.Meeting, named) is None:
                raise InputError(f"meeting {named!r} is not in the knowledge base")
            return str(named)
        claim = self.session.get(Claim, self.claim_id)
        if claim is None:
            return None
        query = select(Claim.entity_id).where(
            Claim.document_id == claim.document_id,
            Claim.kind == "meeting",
            Claim.entity_id.is_not(None),
            Claim.status != "rejected",
        )
        found = set(self.session.scalars(query))
        if len(found) != 1:
            return None
        meeting = found.pop()
        return meeting if self.session.get(models.Meeting, meeting) else None

    def assessment(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        """Assess the commitment as the suggestion says (`progress.assess`)."""
        self._touch("commitment", progress.commitment_id(entity_id))
        found = progress.assess(self.session, self.claim_id, p, entity_id, self.actor)
        self.support("commitment", found)
        return found

    def project_status(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        """Move the project as the suggestion says (`progress.move_project`)."""
        self._touch("project", progress.project_id(entity_id))
        found = progress.move_project(self.session, self.source_id, p, entity_id)
        self.support("project", found)
        return found

    def project(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        if entity_id is None:
            entity_id = _unique(self.session, models.Project, _slug(p["name"])[:80])
            self._touch("project", entity_id, new=True)
            new = models.Project(
                id=entity_id, name=p["name"], sector=p.get("sector"),
                source_id=self.source_id,
            )  # fmt: skip
            new.countries = [
                models.ProjectCountry(state_id=code, position=i)
                for i, code in enumerate(p.get("countries") or ())
            ]
            self.session.add(new)
            self.session.flush()
        row = self.session.get(models.Project, entity_id)
        if row is None:
            raise InputError(f"project {entity_id!r} is not in the knowledge base")
        self._touch("project", entity_id)
        step = PROJECT_STATUS.get(p.get("status") or "")
        if step and all(s.status != step for s in row.statuses):
            row.statuses.append(
                models.ProjectStatus(
                    status=step,
                    status_date=self.published,
                    position=len(row.statuses),
                    source_id=self.source_id,
                )
            )
            self.session.flush()
        self.support("project", entity_id)
        return entity_id

    def membership(self, p: Mapping[str, Any], entity_id: str | None) -> str:
        when = None if p.get("date") is None else str(p["date"])
        clashes: list[Disagreement] = []
        if p["event"] == "left":
            row = self._open_interval(p["state"], "member")
            self._touch("status-interval", str(row.id))
            clashes = self._set_date(row, "end_date", when, "left")
        elif entity_id is None:
            row = models.StatusInterval(
                state_id=p["state"],
                status=EVENT_STATUS[p["event"]],
                start_date=when,
                source_id=self.source_id,
            )
            self.session.add(row)
            self.session.flush()
            self._touch("status-interval", str(row.id), new=True)
        else:
            row = _interval(self.session, entity_id)
            self._touch("status-interval", str(row.id))
            clashes = self._set_date(row, "start_date", when, "since")
        self.session.flush()
        self._check(f"{p['state']} {p['event']}", clashes)
        self.support("status-interval", str(row.id))
        return str(row.id)

    def _open_interval(self, state: str, status: str) -> models.StatusInterval:
        query = select(models.StatusInterval).where(
            models.StatusInterval.state_id == state,
            models.StatusInterval.status == status,
            models.StatusInterval.end_date.is_(None),
        )
        row = self.session.scalars(query).first()
        if row is None:
            raise InputError(f"{state} has no open {status} interval to end")
        return row


def _interval(session: Session, entity_id: str) -> models.StatusInterval:
    """The interval a catalogue id (`IND:member:2017-06-09`) or row id names."""
    if entity_id.isdigit():
        row = session.get(models.StatusInterval, int(entity_id))
    else:
        state, status, start = entity_id.split(":", 2)
        query = select(models.StatusInterval).where(
            models.StatusInterval.state_id == state,
            models.StatusInterval.status == status,
            models.StatusInterval.start_date == (None if start == "unknown" else start),
        )
        row = session.scalars(query).first()
    if row is None:
        raise InputError(f"status interval {entity_id!r} is not in the knowledge base")
    return row


def interval_row_id(session: Session, entity_id: str) -> str:
    return str(_interval(session, entity_id).id)


def _within(when: PartialDate, start: str | None, end: str | None) -> bool:
    if start is None:
        return False
    first = PartialDate.parse(start)
    last = PartialDate.parse(end) if end else first
    return first.first_day() <= when.last_day() and when.first_day() <= last.last_day()


def _same_city(session: Session, known: str | None, claimed: str) -> bool:
    if known is None:
        return False
    names = {known.casefold()}
    row = session.scalars(select(models.City).where(models.City.name == known)).first()
    if row is not None:
        names |= {alias.alias.casefold() for alias in row.aliases}
    return claimed.strip().casefold() in names


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def _unique(session: Session, model: type[models.Base], base: str) -> str:
    candidate, n = base, 2
    while session.get(model, candidate) is not None:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


KIND_WORDS = (
    ("charter", "charter"),
    ("convention", "convention"),
    ("treaty", "treaty"),
    ("declaration", "declaration"),
    ("strategy", "strategy"),
    ("programme", "programme"),
    ("program", "programme"),
    ("communique", "communique"),
    ("communiqué", "communique"),
    ("memorandum", "memorandum"),
    ("regulations", "regulations"),
)


def _agreement_kind(title: str) -> str:
    folded = title.casefold()
    for word, kind in KIND_WORDS:
        if word in folded:
            return kind
    return "agreement"
