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
    r"^(?:\s*(?:,|and|as well as|along with|together with|&|the|(?:(?:islamic|arab|democratic|people['\u2019]s|kyrgyz)\s+)*"
    r"republic of|kingdom of|state of)\s*)*$",
    re.IGNORECASE,
)
STATUS_NAMED = folded_pattern(
    r"[^.;]{0,100}?\b(?:as (?:an? |the )?"
    + GRADE
    + r"|(?:on|with) (?:an? |the )?(?:sco )?(?=(?:observer|dialogue partner|partner) status)"
    r"|the status of (?:an? )?(?:sco )?)"
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
    r"|insist\w*|urg\w*|calls? for|called for|demand\w*|not|never|yet to|refus\w*"
    r"|reject\w*|if|once|unless|until|before|ahead of|eve of|pending|await\w*|towards?"
    r"|road to|path to|way to|pave\w* the way|prepar\w*)\b(?:(?!\b(?:since|after|when|which|who|that|following)\b)[^,;:])*$"
)
"""A step not (yet) taken: a future, hope, wish or negation in the clause before
the phrase ("are expected to decide on the accession of", "insisted on the
admission of"); searched in the NOT_YET_WINDOW characters before it."""
NOT_YET_WINDOW = 150
HEDGED = folded_pattern(
    r"\b(?:agenda|possibility|possible|discussions?|discuss(?:ed|es|ing)?|deliberat\w*"
    r"|prospects?)\b"
)
"""A sentence about what may come ("the discussion included the possibility of
..."; "with Iran's accession topping the agenda"): its phrases report no step."""
OF_OTHER = re.compile(
    r"[^.;]{0,60}?\b(?:of|to|in|into|with|for)\s+(?:the\s+)?(?:(?:UN|United Nations|permanent)\s+)?(?:"
    + organizations.OTHER_ORGANIZATION_NAMES
    + r"|\b(?:WTO|World Trade Organi[sz]ation|UNSC|Security Council|IMF|OIC|SAARC|AIIB)\b)"
)
"""After a phrase: the other organization the step is in ("of BRICS"), run on
the text as printed (the names are upper-case)."""
IN_PRINCIPLE = folded_pattern(r"\bin principle\b")
"""An admission "in principle" is a step toward membership: applied."""
NOT_YET_AFTER = folded_pattern(
    r"[^,;:.]{0,40}?\b(?:will|would|shall|is expected|are expected|is set|are set"
    r"|is due|are due|is scheduled|are scheduled|is likely|are likely|is to be|are to be)\b"
)
"""The same right after the phrase ("Belarus's accession will be launched")."""
