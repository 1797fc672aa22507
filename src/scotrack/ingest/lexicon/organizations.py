# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Organizations: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

SCO_NAME = r"(?:SCO|Shanghai Cooperation Organi[sz]ation)"
OTHER_ORGANIZATIONS = (
    "brics",
    "g20",
    "g7",
    "g-20",
    "asean",
    "apec",
    "cica",
    "csto",
    "cis",
    "nato",
    "eaeu",
    "eurasian economic union",
    "un",
    "united nations",
    "arab",
    "african",
    "china-central asia",
    "china-arab",
    "china-africa",
    "eu",
    "european union",
    "nuclear",
    "climate",
    "bilateral",
    "trilateral",
    "belt and road",
    "summit of the future",
)
"""Words that, right before "summit", name a meeting of something other than the SCO."""
UNOFFICIAL = frozenset(["informal"])
"""Words that, one or two words before "summit", make it a leaders' own meeting
("the informal Wuhan summit"), not the SCO's, unless "SCO" says otherwise."""
OTHER_ORGANIZATION_NAMES = (
    r"\b(?:CSTO|Collective Security Treaty Organi[sz]ation|BRICS|EAEU|EEU|Eurasian Economic"
    r" Union|CIS|Commonwealth of Independent States|ASEAN|NATO|EU|European Union|G20|G7"
    r"|OPEC|CICA|African Union|Arab League|GCC|Gulf Cooperation Council|OSCE)\b"
)
"""Organisations other than the SCO: their declarations and treaties are not SCO
agreements."""
INITIATIVE_WORDS = (
    r"\b(?:initiative|belt and road|silk road|free trade (?:zone|area))\b"
)
"""Agreement-like phrases that name initiatives, not agreements."""

# ---------------------------------------------------------------- organizations

SCO = re.compile(SCO_NAME)
OTHER = re.compile(OTHER_ORGANIZATION_NAMES)
OTHER_UNBOUNDED = re.compile(OTHER_ORGANIZATION_NAMES.removeprefix(r"\b"))
"""`OTHER` without its leading `\b`, which keeps the regex engine from skipping
ahead to the names' first letters: about four times faster over a document."""
OF_OTHER = re.compile(
    r"\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?" + OTHER_ORGANIZATION_NAMES
)
