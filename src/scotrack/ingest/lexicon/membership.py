# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.folding import folded_pattern

MEMBERSHIP_PATTERNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "applied",
        "within",
        ("'s accession", "'s admission"),
        r"\b(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg[ia]n(?:s|ning)?|initiat(?:es|ed|ing)) [^.;]{0,40}?'s (?:accession|admission)\b",
    ),
    (
        "applied",
        "within",
        ("memorandum of obligations",),
        r"\bmemorandum of obligations (?:that|which) [^.;]{2,40}?\bsigned\b",
    ),
    (
        "applied",
        "after",
        ("procedure", "process"),
        r"\b(?:procedure|process)\s+(?:for|of)\s+(?:admitting|(?:the\s+)?admission of|(?:the\s+)?accession of)",
    ),
    (
        "applied",
        "before",
        ("memorandum of obligations",),
        r"\bsigned (?:a |the |its )?memorandum of obligations\b",
    ),
    (
        "applied",
        "before",
        ("appl", "asked", "asking", "request", "seek", "sought", "bid"),
        r"\b(?:formally |officially )?(?:applied|applies|apply|asked|asking|requested|requesting|seeking|seeks|sought|bid|bidding) (?:for|to become) (?:the |an? )?(?:full |full-fledged |permanent )?(?:membership|member|observer status|observer|status of (?:an? )?(?:observer|dialogue partner)|dialogue partner status|dialogue partner)\b",
    ),
    (
        "applied",
        "before",
        ("application", "bid", "request", "'s accession", "'s admission"),
        r"'s (?:application|bid|request) for (?:the |an? )?(?:full |permanent )?(?:membership|observer status|status of|dialogue partner status)\b"
        r"|'s (?:accession|admission) (?:process|procedure|talks|bid)\b"
        r"|\b(?:submitted|filed|lodged) (?:an |its |a formal |an official |a )?application\b",
    ),
    (
        "joined",
        "before",
        ("became", "become"),
        r"\b(?:became|has become|have become|officially became|formally became) (?:a |an |the )?(?:full(?:-fledged)? |new |official |permanent |organi[sz]ation's |\w+th )*member\b",
    ),
    (
        "joined",
        "before",
        ("join",),
        r"\b(?:joined|joins) (?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation|bloc)\b",
    ),
    (
        "joined",
        "before",
        ("admitted",),
        r"\b(?:was|were|has been|have been) (?:formally |officially )?admitted\b",
    ),
    (
        "joined",
        "after",
        ("expan", "enlarge"),
        r"\b(?:expan(?:sion|ded|d)|enlarge(?:ment|d)) [^.;]{0,40}?to (?:include|admit)\b",
    ),
    (
        "joined",
        "after",
        ("admission of", "accession of", "admitted", "full membership"),
        r"\b(?:admission of|accession of|admitted|granted full membership to|full membership (?:of|for|to))\b",
    ),
    (
        "joined",
        "after",
        ("welcom",),
        r"\bwelcom(?:ed|ing)\b(?=[^.;]{0,40}\bas (?:a |an |the )?(?:new |full |\w+th )?members?\b)",
    ),
    (
        "joined",
        "before",
        ("accession", "admission", "full membership"),
        r"'s (?:accession|admission|full membership)\b",
    ),
    (
        "observer",
        "before",
        ("observer",),
        r"\b(?:was|were|has been|have been) (?:granted|given|accorded|made) (?:the )?(?:status of )?(?:an? )?observers?(?: status)?\b"
        r"|\b(?:was|were|has been|have been) upgraded\b[^.;]{0,40}?\bto (?:an? )?observer\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco )?observers?\b"
        r"|\b(?:received|obtained|gained|got) (?:the )?(?:status of )?(?:an? )?observer(?: status)?\b"
        r"|\b(?:has|have|had) (?:held|had|enjoyed) observer status\b",
    ),
    (
        "observer",
        "after",
        ("observer",),
        r"\bgrant(?:ed|ing|s)? (?:the )?observer status to\b|\bgave observer status to\b",
    ),
    (
        "observer",
        "within",
        ("observer",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?observer|observer status)\b",
    ),
    (
        "dialogue-partner",
        "before",
        ("dialogue partner",),
        r"\b(?:was|were|has been|have been) (?:granted|given|accorded|made) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partners?(?: status)?\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco )?dialogue partners?\b"
        r"|\b(?:received|obtained|gained|got) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partner(?: status)?\b"
        r"|\bsigned (?:a |the )?memorand(?:um|a|ums) [^.;]{0,40}?\bdialogue partners?\b",
    ),
    (
        "dialogue-partner",
        "after",
        ("dialogue partner",),
        r"\bgrant(?:ed|ing|s)? (?:the )?(?:status of )?dialogue partner(?: status)? to\b|\baccept(?:ed|ing)\b(?=[^.;]{0,40}\bas (?:a |an )?dialogue partners?\b)",
    ),
    (
        "dialogue-partner",
        "within",
        ("dialogue partner",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?(?:sco )?dialogue partner|dialogue partner status)\b",
    ),
    (
        "same",
        "before",
        ("same status",),
        r"\b(?:received|got|obtained|was given|were given|was granted|were granted) the same status\b",
    ),
    (
        "left",
        "before",
        ("withdr", "left", "quit"),
        r"\b(?:withdrew|withdraws|left|quit|quits) (?:from )?(?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation)\b",
    ),
)
"""(event, side, cue words, regex): the states are found on `side` of the match in
the clause ("before", "after", or "within" the match: "granting Azerbaijan the
status of dialogue partner"). Every match holds one of the cue words, so a pattern
runs only on sentences that contain one. Event "same" ("Saudi Arabia received the
same status") takes the event reported just before it in the sentence."""
MEMBERSHIP_CUES = (
    "member",
    "observer",
    "dialogue partner",
    "accession",
    "admi",
    "join",
    "appli",
    "withdr",
    "expan",
    "enlarg",
    "memorand",
)
"""A sentence without one of these (even inside a word) reports no change of status."""
MEMBERSHIP_NEGATIVE = (
    r"\bfounding (?:member|state)|\bas a founding\b|\bmember and observer states\b"
)

