"""The value sets of `sco-extract/1` (shared/extraction/SCHEMA.md) and of the KB.

Each set is a tuple (ordered, for display) with a Literal type beside it.
"""

from __future__ import annotations

from typing import Literal

AREAS = (
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
)
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

MEETING_BODIES = (
    "heads-of-state",
    "heads-of-government",
    "foreign-ministers",
    "defence-ministers",
    "other",
)
MeetingBody = Literal[
    "heads-of-state",
    "heads-of-government",
    "foreign-ministers",
    "defence-ministers",
    "other",
]

MEETING_FORMATS = ("in-person", "video", "hybrid")
MeetingFormat = Literal["in-person", "video", "hybrid"]

AGREEMENT_ACTIONS = ("proposed", "adopted", "signed", "ratified", "entered-into-force")
AgreementAction = Literal[
    "proposed", "adopted", "signed", "ratified", "entered-into-force"
]

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

COMMITMENT_KINDS = ("pledge", "proposal", "call")
CommitmentKind = Literal["pledge", "proposal", "call"]

SECTORS = (
    "energy",
    "transport",
    "industry",
    "agriculture",
    "telecom",
    "finance",
    "social",
)
Sector = Literal[
    "energy", "transport", "industry", "agriculture", "telecom", "finance", "social"
]

PROJECT_STATUSES = ("planned", "underway", "completed")
"""Project status in extraction output; the KB lifecycle is in projects.py."""

MEMBERSHIP_EVENTS = ("joined", "applied", "observer", "dialogue-partner", "left")
MembershipEvent = Literal["joined", "applied", "observer", "dialogue-partner", "left"]

STATUSES = ("applicant", "member", "observer", "dialogue-partner", "partner")
Status = Literal["applicant", "member", "observer", "dialogue-partner", "partner"]

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
