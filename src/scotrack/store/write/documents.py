"""Storing prepared documents and their claims, one transaction per document.

`DocumentStore.store(prepared)` writes a document (id: SHA-256 of its raw
content), every claim of its extraction with the entity resolution proposed for it
and the candidates behind it (computed beforehand, in the extraction workers, by
`ingest.prepared`), and the search entries, in the caller's session; the caller
commits once per document, so a crash leaves each document either wholly stored or
absent. Writers store one document at a time (#18): on SQLite the session's
`BEGIN IMMEDIATE` takes the database's write lock, on PostgreSQL `store` takes a
transaction-level advisory lock first, so that a document another run stored a
moment ago is found (`unchanged`) rather than inserted twice, and two new versions
at one URL are numbered one after the other. Identical content is stored once
(`unchanged`); new content at a known URL becomes the next version of that
document.

Claims are grouped as they arrive: a claim linked to a known entity joins that
entity's group; an unlinked claim joins the group of an earlier claim of its block
that describes the same fact (`facts.GroupIndex`), else starts one. Each block is
read from the database once a run, and again after another writer stored a
document (#18) or after the index forgot it to stay within its limit
(`GROUP_MEMBERS`, #16): its distinct claims, one row a payload. Then the
document's statements of implementation are matched against the commitments and
projects known, as suggested assessments and status changes (`suggestions`,
#13). Rows go in with Core inserts, one statement per table: the ORM's unit of
work costs more than the rest of storing a document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from scotrack.ingest.claims.catalogue import Catalogue, Resolution
from scotrack.ingest.claims.claim import ExtractedClaim
from scotrack.ingest.claims.group_index import GroupIndex, member_claim
from scotrack.ingest.claims.prepared import PreparedClaim, PreparedDocument, content_id
from scotrack.store.history import now
from scotrack.store.provenance import Claim as ClaimRow
from scotrack.store.provenance import ClaimCandidate, Document
from scotrack.store.write.search_index import index_prepared
from scotrack.store.write.suggestions import suggest

Outcome = Literal["new", "version", "unchanged"]
Row = dict[str, Any]

DOCUMENT = cast(Table, Document.__table__)
CLAIM = cast(Table, ClaimRow.__table__)
CANDIDATE = cast(Table, ClaimCandidate.__table__)

# built once: constructing a statement costs more than running these ones
VERSION_OF = select(DOCUMENT.c.version).where(DOCUMENT.c.id == bindparam("id"))
LATEST_AT = (
    select(DOCUMENT.c.id, DOCUMENT.c.version)
    .where(DOCUMENT.c.url == bindparam("url"))
    .order_by(DOCUMENT.c.version.desc())
    .limit(1)
)
# documents are never deleted (a trigger forbids it), so either grows by one
# with each document stored, by whoever stores it
STORED_SQLITE = text("SELECT coalesce(max(rowid), 0) FROM document")
STORED = select(func.count()).select_from(DOCUMENT)
MERGE_GROUP = (
    update(CLAIM)
    .where(CLAIM.c.block == bindparam("in_block"))
    .where(CLAIM.c.group_key == bindparam("merged"))
    .values(group_key=bindparam("into"))
)
FIRST_OF_EACH_PAYLOAD = (
    select(func.min(CLAIM.c.id))
    .where(CLAIM.c.block.in_(bindparam("blocks", expanding=True)))
    .where(CLAIM.c.proposal != "link")
    .group_by(CLAIM.c.block, CLAIM.c.payload)
)
BLOCK_MEMBERS = (
    select(
        CLAIM.c.block,
        CLAIM.c.kind,
        CLAIM.c.payload,
        CLAIM.c.group_key,
        DOCUMENT.c.published_date,
    )
    .join_from(CLAIM, DOCUMENT, CLAIM.c.document_id == DOCUMENT.c.id)
    .where(CLAIM.c.id.in_(FIRST_OF_EACH_PAYLOAD))
    .order_by(CLAIM.c.id)
)
"""The unlinked claims of some blocks that `GroupIndex` keeps: of the claims of
a block with one payload, the first (by id, as the index, reading them all in
that order, kept the first); the payload, group and date, not the evidence or
the rest of the row. A block forgotten (`GroupIndex.trim`) is read again with
it, and its claims in the database grow with the corpus, its distinct payloads
less: reading every claim as a row object made the writer's CPU grow faster
than the corpus (#16)."""
INSERT_DOCUMENT = insert(DOCUMENT)
INSERT_CLAIM = insert(CLAIM)
INSERT_CANDIDATE = insert(CANDIDATE)
BLOCKS_A_QUERY = 500
BLOCKS_AT_ONCE = 20
"""Blocks a batch groups its claims in before the grouping index is trimmed
(`DocumentStore.group_claims`): a query each, and the index's peak the limit
plus these blocks."""
GROUP_MEMBERS = 20_000
"""Distinct unlinked claims the writer keeps to group new claims with, about
1.4 KB each (28 MB): past it, the blocks used least recently are forgotten
between transactions and read from the database again when a claim of theirs
comes. Kept for the whole run, they grew with the corpus: 1.7 a document on
the bench's pages (claims dated by their article are new facts), 3.9 KB a
document, the writer's 686 MB at 100,000 pages (#16). Blocks are by year: an
archive read in date order leaves old ones unused, but pages dated at random
touch every block every batch: past `group_index.CEILING` times this many
(40,000), blocks in use are forgotten too (#16)."""
GROUP_RECENT = 2_000
"""A block used in the last this many documents is forgotten only past the
ceiling (it would be read again and again)."""
WRITER_LOCK = text("SELECT pg_advisory_xact_lock(5330172718)")
"""PostgreSQL: one document store at a time (the key is arbitrary, ours alone)."""

__all__ = [
    "DocumentStore",
    "Stored",
    "candidate_values",
    "content_id",
    "document_values",
    "stored",
]


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one document did."""

    document_id: str
    outcome: Outcome
    version: int
    claims: int
    proposals: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentStore:
    """Stores documents into `session`'s database against one catalogue."""

    session: Session
    catalogue: Catalogue
    group_members: int = GROUP_MEMBERS
    """At most this many claims kept for grouping between transactions..."""
    group_recent: int = GROUP_RECENT
    """... but the blocks used in the last this many documents kept, up to
    `group_index.CEILING` times `group_members`."""
    _groups: GroupIndex | None = None
    _stored: int | None = None
    """`stored_mark()` as this store left it: another value means that another
    writer stored documents since, and the cached groups may be out of date."""

    @property
    def groups(self) -> GroupIndex:
        if self._groups is None:
            self._groups = GroupIndex(self.catalogue)
        return self._groups

    def store(self, prepared: PreparedDocument) -> Stored:
        """Add the document and its claims (executed, not committed)."""
        doc, doc_id = prepared.document, prepared.id
        self.begin()
        existing = self.session.execute(VERSION_OF, {"id": doc_id}).scalar()
        if existing is not None:
            return Stored(doc_id, "unchanged", existing, 0)
        self.add_stored(1)
        previous = self._latest_at(doc.url)
        version = 1 if previous is None else previous[1] + 1
        document = document_values(prepared, previous, version)
        self.session.execute(INSERT_DOCUMENT, [document])
        claims = [self.claim_values(item) for item in prepared.claims]
        for claim in claims:  # a later claim may have merged an earlier one's group
            claim["group_key"] = self.groups.root(claim["group_key"])
        candidates = [
            row
            for item in prepared.claims
            for row in candidate_values(item.claim.key, item.resolution)
        ]
        if claims:
            self.session.execute(INSERT_CLAIM, claims)
        if candidates:
            self.session.execute(INSERT_CANDIDATE, candidates)
        index_prepared(self.session, document, prepared.claims)
        # after the document's own claims: its reports on earlier pledges (#13)
        suggested = suggest(self.session, doc_id, prepared.statements)
        return stored(document, claims, suggested, previous is None)

    def begin(self) -> None:
        """Start storing: on PostgreSQL take the writers' lock; drop the cached
        groups if another writer stored documents since this store last did,
        else trim them to `group_members` claims (`GroupIndex.trim`)."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(WRITER_LOCK)
        mark = self.stored_mark()
        if mark != self._stored:
            self.forget_cache()
        elif self._groups is not None:  # the last transaction is over: all stored
            self._groups.trim(self.group_members, recent=self.group_recent)
        self._stored = mark

    def add_stored(self, count: int) -> None:
        """Count `count` documents this store is adding (after `begin`)."""
        self._stored = (self._stored or 0) + count
        self.groups.clock += count

    def _latest_at(self, url: str | None) -> tuple[str, int] | None:
        """The id and version of the latest document stored from `url`."""
        if not url:
            return None
        found = self.session.execute(LATEST_AT, {"url": url}).first()
        return None if found is None else (str(found[0]), int(found[1]))

    def claim_values(self, item: PreparedClaim, group: str | None = None) -> Row:
        """The claim row of `item`, in the group it joins (see `_group`), or in
        `group` when it is known (`group_claims`)."""
        claim, best = item.claim, item.resolution.best
        linked = item.linked and best is not None
        if group is None:
            group = item.block if linked else self._group(claim, item.block)
        return {
            "id": claim.key,
            "document_id": claim.document_id,
            "kind": claim.kind,
            "payload": item.payload_json,
            "evidence": item.evidence_json,
            "summary": item.summary,
            "proposal": item.resolution.proposal,
            "entity_kind": best.entity_kind if linked and best else None,
            "entity_id": best.entity_id if linked and best else None,
            "group_key": group,
            "block": item.block,
            "status": "pending",
            "edited_payload": None,
            "decided_by": None,
            "decided_at": None,
            "note": None,
        }

    def group_claims(self, items: Sequence[PreparedClaim]) -> list[str]:
        """The group each of `items` joins, as `claim_values` would give it
        taking them in order, worked out `BLOCKS_AT_ONCE` blocks at a time with
        the index trimmed after each (`GroupIndex.trim`).

        A batch's claims touch most blocks when its documents are dated at
        random, so reading every block it needs before grouping any held them
        all: the index's limit bounded it only between batches, and the peak grew
        with the corpus (#16). The groups of a block depend on its own claims
        only, so taking the blocks in turn gives the groups the order of
        `items` gives; a block forgotten once its claims are grouped is read
        again in a later transaction, when they are stored."""
        found = [item.block for item in items]  # a linked claim's group
        by_block: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            if not (item.linked and item.resolution.best is not None):
                by_block.setdefault(item.block, []).append(index)
        blocks = list(by_block)
        groups = self.groups
        for at in range(0, len(blocks), BLOCKS_AT_ONCE):
            some = blocks[at : at + BLOCKS_AT_ONCE]
            self.load_blocks(some)
            for block in some:
                for index in by_block[block]:
                    found[index] = self._group(items[index].claim, block)
                for index in by_block[block]:  # a later claim may have merged it
                    found[index] = groups.root(found[index])
            groups.trim(self.group_members, recent=self.group_recent)
        return found

    def _group(self, claim: ExtractedClaim, block: str) -> str:
        """The group `claim` joins: the connected groups of its block (see
        `GroupIndex`); groups it connects are merged, in the database too."""
        self.load_blocks([block])
        group, merged = self.groups.join(block, claim)
        for other in merged:
            self.session.execute(
                MERGE_GROUP, {"in_block": block, "merged": other, "into": group}
            )
        return group

    def load_blocks(self, blocks: Iterable[str]) -> None:
        """Read the unlinked claims of each of `blocks` not read yet, in a
        query for up to BLOCKS_A_QUERY blocks."""
        groups = self.groups
        unknown = sorted({block for block in blocks if not groups.known(block)})
        for at in range(0, len(unknown), BLOCKS_A_QUERY):
            some = unknown[at : at + BLOCKS_A_QUERY]
            found = self.session.execute(BLOCK_MEMBERS, {"blocks": some})
            for block, kind, payload, group, published in found:
                claim = member_claim(kind, json.loads(payload), published)
                groups.add(block, claim, group, member=True)
            for block in some:
                groups.start(block)

    def stored_mark(self) -> int:
        """A number that grows with every document stored in the database."""
        sqlite = self.session.get_bind().dialect.name == "sqlite"
        found = self.session.execute(STORED_SQLITE if sqlite else STORED).scalar()
        return int(found or 0)

    def forget_cache(self) -> None:
        """Drop the cached groups (after a rollback they may hold unstored claims)."""
        self._groups = None
        self._stored = None


def document_values(
    prepared: PreparedDocument, previous: tuple[str, int] | None, version: int
) -> Row:
    """The document row of `prepared`, the next `version` after `previous`
    (the id and version of the latest document from its URL), if any."""
    doc = prepared.document
    tags = {k: prepared.extract.get(k, []) for k in ("states", "people", "areas")}
    return {
        "id": prepared.id,
        "url": doc.url,
        "version": version,
        "previous_id": None if previous is None else previous[0],
        "path": doc.path,
        "title": doc.metadata.title,
        "outlet": doc.metadata.source,
        "published_date": doc.metadata.published,
        "dateline": doc.metadata.dateline,
        "raw_text": doc.raw_text,
        "html": doc.html,
        "clean_text": doc.text,
        "tags": json.dumps(tags, ensure_ascii=False),
        "ingested_at": now(),
    }


def stored(document: Row, claims: list[Row], suggested: int, first: bool) -> Stored:
    """What storing `document` with `claims` and `suggested` suggestions did
    (`first`: no earlier version at its URL)."""
    proposals: dict[str, int] = {}
    for claim in claims:
        proposals[claim["proposal"]] = proposals.get(claim["proposal"], 0) + 1
    if suggested:
        proposals["link"] = proposals.get("link", 0) + suggested
    outcome: Outcome = "new" if first else "version"
    return Stored(
        document["id"], outcome, document["version"], len(claims) + suggested, proposals
    )


def candidate_values(claim_id: str, resolution: Resolution) -> list[Row]:
    return [
        {
            "claim_id": claim_id,
            "position": position,
            "entity_kind": candidate.entity_kind,
            "entity_id": candidate.entity_id,
            "label": candidate.label,
            "score": candidate.score,
            "reasons": json.dumps(list(candidate.reasons), ensure_ascii=False),
        }
        for position, candidate in enumerate(resolution.candidates)
    ]
