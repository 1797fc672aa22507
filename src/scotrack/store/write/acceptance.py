"""What accepting a claim does to the knowledge base, kind by kind.

`Applier` changes (or creates) the entity a claim is about and adds the
claim's document as a source supporting it (`fact_source`), field by field as
`disagreements.FactWriter` writes them: an empty field is filled, a more precise
date refines the stored one, and a different value is a `Disagreement` the
reviewer settles.

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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate, parse_optional, reconciled
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.provenance import Claim
from scotrack.store.write import progress
from scotrack.store.write.disagreements import (
    Disagreement,
    FactWriter,
)

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


@dataclass(slots=True)
class Applier(FactWriter):
    """Changes (or creates) the entity a claim is about, kind by kind: a method
    per claim kind, named after it."""

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
            select(models.Body).where(
                models.Body.schema_body == p["body"],
                models.Body.predecessor_of.is_(None),  # no claim is the Shanghai Five's
            )
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


__all__ = ["Applier", "interval_row_id"]
