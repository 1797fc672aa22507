"""One commitment's or one project's whole record for its page (#13).

A commitment: who made it, where, the sentences it was read from (accepted
claims, with their documents), and its compliance timeline: every assessment
with the change that recorded it (who, when) and whether it reverses the one
before, plus the assessments later undone. A project: its dated lifecycle, each
step with its source, and the documents that support it.

With `known_on`, the facts are those the change log held at the end of that day
(`store.read.replay`); the log itself and the documents are read as they are now,
up to that day.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as rules
from scotrack.domain.commitments import Assessment, Commitment, Score
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Meeting
from scotrack.domain.passages import passage
from scotrack.domain.sources import Source
from scotrack.errors import NotFound
from scotrack.store import history, identity, models, rows
from scotrack.store.provenance import Claim, Document, evidence_spans
from scotrack.store.read import queries
from scotrack.store.read.compliance import compliance_of
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.replay import known_on as replayed


@dataclass(frozen=True, slots=True)
class ChangeRef:
    """What a page needs of one change: which it is, who made it and what it did."""

    id: int
    actor: str
    action: str
    at: str
    """When it was recorded (ISO 8601, UTC)."""


def change_ref(change: history.ChangeRecord) -> ChangeRef:
    return ChangeRef(change.id, change.actor, change.action, change.at)


def latest_change_ref(session: Session, kind: str, entity_id: str) -> ChangeRef | None:
    """The latest change of one entity, as a `ChangeRef` (None: never changed)."""
    found = history.entity_changes(session, kind, entity_id, last=1)
    return change_ref(found[-1]) if found else None


def commitment_meetings(session: Session) -> list[str]:
    """The meetings at which commitments were made, by id."""
    found = session.scalars(
        select(models.Commitment.meeting_id)
        .where(models.Commitment.meeting_id.is_not(None))
        .distinct()
    )
    return sorted(m for m in found if m)


@dataclass(frozen=True, slots=True)
class Sentence:
    """The passage of a stored document a fact was read from (an accepted claim):
    the sentence(s) around the claim's evidence (`domain.passages.passage`, the
    text the review shows); `start` and `end` bound the evidence's spans."""

    claim_id: str
    document_id: str
    document_title: str
    published: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    """One assessment of the timeline, in the order of the days it refers to."""

    assessment: Assessment
    recorded_at: str | None
    """When the change log recorded it (ISO, UTC); None when the log has no trace."""
    recorded_by: str | None
    change_id: int | None
    reverses: Assessment | None
    """The assessment before it in the timeline, when this one gives another score."""
    in_force: bool
    """Whether it is the compliance on the record's day."""
    undone_at: str | None = None
    """For an assessment since withdrawn: when its undo was recorded."""
    undone_by: str | None = None


@dataclass(frozen=True, slots=True)
class CommitmentRecord:
    commitment: Commitment
    on: date
    known_on: date | None
    meeting: Meeting | None
    source: Source | None
    sentences: tuple[Sentence, ...]
    timeline: tuple[AssessmentEntry, ...]
    undone: tuple[AssessmentEntry, ...]
    """Assessments recorded and later undone (kept in the log, not in force)."""
    current: Assessment | None
    compliance: str
    """One of `vocab.COMPLIANCES`, on `on`."""
    last_assessment: ChangeRef | None
    """The commitment's latest change when it recorded an assessment (undoable)."""
    state_names: dict[str, str]

    def timeline_rows(self) -> list[dict[str, Any]]:
        """Each assessment as a flat row, the timeline's then the undone ones,
        with its state ("in force", "kept" or "undone"): the rows of the page's
        CSV and of `scotrack commitment`'s table (#15)."""
        rows = [
            _entry_row(e, "in force" if e.in_force else "kept") for e in self.timeline
        ]
        return rows + [_entry_row(e, "undone") for e in self.undone]


def _entry_row(entry: AssessmentEntry, state: str) -> dict[str, Any]:
    found = entry.assessment
    span = found.span
    return {
        "date": str(found.date),
        "score": found.score,
        "state": state,
        "evidence": found.evidence,
        "document": found.document_id,
        "start": None if span is None else span[0],
        "end": None if span is None else span[1],
        "note": found.note or None,
        "assessor": found.assessor,
        "recorded_at": entry.recorded_at,
        "change": entry.change_id,
        "reverses": None if entry.reverses is None else entry.reverses.score,
        "undone_at": entry.undone_at,
    }


def find_commitment(session: Session, ref: str) -> models.Commitment:
    """The commitment whose id is `ref`, or the one whose id starts with it
    (`identity.by_id_or_prefix`: at least 6 characters, one match)."""
    return identity.by_id_or_prefix(session, models.Commitment, "commitment", ref)


def commitment_id(session: Session, ref: str) -> str:
    """The full id of the commitment `ref` names (`find_commitment`): what a
    surface needs of it, never the row."""
    return find_commitment(session, ref).id


@contextmanager
def entities_known_on(session: Session, known_on: date | None) -> Iterator[Session]:
    """`session` itself, or with `known_on` a read-only view of the knowledge
    base's entities as the change log held them at the end of that day."""
    if known_on is None:
        yield session
        return
    with replayed(session, known_on) as view:
        yield view


