"""Compliance assessments: recording one (logged, undoable); the compliance report
they make is read by `store.read.compliance.compliance_report`.

An assessment is a part of its commitment, so recording one is a logged change of
the commitment (action `assess`): `scotrack undo` reverts it and `--known-on`
replays it. Assessments are only ever added; a later one reverses an earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from scotrack.domain import commitments as rules
from scotrack.domain.commitments import Assessment
from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError, NotFound
from scotrack.store import identity, models, rows
from scotrack.store.history import ChangeRecord, Recorder
from scotrack.store.provenance import Document

MAX_TEXT = 4000
"""The longest note, citation or assessor name accepted (characters)."""
MAX_SPAN = 4000
"""The longest evidence span (characters of the document's clean text)."""

_EVIDENCE = re.compile(r"(?P<doc>[0-9A-Za-z_-]+):(?P<start>\d{1,9})-(?P<end>\d{1,9})")


@dataclass(frozen=True, slots=True)
class Recorded:
    """An assessment just recorded and the change that logged it."""

    commitment_id: str
    assessment: Assessment
    change: ChangeRecord


def evidence_span(session: Session, spec: str) -> tuple[str, int, int, str]:
    """`DOC:START-END` read and checked: document id, start, end, the quoted text."""
    match = _EVIDENCE.fullmatch(spec.strip())
    if match is None:
        raise InputError(
            f"evidence {spec[:80]!r}: write DOC:START-END (e.g. 3f2a9c:120-245)"
        )
    # the lookup of `reader.find_document`, without importing the reader, which
    # imports review, which imports this (through acceptance, #13)
    document = identity.by_id_or_prefix(
        session, Document, "document", match.group("doc")
    )
    start, end = int(match.group("start")), int(match.group("end"))
    length = len(document.clean_text)
    if start >= end:
        raise InputError(f"evidence {spec}: the span's start must be before its end")
    if end > length:
        raise InputError(
            f"evidence {spec}: the span ends after the document "
            f"{document.id[:12]} ({length} characters)"
        )
    if end - start > MAX_SPAN:
        raise InputError(f"evidence {spec}: a span is at most {MAX_SPAN} characters")
    return document.id, start, end, document.clean_text[start:end]


def _text(label: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise InputError(f"{label}: at most {MAX_TEXT} characters")
    return value or None


def record_assessment(
    session: Session,
    commitment_id: str,
    *,
    score: str,
    on: str,
    assessor: str,
    evidence: str | None = None,
    citation: str | None = None,
    note: str | None = None,
) -> Recorded:
    """Add an assessment to a commitment and log it as a change of the commitment.

    `score` is 1, 0, -1 or `inconclusive`; `on` the (partial) date it refers to;
    the evidence a span `DOC:START-END` of a stored document or a `citation`
    (exactly one of them). InputError or NotFound, naming the field, otherwise.
    """
    row = session.get(models.Commitment, commitment_id.strip())
    if row is None:
        raise NotFound(f"commitment {commitment_id!r}: no such commitment")
    assessment = assessment_of(
        session,
        score=score,
        on=on,
        assessor=assessor,
        evidence=evidence,
        citation=citation,
        note=note,
    )
    reason = f"assessed {score.strip()} on {assessment.date}" + (
        f": {note.strip()}" if note else ""
    )
    recorder = Recorder(session, assessor, "assess", reason=reason[:MAX_TEXT])
    with recorder.tracking("commitment", row.id):
        add_assessment(row, assessment)
    session.flush()  # the change's id, for `undo`
    return Recorded(row.id, assessment, recorder.records()[0])


def assessment_of(
    session: Session,
    *,
    score: str,
    on: str,
    assessor: str,
    evidence: str | None = None,
    citation: str | None = None,
    note: str | None = None,
) -> Assessment:
    """The assessment the fields describe, checked (see `record_assessment`): the
    one path by which `scotrack assess`, the API, the web form and an accepted
    suggestion (`acceptance.Applier.assessment`) make an assessment."""
    try:
        value = rules.parse_score(score)
    except ValueError as err:
        raise InputError(f"score: {err}") from None
    try:
        day = PartialDate.parse(on.strip())
    except (ValueError, InputError) as err:
        raise InputError(f"date: {err}") from None
    cited = _text("citation", citation)
    if (evidence is None or not evidence.strip()) == (cited is None):
        raise InputError("evidence: give a document span DOC:START-END or a citation")
    who = _text("assessor", assessor)
    if who is None:
        raise InputError("assessor: say who assesses")
    document_id = span = None
    quote = cited
    if evidence is not None and evidence.strip():
        document_id, start, end, quote = evidence_span(session, evidence)
        span = (start, end)
    return Assessment(
        day,
        value,
        _text("note", note) or "",
        evidence=quote,
        assessor=who,
        document_id=document_id,
        span=span,
    )


def add_assessment(row: models.Commitment, assessment: Assessment) -> None:
    """Append `assessment` to the commitment's, after the ones it has (the caller
    tracks the change)."""
    position = max((a.position for a in row.assessments), default=-1) + 1
    values = rows.assessment_values(assessment)
    row.assessments.append(models.Assessment(**values, position=position))
