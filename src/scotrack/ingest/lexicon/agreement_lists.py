# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Agreements in lists, bundles and plurals: word lists and compiled rules (see
`scotrack.ingest.lexicon`; the rest of the agreements' rules are in
`lexicon.agreements`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.agreements import ADVERBS
from scotrack.ingest.lexicon.folding import folded_pattern

LIST_MARK = re.compile(r"^\s*(?:[-\u2022*\u2013\u2014]|\d{1,2}[.)])\s+")
LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]?\s*$")
"""A list item's marker, at the start of its sentence or a sentence of its own."""
BARE_ITEM_WORDS = frozenset(
    [
        *("of", "on", "the", "and", "in", "for", "between", "to", "with", "among"),
        *("against", "at", "by", "from", "its", "their", "a", "an", "&"),
    ]
)
"""The lower-case words a name on a list line of its own may hold; every other word
is capitalised or a number ("Agreement on Cooperation in the Field of Agriculture
for 2023-2025;")."""
BARE_ITEM_MAX_WORDS = 30
LIST_HEAD = re.compile(
    r"^\s*(?:[-\u2022*\u2013\u2014]|\d{1,2}[.)])?\s*(?:the\s+|an?\s+)?$", re.IGNORECASE
)
"""What comes before the agreement that opens a list item."""
COORDINATED = re.compile(
    r"^\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:to\s+)?(?:an?\s+|the\s+)?$"
)
LISTED = re.compile(r"^\s*;\s*(?:and\s+)?(?:an?\s+|the\s+)?$")
OTHER_ITEMS = re.compile(
    r"^\s*,\s*(?:[^,;:.()]{3,120}?,\s*){0,4}?"
    r"(?:[^,;:.()]{3,120}?,?\s+(?:and|as well as)\s+|(?:and|as well as)\s+)?"
    r"(?:an?\s+|the\s+)?$"
)
OTHER_ITEMS_BREAK = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|which|who|that|while"
    r"|whereas|but|also|signed|inked|adopted|approved|ratified|endorsed|issued|concluded"
    r"|said|says|noted|stressed)\b",
    re.IGNORECASE,
)
"""Between two agreements of one list, the other things listed with them ("the
Joint Action Plan ..., the Secretariat's report on ..., the budget for 2012 and the
Program on ..."): comma-separated phrases with no verb or clause word, so the
agreements share the verb before the list."""
"""Between the items of a list after a colon ("include: the X; the Y; and the Z")."""
DOCUMENTS_NOUNS = ("documents", "agreements", "papers", "treaties")
"""The nouns `DOCUMENTS_FOLLOWING` and `DOCUMENTS_DONE` need: a sentence without
one heads no list of documents."""
DOCUMENTS_FOLLOWING = folded_pattern(
    r"\b(?P<verb>signed|inked|concluded|adopted|approved|endorsed|issued)\s+(?:the\s+)?"
    r"following\s+(?:[a-z]+\s+)?(?:documents|agreements|papers)\b"
)
"""A sentence heading a list of documents, its verb first ("signed the following
documents:")."""
DOCUMENTS_DONE = folded_pattern(
    r"\b(?:documents|agreements|papers|treaties)\b[^.;]{0,60}?\b(?P<verb>signed|inked|concluded"
    r"|adopted|approved|endorsed|issued)\b"
)
"""A sentence heading a list of documents ("These documents ... were signed",
"Several documents signed at the summit")."""
DOCUMENTS_ANNOUNCED = folded_pattern(
    r"\b(?P<verb>signed|inked|concluded|adopted|approved|endorsed|issued)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:documents|agreements|papers|treaties)\b[^.;]{0,40}:\s*$"
)
"""A sentence announcing a list of documents with a colon, its verb first ("The
heads of state signed 17 documents, including:", "The signed documents
include:"); without the colon, what follows need not be their list."""
MEMBERS_OPEN = folded_pattern(
    r"[^.;:]{0,60}?(?:\b(?:include[sd]?|including|among them|comprise[sd]?|such as"
    r"|namely|are|were)\b|:)"
)
"""After the words reporting a bundle of documents, where its members are listed
("The documents signed at the summit include ...", "..., including ...")."""
BUNDLE_MEMBERS = folded_pattern(
    r"^\s*(?:among (?:them|these|those)|(?:these|they) (?:include|included|are|were)"
    r"|(?:one|some|two|three) of (?:the\s+)?(?:most\s+\w+\s+(?:of\s+)?)?(?:them|these|those))\b"
)
"""A sentence opening on the members of the bundle of documents the sentence before
it reports ("Several treaties were signed ... One of the most important of them is
X", "Among them are X and Y"): they share its action."""
OTHERS = folded_pattern(r"\b(?:and|as well as)\s+(?:[\w-]+\s+){0,3}?other\s+$")
"""Before a plural document noun: the rest of a bundle beside the agreement ("and
a number of other documents")."""
AMONG_DOCUMENTS = folded_pattern(
    r"\s*,?\s*(?:was|were|is|are)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:documents|agreements|papers)\s+(?:(?:that|which)\s+(?:were\s+)?)?"
    r"(?P<verb>signed|inked|concluded|adopted|approved|endorsed|issued|ratified)\b"
)
"""After an agreement: it is one of a bundle with an action ("The Astana Declaration
was among the documents adopted at the summit")."""
PLURAL_PARTS = folded_pattern(
    rf"(?:\s+(?:were|have been|had been)\s+{ADVERBS}(?P<verb>signed|adopted|approved"
    r"|inked|issued|concluded))?(?:\s+between\s+[^,;.]{3,80}?(?=\s+on\s)"
    r"|\s+(?:signed|inked|concluded)\s+(?:by|in|at)\s[^;.]{3,250}?,)?"
    r"\s*,?\s+(?P<link>on|to establish|to set up|to create"
    r"|establishing|on establishing)\s+(?:(?P<one>[^;.]{3,120}?)\s*,?\s+and\s+(?P=link)"
    r"\s+(?P<two>[^;.]{3,120}?)|(?P<one_art>(?:an?|the)\s+[^,;.]{3,80}?)\s*,?\s+and\s+"
    r"(?P<two_art>(?:an?|the)\s+[^,;.]{3,80}?))\s*(?=[,;.]|$)"
)
"""The two parts of a plural agreement ("Agreements were signed to establish an
SCO Anti-Drug Center and a Universal Center ...", "statements, on X and on Y"):
the link repeated, or each part with its article; its parties ("were signed
between the ministries on X and on Y") or a participle set off by a comma ("two
agreements signed by the heads of state in 1997, on X and on Y") may come
between."""
PLURAL_SUBJECT = 3
"""The words a plural's subject needs besides "and", "of", "the" ... to name
agreements ("on India and Pakistan's accession"), not topics ("on trade and
investment")."""
PLURAL_NOUN = re.compile(r"\bmemorand(?:a|ums)\b|\b\w+s\b(?=\s*$)", re.IGNORECASE)
"""The plural word of a plural agreement noun ("memoranda of understanding",
"trade agreements")."""
NAMING_HEADS = frozenset(
    ["treaty", "convention", "agreement", "declaration", "memorandum", "protocol"]
)
"""The nouns whose plural names agreements when it has a subject ("memorandums on
X's accession"); "plans of work", "programmes of study" name activities."""
