"""The groups of claims as they arrive: `GroupIndex`, which the writer keeps so
that a claim stored joins the group of the claims it agrees with (by the rules of
`groups.claims_agree`) without comparing it with every claim stored before.
A claim linked to a known entity needs no index: its group is the entity's
(`summaries.block_key`).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process, utils

from scotrack.domain.vocab import ClaimKind
from scotrack.ingest.claims import names, resolve
from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.claim import ExtractedClaim, Payload
from scotrack.ingest.claims.groups import (
    claim_year,
    claims_agree_within,
    provisional_catalogue,
)

CEILING = 2
"""`GroupIndex.trim` forgets blocks in use too past this many times its limit."""
SHARED_LENGTH = 40
"""Payload strings up to this long (codes, bodies, cities, dates) are shared
between the members of a `GroupIndex`, not kept once each."""


@dataclass(slots=True)
class _Block:
    """The distinct claims of one block: one member per `_payload_key` (claims
    equal in it agree with the same claims), each with its group."""

    members: list[tuple[ExtractedClaim, Catalogue]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    """Each member's `_match_key`, for PREFILTERS."""
    same: dict[bytes, int] = field(default_factory=dict)
    """payload key -> the member that stands for the claims that say it."""
    used: int = 0
    """`GroupIndex.clock` when the block was last used."""


@dataclass(slots=True)
class GroupIndex:
    """Groups of unlinked claims by block, for grouping claims as they arrive.

    The groups of a block are the connected groups of its claims, two claims
    being connected when they say the same (`_payload_key`) or agree
    (`claims_agree`): single linkage, so that they do not
    depend on the order the claims arrive in, nor on how a run was split (#18).
    A new claim is compared with one member per distinct payload of the block
    (whether two claims agree depends on their payloads only, and for agreements
    on the year, which `_payload_key` holds); when it connects groups, they merge
    (`groups_of` returns them all and the caller keeps one, `merge` records it).
    For commitments, projects and agreements one rapidfuzz pass over the
    members' texts first rules out every member whose text is under the
    similarity a link needs.
    """

    catalogue: Catalogue
    blocks: dict[str, _Block] = field(default_factory=dict)
    """The blocks known, least recently used first (`trim` drops from the front)."""
    merged: dict[str, str] = field(default_factory=dict)
    """A group merged into another -> that one (`root` follows the chain)."""
    clock: int = 0
    """What the caller counts to say how recent a use is (documents stored)."""
    held: int = 0
    """Members of every block held: what the index's memory grows with, about
    1.4 KB each (the claim's payload, its provisional catalogue and keys)."""

    def known(self, block: str) -> bool:
        return block in self.blocks

    def start(self, block: str) -> None:
        """Record that `block` is known (read from the database), with the
        claims added to it so far, if any."""
        self._used(block)

    def trim(self, limit: int, *, recent: int) -> None:
        """Forget the least recently used blocks until at most `limit` members
        are held, sparing those used since `clock - recent` (a block forgotten is
        read again when one of its claims comes, and one still in use would be
        read again and again) as long as at most `CEILING` times `limit` are
        held: when documents come in random date order every block is in use
        all the time, and sparing them all kept every claim of the run (#16).
        Only between transactions, when every claim the index holds is in the
        database."""
        while self.held > limit and self.blocks:
            oldest = next(iter(self.blocks))
            in_use = self.blocks[oldest].used > self.clock - recent
            if in_use and self.held <= CEILING * limit:
                break
            gone = self.blocks.pop(oldest)
            self.held -= len(gone.members)
            # every group of a block is a member's: its merges go with it (the
            # database holds the merged groups)
            for group in gone.groups:
                self.merged.pop(group, None)

    def _used(self, block: str) -> _Block:
        """`block`'s claims, made the most recently used."""
        known = self.blocks.pop(block, None)
        if known is None:
            known = _Block()
        self.blocks[block] = known
        known.used = self.clock
        return known

    def root(self, group: str) -> str:
        """The group `group` was merged into, if it was, else `group`."""
        while group in self.merged:
            group = self.merged[group]
        return group

    def merge(self, group: str, into: str) -> None:
        """Record that `group`'s claims now belong to `into`."""
        group, into = self.root(group), self.root(into)
        if group != into:
            self.merged[group] = into

    def add(
        self, block: str, claim: ExtractedClaim, group: str, *, member: bool = False
    ) -> None:
        """Record `claim` as a member of `group` in `block` (`member`: it is
        one already, made by `member_claim`, and is kept as it is: a claim read
        back from the database is built once, not twice, #16)."""
        known = self._used(block)
        payload = _payload_key(claim)
        if payload in known.same:
            return
        self.held += 1
        known.same[payload] = len(known.members)
        if not member:
            claim = member_claim(claim.kind, claim.payload, claim.published)
        known.members.append((claim, provisional_catalogue(claim, self.catalogue)))
        known.groups.append(group)
        known.keys.append(_match_key(claim))

    def groups_of(self, block: str, claim: ExtractedClaim) -> list[str]:
        """Every group of `block` that `claim` connects to, sorted (empty: none)."""
        if block not in self.blocks:
            return []
        known = self._used(block)
        same = known.same.get(_payload_key(claim))
        if same is not None:  # agrees with what that member agrees with
            return [self.root(known.groups[same])]
        found: set[str] = set()
        own = provisional_catalogue(claim, self.catalogue)
        for index in self._close(known, claim):
            group = self.root(known.groups[index])
            if group in found:
                continue
            member, member_catalogue = known.members[index]
            if claims_agree_within(claim, own, member, member_catalogue):
                found.add(group)
        return sorted(found)

    def join(self, block: str, claim: ExtractedClaim) -> tuple[str, tuple[str, ...]]:
        """Put `claim` in its group: the first of the groups of `block` it
        connects to, or a new group named after it; the other groups it connects
        are merged into that one. Returns the group and the groups merged into
        it (the caller records the merges where the claims are stored). The one
        way claims are grouped: the writer calls it for every unlinked claim."""
        found = self.groups_of(block, claim)
        group = found[0] if found else f"new:{claim.key}"
        for other in found[1:]:
            self.merge(other, group)
        self.add(block, claim, group)
        return group, tuple(found[1:])

    def group_of(self, block: str, claim: ExtractedClaim) -> str | None:
        """The first of `groups_of`, or None for a new group."""
        found = self.groups_of(block, claim)
        return found[0] if found else None

    def _close(self, known: _Block, claim: ExtractedClaim) -> list[int]:
        """The members PREFILTERS leave to compare `claim` with (all, for a kind
        without a prefilter)."""
        if claim.kind not in PREFILTERS or not known.members:
            return list(range(len(known.members)))
        close: set[int] = set()
        for scorer, cutoff in PREFILTERS[claim.kind]:
            found = process.extract(
                _match_key(claim),
                known.keys,
                scorer=scorer,
                processor=None,
                score_cutoff=cutoff,
                limit=None,
            )
            close.update(index for _, _, index in found)
        return sorted(close)


