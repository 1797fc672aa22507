# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Agreements: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTH_NAMES, MONTH_STARTS
from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.organizations import (
    INITIATIVE_WORDS,
    OTHER_ORGANIZATION_NAMES,
)

AGREEMENT_NOUNS = (
    r"treaty|convention|charter|agreement|communiqu[e\u00e9]|declaration|memorandum"
    r"(?: of understanding)?|list of (?:measures|actions)|programme|program|action plan"
    r"|plan of action|road ?map|protocol|joint statement|statement|strategy|concept"
    r"|regulations?|plan"
)
AGREEMENT_NOUN_CUES = (
    "treat",
    "convention",
    "charter",
    "agreement",
    "communiqu",
    "declaration",
    "memorand",
    "list of",
    "program",
    "action plan",
    "plan of action",
    "road map",
    "roadmap",
    "protocol",
    "statement",
    "strategy",
    "concept",
    "regulation",
    "plan",
)
"""A sentence without one of these (even inside a word) has no AGREEMENT_NOUNS."""
AGREEMENT_ACTIONS: tuple[tuple[str, str], ...] = (
    (
        "entered-into-force",
        r"\b(?:entered|enters|came|has come|have come|went) into (?:force|effect)\b"
        r"|\b(?:took|takes) effect\b|\bentry into force\b",
    ),
    ("ratified", r"\bratif(?:y|ied|ies|ying|ication)\b"),
    (
        "signed",
        r"\b(?:signed|signs|sign|signing|inked|concluded|conclusion of)\b"
        r"|\b(?:put|puts|affixed) (?:their|its|his|her) signatures? to\b",
    ),
    (
        "adopted",
        r"\b(?:adopted|adopts|adopt|adoption of|approved|endorsed|issued|released|passed)\b",
    ),
)
"""(action, regex); order matters: the first action found near the noun wins."""
AGREEMENT_PROPOSAL = (
    r"\b(?:propos(?:ed|es|e|ing)|suggest(?:ed|s|ing)?|call(?:ed|s)? for|initiat(?:ed|ive))"
    r"\b[^.;]{0,60}?\b(?:signing|conclud(?:e|ing)|draft(?:ing)?|negotiat(?:e|ing|ions on)"
    r"|develop(?:ing)?|elaborat(?:e|ing)|work out|formulat(?:e|ing)|consultations? on"
    r"|draw(?:ing)? up)\b"
)
"""A proposal verb governing a drafting/signing verb: the agreement is `proposed`."""
AGREEMENT_STOP = (
    r"\s*(?:[,;:.()\"\u201d]|\bwhich\b|\bthat\b|\bby\b|\bat\b|\bduring\b|\bwhen\b|\bafter\b"
    r"|\bbefore\b|\bto\b|\b[a-z]+ed\b|\bcame\b|\bwent\b|\btook\b|\bwas\b|\bwere\b|\bhas\b|\bhave\b|\bwill\b|\bis\b|\bare\b"
    rf"|\bin (?:\d|{MONTH_NAMES})|\bin the presence\b|\band\b(?= [a-z]+ed\b))"
)
AGREEMENT_NOT_COMPLEMENT = (
    rf"(?:\d|(?:{MONTH_STARTS})[a-z]*\.?\s+\d"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|the sidelines\b|behalf\b)"
)
"""What follows "on" when it dates or places a signing ("memorandum on September 15
on the sidelines"), rather than naming the agreement's subject."""
AGREEMENT_NEGATION = (
    r"\b(?:without|not|never|no|refus(?:ed|es|ing) to|fail(?:ed|s|ing) to"
    r"|declin(?:ed|es|ing) to)\s+(?:[^\s]+\s+){0,2}$"
)
"""Just before an agreement (or its verb): none was made ("concluded without a joint
communique", "refused to sign the declaration")."""
AGREEMENT_RELATIVE = (
    r"\s*,?\s*(?:that|which)\s+(?:[^\s.;,]+\s+){1,5}?(?P<verb>signed|adopted|approved"
    r"|ratified|endorsed|concluded)\b"
)
"""An agreement named before its verb ("an agreement ... that the ministers signed")."""
AGREEMENT_ANAPHORA = (
    r"\b(?:the|this) document\b|\bits (?P<act>ratification|signing|entry into force)\b"
)
"""A reference back to the agreement named last ("The document was signed ...")."""

# ---------------------------------------------------------------- agreements

NOUN = folded_pattern(rf"\b(?:{AGREEMENT_NOUNS})(?P<plural>s)?\b")
CAPITALIZED_ONLY = re.compile(
    r"^(?:strategy|concept|statement|program|programme|protocol|road ?map|regulations?"
    r"|charter|action plan|plan of action|plan)$",
    re.IGNORECASE,
)
ACTIONS = tuple(
    (action, folded_pattern(pattern)) for action, pattern in AGREEMENT_ACTIONS
)
PROPOSAL = folded_pattern(AGREEMENT_PROPOSAL)
STOP = re.compile(AGREEMENT_STOP)
COMPLEMENT = re.compile(
    r"\s+(?:on|of|against|for|between|among|concerning|in the field of)\s+",
    re.IGNORECASE,
)
INITIATIVE = re.compile(INITIATIVE_WORDS, re.IGNORECASE)
PASSIVE = folded_pattern(
    r"^\s*(?:,\s*)?(?:which\s+)?(?:was|were|has been|have been|had been|is|are|being|"
    r"to be|will be|,)?\s*(?:\w+ly\s+)?"
)
NOT_COMPLEMENT = re.compile(AGREEMENT_NOT_COMPLEMENT)
NEGATION = folded_pattern(AGREEMENT_NEGATION)
RELATIVE = folded_pattern(AGREEMENT_RELATIVE)
ANAPHORA = folded_pattern(AGREEMENT_ANAPHORA)
OTHER_ORGANIZATION = re.compile(OTHER_ORGANIZATION_NAMES)
OF_OTHER = re.compile(
    rf"\s*(?:of|by)\s+(?:the\s+|an?\s+)?[^.;,]{{0,50}}?{OTHER_ORGANIZATION_NAMES}"
)
COORDINATED = re.compile(
    r"^\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:to\s+)?(?:an?\s+|the\s+)?$"
)
DRAFTED = re.compile(
    r"^(?:charter|programme|program|protocol|road ?map|action plan|plan of action"
    r"|regulations?)$",
    re.IGNORECASE,
)
"""Document nouns that name an agreement in lower case when one is being drafted
("proposed that the six countries draft a charter")."""
LIST_START = re.compile(r"\b(?:between|among|by)\b")
NAMELY = re.compile(r"\b(?:namely|including)\b")
WORD = re.compile(r"[\w'\u2019-]+")


# words of facts/agreements.py

TRAILING = frozenset(["and", "or", "the", "a", "an"])
SHORT_TITLE_WORDS = frozenset(
    ["the", "sco", "sco's", "organization's", "organisation's", "this", "its"]
)
HEAD_WORDS = frozenset(
    [
        *("treaty", "convention", "charter", "agreement", "communique"),
        *("communiqu\u00e9", "declaration", "memorandum", "programme", "program"),
        *("protocol", "strategy"),
    ]
)
