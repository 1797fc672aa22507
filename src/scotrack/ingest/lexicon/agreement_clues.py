# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Agreements: the clues around a named agreement (see `scotrack.ingest.lexicon`;
the rest of the agreements' rules are in `lexicon.agreements`): who approved or
proposed it, whether it is only to be drafted, printed in quotes, or a mere kind
of document in a list."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.agreements import AGREEMENT_NOUNS, VERB_ADVERBIAL
from scotrack.ingest.lexicon.folding import folded_pattern

AGREEMENT_NATIONAL_APPROVAL = (
    r"\b(?:king|emir|sultan|crown prince|president|cabinet|(?<!heads of )government)\b"
    r"(?:(?!\b(?:and|leaders|heads|(?<!cabinet of )ministers|members|states|summit|council|sco)\b)[^.;:]){0,60}?"
    r"\b(?:(?:has|had|have)\s+)?(?:approved|approving|endorsed|given\s+(?:a\s+|its\s+|his\s+|her\s+)?"
    rf"(?:final\s+)?(?:approval|assent)\s+to)\s+{VERB_ADVERBIAL}(?:the\s+|an?\s+|this\s+)?$"
)
"""A state's head or government approving an instrument just named after it (a
king, an emir, a president or a cabinet, alone): the state ratifies it ("King
Salman approved a Memorandum of Understanding", "President Mirziyoyev approved the
agreement on ...", "has given a final approval to the memorandum"); "the heads of
government approved" is the SCO's own adoption."""
NATIONAL_APPROVAL = folded_pattern(AGREEMENT_NATIONAL_APPROVAL)
JOINED = re.compile(r"\band\b|&")
"""Before an approver: one of several ("President Xi and President Putin")."""

KIND_AFTER = re.compile(rf"\s*(?:,|\band\b|\bor\b)\s*(?:{AGREEMENT_NOUNS})s?\b")
KIND_BEFORE = re.compile(
    rf"\b(?:{AGREEMENT_NOUNS})s?\s*(?:,\s*(?:and\s+|or\s+)?|\band\s+|\bor\s+)$"
)
"""Beside a bare lower-case document noun, with no article between: another kind
of document, in a list of kinds ("including charter, treaty, agreements")."""

PROPOSED_BY = folded_pattern(
    r"[^,;.:!?]{0,80}?(?:,\s*|\s+)(?:first\s+)?(?P<verb>proposed|initiated|put forward)\s+by\b"
)
"""A participle after an agreement (and the rest of its name) naming its
proposer ("a draft memorandum on X's obligations to join the SCO proposed by
Tashkent", "the strategy ..., initiated by Kazakhstan"): it was proposed,
whatever else was done with it."""
TO_DRAFT = folded_pattern(
    r"\bto\s+(?:draft|prepare|develop|elaborate|work out|draw up)\s+"
    r"(?:(?:the|an?|a new)\s+)?$"
)
"""Just before an agreement: it is yet to be drafted ("an instruction was issued
to draft a document on ..."), so a verb before it is not its action."""

OPENING_QUOTES = ('"', "\u201c", "\u00ab")
DOUBLE_QUOTES = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
"""The quote marks a title may be printed in (apostrophes are left: "SCO's")."""
QUOTED_NAME = re.compile(r"(?P<name>[^\"\u201d\u00bb.;:!?]{0,250}?)[\"\u201d\u00bb]")
"""The rest of a title opened by a quote, up to the closing quote."""
QUOTED_VERB = re.compile(
    r"\b(?:is|are|was|were|will|has|have|had|shall|would|can|must|should|said|says)\b"
)
"""In quoted words after an agreement noun: a sentence, not a name."""
