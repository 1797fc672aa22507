# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership: the clause around a precise rule's phrase: its list of states,
the status it names, and the words that say the step is not (yet) taken or is
another organization's (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon import organizations
from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.membership import GRADE

LIST_GAP = re.compile(
    r"^(?:\s*(?:,|and|as well as|along with|together with|&|the|\(\w{2,8}\)|\(|\)|(?:(?:islamic|arab|democratic|people['\u2019]s|kyrgyz)\s+)*"
    r"republic of|kingdom of|state of)\s*)*$",
    re.IGNORECASE,
)
STATUS_NAMED = folded_pattern(
    r"[^.;]{0,100}?\b(?:as (?:an? |the |its )?"
    + GRADE
    + r"|(?:on|with) (?:an? |the )?(?:sco )?(?=(?:observer|dialogue partner|partner) status)"
    r"|the status of (?:an? )?(?:sco )?"
    r"|for (?:the )?(?:sco )?(?=(?:observer|dialogue partner|partner) status))"
    r"(observer|dialogue partner|partners? in dialogue|partner|member)"
)
"""The status an admission names in its clause, after the phrase ("were admitted
as observers", "admitted to the SCO on a partner status")."""
STATUS_EVENTS = {
    "observer": "observer",
    "dialogue partner": "dialogue-partner",
    "partner in dialogue": "dialogue-partner",
    "partners in dialogue": "dialogue-partner",
    "partner": "partner",
    "member": "joined",
}
NOT_YET_BEFORE = folded_pattern(
    r"\b(?:will|would|shall|expected|expects?|set to|going to|due to|poised to|about to"
    r"|likely|unlikely|plans?|planning|planned|intends?|intended|hopes?|hoped|hoping"
    r"|could|(?<!in )(?<!of )may(?!\s*\d)|might|should|must|wants?|wanted|ready to|soon|possibility|possible"
    r"|chances?|prospects?|deliberat\w*|consider\w*|discuss\w*|support\w*|oppos\w*"
    r"|insist\w*|urg\w*|calls? for|called for|demand\w*|not|never|neither|nor|yet to|refus\w*|declin\w*|failed to"
    r"|reject\w*|if|once|unless|until|before|ahead of|eve of|pending|await\w*|towards?"
    r"|road to|path to|way to|pave\w* the way|prepar\w*|remains?(?: is)? to|closer to|to (?:sign|approve|admit|grant|consider|decide))\b(?:(?!\b(?:since|after|when|which|who|that|following)\b)[^,;:])*$"
)
"""A step not (yet) taken: a future, hope, wish or negation in the clause before
the phrase ("are expected to decide on the accession of", "insisted on the
admission of"); searched in the NOT_YET_WINDOW characters before it."""
NOT_YET_WINDOW = 150
HEDGED = folded_pattern(
    r"\b(?:agenda|possibility|possible|discussions?|discuss(?:ed|es|ing)?|deliberat\w*"
    r"|prospects?|negotiat\w*|whether)\b"
)
"""A clause about what may come ("the discussion included the possibility of
..."; "with Iran's accession topping the agenda"): its phrases report no step."""
CLAUSE_BREAK = folded_pattern(
    r"[;\u2026]|\.\.\.|\s[-\u2013\u2014]+\s|\s(?:but|while|whereas|which|although|though)\s"
)
"""Where a clause ends: a semicolon, ellipsis or dash, or a conjunction that
opens another ("..., which will be discussed at the summit"). A comma may only
separate the items of one clause's list ("the discussion included the
possibility of X, Y and Z")."""
OF_OTHER = re.compile(
    r"[^.;]{0,60}?\b(?:of|to|in|into|with|for)\s+(?:the\s+)?(?:(?:UN|United Nations|permanent)\s+)?(?:"
    + organizations.OTHER_ORGANIZATION_NAMES
    + r"|\b(?:WTO|World Trade Organi[sz]ation|UNSC|Security Council|IMF|OIC|SAARC|AIIB)\b)"
)
"""After a phrase: the other organization the step is in ("of BRICS"), run on
the text as printed (the names are upper-case)."""
IN_PROCEDURE = folded_pattern(
    r"\b(?:procedures?|process(?:es)?) (?:for|of|on) (?:[^.;]{0,60}? and )?$"
)
"""Just before a phrase granting a status: the procedure of granting it ("launched
the procedure for admitting Iran and granting dialogue partner status to Egypt",
"the process of granting such status to Bahrain was initiated"), a step on the
road to the status, which is `applied` (CONVENTIONS.md: launching an accession
procedure is applied)."""
IN_PROCEDURE_WINDOW = 100
IN_PRINCIPLE = folded_pattern(r"\bin principle\b")
"""An admission "in principle" is a step toward membership: applied."""
NOT_YET_AFTER = folded_pattern(
    r"[^,;:.]{0,40}?(?<!\band )(?<!\bbut )\b(?:will|would|shall|is expected|are expected|is set|are set"
    r"|is due|are due|is scheduled|are scheduled|is likely|are likely|is to be|are to be)\b"
)
"""The same right after the phrase ("Belarus's accession will be launched"), but
not a verb of its own ("signed the memorandum and will ratify it")."""
NOT_YET_REQUESTED = folded_pattern(
    r"\b(?:will|would|shall|may|might|could|should|plans?|planning|intends?|intending|going to|set to|ready to"
    r"|wants? to|not|never|no|yet to|to (?:submit|file|lodge|send|make|launch))\b"
    r"(?:(?!\b(?:since|after|when|which|who|that|following)\b)[^,;:])*$"
)
"""Before a state's request ("Iran's application"): a request still to be made
("will submit its application"), or none ("has no bid for membership")."""
ALONG_WITH = folded_pattern(r",? (?:along|together) with (?=\w)")
"""Right after a phrase whose states stand before it: the states that took the
step with them follow ("India joined the SCO along with Pakistan")."""
SUBJECT_GAP = re.compile(
    r"\s*(?:(?:has|have|had|also|formally|officially|personally|finally|then|on \w+day)\s+)*",
    re.IGNORECASE,
)
"""Between a subject's name and its verb ("Raisi has also signed")."""
HOSTED = folded_pattern(
    r"\b(?:ambassadors?|envoys?|embassy|embassies|consul(?:ate)?s?|representatives?|mission) (?:to|in)(?: the)? $"
)
"""Before a state's name: the state an envoy is sent to, not the subject ("the
UAE Ambassador to India signed")."""
STATUS_ADMITTED = folded_pattern(
    r"\b(?:admit(?:s|ted|ting)?|admission of|accept(?:s|ed|ing)?|acceptance of)(?: new)? "
    r"(observer|dialogue partner)s?\b"
)
"""A sentence on admitting a status ("approved guidelines for admitting observer
states"), which the admission the next sentence reports has ("Mongolia was
admitted first")."""
OBLIGATIONS = folded_pattern(
    r"\bmemorand(?:um|a|ums) (?:of|on) [^.;]{0,60}?\b(?:obligations?|commitments?|accession|membership)\b"
)
"""A page on a memorandum of obligations: its "signed the memorandum" is one."""
PARTNER_REFORM = folded_pattern(
    r"\b(?:unif\w*|merg\w*|combin\w*)\b[^.;]{0,60}?\bobservers?\b[^.;]{0,40}?\bdialogue partners?\b[^.;]{0,60}?\bpartners?\b"
)
"""The 2025 reform that made observers and dialogue partners "SCO partners": a
page that tells it speaks from its era."""
REFORM_SUMMIT = folded_pattern(
    r"\btianjin (?:sco )?summit\b|\bsummit\b[^.;]{0,40}?\btianjin\b"
)
"""The 2025 Tianjin summit, the first to grant the SCO partner status: an undated
page that names it speaks from its era ("joined as a dialogue partner at the
summit in Tianjin")."""

_COUNTS = (
    *("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
    *("seventeen", "eighteen", "nineteen", "twenty"),
)
YEARS_AGO = folded_pattern(
    r"\b(\d{1,2}|" + "|".join(_COUNTS) + r")(?: long)? years? ago\b"
)
"""A step dated by how long ago it was ("applied 15 years ago"): the year."""
YEARS_COUNT = {word: number or 1 for number, word in enumerate(_COUNTS)}
"""The number each word of YEARS_AGO names ("a" year is one)."""
