"""Fact groups: the claims of many documents that are about one thing.

Many articles report the same summit, signing or pledge; each gives a claim, and
the knowledge base must get one fact with every supporting document, never one
duplicate per article. `collapse` groups resolved claims:

- `link`: by the entity the claim links to;
- `new` and `ambiguous`: with the other claims of the same kind and proposal that
  match it by the rules of `resolve.candidates` (one claim is made into a
  provisional entity and the other is resolved against it, either way round), and
  transitively, so the groups do not depend on the order of the claims. Two
  claims that an agreement was signed or adopted must also agree on the year (the
  claim's date, else its article's): "joint communique" and "Bishkek Declaration"
  name a different text at every meeting.

`group_index.GroupIndex` groups claims by the same rules as they arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import parse_optional
from scotrack.domain.meetings import Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Project
from scotrack.domain.vocab import CLAIM_LISTS, ClaimKind
from scotrack.ingest.claims import resolve
from scotrack.ingest.claims.catalogue import (
    PROPOSALS,
    Candidate,
    Catalogue,
    Proposal,
    Resolution,
)
from scotrack.ingest.claims.claim import ExtractedClaim

Resolved = tuple[ExtractedClaim, Resolution]

_KIND_ORDER = tuple(CLAIM_LISTS.values())
CONCLUDING_ACTIONS = ("adopted", "signed")
"""Agreement actions that happen once, at one meeting (ratifications follow later)."""


@dataclass(frozen=True, slots=True)
class FactGroup:
    """One fact and every claim that supports it.

    `entity_id` is the linked entity (None for `new` and `ambiguous` groups, whose
    `candidates` are the union of their claims' candidates, best score kept).
    """

    kind: ClaimKind
    proposal: Proposal
    entity_id: str | None
    claims: tuple[ExtractedClaim, ...]
    candidates: tuple[Candidate, ...] = ()

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(sorted({claim.document_id for claim in self.claims}))


def collapse(
    claims_with_resolutions: Iterable[Resolved],
    *,
    catalogue: Catalogue | None = None,
) -> list[FactGroup]:
    """One group per fact, ordered by kind, proposal, entity id and first claim.

    `catalogue` lends its bodies and cities to the matching of unlinked claims
    (so "Nur-Sultan" and "Astana" claims meet); its entities are not used.
    A claim passed twice (same key) counts once.
    """
    unique = {claim.key: (claim, res) for claim, res in claims_with_resolutions}
    ordered = sorted(unique.values(), key=lambda pair: _claim_order(pair[0]))
    linked: dict[tuple[ClaimKind, str, str], list[Resolved]] = {}
    unlinked: dict[tuple[ClaimKind, Proposal], list[Resolved]] = {}
    for claim, resolution in ordered:
        best = resolution.best
        if resolution.proposal == "link" and best is not None:
            key = (claim.kind, best.entity_kind, best.entity_id)
            linked.setdefault(key, []).append((claim, resolution))
        else:
            unlinked.setdefault((claim.kind, resolution.proposal), []).append(
                (claim, resolution)
            )
    groups = [
        _group(kind, "link", entity_id, members)
        for (kind, _, entity_id), members in linked.items()
    ]
    context = catalogue or Catalogue()
    for (kind, proposal), members in unlinked.items():
        groups += [
            _group(kind, proposal, None, cluster)
            for cluster in _clusters(members, context)
        ]
    return sorted(groups, key=_group_order)


def claims_agree(
    claim: ExtractedClaim, other: ExtractedClaim, *, catalogue: Catalogue
) -> bool:
    """Would either claim, made into a new entity, be linked to by the other?"""
    return claims_agree_within(
        claim,
        provisional_catalogue(claim, catalogue),
        other,
        provisional_catalogue(other, catalogue),
    )


def claims_agree_within(
    claim: ExtractedClaim,
    claim_catalogue: Catalogue,
    other: ExtractedClaim,
    other_catalogue: Catalogue,
) -> bool:
    """`claims_agree`, given each claim's `provisional_catalogue` (built once per
    claim by callers that compare one claim with many)."""
    if claim.kind != other.kind:
        return False
    if claim.kind == "agreement" and not _concluded_together(claim, other):
        return False
    return (
        resolve.candidates(other, claim_catalogue).proposal == "link"
        or resolve.candidates(claim, other_catalogue).proposal == "link"
    )


def _concluded_together(claim: ExtractedClaim, other: ExtractedClaim) -> bool:
    """False when both claims report a signing or adoption, in different years."""
    actions = {claim.payload["action"], other.payload["action"]}
    if not actions <= set(CONCLUDING_ACTIONS):
        return True
    one, two = claim_year(claim), claim_year(other)
    return one is None or two is None or one == two


def claim_year(claim: ExtractedClaim) -> int | None:
    """The year of the claim's date, else of its article."""
    when = parse_optional(claim.payload.get("date")) or parse_optional(claim.published)
    return None if when is None else when.year