# ---------------------------------------------------------------- membership

PATTERNS = tuple(
    (event, side, folded_pattern(pattern))
    for event, side, _, pattern in MEMBERSHIP_PATTERNS
)
NEGATIVE = folded_pattern(MEMBERSHIP_NEGATIVE)
LIST_GAP = re.compile(r"^(?:\s*(?:,|and|as well as|&|the)\s*)*$")

# ---------------------------------------------------------------- membership candidates

EVENT_CUES: tuple[tuple[str, str], ...] = (
    (
        "joined",
        r"\bjoin(?:s|ed|ing)?\b|\bmember(?:s|ship)?\b|\badmi(?:t|ts|tted|tting|ssion)\b"
        r"|\binduct(?:s|ed|ing|ion)?\b|\baccession\b|\bacced(?:e|ed|es|ing)\b"
        r"|\benlarge(?:ment|d)?\b|\bexpan(?:sion|ded|d)\b|\bfull[- ]fledged\b",
    ),
    (
        "applied",
        r"\bappl(?:y|ies|ied|ying|ications?|icants?)\b|\bbids?\b|\bseek(?:s|ing)?\b"
        r"|\bsought\b|\brequest(?:s|ed|ing)?\b|\bmemorand(?:um|a|ums)\b|\bobligations?\b"
        r"|\bprocedures?\b|\bprocess\b|\baccession\b|\bcandida(?:cy|te|ture)\b"
        r"|\bin principle\b|\bmembership\b",
    ),
    ("observer", r"\bobservers?\b"),
    ("dialogue-partner", r"\bdialog(?:ue)? partners?\b|\bpartners?\b"),
    ("partner", r"\bpartners?\b"),
    (
        "left",
        r"\bwithdr(?:aw|ew|awn|awal|aws)\b|\bleft\b|\bquit(?:s)?\b|\bsuspend(?:ed|s)?\b",
    ),
)
"""(event, cue regex): a state named in a sentence holding a cue of an event may
have taken that step; the model decides."""
EVENT_CUE_PATTERNS = tuple((event, folded_pattern(p)) for event, p in EVENT_CUES)
EVENT_CUE_WORDS = (
    *("join", "member", "admi", "induct", "acces", "acced", "enlarge", "expan"),
    *("fledged", "appl", "bid", "seek", "sought", "request", "memorand", "obligation"),
    *("procedure", "process", "candida", "principle", "observer", "partner", "dialog"),
    *("withdr", "left", "quit", "suspend"),
)
"""Every EVENT_CUES match holds one of these: a sentence without any cues no
event (one automaton pass over the document instead of six patterns a sentence)."""
PARTNER_STATUS_YEAR = 2025
"""The year observers and dialogue partners became "SCO partners": before it, a
"partner" is a dialogue partner (CONVENTIONS.md)."""
FUTURE = folded_pattern(
    r"\b(?:will|would|shall|expected|set to|plans?|planning|to become|soon|next"
    r"|upcoming|likely|hopes?|hoped|could|may|might|aims?|intends?|wants?|seeks? to)\b"
)
NEGATION = folded_pattern(
    r"\b(?:not|no|never|yet to|refus\w*|reject\w*|block\w*|without)\b"
)
STANDING = folded_pattern(
    r"\b(?:founding|founders?|currently|now|comprises|consists|includes|including"
    r"|enjoy|enjoys|remain|remains|existing|current)\b"
)
SINCE = folded_pattern(r"\bsince\b")
