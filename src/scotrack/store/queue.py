"""The review queue: one row per group of claims, the largest groups first.

Ingesting 1,500 near-identical articles must not give 19,500 rows to review
(#14): the queue shows each group once, by its representative (the claim with the
best link score), with how many claims and documents it holds, sorted by group
size then link score (both descending) and paged with totals, for the CLI, the
API and the web app alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Subquery, distinct, func, select
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store import groups, review
from scotrack.store.provenance import Claim, Document
from scotrack.store.reader import find_document


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One group of the queue."""

    claim: Claim
    """The representative: the group's claim with the best link score."""
    claims: int
    documents: int
    score: int | None
    document_title: str | None


@dataclass(frozen=True, slots=True)
class Queue:
    """One page of the queue, and what the whole queue holds."""

    rows: list[QueueRow]
    groups: int
    claims: int
    offset: int
    limit: int

    @property
    def note(self) -> str:
        """ "showing 1-50 of 812 groups (19,500 claims)" """
        if not self.rows:
            return f"no groups from offset {self.offset}: there are {self.groups}"
        last = self.offset + len(self.rows)
        return (
            f"showing {self.offset + 1}-{last} of {self.groups:,} "
            f"{'group' if self.groups == 1 else 'groups'} "
            f"({self.claims:,} {'claim' if self.claims == 1 else 'claims'})"
        )


LABELS = ("status", "kind")
"""What errors call the status and kind filters (the CLI: --status, --type)."""


def _filters(
    status: str | None,
    kind: str | None,
    document: str | None,
    labels: tuple[str, str] = LABELS,
) -> list[ColumnElement[bool]]:
    if status is not None and status not in review.STATUSES:
        raise InputError(
            f"{labels[0]} {status!r}: choose one of {', '.join(review.STATUSES)}"
        )
    if kind is not None and kind not in review.KINDS:
        raise InputError(
            f"{labels[1]} {kind!r}: choose one of {', '.join(review.KINDS)}"
        )
    found = []
    if status is not None:
        found.append(Claim.status == status)
    if kind is not None:
        found.append(Claim.kind == kind)
    if document is not None:
        found.append(Claim.document_id == document)
    return found


def review_queue(
    session: Session,
    *,
    status: str | None = "pending",
    kind: str | None = None,
    document: str | None = None,
    limit: int = 50,
    offset: int = 0,
    labels: tuple[str, str] = LABELS,
) -> Queue:
    """A page of groups of the claims with `status`, `kind` and `document` (its
    id or a unique prefix)."""
    if document is not None:
        document = find_document(session, document).id
    where = _filters(status, kind, document, labels)
    ranked = _ranked(where)
    query = (
        select(ranked.c.id, ranked.c.size, ranked.c.score)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.size.desc(), ranked.c.score.desc(), ranked.c.id)
        .limit(limit)
        .offset(offset)
    )
    page = session.execute(query).all()
    claims = {
        claim.id: claim
        for claim in session.scalars(
            select(Claim).where(Claim.id.in_([row.id for row in page]))
        )
    }
    keys = [claims[row.id].group_key for row in page]
    documents = _documents(session, where, keys)
    titles = _titles(session, [claim.document_id for claim in claims.values()])
    rows = [
        QueueRow(
            claim=claims[row.id],
            claims=int(row.size),
            documents=documents.get(claims[row.id].group_key, 1),
            score=None if row.score < 0 else int(row.score),
            document_title=titles.get(claims[row.id].document_id),
        )
        for row in page
    ]
    totals = session.execute(
        select(func.count(), func.count(distinct(Claim.group_key))).where(*where)
    ).one()
    return Queue(rows, int(totals[1]), int(totals[0]), offset, limit)


def _ranked(where: list[ColumnElement[bool]]) -> Subquery:
    """Each claim with its rank in its group (1: the representative), its
    group's size and its link score (-1 without one)."""
    scored = (
        select(
            Claim.id,
            Claim.group_key,
            func.coalesce(groups.link_score(), -1).label("score"),
        )
        .where(*where)
        .subquery()
    )
    group = scored.c.group_key
    return select(
        scored.c.id,
        scored.c.group_key,
        scored.c.score,
        func.row_number()
        .over(partition_by=group, order_by=(scored.c.score.desc(), scored.c.id))
        .label("rank"),
        func.count().over(partition_by=group).label("size"),
    ).subquery()


def _documents(
    session: Session, where: list[ColumnElement[bool]], keys: list[str]
) -> dict[str, int]:
    """How many documents the claims of each group (as filtered) come from."""
    query = (
        select(Claim.group_key, func.count(distinct(Claim.document_id)))
        .where(*where, Claim.group_key.in_(set(keys)))
        .group_by(Claim.group_key)
    )
    return {key: int(count) for key, count in session.execute(query)}


def _titles(session: Session, ids: list[str]) -> dict[str, str | None]:
    query = select(Document.id, Document.title).where(Document.id.in_(set(ids)))
    return {str(row.id): row.title for row in session.execute(query)}


def next_group(
    session: Session, claim: Claim, *, kind: str | None = None
) -> str | None:
    """The representative of the pending group after `claim`'s in the queue (the
    first group when `claim`'s has left it), or None when nothing else waits."""
    ranked = _ranked(_filters("pending", kind, None))
    query = (
        select(ranked.c.id, ranked.c.group_key)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.size.desc(), ranked.c.score.desc(), ranked.c.id)
    )
    order = [(row.id, row.group_key) for row in session.execute(query)]
    keys = [key for _, key in order]
    if claim.group_key in keys:
        index = keys.index(claim.group_key) + 1
        following = order[index:] + order[: index - 1]
    else:
        following = order
    return following[0][0] if following else None
