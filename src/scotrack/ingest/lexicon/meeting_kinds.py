# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Meetings of the SCO's other bodies (body "other"): who meet in them, the
SCO's own structures, and what tells one such meeting from another (see
`scotrack.ingest.lexicon`; the meeting patterns are in `lexicon/meetings.py`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.folding import folded_pattern

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
    r"|council of (?:the )?(?:rats|regional anti-terror(?:ist|ism)? structure))"
)
"""The SCO's own bodies that hold meetings ("the SCO Interbank Consortium",
"the Council of the Regional Anti-Terrorist Structure")."""
STRUCTURE_AFTER = r"(?: " + STRUCTURES + r")?(?: \([^()]{1,20}\))?"
PARTICIPANTS_AFTER_SCO = (
    r"(?:member[- ]states['\u2019]? )?(?:" + PARTICIPANTS + "|" + STRUCTURES + ")"
)

# ---------------------------------------------------------------- meeting kinds

FIELD_BODIES = (
    (folded_pattern(r"\bforeign\b"), "foreign-ministers"),
    (folded_pattern(r"\bdefen[cs]e\b"), "defence-ministers"),
    (folded_pattern(r"\bprime\b"), "heads-of-government"),
)
"""In an "other" phrase of ministers ("the meeting of the SCO member states'
foreign ministers"): the council they meet in."""
DRILL = folded_pattern(r"\b(?:peace mission|drills?|exercises?)\b")
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
