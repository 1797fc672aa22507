"""Reviewing claims: see one with its evidence, accept, reject, edit (the list
of claims is `listings.claims`, the queue of groups `queue.review_queue`).

What a surface sees of a claim is read models (`read.claims`: the claim, its
document, its candidates), never the rows (#15); the writes take a claim's id
or prefix and read the row themselves.

Every decision is a logged change (`scotrack.store.history`): accepting records
the entity it changed (with the claim's document now among its sources) and the
claim itself, in one batch, so `undo` reverts both. Nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import vocab
from scotrack.domain.dates import PartialDate, compatible
from scotrack.domain.passages import Passage, passage
from scotrack.errors import InputError
from scotrack.ingest.claims.claim import ExtractedClaim
from scotrack.ingest.claims.claim_fields import EDITABLE_EXTRA, FIELDS, item_problems
from scotrack.ingest.claims.summaries import summary
from scotrack.store import history, models
from scotrack.store.history import Batch, ChangeRecord, Recorder, Snapshot
from scotrack.store.provenance import (
    Claim,
    Document,
    effective_payload,
    evidence_spans,
)
from scotrack.store.read.claims import (
    CandidateRecord,
    ClaimDocument,
    ClaimRecord,
    candidate_record,
    claim_document,
    claim_record,
    claim_row,
)
from scotrack.store.write import acceptance
from scotrack.store.write.disagreements import (
    Choice,
    Disagreement,
    Disagreements,
    Refinement,
)


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim with what a reviewer needs to decide on it."""

    claim: ClaimRecord
    document: ClaimDocument
    payload: dict[str, Any]
    evidence: list[tuple[int, int]]
    passage: Passage
    """The sentence(s) around the evidence, with the spans marked in it
    (`domain.passages`: the text search keeps as the claim's body)."""
    candidates: list[CandidateRecord]
    group: list[ClaimRecord] = field(default_factory=list)
    """Every claim about the same fact (this one included)."""
    group_conflicts: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """field -> value -> ids of the claims of the group that give it, for the
    fields the group's claims disagree on (dates only when incompatible)."""
    disagreements: list[Disagreement] = field(default_factory=list)
    """Where accepting as proposed would contradict the knowledge base."""
    refinements: list[Refinement] = field(default_factory=list)
    """The knowledge base's dates accepting as proposed would make more precise."""


@dataclass(frozen=True, slots=True)
class Preview:
    """What accepting a claim as proposed would do, found without doing it."""

    disagreements: list[Disagreement] = field(default_factory=list)
    refinements: list[Refinement] = field(default_factory=list)


def view(session: Session, ref: str) -> ClaimView:
    """The claim whose id is `ref` (or a unique prefix of it) as a reviewer sees
    it: its document, evidence passage, candidates, group, and what accepting it
    as proposed would contradict or refine."""
    claim = claim_row(session, ref)
    document = _document(session, claim)
    payload = effective_payload(claim)
    spans = list(evidence_spans(claim.evidence))
    group = list(
        session.scalars(
            select(Claim).where(Claim.group_key == claim.group_key).order_by(Claim.id)
        )
    )
    outcome = preview(session, claim)
    return ClaimView(
        claim=claim_record(claim),
        document=claim_document(document),
        payload=payload,
        evidence=spans,
        passage=passage(document.clean_text, spans),
        candidates=[candidate_record(c) for c in claim.candidates],
        group=[claim_record(member) for member in group],
        group_conflicts=_group_conflicts(group),
        disagreements=outcome.disagreements,
        refinements=outcome.refinements,
    )


def _document(session: Session, claim: Claim) -> Document:
    document = session.get(Document, claim.document_id)
    if document is None:  # the foreign key forbids it
        raise InputError(f"claim {claim.id[:12]}: its document is missing")
    return document


def _group_conflicts(group: Sequence[Claim]) -> dict[str, dict[str, list[str]]]:
    """The fields the group's claims give different values for, each value with
    the claims giving it; dates only when two of them are incompatible, since
    2017-06 and 2017-06-09 agree at a lower precision (#14)."""
    values: dict[str, dict[str, list[str]]] = {}
    for claim in group:
        for name, value in effective_payload(claim).items():
            if value is None or name in ("text", "evidence"):
                continue
            shown = json.dumps(value, ensure_ascii=False, sort_keys=True).strip('"')
            values.setdefault(name, {}).setdefault(shown, []).append(claim.id)
    return {
        name: found
        for name, found in values.items()
        if len(found) > 1 and not (name == "date" and _dates_agree(found))
    }


