"""The value sets of `sco-extract/1` (shared/extraction/SCHEMA.md) and of the KB.

Each set is a Literal type, spelled once, and the tuple of its values (ordered,
for display) read from it.
"""

from __future__ import annotations

from typing import Literal, get_args

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

SEARCH_KINDS = (
    "document",
    "meeting",
    "agreement",
    "commitment",
    "project",
    "membership",
)
"""What a search entry is: a document, or a claim of one of these kinds."""
RECORD_SEARCH_KINDS = ("agreement", "meeting", "body", "initiative")
"""The curated record's entries a search finds besides the entries (#12)."""
FOUND_KINDS = tuple(dict.fromkeys((*SEARCH_KINDS, *RECORD_SEARCH_KINDS)))
"""Every kind a search result has: those of the entries and of the record."""

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
