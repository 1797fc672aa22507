# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Meetings: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import alternation, skipping
from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.meeting_kinds import (
    INDEFINITE,
    INDEFINITE_MEETING,
    INDEFINITE_MEETING_CUES,
    MEMBERS_OF,
    OFFICES,
    PARTICIPANTS,
    PARTICIPANTS_AFTER_SCO,
    SCO_NAMED,
    SCO_WORD,
    STRUCTURE_AFTER,
    STRUCTURES,
)
from scotrack.ingest.lexicon.organizations import SCO_NAME

GATHER_VERBS = (
    r"(?:met|meet|meets|gathered|gather|gathers|convened|convene|convenes"
    r"|held (?:a|an|their|its) (?!bilateral)(?:[\w-]+ ){0,3}?(?:meeting|session)"
    r"|(?:are|were) meeting)"
)
GATHER = (
    r"(?: today| yesterday| on \w+day)?,? (?:will |to |are (?:set |due |scheduled )?to |have |had |would |also )?"
    + GATHER_VERBS
    + r"\b"
)
"""A verb saying a group met, after its subject ("will meet", "gathered")."""


def gathering(role: str, tail: str = "") -> str:
    """A meeting told by its participants and a verb ("SCO foreign ministers met",
    "leaders of the SCO member states gathered", "experts of the SCO Interbank
    Consortium held a meeting"), as a regex alternative: the subject must be
    SCO's ("the leaders met" alone may be a bilateral meeting); `tail` may
    follow the SCO's name (one of its structures)."""
    return (
        rf"|\b{SCO_NAMED} (?:member[- ]states['\u2019]? )?{role}{GATHER}"
        rf"|\b{role} (?:of|from) (?:the )?(?:[\w-]+ ){{0,3}}?{MEMBERS_OF}{SCO_NAMED}"
        rf"(?: member[- ](?:states|countries|nations)| members)?(?: \(SCO\))?{tail}{GATHER}"
    )


