# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Kinds of meetings beyond the four councils' names: the SCO's other bodies
(body "other": who meet in them, the SCO's own structures, what tells one such
meeting from another) and meetings named by an indefinite noun, whose body the
context tells (see `scotrack.ingest.lexicon`; the meeting patterns that use
these are in `lexicon/meetings.py`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.folding import folded_pattern

SCO_NAMED = r"(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:['\u2019]s)?(?: \(SCO\))?"
"""The SCO's name as a subject's head or complement, possessive and acronym included."""
SCO_WORD = r"(?:SCO\b|Shanghai Cooperation Organi[sz]ation)"
"""The SCO's name where it ends a phrase."""
MEMBERS_OF = r"(?:(?:member[- ])?(?:states|countries|nations) of (?:the )?)?"
OFFICES = (
    r"(?:agencies|authorities|ministries|departments|services|bodies|offices"
    r"|institutions|committees|courts|commissions)"
)
"""What the heads meeting in a sectoral council head ("heads of the emergency
situations agencies")."""
PARTICIPANTS = (
    r"(?:(?!(?:to|the|an?|and|or|will|on|in|at|for|with|of)\s)[\w-]+ ){0,3}?"
    r"ministers(?: (?:of|for|on) (?!the\b|sco\b|shanghai\b|member)[\w-]+(?: (?:and|&) [\w-]+)?)?"
    r"|(?:national )?security council secretaries|security secretaries"
    r"|secretaries of (?:the )?(?:national )?security councils?"
    r"|(?:national )?security advis[eo]rs?|prosecutors?[- ]generals?|prosecutors"
    r"|chief justices|(?:senior )?officials|experts(?: and coordinators)?"
    r"|(?:national )?coordinators|chiefs of (?:the )?general staffs?"
    r"|speakers of (?:the )?parliaments?|heads of regions|regional (?:heads|leaders)"
    r"|representatives of (?:the )?heads of states?"
    r"|heads of (?:the )?(?:[\w-]+ ){1,4}?"
    + OFFICES
    + r"|working group(?: on (?:[\w-]+ ){0,2}?[\w-]+)?"
)
"""Who meet in an SCO meeting of another body than the four councils: ministers
of a sector, security council secretaries, prosecutors general, experts, heads
of agencies ("the Ministers of Transport", "heads of the emergency situations
agencies"). Foreign, defence and prime ministers meet in the councils
(FIELD_BODIES)."""
STRUCTURES = (
    r"(?:interbank consortium|ibc|business council|energy club|youth council"
    r"|rats council|regional anti-terror(?:ist|ism)? structure(?: council)?"
    r"|council of (?:the )?(?:rats|regional anti-terror(?:ist|ism)? structure)"
    r"|(?:sco[- ] ?afghanistan )?contact group(?: on afghanistan)?)"
)
"""The SCO's own bodies that hold meetings ("the SCO Interbank Consortium",
"the Council of the Regional Anti-Terrorist Structure", "the SCO-Afghanistan
Contact Group")."""
STRUCTURE_AFTER = r"(?: " + STRUCTURES + r")?(?: \([^()]{1,20}\))?"
PARTICIPANTS_AFTER_SCO = (
    r"(?:member[- ]states['\u2019]? )?(?:" + PARTICIPANTS + "|" + STRUCTURES + ")"
)

DRILLS = r"\b(?:peace mission|drills?|exercises?)\b"
"""The name of a drill ("Peace Mission-2021", "joint anti-terrorist exercises")."""

INDEFINITE = "indefinite"
INDEFINITE_MEETING = (
    r"\b(?:an?|its|the) (?:(?!of\b)[\w-]+ )?(?:meeting|session|sitting) of (?:the )?"
    + SCO_NAMED
    + r"(?! (?:member|countries|states|nations|secretar|summit|business|\w+ ministers))"
    r"|\b(?:at|in|during) (?:an?|its) (?:(?!of\b|sco\b)[\w-]+ )?(?:meeting|session|sitting)"
    r"(?= (?:(?:held|convened) )?(?:in|at) )"
)
INDEFINITE_MEETING_CUES = ("meeting", "session", "sitting")
"""An SCO meeting the text names by an indefinite noun ("a meeting of the SCO",
"at a session held in Dushanbe"): its body is told by what the text says of it
(CONTEXT_BODY_CUES); the second form needs a place after it."""
CONTEXT_BODY_CUES = (
    (
        r"\bheads? of (?:the )?(?:sco )?(?:member )?states?\b|\bpresidents\b|\bleaders\b",
        "heads-of-state",
    ),
    (
        r"\bheads? of (?:the )?governments?\b|\bprime ministers\b|\bpremiers\b",
        "heads-of-government",
    ),
    (r"\bforeign ministers\b|\bministers of foreign affairs\b", "foreign-ministers"),
    (r"\bdefen[cs]e ministers\b|\bministers of defen[cs]e\b", "defence-ministers"),
    (
        r"\b(?:candidacy|full member(?:ship)?|accession|admitted|admission)\b",
        "heads-of-state",
    ),
)
"""Around an indefinite meeting phrase (its sentence and the next): who meet in
it, or the decision that only the heads of state take (admitting a member)."""

# ---------------------------------------------------------------- meeting kinds

CONTEXT_BODIES = tuple((skipping(pattern), body) for pattern, body in CONTEXT_BODY_CUES)
FIELD_BODIES = (
    (skipping(r"\bforeign\b"), "foreign-ministers"),
    (skipping(r"\bdefen[cs]e\b"), "defence-ministers"),
    (skipping(r"\bprime\b"), "heads-of-government"),
)
"""In an "other" phrase of ministers ("the meeting of the SCO member states'
foreign ministers"): the council they meet in."""
DEFENCE_HEADS = skipping(
    r"\bheads of (?:the )?defen[cs]e (?:departments|ministries|agencies)\b"
)
"""In an "other" phrase: the heads of defence departments are the defence
ministers ("the meeting of the heads of defense departments of the SCO")."""
DRILL = skipping(DRILLS)
NAME_YEAR = folded_pattern(r"[- ]((?:19|20)\d\d)$")
"""The year in a drill's name ("Peace Mission-2021"): the drill's date."""
ROMAN = re.compile(r"\b(?=[IVX]{2,}\b|V\b|X\b)(X{0,3}(?:IX|IV|V?I{0,3}))\s+$")
"""A Roman ordinal right before a meeting phrase ("VI Conference of ...")."""
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
NAME_STOP_WORDS = frozenset(
    [
        *("the", "of", "a", "an", "their", "its", "from", "on", "for", "and", "held"),
        *("sco", "shanghai", "cooperation", "organization", "organisation"),
        *("member", "states", "countries", "nations", "meeting", "meet", "summit"),
        *("session", "sitting", "s"),
    ]
)
"""Words that do not tell one "other" meeting from another ("the meeting of the
Ministers of Transport of the SCO" is the SCO transport ministers' meeting)."""
NAME_WORD = re.compile(r"[a-z]+")