PREFILTERS: dict[str, tuple[tuple[Any, float], ...]] = {
    # a commitment links only at text similarity >= the gate (rounded)
    "commitment": ((fuzz.partial_ratio, resolve.COMMITMENT_TEXT_GATE - 0.5),),
    # a project is a candidate only at token-set similarity >= its gate
    "project": ((fuzz.token_set_ratio, resolve.PROJECT_NAME_GATE - 0.5),),
    # a title links at a mean of token-set, partial and token-sort >= the link
    # threshold, so one of token-set and partial (>= token-sort) reaches it
    "agreement": (
        (fuzz.token_set_ratio, resolve.LINK_THRESHOLD["agreement"] - 0.5),
        (fuzz.partial_ratio, resolve.LINK_THRESHOLD["agreement"] - 0.5),
    ),
}
"""Claim kinds whose groups are narrowed by one rapidfuzz pass (in C) over the
block before the full comparison: each scorer and cutoff is a necessary condition
of the link `claims_agree` looks for, so no agreeing group is ruled out."""


def _match_key(claim: ExtractedClaim) -> str:
    """What PREFILTERS compare: the processed text or name the link rules use."""
    p = claim.payload
    if claim.kind == "commitment":
        return str(utils.default_process(str(p["text"])))
    if claim.kind == "project":
        return names.name_key(str(p["name"]))
    if claim.kind == "agreement":
        return names.name_key(str(p["title"]))
    return ""


def _payload_key(claim: ExtractedClaim) -> bytes:
    """Equal for claims that say the same (agreements: also in the same year):
    a digest of both, 16 bytes where the text would be a few hundred."""
    year = claim_year(claim) if claim.kind == "agreement" else None
    text = json.dumps([claim.payload, year], sort_keys=True, ensure_ascii=False)
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def member_claim(
    kind: ClaimKind, payload: Payload, published: str | None
) -> ExtractedClaim:
    """What comparing with a claim needs: its kind, payload and date, without
    its document's id and evidence, the payload's names and short values
    shared (`sys.intern`) rather than a copy each: a member is kept as long
    as its block, and the claims of an unpickled document are copies (#16)."""
    shared = {sys.intern(key): _shared(value) for key, value in payload.items()}
    date = None if published is None else sys.intern(published)
    return ExtractedClaim("", kind, shared, (), published=date)


def _shared(value: Any) -> Any:
    if isinstance(value, str) and len(value) <= SHARED_LENGTH:
        return sys.intern(value)
    return value