def provisional_catalogue(claim: ExtractedClaim, catalogue: Catalogue) -> Catalogue:
    """A catalogue whose only entity is the one `claim` describes.

    Keeps `catalogue`'s bodies and cities; drops its states, so that two claims
    about a state the catalogue does not know still meet.
    """
    empty = replace(
        catalogue,
        meetings=(),
        agreements=(),
        projects=(),
        states=(),
        commitments=(),
        membership=(),
    )
    payload, key = claim.payload, claim.key
    if claim.kind == "meeting":
        meeting = Meeting(
            key,
            payload["body"],
            parse_optional(payload.get("date")),
            number=payload.get("number"),
            city=payload.get("city"),
        )
        return replace(empty, meetings=(meeting,))
    if claim.kind == "agreement":
        return replace(empty, agreements=(Agreement(key, payload["title"], "?"),))
    if claim.kind == "project":
        project = Project(
            key,
            payload["name"],
            payload.get("sector"),
            tuple(payload.get("countries") or ()),
        )
        return replace(empty, projects=(project,))
    if claim.kind == "commitment":
        commitment = Commitment(
            key, payload["actor"], payload["kind"], payload.get("area"), payload["text"]
        )
        return replace(empty, commitments=(commitment,))
    return replace(empty, membership=(_interval(claim),))


def _interval(claim: ExtractedClaim) -> StatusInterval:
    state, event = claim.payload["state"], claim.payload["event"]
    when = parse_optional(claim.payload.get("date"))
    if event in resolve.EVENT_STARTS:
        return StatusInterval(state, resolve.EVENT_STARTS[event], when)
    return StatusInterval(state, resolve.EVENT_ENDS[event], None, when)


def _clusters(members: list[Resolved], catalogue: Catalogue) -> list[list[Resolved]]:
    """Connected groups of claims that agree (union-find, single linkage)."""
    parent = list(range(len(members)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, (claim, _) in enumerate(members):
        for j in range(i + 1, len(members)):
            if root(i) != root(j) and claims_agree(
                claim, members[j][0], catalogue=catalogue
            ):
                parent[root(j)] = root(i)
    clusters: dict[int, list[Resolved]] = {}
    for index, member in enumerate(members):
        clusters.setdefault(root(index), []).append(member)
    return list(clusters.values())


def _group(
    kind: ClaimKind, proposal: Proposal, entity_id: str | None, members: list[Resolved]
) -> FactGroup:
    best: dict[tuple[str, str], Candidate] = {}
    for _, resolution in members:
        for candidate in resolution.candidates:
            key = (candidate.entity_kind, candidate.entity_id)
            if key not in best or candidate.score > best[key].score:
                best[key] = candidate
    ranked = sorted(best.values(), key=lambda c: (-c.score, c.entity_id))
    claims = tuple(sorted((claim for claim, _ in members), key=_claim_order))
    return FactGroup(kind, proposal, entity_id, claims, tuple(ranked))


def _claim_order(claim: ExtractedClaim) -> tuple[str, str]:
    return (claim.document_id, claim.key)


def _group_order(group: FactGroup) -> tuple[int, int, str, tuple[str, str]]:
    return (
        _KIND_ORDER.index(group.kind),
        PROPOSALS.index(group.proposal),
        group.entity_id or "",
        _claim_order(group.claims[0]),
    )