def commitment_record(
    session: Session, ref: str, *, on: date, known_on: date | None = None
) -> CommitmentRecord:
    """The commitment `ref` names (its id or a unique prefix: `find_commitment`),
    compliance as of `on` as known at the end of `known_on`; NotFound when it did
    not exist then. The one read of a commitment: its page, `GET
    /api/v1/commitments/{id}` and `scotrack commitment` (#15)."""
    commitment_id = find_commitment(session, ref).id
    with entities_known_on(session, known_on) as facts:
        row = facts.get(models.Commitment, commitment_id)
        if row is None:
            when = "" if known_on is None else f" on {known_on}"
            raise NotFound(
                f"commitment {commitment_id!r}: not in the knowledge base{when}"
            )
        commitment = rows.commitment_from_row(row)
        meeting_row = (
            None
            if row.meeting_id is None
            else facts.get(models.Meeting, row.meeting_id)
        )
        meeting = None if meeting_row is None else rows.meeting_from_row(meeting_row)
    changes = history.entity_changes(
        session, "commitment", commitment.id, known_on=known_on
    )
    current = rules.compliance(commitment, on=on)
    timeline, undone = _timeline(commitment, changes, current)
    last = changes[-1] if changes else None
    return CommitmentRecord(
        commitment,
        on,
        known_on,
        meeting,
        queries.sources_by_id(session, [commitment.source_id]).get(
            commitment.source_id or ""
        ),
        tuple(evidence_sentences(session, "commitment", commitment.id)),
        timeline,
        undone,
        current,
        compliance_of(commitment, on=on),
        change_ref(last) if last is not None and last.action == "assess" else None,
        state_names(session),
    )


def _key(values: dict[str, Any]) -> str:
    """What tells two assessments apart: their values, not their row id or
    position (the log's snapshots hold both; an assessment's values do not)."""
    kept = {k: v for k, v in values.items() if k not in ("id", "position")}
    return json.dumps(kept, sort_keys=True, default=str)


def _assessment_of(values: dict[str, Any]) -> Assessment:
    """An assessment as the change log wrote it (the `assessment` row's columns)."""
    start, end = values.get("span_start"), values.get("span_end")
    score = values.get("score")
    return Assessment(
        PartialDate.parse(str(values["assessed_date"])),
        cast("Score", "inconclusive" if score is None else score),
        str(values.get("note") or ""),
        values.get("source_id"),
        values.get("evidence"),
        values.get("assessor"),
        values.get("document_id"),
        None if start is None or end is None else (int(start), int(end)),
    )


def _parts(snapshot: history.Snapshot | None) -> dict[str, dict[str, Any]]:
    data = snapshot or {}
    return {_key(part): part for part in data.get("assessments", [])}


def _timeline(
    commitment: Commitment,
    changes: list[history.ChangeRecord],
    current: Assessment | None,
) -> tuple[tuple[AssessmentEntry, ...], tuple[AssessmentEntry, ...]]:
    """Every assessment in force with the change that recorded it, in the order of
    the days they refer to; and those recorded and later undone."""
    added: dict[str, history.ChangeRecord] = {}
    withdrawn: list[AssessmentEntry] = []
    for change in changes:
        before, after = _parts(change.before), _parts(change.after)
        for key in after.keys() - before.keys():
            added[key] = change
        for key in before.keys() - after.keys():
            made = added.pop(key, None)
            withdrawn.append(
                AssessmentEntry(
                    _assessment_of(before[key]),
                    None if made is None else made.at,
                    None if made is None else made.actor,
                    None if made is None else made.id,
                    None,
                    False,
                    change.at,
                    change.actor,
                )
            )
    ordered = sorted(
        enumerate(commitment.assessments),
        key=lambda item: (item[1].date.sort_key(), item[0]),
    )
    entries = []
    previous: Assessment | None = None
    for _, found in ordered:
        made = added.get(_key(rows.assessment_values(found)))
        reverses = None
        if previous is not None and previous.score != found.score:
            reverses = previous
        entries.append(
            AssessmentEntry(
                found,
                None if made is None else made.at,
                None if made is None else made.actor,
                None if made is None else made.id,
                reverses,
                found is current,
            )
        )
        previous = found
    return tuple(entries), tuple(withdrawn)


def evidence_sentences(session: Session, kind: str, entity_id: str) -> list[Sentence]:
    """The evidence of the accepted claims about the entity, oldest document first."""
    query = (
        select(Claim.id, Claim.evidence, Document)
        .join(Document, Document.id == Claim.document_id)
        .where(
            Claim.entity_kind == kind,
            Claim.entity_id == entity_id,
            Claim.status == "accepted",
        )
        .order_by(Document.published_date, Claim.id)
    )
    found = []
    for claim_id, evidence, document in session.execute(query):
        spans = evidence_spans(evidence)
        if not spans:
            continue
        found.append(
            Sentence(
                claim_id,
                document.id,
                document.title or document.id[:12],
                document.published_date,
                min(start for start, _ in spans),
                max(end for _, end in spans),
                passage(document.clean_text, spans).text,
            )
        )
    return found