def _dates_agree(values: Iterable[str]) -> bool:
    """Does every pair of these partial dates agree (one containing the other)?"""
    dates = [PartialDate.parse(value) for value in values]
    return all(
        compatible(one, other) for i, one in enumerate(dates) for other in dates[i:]
    )


def preview(session: Session, claim: Claim) -> Preview:
    """What accepting the claim as proposed would contradict or refine in the
    knowledge base: applied in a savepoint that is rolled back."""
    if claim.status != "pending" or claim.proposal != "link":
        return Preview()
    savepoint = session.begin_nested()
    try:
        applier = _applier(session, claim, None)
        _apply(applier, claim, None)
    except Disagreements as err:
        return Preview(disagreements=err.found)
    except InputError:
        return Preview()
    finally:
        savepoint.rollback()
    return Preview(refinements=applier.refinements)


def document_source(session: Session, document: Document) -> str:
    """The source id of a stored document, created on first use."""
    source_id = f"doc:{document.id[:16]}"
    if session.get(models.Source, source_id) is None:
        session.add(
            models.Source(
                id=source_id,
                title=document.title or document.path or document.id[:16],
                publisher=document.outlet,
                url=document.url,
                published_date=document.published_date,
                document_id=document.id,
            )
        )
        session.flush()
    return source_id


def _target(claim: Claim, link: str | None) -> str | None:
    """The entity id to change (None: make a new one) from `link` or the proposal."""
    if link == "new":
        return None
    if link is not None:
        kind, _, entity_id = link.partition(":")
        wanted = _entity_kind(claim.kind)
        if not entity_id or kind != wanted:
            raise InputError(
                f"--link {link!r}: give {wanted}:ID (or new) for a {claim.kind} claim"
            )
        return entity_id
    if claim.proposal == "link" and claim.entity_id is not None:
        return claim.entity_id
    if claim.proposal == "ambiguous":
        listed = ", ".join(f"{c.entity_kind}:{c.entity_id}" for c in claim.candidates)
        raise InputError(
            f"claim {claim.id[:12]} is ambiguous between {listed}: "
            "choose one with --link KIND:ID, or --link new"
        )
    return None


def _applier(
    session: Session,
    claim: Claim,
    choice: Choice | None,
    touched: dict[tuple[str, str], Snapshot | None] | None = None,
    actor: str | None = None,
) -> acceptance.Applier:
    """An Applier for the claim; given `touched` (shared by the claims of one
    action) it snapshots each entity once, before the action's first change."""
    document = _document(session, claim)
    source_id = document_source(session, document)
    return acceptance.Applier(
        session,
        source_id,
        claim.id,
        document.published_date,
        choice,
        touched={} if touched is None else touched,
        actor=actor,
    )


def _apply(
    applier: acceptance.Applier, claim: Claim, link: str | None
) -> tuple[str, str]:
    """Change the knowledge base as the claim says; (entity kind, entity id)."""
    payload = effective_payload(claim)
    target = _target(claim, link)
    kind = _entity_kind(claim.kind)
    if kind in vocab.NUMBERED_KINDS and target is not None:
        target = acceptance.interval_row_id(applier.session, target)
    entity_id: str = getattr(applier, claim.kind.replace("-", "_"))(payload, target)
    return kind, entity_id


def _entity_kind(claim_kind: str) -> vocab.EntityKind:
    """The kind of entity a claim of `claim_kind` changes (`vocab.CLAIM_SORTS`)."""
    if claim_kind not in vocab.CLAIM_SORTS:
        raise InputError(f"claim kind {claim_kind!r}: not one of the claim kinds")
    return vocab.CLAIM_SORTS[claim_kind].entity


