"""Deciding many claims at once: a whole group, or every claim a filter selects.

Many documents report one fact, so one decision should settle them all (#14):
`accept_group`/`reject_group` decide a claim and every pending claim of its group,
and `decide_by_filter` the claims of a kind, document, outlet or link score. Each
is ONE batch in the change log (`history.Batch`), so `undo` of any of its changes
reverts the whole decision.

A member is never decided silently against what the reviewer saw: one whose values
are incompatible with the decided claim's (`_group_conflicts`' rule: a partial date
containing the other agrees) is left pending, and so is one that contradicts the
knowledge base; both are reported. The reviewer's `choice` (keep/take) carries to
the members that say nothing the decided claim does not say. Nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.domain import vocab
from scotrack.domain.dates import PartialDate, compatible
from scotrack.errors import InputError
from scotrack.store import history, models
from scotrack.store.history import Batch, ChangeRecord, Recorder
from scotrack.store.provenance import (
    Claim,
    Document,
    effective_payload,
    link_score,
)
from scotrack.store.read.claims import claim_row
from scotrack.store.read.reader import find_document
from scotrack.store.write import review
from scotrack.store.write.disagreements import Choice, Disagreements

Decision = Literal["accept", "reject"]
UNCOMPARED = ("text", "evidence")
"""Payload fields that differ between documents saying the same thing."""


@dataclass(frozen=True, slots=True)
class Left:
    """A claim a group decision left pending, and why."""

    claim_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """What deciding a claim with its group did."""

    changes: list[ChangeRecord]
    decided: list[str]
    """The ids of the claims decided, the chosen claim first."""
    left: list[Left] = field(default_factory=list)


def accept_group(
    session: Session,
    ref: str,
    *,
    actor: str,
    link: str | None = None,
    choice: Choice | None = None,
    note: str | None = None,
) -> GroupDecision:
    """Accept a claim and every pending claim of its group, as one batch.

    The members are linked to the entity the claim was accepted into. A claim
    already accepted decides the rest of its group the same way.
    """
    claim = claim_row(session, ref)
    if claim.status == "rejected":
        raise InputError(f"claim {claim.id[:12]} is rejected: undo that first")
    log = Batch(session)
    if claim.status == "pending":
        review.accept_into(log, claim, actor=actor, link=link, choice=choice, note=note)
    target = f"{claim.entity_kind}:{claim.entity_id}"
    # held, so the session keeps the row (and its parts) loaded for every member
    entity = history.entity_row(session, str(claim.entity_kind), str(claim.entity_id))

    def decide(member: Claim, covered: bool) -> None:
        review.accept_into(
            log,
            member,
            actor=actor,
            link=target,
            choice=choice if covered else None,
            note=note,
        )

    decided, left = _decide_members(session, claim, decide)
    del entity
    recorder = Recorder(session, actor, "accept", reason=note, claim_id=claim.id)
    return _outcome(log, recorder, claim, decided, left)


def reject_group(
    session: Session, ref: str, *, actor: str, note: str | None = None
) -> GroupDecision:
    """Reject a claim and every pending claim of its group that agrees with it,
    as one batch (a member giving other values may be the right one: it stays)."""
    claim = claim_row(session, ref)
    if claim.status == "accepted":
        raise InputError(
            f"claim {claim.id[:12]} is accepted: undo its acceptance to reject it"
        )
    log = Batch(session)
    if claim.status == "pending":
        review.reject_into(log, claim, actor=actor, note=note)

    def decide(member: Claim, _covered: bool) -> None:
        review.reject_into(log, member, actor=actor, note=note)

    decided, left = _decide_members(session, claim, decide)
    recorder = Recorder(session, actor, "reject", reason=note, claim_id=claim.id)
    return _outcome(log, recorder, claim, decided, left)


def _outcome(
    log: Batch, recorder: Recorder, claim: Claim, decided: list[str], left: list[Left]
) -> GroupDecision:
    changes = log.record(recorder)
    first = [claim.id] if claim.id in log.claims else []
    return GroupDecision(changes, first + decided, left)


def _decide_members(
    session: Session, claim: Claim, decide: Callable[[Claim, bool], None]
) -> tuple[list[str], list[Left]]:
    """Decide each other pending claim of the group that agrees with `claim`;
    the ids decided and the claims left pending (with why)."""
    query = select(Claim).where(
        Claim.group_key == claim.group_key,
        Claim.status == "pending",
        Claim.id != claim.id,
    )
    chosen = effective_payload(claim)
    decided: list[str] = []
    left: list[Left] = []
    members = session.scalars(query.order_by(Claim.id)).all()
    loaded = _load_documents(session, [member.document_id for member in members])
    for member in members:
        payload = effective_payload(member)
        clash = payload_clash(chosen, payload)
        if clash is not None:
            left.append(Left(member.id, clash))
            continue
        try:
            decide(member, _covered(chosen, payload))
        except InputError as err:  # Disagreements with the knowledge base
            left.append(Left(member.id, _reason(err)))
            continue
        decided.append(member.id)
    del loaded
    return decided, left


def _load_documents(session: Session, ids: list[str]) -> list[object]:
    """The claims' documents and their sources, loaded in a few queries so that
    deciding hundreds of claims does not fetch them one by one (the caller keeps
    the list: the session holds its rows only while they are referenced)."""
    rows: list[object] = []
    for start in range(0, len(ids), 500):
        chunk = set(ids[start : start + 500])
        rows += session.scalars(select(Document).where(Document.id.in_(chunk)))
        sources = select(models.Source).where(models.Source.document_id.in_(chunk))
        rows += session.scalars(sources)
    return rows


def _reason(err: InputError) -> str:
    if isinstance(err, Disagreements):
        found = "; ".join(f"{d.field}: {d.known} vs {d.claimed}" for d in err.found)
        return f"disagrees with the knowledge base ({found})"
    return str(err)


def _values(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: value
        for name, value in payload.items()
        if value is not None and name not in UNCOMPARED
    }


def payload_clash(chosen: Mapping[str, Any], other: Mapping[str, Any]) -> str | None:
    """The first field both payloads give with incompatible values ("city:
    Almaty, not Astana"), or None when they agree (dates: one contains the other)."""
    mine = _values(chosen)
    for name, value in _values(other).items():
        if name not in mine or _same(name, mine[name], value):
            continue
        return f"{name}: {_shown(value)}, not {_shown(mine[name])}"
    return None


def _same(name: str, one: Any, two: Any) -> bool:
    if one == two:
        return True
    if name == "date" and isinstance(one, str) and isinstance(two, str):
        return compatible(PartialDate.parse(one), PartialDate.parse(two))
    return False


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).strip('"')


