# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership candidates: the cue words of each event, and the clues the
membership model weighs (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.folding import folded_pattern

_PARTNER_STATUS = (
    r"\b(?:as|became|become|becomes|becoming|status of|made|granted|given|new) (?:an? |the |its )?(?:new |sco |shanghai cooperation organi[sz]ation )?partners?\b"
    r"|\bpartners? (?:status|states?|countr(?:y|ies)|nations?)\b"
)
"""A "partner" that names a status ("became an SCO partner", "partner status"):
the bare word is a generic one ("will provide SCO partners loans")."""
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
    ("dialogue-partner", r"\bdialog(?:ue)?[- ]partner(?:s|ship)?\b|" + _PARTNER_STATUS),
    ("partner", r"\bdialog(?:ue)?[- ]partners?\b|" + _PARTNER_STATUS),
    (
        "left",
        r"\bwithdr(?:aw|ew|awn|awal|aws)\b|\bleft\b|\bquit(?:s)?\b|\bsuspend(?:ed|s)?\b",
    ),
)
"""(event, cue regex): a state named in a sentence holding a cue of an event may
have taken that step; the model decides."""
EVENT_CUE_PATTERNS = tuple((event, skipping(p)) for event, p in EVENT_CUES)
EVENT_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "joined",
        (
            *("join", "member", "admi", "induct", "acces", "acced", "enlarge"),
            *("expan", "fledged"),
        ),
    ),
    (
        "applied",
        (
            *("appl", "bid", "seek", "sought", "request", "memorand", "obligation"),
            *("procedure", "process", "acces", "candida", "principle", "member"),
        ),
    ),
    ("observer", ("observer",)),
    ("dialogue-partner", ("dialog", "partner")),
    ("partner", ("partner",)),
    ("left", ("withdr", "left", "quit", "suspend")),
)
"""(event, words): every match of the event's EVENT_CUES pattern holds one of its
words, so a sentence runs the patterns of the events whose words it holds (one
automaton pass over the document instead of six patterns a sentence)."""
FUTURE = folded_pattern(
    r"\b(?:will|would|shall|expected|set to|plans?|planning|to become|soon|next"
    r"|upcoming|likely|hopes?|hoped|could|may|might|aims?|intends?|wants?|seeks? to)\b"
)
NEGATION = skipping(
    r"\b(?:not|no|never|yet to|refus\w*|reject\w*|block\w*|without|neither|nor|declin\w*)\b"
)
QUESTION = skipping(
    r"\b(?:whether|(?:asked|ask|asks|asking|wonder(?:s|ed|ing)?|unclear|uncertain|know|knows|say|says) (?:if|when))\b[^.;:?!,]*"
)
"""An indirect question and the clause it asks about ("asked whether Iran would
join", "wondered if Belarus had applied"): its states take no step."""
STANDING = skipping(
    r"\b(?:founding|founders?|currently|now|comprises|consists|includes|including"
    r"|enjoy|enjoys|remain|remains|existing|current)\b"
)
SINCE = skipping(r"\bsince\b")
CLUES = (
    ("future", FUTURE),
    ("negation", NEGATION),
    ("standing", STANDING),
    ("since", SINCE),
)
"""The clues a candidate's sentence may hold, in the order its features name them."""