def accept(
    session: Session,
    ref: str,
    *,
    actor: str,
    link: str | None = None,
    choice: Choice | None = None,
    note: str | None = None,
) -> list[ChangeRecord]:
    """Accept a claim: change the knowledge base and log it, in one batch.

    Raises Disagreements (changing nothing) when the claim contradicts the
    knowledge base and `choice` does not say which side wins.
    """
    claim = claim_row(session, ref)
    if claim.status == "accepted":
        raise InputError(f"claim {claim.id[:12]} is already accepted")
    log = Batch(session)
    accept_into(log, claim, actor=actor, link=link, choice=choice, note=note)
    return log.record(
        Recorder(session, actor, "accept", reason=note, claim_id=claim.id)
    )


def accept_into(
    log: Batch,
    claim: Claim,
    *,
    actor: str,
    link: str | None = None,
    choice: Choice | None = None,
    note: str | None = None,
) -> None:
    """Apply a pending claim to the knowledge base and mark it accepted, noting
    in `log` what changed (logged by `log.record`). Disagreements (or another
    InputError) leaves nothing applied."""
    session = log.session
    claim_before = history.current(session, "claim", claim.id)
    with session.begin_nested():  # an error leaves no half-applied claim
        applier = _applier(session, claim, choice, log.facts, actor)
        entity_kind, entity_id = _apply(applier, claim, link)
    claim.entity_kind, claim.entity_id = entity_kind, entity_id
    _decide(claim, "accepted", actor=actor, note=note)
    log.claims.setdefault(claim.id, (claim_before, applier.source_id))


def reject_into(
    log: Batch, claim: Claim, *, actor: str, note: str | None = None
) -> None:
    """Mark a pending claim rejected, noting it in `log`."""
    before = history.current(log.session, "claim", claim.id)
    _decide(claim, "rejected", actor=actor, note=note)
    log.claims.setdefault(claim.id, (before, None))


def reject(
    session: Session, ref: str, *, actor: str, note: str | None = None
) -> list[ChangeRecord]:
    """Mark a claim rejected (it stays, with who and why); logged."""
    claim = claim_row(session, ref)
    if claim.status == "accepted":
        raise InputError(
            f"claim {claim.id[:12]} is accepted: undo its acceptance "
            "(scotrack history claim:ID, then scotrack undo CHANGE) to reject it"
        )
    if claim.status == "rejected":
        raise InputError(f"claim {claim.id[:12]} is already rejected")
    log = Batch(session)
    reject_into(log, claim, actor=actor, note=note)
    return log.record(
        Recorder(session, actor, "reject", reason=note, claim_id=claim.id)
    )


def edit_claim(
    session: Session,
    ref: str,
    changes: Mapping[str, Any],
    *,
    actor: str,
    note: str | None = None,
) -> list[ChangeRecord]:
    """Correct a pending claim's fields before accepting it; logged.

    `changes` holds field -> value (None clears a field); every field is checked
    against sco-extract/1 like extracted items are.
    """
    claim = claim_row(session, ref)
    if claim.status != "pending":
        raise InputError(
            f"claim {claim.id[:12]} is {claim.status}: only pending claims"
        )
    payload = effective_payload(claim)
    allowed = editable_claim_fields(claim.kind)
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise InputError(
            f"claim {claim.id[:12]}: no field {', '.join(unknown)} "
            f"(a {claim.kind} claim has {', '.join(allowed)})"
        )
    payload.update(changes)
    problems = item_problems(claim.kind, payload)  # type: ignore[arg-type]
    if problems:
        raise InputError(f"claim {claim.id[:12]}: {'; '.join(problems)}")
    recorder = Recorder(session, actor, "edit", reason=note, claim_id=claim.id)
    with recorder.tracking("claim", claim.id):
        claim.edited_payload = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        claim.summary = _summary_of(claim, payload)
    return recorder.records()


def editable_claim_fields(kind: str) -> tuple[str, ...]:
    """The fields `edit_claim` may set on a claim of `kind`: those sco-extract/1
    gives the kind."""
    known: Any = kind
    extra: tuple[str, ...] = EDITABLE_EXTRA.get(known, ())
    return FIELDS[known] + extra


def _summary_of(claim: Claim, payload: dict[str, Any]) -> str:
    spans = evidence_spans(claim.evidence)
    return summary(ExtractedClaim(claim.document_id, claim.kind, payload, spans))  # type: ignore[arg-type]


def _decide(claim: Claim, status: str, *, actor: str, note: str | None) -> None:
    claim.status = status
    claim.decided_by = actor
    claim.decided_at = history.now()
    claim.note = note
