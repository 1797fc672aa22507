"""What accepting a suggestion records (#13): an assessment, or a project's next step.

`acceptance.Applier.assessment` and `.project_status` call these, inside the
acceptance's savepoint and batch, so that the change is logged with the claim's
and `undo` reverts both. An assessment is made by the same function as
`scotrack assess` (`assessments.assessment_of`), its evidence the claim's span.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from scotrack.domain import projects as project_rules
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.provenance import Claim, evidence_spans
from scotrack.store.write.assessments import add_assessment, assessment_of


def commitment_id(entity_id: str | None) -> str:
    if entity_id is None:
        raise InputError(
            "an assessment claim needs its commitment: --link commitment:ID"
        )
    return entity_id


def project_id(entity_id: str | None) -> str:
    if entity_id is None:
        raise InputError("a project-status claim needs its project: --link project:ID")
    return entity_id


def assess(
    session: Session,
    claim_id: str,
    p: Mapping[str, Any],
    entity_id: str | None,
    actor: str | None,
) -> str:
    """Add the assessment the claim suggests to the commitment; its id."""
    row = session.get(models.Commitment, commitment_id(entity_id))
    if row is None:
        raise InputError(f"commitment {entity_id!r} is not in the knowledge base")
    claim = session.get(Claim, claim_id)
    spans = evidence_spans(claim.evidence) if claim is not None else ()
    if claim is None or not spans:
        raise InputError(f"claim {claim_id[:12]} has no evidence span")
    start, end = spans[0]
    assessment = assessment_of(
        session,
        score=str(p["score"]),
        on=str(p["date"]),
        assessor=actor or "reviewer",
        evidence=f"{claim.document_id}:{start}-{end}",
        note=f"suggested by claim {claim_id[:12]} ({p.get('progress') or 'edited'})",
    )
    add_assessment(row, assessment)
    session.flush()
    return row.id


def move_project(
    session: Session, source_id: str, p: Mapping[str, Any], entity_id: str | None
) -> str:
    """Add the status step the claim suggests to the project, dated, if the
    lifecycle allows it from its latest step (InputError naming both if not)."""
    row = session.get(models.Project, project_id(entity_id))
    if row is None:
        raise InputError(f"project {entity_id!r} is not in the knowledge base")
    status = p["status"]
    if status not in project_rules.LIFECYCLE:
        raise InputError(f"status: {status!r} is not a project status")
    latest = row.statuses[-1].status if row.statuses else None
    if not project_rules.can_move(latest, status):  # type: ignore[arg-type]
        raise InputError(f"project {row.id}: cannot move from {latest} to {status}")
    when = None if p.get("date") is None else str(p["date"])
    row.statuses.append(
        models.ProjectStatus(
            status=status,
            status_date=when,
            position=len(row.statuses),
            source_id=source_id,
        )
    )
    if status == "under way" and row.actual_start_date is None:
        row.actual_start_date = when
    if status == "completed" and row.actual_end_date is None:
        row.actual_end_date = when
    session.flush()
    return row.id
