# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Meetings: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.organizations import SCO_NAME

MEETING_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "heads-of-state",
        ("heads", "summit"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of States?\b"
        r"|\bheads[- ]of[- ]state (?:council|meeting|summit)\b"
        r"|\bsummits?\b",
    ),
    (
        "heads-of-government",
        ("government", "prime minister"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of Government\b"
        r"|\bheads[- ]of[- ]government (?:council|meetings?)\b"
        r"|\bmeetings? (?:of|among) (?:the )?(?:SCO )?heads of government\b"
        r"|\bprime ministers'? (?:meetings?|council)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?prime ministers\b",
    ),
    (
        "foreign-ministers",
        ("foreign",),
        r"\bCouncil of (?:the )?(?:SCO )?(?:Ministers of Foreign Affairs|Foreign Ministers)\b"
        r"|\bforeign ministers'? (?:meetings?|council|talks)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:foreign ministers|ministers of foreign affairs)\b"
        r"|\bforeign ministerial meeting\b",
    ),
    (
        "defence-ministers",
        ("defen",),
        r"\bdefen[cs]e ministers'? (?:meetings?|council|talks)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:defen[cs]e ministers|ministers of defen[cs]e)\b",
    ),
    (
        "other",
        (
            "peace mission",
            "plus",
            "forum",
            "expo",
            "exhibition",
            "festival",
            "conference",
            "drill",
            "exercise",
            "ministers meeting",
            "ministers' meeting",
            "meeting of sco",
            "meeting of the sco",
        ),
        r"\bPeace Mission(?:[- ]\d{4})?\b|\bSCO[- ]Plus[^\w]{0,2} meeting\b"
        r"|\bSCO (?:(?!(?:to|the|an?|and|or|will|would|should|must|on|in|at|for|with)"
        r" )[\w-]+ ){0,4}?(?:forum|expo|exhibition|festival|conference)\b"
        r"|\b(?:forum|expo) of (?:the )?SCO\b"
        r"|\bSCO (?:joint )?(?:anti-terror(?:ism|ist)|counter-terror(?:ism|ist)) "
        r"(?:drills?|exercises?)\b"
        r"|\b(?:[\w-]+ ){0,2}ministers'? meeting of (?:the )?SCO\b"
        r"|\bSCO (?:[\w-]+ ){0,3}ministers'? meeting\b"
        r"|\bmeeting of (?:the )?SCO (?:[\w-]+ ){0,3}ministers\b"
        r"|\bmeeting of (?:the )?SCO Security Council Secretaries\b",
    ),
)
"""(body, cue words, regex): the first pattern that matches a span decides the
body. Every match holds one of the cue words (even inside a word), so a pattern
runs only on sentences that contain one; every match also holds one of
MEETING_CUES."""
BARE_MEETING = (
    r"\b(?:the|this|that)\s+(?:\w+-day\s+)?(?:meeting|session|gathering)\b(?!s)"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:meeting|session)\s+of\s+the\s+Council\b(?!\s+of)"
)
BARE_MEETING_CUES = ("meeting", "session", "gathering")
"""A meeting named by a bare noun ("the meeting"), and the words it needs."""
MEETING_CUES = (
    "summit",
    "council",
    "meeting",
    "session",
    "gathering",
    "ministers",
    "forum",
    "expo",
    "exhibition",
    "festival",
    "conference",
    "peace mission",
    "drill",
    "exercise",
)
"""A sentence without one of these (even inside a word) names no meeting: a cheap
first test."""
PLACE_GAP_STOP = (
    r"\b(?:since|after|before|until|while|when|whereas|said|says|told|called|urged"
    r"|proposed|stressed)\b|[;:]"
)
"""Between a meeting phrase and a place after it, these start another clause whose
place is not the meeting's ("the summit since the SCO was proclaimed in Shanghai")."""
BLANKET_MARKERS = (
    r"\b(?:all|every|each|previous|past|several|many|annual|successive|those|these)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:meetings|sessions|summits)\s+of\s+(?:the\s+)?$"
)
"""A meeting noun after these words speaks of a class of meetings, not one."""
BLANKET_CUES = (
    *("all", "every", "each", "previous", "past", "several", "many", "annual"),
    *("successive", "those", "these", "meetings", "sessions", "summits"),
)
"""Every BLANKET_MARKERS match holds one of these: a cheap first test."""
BACK_REFERENCE = r"\b(?:last year'?s?|previous|past|former|earlier|prior|\d{4})\b"
"""Markers of a meeting the text looks back at (not the one it reports)."""
VIDEO_FORMAT = r"\b(?:via video|video[- ]?(?:conference|link|call)|virtual(?:ly)?|online format|by video|in video format|teleconference)\b"
IN_PERSON_CUES = r"\b(?:attend(?:s|ed|ing)?|attendance|address(?:es|ed|ing)?|during|at which|chair(?:s|ed|ing)?|trip|travel(?:s|led|ed)?|arriv(?:e|es|ed|ing)|participat(?:e|es|ed|ing)|on the sidelines|speech at|hosted|in person|visit)\b"
ORDINAL_STOP = (
    r"\b(?:members?|states?|time|times|anniversary|years?|days?|at|to|for|in|on|by"
    r"|with|since|after|before|was|is|will|which|that)\b|[,;:]"
)
"""Between an ordinal and a meeting phrase, these show that the ordinal counts
something else ("the tenth member at the summit", "the first time the summit")."""
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
}

# ---------------------------------------------------------------- meetings

BODIES = tuple(
    (body, frozenset(cues), folded_pattern(pattern))
    for body, cues, pattern in (
        *MEETING_PATTERNS,
        (None, BARE_MEETING_CUES, BARE_MEETING),
    )
)
"""(body, cue words, pattern) in order; None for a bare "the meeting"."""
SCO = re.compile(SCO_NAME)
BLANKET = folded_pattern(BLANKET_MARKERS)
BLANKET_CUE = re.compile("|".join(BLANKET_CUES))
"""Found far faster than `BLANKET` runs: without one, no blanket marker."""
BACK = folded_pattern(BACK_REFERENCE)
VIDEO = folded_pattern(VIDEO_FORMAT)
IN_PERSON = folded_pattern(IN_PERSON_CUES)
ORDINAL = folded_pattern(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(ORDINAL_WORDS) + r"))\b"
)
BILATERAL = re.compile(r"\b[A-Z][a-z]+-[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+$")
PLACE_BEFORE = re.compile(r"\b(?:in|at|of|capital|city),?\s+(?:\w+\s+){0,1}$")
HERE = re.compile(r"^[^,;]{0,40}?\bhere\b")
NEXT = folded_pattern(r"\bnext\b[^,;]{0,30}$")
HOST_BEFORE = re.compile(
    r"\b(?:will host|hosts|hosted|to host|will be hosted by)\s+(?:the\s+)?$"
)
HOST = re.compile(r"\b(?:held|hosted|hosts|host|organi[sz]ed)\b")
MEETINGS_PLACE_GAP_STOP = re.compile(PLACE_GAP_STOP)
WHERE = re.compile(r",\s+where\s+[^,;]{0,45}$")
"""Between a place and a meeting phrase: "Tianjin, where China will host the summit"."""
GAP_STOP = re.compile(
    r"\b(?:is|was|are|were|after|before|since|until|when|which|said|and)\b|[;:]"
)
NUMBER_STOP = folded_pattern(ORDINAL_STOP)


# words of facts/meetings.py

CUE_WORDS = frozenset(MEETING_CUES)