MEETING_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "other",
        ("plus", "+"),
        r"\bSCO[- ]?(?:Plus|\+)[\"'\u201d\u2019]?(?: format)? (?:summit|meeting)\b",
    ),
    (
        "heads-of-state",
        ("heads", "summit", "leaders", "presidents"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of (?:(?:the )?(?:SCO )?Member[- ])?States?\b"
        r"|\bheads[- ]of[- ]states?['\u2019]? (?:council|meeting|summit)\b"
        r"|\b(?:SCO|Shanghai Cooperation Organi[sz]ation)(?: \(SCO\))? presidents['\u2019?]? council\b"
        r"|\bmeetings? (?:of|among) (?:the )?(?:(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:['\u2019]s)? )?heads of states?\b"
        r"|(?<!government )(?<!governments )(?<!ministers )(?<!ministers' )(?<!ministers\u2019 )(?<!ministerial )\bsummits?\b"
        r"(?! of (?:the )?(?:council of (?:the )?)?heads of (?:the )?governments?)"
        + gathering(r"(?:(?<!government )leaders|heads of states?|presidents)"),
    ),
    (
        "heads-of-government",
        ("government", "prime minister", "prime-minister", "premier"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of (?:the )?Governments?\b"
        r"|\bheads[- ]of[- ]governments?['\u2019]? (?:council|meetings?|meet|summit)\b"
        r"|\bmeetings? (?:of|among) (?:the )?(?:(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:['\u2019]s)? )?heads of (?:the )?governments?\b"
        r"|\bprime ministers['\u2019]? (?:meetings?|meet|council|summit)\b"
        r"|\bprime[- ]minister(?:ial|-level) (?:summit )?meetings?\b"
        r"|\bprime[- ]ministerial summits?\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?prime ministers\b"
        r"|\bsummit of (?:the )?heads of (?:the )?governments?\b"
        r"|\bmeeting (?:between|among) (?:the )?prime ministers"
        r"(?= of (?:the )?(?:members? (?:states |countries )?of (?:the )?)?(?:SCO\b|Shanghai))"
        + gathering(
            r"(?:prime ministers|premiers|heads of governments?|government (?:leaders|heads))"
        ),
    ),
    (
        "foreign-ministers",
        ("foreign", "ministerial"),
        r"\bCouncil of (?:the )?(?:SCO )?(?:Ministers of Foreign Affairs|Foreign Ministers)\b"
        r"|\bforeign ministers?['\u2019]? (?:meetings?|meet|council|talks)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:foreign ministers|ministers of foreign affairs)\b"
        r"|\bforeign ministerial (?:meeting|council)\b"
        r"|\b(?:SCO|Shanghai Cooperation Organi[sz]ation)(?: \(SCO\))? ministerial council\b"
        + gathering("foreign ministers"),
    ),
    (
        "defence-ministers",
        ("defen",),
        r"\bdefen[cs]e ministers?['\u2019]? (?:meetings?|meet|council|talks|conclave)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:defen[cs]e ministers|ministers of defen[cs]e)\b"
        + gathering(r"defen[cs]e ministers"),
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
            "ministers",
            "secretaries",
            "advis",
            "meet",
            "met",
            "gather",
            "convene",
            "session",
            "sitting",
        ),
        r"\bPeace Mission(?:[- ]\d{4})?\b"
        r"|\bSCO[- ] ?Afghanistan contact group meetings?\b"
        + r"|\b"
        + SCO_NAMED
        + r" (?:(?!(?:to|the|an?|and|or|will|would|should|must|on|in|at|for|with|via|by"
        r"|over|through|during|video|press|news|virtual|online) )[\w-]+ ){0,4}?"
        r"(?:forum|expo|exhibition|festival|conference)\b"
        r"|\b(?:forum|expo|festival|exhibition) of (?:the )?(?:[\w-]+ of (?:the )?)?"
        + SCO_WORD
        + r"|\b"
        + SCO_NAMED
        + r" (?:(?!(?:and|or|with|against|after|before|while|will|to|would|shall|plans?)\b)[\w\"\u201c\u201d-]+ ){0,6}?"
        r"(?:joint )?(?:anti|counter)[- ]?terror(?:ism|ist)? (?:(?:live|military|command|staff|field) )?"
        r"(?:drills?|exercises?)\b"
        r"|\b(?:[\w-]+ ){0,2}ministers['\u2019]? (?:meeting|conference) of (?:the )?"
        + SCO_WORD
        + r"|\b(?:SCO|Shanghai Cooperation Organi[sz]ation(?: \(SCO\))?)(?:['\u2019]s)? "
        + PARTICIPANTS_AFTER_SCO
        + r"(?:['\u2019]s?)? (?:meeting|meet|session|conference)\b"
        r"|\b(?:meeting|session|sitting|conference) of (?:the )?"
        + SCO_NAMED
        + " "
        + PARTICIPANTS_AFTER_SCO
        + r"|\b(?:meeting|session|sitting|conference|forum) of (?:the )?(?:"
        + PARTICIPANTS
        + "|"
        + STRUCTURES
        + r") (?:of|from) (?:the )?"
        + MEMBERS_OF
        + SCO_WORD
        + r"|\b(?:meeting|session|sitting) of (?:the )?"
        + STRUCTURES
        + r"|\b(?:meeting|session|sitting) of (?:the )?heads of (?:the )?(?:SCO )?"
        r"(?:member[- ])?(?:states|countries)['\u2019]? (?:[\w-]+ ){1,3}?"
        + OFFICES
        + gathering(f"(?:{PARTICIPANTS})", STRUCTURE_AFTER),
    ),
)
"""(body, cue words, regex): the first pattern that matches a span decides the
body. Every match holds one of the cue words (even inside a word), so a pattern
runs only on sentences that contain one; every match also holds one of
MEETING_CUES."""
BARE_MEETING = (
    r"\b(?:the|this|that)\s+(?:\w+-day\s+)?(?:meeting|session|gathering|meet)\b(?!s|\s+of\b)"
    r"|\bSCO['\u2019]?s?\s+meet\b|\btoday['\u2019]s\s+(?:meeting|session)\b"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:meeting|session)\s+of\s+the\s+Council\b(?!\s+of)"
    r"|\b(?:the|its|their)\s+(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:meeting|session)\b(?!s|\s+of\b)"
)
BARE_MEETING_CUES = ("meeting", "session", "gathering", "meet")
"""A meeting named by a bare noun ("the meeting"), and the words it needs."""
MEETING_CUES = (
    "summit",
    "council",
    "meet",
    "met",
    "gather",
    "convene",
    "meeting",
    "session",
    "gathering",
    "minister",
    "forum",
    "expo",
    "exhibition",
    "festival",
    "conference",
    "peace mission",
    "drill",
    "exercise",
    "sitting",
)
"""A sentence without one of these (even inside a word) names no meeting: a cheap
first test."""
PLACE_GAP_STOP = (
    r"\b(?:since|after|before)\b(?!\s+(?:\d+|an?|one|two|three|four|five|six|several|many)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)"
    r"|\b(?:until|while|when|whereas|said|says|told|called|urged|proposed|stressed)\b|[;:]"
)
"""Between a meeting phrase and a place after it, these start another clause whose
place is not the meeting's ("the summit since the SCO was proclaimed in Shanghai")."""
BLANKET_MARKERS = (
    r"\b(?:all|every|each|previous|past|several|many|successive|those|these)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:meetings|sessions|summits)\s+of\s+(?:the\s+)?$"
)
"""A meeting noun after these words speaks of a class of meetings, not one."""
ORGAN_MARKERS = r"\b(?:chairmanship|presidency|chair|chairs|membership|member|members)\s+(?:of|in)\s+(?:the\s+)?(?:sco\s+|sco['\u2019]s\s+)?$"
"""Before a council's name, these speak of the council as an organ, not of one of
its meetings ("India's chairmanship of the SCO Council of Heads of Government")."""
ORGAN_DECISION_MARKERS = (
    r"\b(?:(?:approved|decided|endorsed|established|appointed|adopted) by|decisions? of)"
    r"\s+(?:the\s+)?(?:sco\s+|sco['\u2019]s\s+)?$"
)
"""Before a council's name: the council deciding as an organ ("as approved by
the Council of Heads of State", "following the decision of the SCO Council of
Heads of State"), not one of its meetings."""
ORGAN_AFTER_MARKERS = (
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:is|remains|serves as)\s+(?:the|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:supreme|highest|main|top|principal|chief)\b"
    r"|\s*(?:\([^()]{1,12}\)\s*)?meets\s+(?:once|annually|every|regularly|twice)\b"
)
"""After a council's name, these describe the council as an organ ("the Heads of
State Council (HSC) is the supreme decision-making body", "meets once a year")."""
BLANKET_CUES = (
    *("all", "every", "each", "previous", "past", "several", "many"),
    *("successive", "those", "these", "meetings", "sessions", "summits"),
)
"""Every BLANKET_MARKERS match holds one of these: a cheap first test."""
BACK_REFERENCE = (
    r"\b(?:last year['\u2019]?s?|previous|past|former|earlier|prior|ago|\d{4})\b"
)
"""Markers of a meeting the text looks back at (not the one it reports)."""
WEAK_BACK_REFERENCE = r"\bearlier\b"
NEXT_REFERENCE = r"\bnext\b[^,;]{0,30}$"
"""A meeting the text looks ahead to ("the next summit")."""
"""A back marker that may speak of the reported meeting ("Earlier at the summit")."""
VIDEO_FORMAT = r"\b(?:via video|video[- ]?(?:conference|link|call)|virtual(?:ly)?|online format|by video|in video format|teleconference)\b"
IN_PERSON_CUES = r"\b(?:attend(?:s|ed|ing)?|attendance|t(?:ake|akes|aking|ook) part|address(?:es|ed|ing)?|during|at which|chair(?:s|ed|ing)?|trip|travel(?:s|led|ed)?|arriv(?:e|es|ed|ing)|participat(?:e|es|ed|ing)|on the sidelines|speech at|hosted|in person|visit)\b"
ORDINAL_STOP = (
    r"\b(?:members?|states?|time|times|anniversary|years?|days?|at|to|for|in|on|by"
    r"|with|since|after|before|was|is|will|which|that)\b|[,;:]"
)
"""Between an ordinal and a meeting phrase, these show that the ordinal counts
something else ("the tenth member at the summit", "the first time the summit")."""
ORDINAL_CLAUSE = (
    r"^\s+(?:(?:meeting|summit|session)\s+)?(?:since|after|ever)\b"
    r"|^\s+(?:(?:meeting|summit|session)\s+)?(?:that|which)\s+(?!(?:is|was|will|has|had|are|were|would|opened|opens|began|begins|took|takes|ended|ends)\b)\w+"
)
"""After a meeting phrase, these show that the ordinal before it counts something
else ("the first summit since the SCO expanded", "the fourth summit that India
attended")."""
ORDINAL_WORD_CLAUSE = r"^\s+(?:(?:meeting|summit|session)\s+)?(?:being|to be)\b"
"""After a phrase with a spelled-out ordinal: "the first summit being held in a
hybrid format" counts summits of a kind."""
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
    (body, frozenset(cues), alternation(pattern))
    for body, cues, pattern in (
        *MEETING_PATTERNS,
        (INDEFINITE, INDEFINITE_MEETING_CUES, INDEFINITE_MEETING),
        (None, BARE_MEETING_CUES, BARE_MEETING),
    )
)
"""(body, cue words, pattern) in order; None for a bare "the meeting", INDEFINITE
for "a meeting of the SCO" (its context tells its body). Each pattern is an
`Alternation`: its `rule_for` a sentence finds the pattern's spans there."""
SCO = re.compile(SCO_NAME)
BLANKET = skipping(BLANKET_MARKERS)
BLANKET_CUE = re.compile("|".join(BLANKET_CUES))
"""Found far faster than `BLANKET` runs: without one, no blanket marker."""
BACK = folded_pattern(BACK_REFERENCE)
VIDEO = skipping(VIDEO_FORMAT)
VIDEO_CUES = ("video", "virtual", "online format", "teleconference")
"""Every VIDEO match holds one of these: a cheap first test."""
IN_PERSON = folded_pattern(IN_PERSON_CUES)
ORDINAL = folded_pattern(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(ORDINAL_WORDS) + r"))\b"
)
BILATERAL = re.compile(r"\b[A-Z][a-z]+-[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+$")
PLACE_BEFORE = skipping(
    r"\b(?:in|at|(?:city|capital|town|province|region) of|capital|city),?\s+(?:[\w'\u2019]+,?\s+){0,1}$"
)
HELD = skipping(r"\b(?:held|hosted|took place|takes place|convened|opened)\b")
"""In the gap between a phrase and a place or date: the text says the meeting
happens there or then ("... was held on June 14 and 15, 2011 in Astana"), so
the place or date may be further off."""
CHAIRING_STATE = re.compile(
    r"^(?:,\s+which\s+(?:holds|held|chairs|chaired)\s+the\s+(?:rotating\s+|current\s+)?"
    r"|['\u2019]s\s+(?:rotating\s+|current\s+)?)(?:chairmanship|presidency)\b"
)
"""After a state: it chairs the SCO ("Tajikistan, which holds the rotating
chairmanship", "India's presidency"), so hosts a meeting held by video."""
HERE = re.compile(r"^[^,;]{0,40}?\bhere\b")
NEXT = skipping(NEXT_REFERENCE)
HOST_BEFORE = re.compile(
    r"\b(?:will host|hosts|hosted|hosting|to host|will be hosted by|(?:will|to) hold|holds|holding)"
    r"\s+(?:the\s+|an?\s+)?(?:(?!(?:at|in|on|for|with|by)\s)[\w'\u2019-]+\s+){0,4}$"
)
APPOSITIVE_BEFORE = re.compile(
    r",\s+(?:the\s+)?(?:capital|city|(?:\w+\s+)?capital)\s+of\s+[^,;]{1,40},\s*$"
)
"""Between a host and its verb: ", the capital of the Kyrgyz Republic, "."""
HOST = re.compile(r"\b(?:held|hosted|hosts|host|organi[sz]ed)\b")
HOST_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:hosted|chaired|organi[sz]ed|presided over) by\s+(?:the\s+)?"
)
"""After a meeting phrase: "the summit, hosted by India", "chaired by Russian
Health Minister ..." (the state named next hosts it)."""
HOSTED_ADJECTIVE = re.compile(r"^-(?:hosted|chaired)\s+(?:SCO\s+)?$")
"""Between a state and a meeting phrase: "the India-hosted SCO summit"."""
TRAVEL_BEFORE = re.compile(
    r"\b(?:arriv(?:ed|es|ing|e) in|land(?:ed|s|ing)? in|invited to|reach(?:ed|es|ing)?|visit(?:ed|s|ing)?"
    r"|(?:gathered|gather|gathers|met|meet|meets|convened|convene|convenes) in"
    r"|(?:leave|leaves|leaving|left) for|travel(?:l?ed|s|l?ing)? to|head(?:ed|s|ing)? (?:to|for)"
    r"|fl(?:ew|y|ies|ying) to|(?:came|come|comes|went|go|goes) to)"
    r"\s+(?:[\w'\u2019-]+\s+){0,3}$"
)
"""Before a city: a participant's journey there ("arrived in", "leaving for
Tajikistan's capital")."""
TRAVEL_GAP = re.compile(
    r"^(?:,\s+(?:the\s+)?capital\s+of\s+\w+(?:\s+\w+)?,)?(?:,?\s+(?:on\s+\w+|today|tomorrow|yesterday|earlier))?,?\s+"
    r"(?:to\s+(?:attend|participate\s+in|take\s+part\s+in|join)|for|and\s+(?:attended|took\s+part\s+in|participated\s+in|joined))"
    r"\s+(?:[\w'\u2019-]+\s+){0,6}$"
)
"""Between that city and the meeting phrase: "... to attend the", "... for the
15th session of the", "... and attended a"."""
NOT_A_CITY = re.compile(r"\s+Cooperation\b")
"""After a city's name: "Shanghai Cooperation Organization" names no place."""
MEETINGS_PLACE_GAP_STOP = skipping(PLACE_GAP_STOP)
WHERE = re.compile(r",\s+where\s+[^,;]{0,45}$")
"""Between a place and a meeting phrase: "Tianjin, where China will host the summit"."""
DURATION = r"(?!\s+(?:\d+|an?|one|two|three|four|five|six|several|many)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)"
"""After "after", "before" or "since": not a span of time ("after two years"),
which starts no clause of its own."""
GAP_STOP = skipping(
    r"\b(?:after|before|since)\b"
    + DURATION
    + r"|\b(?:is|was|are|were|until|when|which|said|and|though|although)\b|[;:]"
)
NOT_EVENT_DATE = skipping(
    r"\b(?:until|till|through|within|by)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$"
)
"""Before a date: a deadline or span ("until 2030", "within this year"), not the
day of an event."""
OCCURRED = re.compile(
    r"\b(?:held|hosted|took place|takes place|take place|opened|opens|open|began|begins|begin|started|starts|start"
    r"|kicked off|kicks off|kick off|convened|convenes|scheduled|slated|set|concluded|closed|ended)\b"
    r"(?:[^;:,]{0,30}|[^;:]{0,80}?\b(?:in|at)\s[^;:]{0,50})$"
)
"""A gap before a date that says the meeting happens then ("which started on",
"is scheduled to be held from"): the date is the meeting's."""
DATE_GAP_STOP = skipping(
    r"\b(?:after|before|since|until|when|said|says|told|and)\b|[;:]"
)
"""What stops a date from being the meeting's even then."""
FROM_DATE = re.compile(r" from (?:\d|[A-Z][a-z]{2,8}\.? \d)")
"""" from October 15": a date, not a place the text names the meeting apart from."""
OPENING_GAP_STOP = skipping(
    r"\b(?:after|before|since|until|when|which|said|says|told|while)\b|[;:]"
)
"""Between a sentence's opening date ("On 14 July 2021, ...") and a meeting phrase
of its main clause: these start another clause."""
PARENTHESIS = re.compile(r"\([^()]{0,160}\)")
"""An aside ("(hereafter SCO or Organisation)") that does not lengthen a gap."""
NUMBER_STOP = folded_pattern(ORDINAL_STOP)
ORGAN = skipping(ORGAN_MARKERS)
ORGAN_AFTER = re.compile(ORGAN_AFTER_MARKERS, re.IGNORECASE)
ORGAN_DECISION = skipping(ORGAN_DECISION_MARKERS)
NUMBER_CLAUSE = folded_pattern(ORDINAL_CLAUSE)
NUMBER_WORD_CLAUSE = folded_pattern(ORDINAL_WORD_CLAUSE)
WEAK_BACK = folded_pattern(WEAK_BACK_REFERENCE)
GATHERED = folded_pattern(GATHER_VERBS + r"$")
"""A phrase ending in a verb of meeting ("SCO foreign ministers met")."""
MET_WITH = re.compile(r"^\s+with\b")
"""After such a phrase: "the SCO leaders met with ..." is not a meeting of theirs."""
BARE_SUMMIT = folded_pattern(r"^summits?$")


# words of facts/meetings.py

CUE_WORDS = frozenset(MEETING_CUES)
