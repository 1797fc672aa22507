"""The value sets of `sco-extract/1` (shared/extraction/SCHEMA.md) and of the KB.

Each set is a Literal type, spelled once, and the tuple of its values (ordered,
for display) read from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import quote

Area = Literal[
    "security",
    "trade",
    "connectivity",
    "finance",
    "energy",
    "industry",
    "people-to-people",
    "environment",
    "science-technology",
    "political",
]
AREAS: tuple[Area, ...] = get_args(Area)

MeetingBody = Literal[
    "heads-of-state",
    "heads-of-government",
    "foreign-ministers",
    "defence-ministers",
    "other",
]
MEETING_BODIES: tuple[MeetingBody, ...] = get_args(MeetingBody)

MeetingFormat = Literal["in-person", "video", "hybrid"]
MEETING_FORMATS: tuple[MeetingFormat, ...] = get_args(MeetingFormat)

AgreementAction = Literal[
    "proposed", "adopted", "signed", "ratified", "entered-into-force"
]
AGREEMENT_ACTIONS: tuple[AgreementAction, ...] = get_args(AgreementAction)

AGREEMENT_KINDS = (
    "charter",
    "convention",
    "treaty",
    "agreement",
    "declaration",
    "strategy",
    "programme",
    "communique",
    "memorandum",
    "regulations",
    "protocol",
)

CommitmentKind = Literal["pledge", "proposal", "call"]
COMMITMENT_KINDS: tuple[CommitmentKind, ...] = get_args(CommitmentKind)

Sector = Literal[
    "energy", "transport", "industry", "agriculture", "telecom", "finance", "social"
]
SECTORS: tuple[Sector, ...] = get_args(Sector)

PROJECT_STATUSES = ("planned", "underway", "completed")
"""Project status in extraction output; the KB lifecycle is in projects.py."""

MembershipEvent = Literal["joined", "applied", "observer", "dialogue-partner", "left"]
MEMBERSHIP_EVENTS: tuple[MembershipEvent, ...] = get_args(MembershipEvent)

Status = Literal["applicant", "member", "observer", "dialogue-partner", "partner"]
STATUSES: tuple[Status, ...] = get_args(Status)

COMPLIANCE_SCORES = (-1, 0, 1)

Compliance = Literal["complied", "partly", "not complied", "inconclusive", "unassessed"]
COMPLIANCES: tuple[Compliance, ...] = get_args(Compliance)
"""A commitment's compliance on a day, in display order: scored +1, 0, -1, assessed
without a score (inconclusive), not assessed yet."""
SCORE_COMPLIANCE: dict[int, Compliance] = {
    1: "complied",
    0: "partly",
    -1: "not complied",
}
"""The compliance a score says."""

ChartKind = Literal[
    "membership", "summits", "documents", "compliance", "ratification", "co-mentions"
]
CHART_KINDS: tuple[ChartKind, ...] = get_args(ChartKind)
"""The charts `scotrack chart` draws, in the order /charts shows them."""

SearchKind = Literal[
    "document", "meeting", "agreement", "commitment", "project", "membership"
]
SEARCH_KINDS: tuple[SearchKind, ...] = get_args(SearchKind)
"""What a search entry is: a document, or a claim of one of these kinds."""
RecordSearchKind = Literal["agreement", "meeting", "body", "initiative"]
RECORD_SEARCH_KINDS: tuple[RecordSearchKind, ...] = get_args(RecordSearchKind)
"""The curated record's entries a search finds besides the entries (#12)."""
FoundKind = Literal[SearchKind, RecordSearchKind]
FOUND_KINDS: tuple[FoundKind, ...] = get_args(FoundKind)
"""Every kind a search result has: those of the entries and of the record (a
Literal of Literals keeps each value once, in order)."""

ClaimStatus = Literal["pending", "accepted", "rejected"]
CLAIM_STATUSES: tuple[ClaimStatus, ...] = get_args(ClaimStatus)
"""Where a claim stands in review, in the order filters offer them."""

ClaimKind = Literal[
    "meeting",
    "agreement",
    "commitment",
    "project",
    "membership",
    "assessment",
    "project-status",
]
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)
"""What a claim proposes: an item of one sco-extract/1 list, or a suggestion the
store makes from a statement of implementation (an assessment, a project's status)."""

EntityKind = Literal["meeting", "agreement", "status-interval", "commitment", "project"]
ENTITY_KINDS: tuple[EntityKind, ...] = get_args(EntityKind)
"""What the knowledge base holds and a claim changes, every change to it logged."""
NUMBERED_KINDS: tuple[EntityKind, ...] = ("status-interval",)
"""Entity kinds the knowledge base keys by a row number: a status interval is
`12` in the change log and on the store's side, and `IND:member:2017-06-09`
(state, status, start) where a claim is matched to it, before it has a row
(docs/architecture.md, "Two ids for an interval")."""


@dataclass(frozen=True, slots=True)
class ClaimSort:
    """Where claims of one kind come from and what they change."""

    extract_list: str | None
    """The sco-extract/1 list whose items become claims of the kind; None for a
    suggestion the store makes from a statement of implementation (#13)."""
    entity: EntityKind
    """The kind of knowledge-base entity an accepted claim creates or changes."""


CLAIM_SORTS: dict[ClaimKind, ClaimSort] = {
    "meeting": ClaimSort("meetings", "meeting"),
    "agreement": ClaimSort("agreements", "agreement"),
    "commitment": ClaimSort("commitments", "commitment"),
    "project": ClaimSort("projects", "project"),
    "membership": ClaimSort("membership", "status-interval"),
    "assessment": ClaimSort(None, "commitment"),
    "project-status": ClaimSort(None, "project"),
}
"""The claim-kind table: every claim kind, in `CLAIM_KINDS` order, with its list
and its entity. The other tables are read from it."""
CLAIM_LISTS: dict[str, ClaimKind] = {
    sort.extract_list: kind
    for kind, sort in CLAIM_SORTS.items()
    if sort.extract_list is not None
}
"""The sco-extract/1 lists that become claims, and the claim kind of each."""
SUGGESTION_KINDS: tuple[ClaimKind, ...] = tuple(
    kind for kind, sort in CLAIM_SORTS.items() if sort.extract_list is None
)
"""Claims the store suggests from statements of implementation (#13), not
sco-extract/1 lists: an assessment of a commitment, a project's next status."""

PAGES: dict[str, str] = {
    "meeting": "/meetings/{}",
    "agreement": "/agreements/{}",
    "status-interval": "/states/{}",
    "state": "/states/{}",
    "commitment": "/commitments/{}",
    "project": "/projects/{}",
    "document": "/documents/{}",
    "body": "/meetings?body={}",
    "initiative": "/initiatives#initiative-{}",
}
"""The web app's page of each kind of entity or record entry, `{}` its id (an
interval's: the state's page)."""


def page_of(kind: str, entity_id: str) -> str | None:
    """The address of the page of `kind` `entity_id`; None for a kind without
    pages. A status interval's page is its state's, named by the interval's
    text id (`IND:member:2017-06-09` -> `/states/IND`)."""
    pattern = PAGES.get(kind)
    if pattern is None:
        return None
    if kind == "status-interval":
        entity_id = entity_id.split(":", 1)[0]
    return pattern.format(quote(entity_id, safe=""))
