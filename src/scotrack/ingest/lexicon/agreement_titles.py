"""Agreements' titles: the words and rules that find where a title begins and
ends, and which document it heads (the rest of the agreements' rules are in
`lexicon.agreements`; see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.names import NAME_EDGE_WORDS

YEARS = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?")
"""A year or period before an agreement noun ("the 2018-2023 anti-drug strategy")."""
IN_NAME = re.compile(r"\s+in\s+(?=[A-Z])")
"""Before a name in a complement: a place ends the title when the name is a city or
a state ("memorandum of commitment in Samarkand")."""
ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z]{1,7}\)")
"""An abbreviation inside a title ("Shanghai Cooperation Organization (SCO)")."""
BACK = re.compile(r"\b(?:the|this)\s+$", re.IGNORECASE)
"""A lower-case noun referring back to an agreement named before ("the strategy")."""
TITLE_WORD = re.compile(r"[^\W_]+")
"""A word of a title as the scorer sees it (runs of letters and digits)."""
LIST_START = re.compile(r"\b(?:between|among|by)\b")
NAMELY = re.compile(r"\b(?:namely|including)\b")
WORD = re.compile(r"[\w'\u2019-]+")


TRAILING = frozenset(
    ["and", "or", "the", "a", "an", "on", "of", "at", "for", "in", "between", "among"]
)
"""Words a title does not end with ("... Structure and", "... member-states on"
cut at the complement's last word)."""
GENERIC_MODIFIERS = frozenset(
    [
        *("a", "an", "the", "this", "that", "its", "their", "our", "his", "her"),
        *("new", "final", "common", "such", "another", "one", "general", "overall"),
        *("relevant", "respective", "corresponding", "official", "detailed"),
    ]
)
"""Words before a lower-case document noun that do not make it name one."""
LEFT_STOP = NAME_EDGE_WORDS | frozenset(
    [
        *("adopt", "adopted", "approve", "approved", "approving", "concluded"),
        *("draft", "endorsed", "inked", "issued", "proposed", "ratified", "ratify"),
        *("said", "sign", "signed", "signing", "world's", "world\u2019s", "your"),
        *("particular", "separate", "singed", "agreed", "comprehensive", "including"),
        *("signs", "ratifies", "adopts", "approves", "inks", "ink", "endorses"),
        *("endorse", "issues", "issue", "concludes", "conclude", "approve"),
        *("proposes", "propose", "proposing", "suggested", "suggests"),
        *("proposal", "proposals", "suggestion", "suggestions", "for"),
        "following",
    ]
)
"""Words a title does not start with, walking left from its noun (a headline's
present tense too: "Iran signs memorandum of obligations"; "adopted the following
joint statement:" announces the statement, it is not of its name)."""
SHORT_TITLE_WORDS = frozenset(
    ["the", "sco", "sco's", "organization's", "organisation's", "this", "its"]
)
SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", ";", ":")
"""How a sentence of the body ends; a headline ends without them."""
OBLIGATIONS = re.compile(
    r"\bmemorand(?:um|a)\b.*\b(?:obligations?|commitments?)\b", re.IGNORECASE
)
"""A memorandum of obligations (or commitments): the document a state signs and
ratifies on its way to membership."""
HEAD_ALIASES = {
    "treaties": "treaty",
    "conventions": "convention",
    "agreements": "agreement",
    "declarations": "declaration",
    "memoranda": "memorandum",
    "memorandums": "memorandum",
    "mou": "memorandum",
    "mous": "memorandum",
    "protocols": "protocol",
}
"""Plurals and abbreviations of `HEAD_WORDS`: "the MoU" is a short name of the
one memorandum of understanding a page names."""
HEAD_WORDS = frozenset(
    [
        *("treaty", "convention", "charter", "agreement", "communique"),
        *("communiqu\u00e9", "declaration", "memorandum", "programme", "program"),
        *("protocol", "strategy"),
    ]
)
