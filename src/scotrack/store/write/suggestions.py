"""Suggested assessments and project status changes, from statements of implementation.

When a document is stored, its statements of implementation
(`ingest.facts.implementations`) are matched (`matching`) against the
commitments and projects the knowledge base holds, and each match becomes a
pending claim in the review queue, never a fact:

- `assessment`: commitment id, proposed score (+1 done, 0 under way, -1 not
  done or cancelled: `domain.commitments.PROGRESS_SCORE`), the date the report
  refers to (the document's date), the sentence as evidence, and the
  commitment's own sentence (with the document and claim it was accepted
  from), so that a reviewer sees both;
- `project-status`: project id, the status the report implies
  (`domain.projects.PROGRESS_STATUS`), dated, when the lifecycle allows it.

Accepting one goes through `review.accept` like any claim
(`acceptance.Applier.assessment` / `project_status`): one logged batch,
undoable; rejecting leaves the knowledge base as it was. Only accepted
commitments are matched: a pending commitment claim has no id to assess yet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain import projects as project_rules
from scotrack.domain.passages import passage
from scotrack.ingest.claims import summaries
from scotrack.ingest.claims.claim import ExtractedClaim, claim_key
from scotrack.store import models
from scotrack.store.provenance import Claim, ClaimCandidate, Document, FactSource
from scotrack.store.provenance import evidence_spans as spans_of
from scotrack.store.write.matching import Match, Target, best_matches

TEXT_LIMIT = 90


def targets(session: Session) -> list[Target]:
    """Every commitment and project of the knowledge base, as the matcher sees
    them (two queries and the projects' parts, whatever their number)."""
    made_in = (
        select(
            models.Commitment.id,
            models.Commitment.actor,
            models.Commitment.text,
            models.Commitment.made_date,
            models.Source.document_id,
        )
        .outerjoin(models.Source, models.Source.id == models.Commitment.source_id)
        .order_by(models.Commitment.id)
    )
    found = [
        Target("commitment", id_, (actor,), text, made, document)
        for id_, actor, text, made, document in session.execute(made_in)
    ]
    sources = select(models.Source.id, models.Source.document_id).where(
        models.Source.document_id.is_not(None)
    )
    documents = {row.id: row.document_id for row in session.execute(sources)}
    for project in session.scalars(select(models.Project).order_by(models.Project.id)):
        countries = tuple(c.state_id for c in project.countries)
        dates = [s.status_date for s in project.statuses if s.status_date]
        found.append(
            Target(
                "project",
                project.id,
                countries,
                project.name,
                min(dates, default=None),
                documents.get(project.source_id or ""),
            )
        )
    return found


def suggest(
    session: Session,
    document_id: str,
    statements: Sequence[Mapping[str, Any]],
    *,
    known: list[Target] | None = None,
) -> int:
    """Store the suggestions the document's `statements` make; how many (executed,
    not committed). Claims already stored (same document, kind and payload) are
    not added twice. `known`: `targets(session)`, when the caller read them
    already (storing documents does not change them)."""
    if not statements:
        return 0
    known = targets(session) if known is None else known
    if not known:
        return 0
    added = 0
    for statement in statements:
        for found in best_matches(statement, known, document_id=document_id):
            added += _add(session, document_id, statement, found)
    session.flush()
    return added


def _add(
    session: Session, document_id: str, statement: Mapping[str, Any], found: Match
) -> int:
    target, progress = found.target, str(statement["progress"])
    if target.kind == "commitment":
        kind = "assessment"
        payload: dict[str, Any] = {
            "commitment": target.id,
            "score": commitment_rules.PROGRESS_SCORE[progress],
            "date": statement["date"],
            "progress": progress,
            "text": statement["text"],
            "commitment_text": target.text,
            "commitment_evidence": commitment_evidence(session, target.id),
        }
    else:
        status = project_rules.PROGRESS_STATUS[progress]
        if not _may_move(session, target.id, status):
            return 0
        kind = "project-status"
        payload = {
            "project": target.id,
            "status": status,
            "date": statement["date"],
            "progress": progress,
            "text": statement["text"],
            "project_name": target.text,
        }
    key = claim_key(document_id, kind, payload)
    if session.get(Claim, key) is not None:
        return 0
    group = f"{kind}:{target.id}:{payload.get('score', payload.get('status'))}"
    session.add(
        Claim(
            id=key,
            document_id=document_id,
            kind=kind,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            evidence=json.dumps(statement["evidence"]),
            summary=summaries.summary(
                ExtractedClaim(document_id, kind, payload, ((0, 0),))  # type: ignore[arg-type]
            ),
            proposal="link",
            entity_kind=target.kind,
            entity_id=target.id,
            group_key=group[:160],
            block=f"{kind}:{target.id}"[:160],
            status="pending",
        )
    )
    session.add(
        ClaimCandidate(
            claim_id=key,
            position=0,
            entity_kind=target.kind,
            entity_id=target.id,
            label=_shortened(target.text),
            score=round(100 * found.score),
            reasons=json.dumps(list(found.reasons), ensure_ascii=False),
        )
    )
    return 1


def _may_move(session: Session, project_id: str, status: str) -> bool:
    row = session.get(models.Project, project_id)
    latest = row.statuses[-1].status if row is not None and row.statuses else None
    return project_rules.can_move(latest, status)  # type: ignore[arg-type]


def commitment_evidence(session: Session, commitment_id: str) -> dict[str, Any] | None:
    """The sentence the commitment was accepted from: its document, claim, span
    and sentence (the first accepted claim's); None for a curated commitment."""
    query = (
        select(FactSource.claim_id)
        .where(
            FactSource.entity_kind == "commitment",
            FactSource.entity_id == commitment_id,
            FactSource.claim_id.is_not(None),
        )
        .order_by(FactSource.source_id)
    )
    for claim_id in session.scalars(query):
        claim = session.get(Claim, claim_id)
        if claim is None:
            continue
        document = session.get(Document, claim.document_id)
        spans = spans_of(claim.evidence)
        if document is None or not spans:
            continue
        return {
            "document": document.id,
            "claim": claim.id,
            "span": list(spans[0]),
            "sentence": passage(document.clean_text, spans[:1]).text,
        }
    return None


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "\u2026"
