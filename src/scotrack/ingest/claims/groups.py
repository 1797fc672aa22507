"""When two claims are about one fact: the rules of grouping.

Many articles report the same summit, signing or pledge; each gives a claim, and
the knowledge base must get one fact with every supporting document, never one
duplicate per article. A claim linked to a known entity belongs to that entity's
group (`summaries.block_key`); claims proposed as `new` or `ambiguous` are grouped
with the other claims of their block that match them by the rules of
`resolve.candidates` (one claim is made into a provisional entity and the other is
resolved against it, either way round: `claims_agree`), transitively, so the
groups do not depend on the order of the claims. Two claims that an agreement was
signed or adopted must also agree on the year (the claim's date, else its
article's): "joint communique" and "Bishkek Declaration" name a different text at
every meeting. `group_index.GroupIndex.join` applies these rules as the claims
arrive: it is the one grouping path, which the writer uses.
"""

from __future__ import annotations

from dataclasses import replace

from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import parse_optional
from scotrack.domain.meetings import Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Project
from scotrack.ingest.claims import resolve
from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.claim import ExtractedClaim

CONCLUDING_ACTIONS = ("adopted", "signed")
"""Agreement actions that happen once, at one meeting (ratifications follow later)."""


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
