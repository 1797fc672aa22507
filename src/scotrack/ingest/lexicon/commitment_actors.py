"""Commitments: whose commitment it is. Impersonal and document subjects (the
SCO's), first person, the words before a subject and between coordinated actors
and their titles, and the verbs that tell a joint decision (the rest of the
commitments' rules are in `lexicon.commitments`; see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.folding import folded_pattern

IMPERSONAL = skipping(
    r"\b(?:it\s+(?:was|is|has\s+been)\s+(?:also\s+)?(?:agreed|decided|planned|resolved)"
    r"|(?:the\s+)?tasks?\s+(?:was|were|(?:has|have|had)\s+been)\s+(?:also\s+)?set"
    r"|(?:a|the)\s+decision\s+(?:was|has\s+been)\s+(?:made|taken|adopted))\b"
)
"""A joint decision of a meeting, with no actor ("it was agreed that", "a
decision was made to"): the SCO's."""
DOCUMENT_SUBJECT = skipping(
    r"\b(?:the|this|its)\s+(?:document|declaration|communiqu[e\u00e9]|joint\s+statement"
    r"|final\s+document|resolution|charter|meeting|summit|session|discussions|talks)"
    r"\s+(?:also\s+)?(?:ha(?:s|ve)\s+)?(?:also\s+)?$"
)
"""A meeting's document as the subject ("the declaration stressed"): the SCO's."""
MEETING_WHICH = folded_pattern(
    r"\b(?:meeting|summit|session|declaration|communiqu[e\u00e9]|document)\s*,?\s+"
    r"(?:which|that)\s+(?:also\s+)?$"
)
"""A meeting or its document as the antecedent of the trigger's "which"."""
WHICH = re.compile(r"\bwhich\s+(?:also\s+)?$", re.IGNORECASE)
HEADLESS = folded_pattern(
    r"(?:the\s+)?(?:importance|need|necessity|commitment|readiness|dedication|adherence"
    r"|decided|agreed)\b"
)
"""A point of a list with no subject ("The importance of ..."): a joint one."""
NO_SUBJECT = re.compile(r"[\s\"'\u201c\u201d\u2018\u2019*\u2022\u2013\u2014-]*")
AUTHORED = folded_pattern(
    r"\b(?:speech|remarks|address|statement|article|op-ed|keynote)\s+(?:by|of)\b"
)
"""A document that is one person's words ("Speech by Premier ...")."""
PLANNED = re.compile(r"(?:has |have |had )?plan(?:s|ned)? to$", re.IGNORECASE)
FUTURE = folded_pattern(r"will|shall|would")
JOINT_VERB = folded_pattern(r"(?:agreed|decided|agree)\b")
WE = folded_pattern(r"\bwe\b")
WE_SUBJECT = folded_pattern(r"\bwe\s+(?:\w+ly\s+|all\s+|also\s+)?$")
""""We" as the subject right before a verb."""
FIRST_PERSON = skipping(r"\b(?:we|our|us)\b")
LEADERS = folded_pattern(r"\s*(?:leaders|prime ministers|heads of)")
PAIR = re.compile(r"\s*[A-Z]\w+ and [A-Z]\w+\b")
COORDINATION = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:(?:the|[A-Z][\w.-]*)\s+)*"
)
"""Between two coordinated actors: ", ", " and ", with the title words of the
second ("China and Russian President ...")."""
LED_BY = re.compile(r"\b(?:by|between|among)\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a coordination that is no subject ("a group led by China and Russia")."""
TITLE_GAP = re.compile(
    r"(?:['\u2019]s?)?(?:[\s,]+(?:[A-Z][\w.()'\u2019-]*|of|the|for|on|in))*[\s,]*"
)
"""Between a state and a person it titles: title words only ("Chinese
Vice-Premier", "Minister of Culture of Russia", "Belarus' Foreign Minister")."""
TITLE_WORDS = re.compile(r"\s*(?:(?:[Tt]he|of|[A-Z][\w.'\u2019-]*)\s+|['\u2019]s?\s+)*")
"""Before a sentence's subject: title words only ("The Saudi", "External
Affairs Minister", "President ... of the")."""
PARTICIPLE_OPENING = re.compile(r",\s*(?:and\s+)?")
"""Between a clause start and a participle that opens it (", stressing")."""
ONE_NAME = re.compile(r"(?:['\u2019]s)?(?:\s+(?:[A-Z][\w.-]*\s+)*)?")
"""Between two mentions of one name: nothing, a possessive, title words
("Russian President Vladimir Putin", "China's Xi")."""
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
"""A word of letters with its inner apostrophes and hyphens, no punctuation: the
verb after "will" in "will also attend, with ..." is "attend"."""