def _covered(chosen: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Does `other` say nothing `chosen` does not (so the reviewer's choice on
    `chosen` holds for it too)?"""
    return set(_values(other)) <= set(_values(chosen))


# deciding by filter


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which pending claims a bulk decision takes; None: any."""

    kind: str | None = None
    document: str | None = None
    """A document id, or its first 6+ characters."""
    source: str | None = None
    """The outlet of the claim's document (case-insensitive)."""
    min_score: int | None = None
    """The claim's best link score at least this (claims without one excluded)."""


@dataclass(frozen=True, slots=True)
class GroupPlan:
    """One group of the claims a filter selected, and what happens to it."""

    claim_id: str
    """The group's representative: its claim with the best link score."""
    kind: str
    summary: str
    claims: int
    decided: int
    skipped: str | None = None
    """Why (some of) the group's claims are left pending."""


@dataclass(frozen=True, slots=True)
class BulkOutcome:
    """What a decision by filter did (or, on a dry run, would do)."""

    decision: Decision
    dry_run: bool
    matched: int
    decided: int
    groups: list[GroupPlan]
    skipped: dict[str, int]
    """Claims left pending by reason: ambiguous, conflicting, disagreeing."""
    changes: list[ChangeRecord] = field(default_factory=list)
    """The changes made (none on a dry run)."""

    @property
    def decided_groups(self) -> int:
        return sum(1 for group in self.groups if group.decided)


SKIP_REASONS = ("ambiguous", "conflicting", "disagreeing")


def decide_by_filter(
    session: Session,
    decision: Decision,
    wanted: ClaimFilter,
    *,
    actor: str,
    note: str | None = None,
    dry_run: bool = False,
) -> BulkOutcome:
    """Accept or reject every pending claim `wanted` selects, group by group, as
    one batch; with `dry_run`, the same done in a savepoint rolled back.

    Accepting skips (and counts) the ambiguous claims (no entity to link to),
    the groups whose selected claims give incompatible values (conflicting), and
    the claims that contradict the knowledge base (disagreeing): none is accepted
    without a reviewer's choice.
    """
    claims = matching_claims(session, wanted)
    loaded = _load_documents(session, [claim.document_id for claim in claims])
    buckets: dict[str, list[Claim]] = {}
    for claim in claims:
        buckets.setdefault(claim.group_key, []).append(claim)
    skipped = dict.fromkeys(SKIP_REASONS, 0)
    plans: list[GroupPlan] = []
    savepoint = session.begin_nested()
    log = Batch(session)
    for members in buckets.values():
        plans.append(_decide_bucket(log, decision, members, skipped, actor, note))
    recorder = Recorder(session, actor, decision, reason=note)
    changes = log.record(recorder)
    del loaded
    if dry_run:
        savepoint.rollback()
        session.expire_all()
        changes = []
    else:
        savepoint.commit()
    return BulkOutcome(
        decision,
        dry_run,
        matched=len(claims),
        decided=sum(plan.decided for plan in plans),
        groups=plans,
        skipped=skipped,
        changes=changes,
    )


def _decide_bucket(
    log: Batch,
    decision: Decision,
    members: list[Claim],
    skipped: dict[str, int],
    actor: str,
    note: str | None,
) -> GroupPlan:
    """Decide the selected claims of one group (the best-scored first)."""
    first = members[0]

    def plan(decided: int, reason: str | None) -> GroupPlan:
        return GroupPlan(
            first.id, first.kind, first.summary, len(members), decided, reason
        )

    if decision == "reject":
        for claim in members:
            review.reject_into(log, claim, actor=actor, note=note)
        return plan(len(members), None)
    linkable = [claim for claim in members if claim.proposal != "ambiguous"]
    skipped["ambiguous"] += len(members) - len(linkable)
    if not linkable:
        return plan(0, "ambiguous: choose a link for each")
    payloads = [effective_payload(claim) for claim in linkable]
    clash = next(
        (found for p in payloads[1:] if (found := payload_clash(payloads[0], p))),
        None,
    )
    if clash is not None:
        skipped["conflicting"] += len(linkable)
        return plan(0, f"conflicting: {clash}")
    decided = 0
    target: str | None = None
    for claim in linkable:
        try:
            review.accept_into(log, claim, actor=actor, link=target, note=note)
        except InputError:  # contradicts the knowledge base: a reviewer decides
            skipped["disagreeing"] += 1
            continue
        target = target or f"{claim.entity_kind}:{claim.entity_id}"
        decided += 1
    left = len(members) - decided
    return plan(decided, None if not left else f"{left} left pending")


def matching_claims(session: Session, wanted: ClaimFilter) -> list[Claim]:
    """The pending claims `wanted` selects, by group, the best-scored first."""
    score = link_score()
    query = select(Claim).where(Claim.status == "pending")
    if wanted.kind is not None:
        if wanted.kind not in vocab.CLAIM_KINDS:
            raise InputError(
                f"--kind {wanted.kind!r}: choose one of {', '.join(vocab.CLAIM_KINDS)}"
            )
        query = query.where(Claim.kind == wanted.kind)
    if wanted.document is not None:
        query = query.where(Claim.document_id == document_id(session, wanted.document))
    if wanted.source is not None:
        outlet = select(Document.id).where(
            func.lower(Document.outlet) == wanted.source.strip().lower()
        )
        query = query.where(Claim.document_id.in_(outlet))
    if wanted.min_score is not None:
        query = query.where(score >= wanted.min_score)
    query = query.order_by(Claim.group_key, func.coalesce(score, -1).desc(), Claim.id)
    return list(session.scalars(query))


def document_id(session: Session, ref: str) -> str:
    """The id of the document `ref` names: its id or first 6+ characters."""
    return find_document(session, ref).id
