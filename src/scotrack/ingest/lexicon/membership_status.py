# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership: the precise rules of the statuses short of membership (observer,
dialogue partner, partner), of a status "the same" as another's, and of leaving
(see `scotrack.ingest.lexicon.membership`, whose table they end)."""

from __future__ import annotations

YEAR = r"(?:19|20)\d\d\b"
_SINCE = r"\bsince (?:[a-z]+ (?:\d{1,2},? )?|\d{1,2} [a-z]+ )?" + YEAR
"""Since a year, a month or a day ("since 2005", "since March 2016")."""
_GRANTED_TO = r"\b(?:was|were|has been|have been|had been) (?:also |officially |formally |now )?(?:(?:granted|given|accorded|awarded|extended) to|conferred (?:up)?on)\b"
"""A status "was granted to" the states after it."""
_GIVING = r"(?:grant(?:ed|ing|s)?|giv(?:e|es|en|ing)|gave)"

STATUS_PATTERNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    # --- observer
    (
        "observer",
        "before",
        ("observer",),
        r"\b(?:was|were|has been|have been|had been) (?:granted|given|accorded|made|awarded) (?:the )?(?:status of )?(?:an? )?(?:sco )?observers?(?: status)?\b"
        r"|\b(?:was|were|has been|have been) upgraded\b[^.;]{0,40}?\bto (?:an? )?observer\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:formal |official |full |sco )*observers?\b"
        r"|\b(?:received|obtained|gained|got|acquired|secured) (?:the )?(?:status of )?(?:an? )?(?:sco )?observer(?: status)?\b"
        r"|\b(?:has|have|had) (?:held|had|enjoyed) (?:the )?(?:status of (?:an? |the )?(?:sco )?observer|(?:sco )?observer status)\b(?=[^.;]{0,30}?"
        + _SINCE
        + r")"
        r"|\bas (?:an? |the )?(?:sco )?observers?(?: state| country| nation)?\b(?=[^.;]{0,50}?"
        + _SINCE
        + r")"
        r"|\b(?:has|have|had) been (?:an? )?(?:sco )?observers?(?: state| country| member)?\b(?=[^.;]{0,40}?"
        + _SINCE
        + r")"
        r"|\band (?:an? )?(?:sco )?observer(?: state| country| status)? in (?:\w+ )?"
        + YEAR
        + r"|\b(?:an? (?:sco )?observers?(?: state| country)?|observer status) "
        + _SINCE
        + r"|"
        + _SINCE
        + r",? as (?:an? |the )?(?:sco )?observers?\b",
    ),
    (
        "observer",
        "after",
        ("observer",),
        r"\b" + _GIVING + r" (?:of )?(?:the )?(?:sco )?observer status to\b"
        r"|\b(?:(?:the )?status of (?:an? |the )?(?:sco )?observers?|observer status)\b[^.;]{0,20}?"
        + _GRANTED_TO,
    ),
    (
        "observer",
        "within",
        ("grant",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?(?:sco )?observer|(?:sco )?observer status)\b",
    ),
    (
        "observer",
        "within",
        ("since",),
        _SINCE + r"\b,? [^.;]{0,80}?\bas (?:an? |the )?(?:sco )?observers?\b",
    ),
    # --- dialogue partner ("partner": the bare word, whose meaning is the era's)
    (
        "dialogue-partner",
        "before",
        ("dialogue partner",),
        r"\b(?:was|were|has been|have been|had been) (?:granted|given|accorded|made|awarded) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partners?(?: status)?\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco )?dialogue partners?\b"
        r"|\b(?:received|obtained|gained|got|acquired|secured) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partners?(?: status)?\b"
        r"|\b(?:has|have|had) been (?:an? )?(?:sco )?dialogue partners?\b(?=[^.;]{0,40}?"
        + _SINCE
        + r")"
        r"|\b(?:an? (?:sco )?dialogue partners?(?: state| country)?|dialogue partner status) "
        + _SINCE
        + r"|"
        + _SINCE
        + r",? as (?:an? |the )?(?:sco )?dialogue partners?\b"
        r"|\b(?:has|have|had) (?:held|had|enjoyed) (?:the )?(?:status of (?:an? |the )?(?:sco )?dialogue partners?|(?:sco )?dialogue partner status)\b(?=[^.;]{0,30}?"
        + _SINCE
        + r")",
    ),
    (
        "dialogue-partner",
        "after",
        ("dialogue partner",),
        r"\b"
        + _GIVING
        + r" (?:of )?(?:the )?(?:sco )?(?:status of )?(?:an? |the )?(?:sco )?dialogue partners?(?: status)? to\b"
        r"|\b(?:(?:the )?status of (?:an? |the )?(?:sco )?dialogue partners?|dialogue partners? status)\b[^.;]{0,20}?"
        + _GRANTED_TO,
    ),
    (
        "dialogue-partner",
        "within",
        ("dialogue partner",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?(?:sco )?dialogue partners?|(?:sco )?dialogue partners? status)\b",
    ),
    (
        "partner",
        "after",
        ("grant", "giv", "gave", "status"),
        r"\b"
        + _GIVING
        + r" (?:of )?(?:the )?(?:status of )?(?:an? |the )?(?:sco )?partners?(?: status)? to\b"
        r"|\b(?:(?:the )?status of (?:an? |the )?(?:sco )?partners?|(?:sco )?partners? status)\b[^.;]{0,20}?"
        + _GRANTED_TO,
    ),
    (
        "partner",
        "before",
        (
            *("granted", "given", "accorded", "made", "awarded", "became", "become"),
            *("received", "obtained", "gained", "got", "acquired", "secured"),
        ),
        r"\b(?:was|were|has been|have been|had been) (?:granted|given|accorded|made|awarded) (?:the )?(?:status of )?(?:an? )?(?:sco )?partners?(?: status)?\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco partners?|partners? of the (?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation))\b"
        r"|\b(?:received|obtained|gained|got|acquired|secured) (?:the )?(?:status of )?(?:an? )?(?:sco )?partners?(?: status)\b",
    ),
    (
        "partner",
        "within",
        ("grant",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?(?:sco )?partners?|(?:sco )?partners? status)\b",
    ),
    (
        "same",
        "before",
        ("same status", "cleared to follow", "followed suit"),
        r"\b(?:received|got|obtained|was given|were given|was granted|were granted) the same status\b"
        r"|\b(?:was|were|has been|have been|had been) (?:also )?cleared to follow\b|\bfollowed suit\b",
    ),
    (
        "same",
        "after",
        ("such status", "this status", "that status", "same status"),
        r"\b" + _GIVING + r" (?:such|this|that|the same) status (?:to|on|upon)\b",
    ),
    (
        "left",
        "before",
        ("withdr", "left", "quit"),
        r"\b(?:withdrew|withdraws|left|quit|quits) (?:from )?(?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation)\b",
    ),
)
"""(event, side, cue words, regex) of the statuses, as in MEMBERSHIP_PATTERNS."""
