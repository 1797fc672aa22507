# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership candidates: the cue words of each event, and the clues the
membership model weighs (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.folding import folded_pattern

_PARTNER_STATUS = (
    r"\b(?:as|became|become|becomes|becoming|status of|made|granted|given|new) (?:an? |the |its )?(?:new |sco |shanghai cooperation organi[sz]ation )?partners?\b"
    r"|\bpartners? (?:status|states?|countr(?:y|ies)|nations?)\b"
)
"""A "partner" that names a status ("became an SCO partner", "partner status"):
the bare word is a generic one ("will provide SCO partners loans")."""
EVENT_CUES: tuple[tuple[str, str], ...] = (
    (
        "joined",
        r"\bjoin(?:s|ed|ing)?\b|\bmember(?:s|ship)?\b|\badmi(?:t|ts|tted|tting|ssion)\b"
        r"|\binduct(?:s|ed|ing|ion)?\b|\baccession\b|\bacced(?:e|ed|es|ing)\b"
        r"|\benlarge(?:ment|d)?\b|\bexpan(?:sion|ded|d)\b|\bfull[- ]fledged\b",
    ),
    (
        "applied",
        r"\bappl(?:y|ies|ied|ying|ications?|icants?)\b|\bbids?\b|\bseek(?:s|ing)?\b"
        r"|\bsought\b|\brequest(?:s|ed|ing)?\b|\bmemorand(?:um|a|ums)\b|\bobligations?\b"
        r"|\bprocedures?\b|\bprocess\b|\baccession\b|\bcandida(?:cy|te|ture)\b"
        r"|\bin principle\b|\bmembership\b",
    ),
    ("observer", r"\bobservers?\b"),
    ("dialogue-partner", r"\bdialog(?:ue)?[- ]partner(?:s|ship)?\b|" + _PARTNER_STATUS),
    ("partner", r"\bdialog(?:ue)?[- ]partners?\b|" + _PARTNER_STATUS),
    (
        "left",
        r"\bwithdr(?:aw|ew|awn|awal|aws)\b|\bleft\b|\bquit(?:s)?\b|\bsuspend(?:ed|s)?\b",
    ),
)
"""(event, cue regex): a state named in a sentence holding a cue of an event may
have taken that step; the model decides."""
EVENT_CUE_PATTERNS = tuple((event, skipping(p)) for event, p in EVENT_CUES)
EVENT_CUE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "joined",
        (
            *("join", "member", "admi", "induct", "acces", "acced", "enlarge"),
            *("expan", "fledged"),
        ),
    ),
    (
        "applied",
        (
            *("appl", "bid", "seek", "sought", "request", "memorand", "obligation"),
            *("procedure", "process", "acces", "candida", "principle", "member"),
        ),
    ),
    ("observer", ("observer",)),
    ("dialogue-partner", ("dialog", "partner")),
    ("partner", ("partner",)),
    ("left", ("withdr", "left", "quit", "suspend")),
)
"""(event, words): every match of the event's EVENT_CUES pattern holds one of its
words, so a sentence runs the patterns of the events whose words it holds (one
automaton pass over the document instead of six patterns a sentence)."""
FUTURE = folded_pattern(
    r"\b(?:will|would|shall|expected|set to|plans?|planning|to become|soon|next"
    r"|upcoming|likely|hopes?|hoped|could|may|might|aims?|intends?|wants?|seeks? to)\b"
)
NEGATION = skipping(
    r"\b(?:not|no|never|yet to|refus\w*|reject\w*|block\w*|without|neither|nor|declin\w*)\b"
)
QUESTION = skipping(
    r"\b(?:whether|(?:asked|ask|asks|asking|wonder(?:s|ed|ing)?|unclear|uncertain|know|knows|say|says) (?:if|when))\b[^.;:?!,]*"
)
"""An indirect question and the clause it asks about ("asked whether Iran would
join", "wondered if Belarus had applied"): its states take no step."""
STANDING = skipping(
    r"\b(?:founding|founders?|currently|now|comprises|consists|includes|including"
    r"|enjoy|enjoys|remain|remains|existing|current)\b"
)
SINCE = skipping(r"\bsince\b")
CLUES = (
    ("future", FUTURE),
    ("negation", NEGATION),
    ("standing", STANDING),
    ("since", SINCE),
)
"""The clues a candidate's sentence may hold, in the order its features name them."""

LIST_JOINER = folded_pattern(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+|along with\s+|&\s*)(?:the\s+)?"
)
"""What joins the states of one list ("India and Pakistan", "Azerbaijan, Armenia,
Cambodia and Nepal"): the membership model reads a list as one subject or object."""
CLAUSE_BREAK = folded_pattern(
    r"[,;:()\[\]\"\u201c\u201d\u2013\u2014]|\s-\s|\b(?:which|who|whose|while|whereas|but"
    r"|although|though|that|after|before|since|when|where|because)\b"
)
"""Where a clause ends (a comma, a dash, "which", "while", "that", ...): with one
between a list of states and a cue, the list is not the cue's subject or object
("Russia said that Iran applied": Russia applied for nothing)."""
SCOPE_CLUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "neg",
        skipping(
            r"\b(?:not|no|never|neither|nor|without|cannot|yet to|refus\w*|reject\w*"
            r"|den(?:y|ies|ied)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing)?|blocked|blocking"
            r"|veto(?:es|ed)?|oppos(?:e|es|ed|ing)|postpon\w*|delayed|\w+n['\u2019]t)\b"
        ),
    ),
    ("modal", skipping(r"\b(?:will|would|shall|could|may|might|can|should|must)\b")),
    (
        "future",
        skipping(
            r"\b(?:expect\w*|set to|plans?|planned|planning|soon|next|upcoming|future"
            r"|prospects?|eventual\w*|likely|possible|possibility|potential)\b"
        ),
    ),
    (
        "wish",
        skipping(
            r"\b(?:hopes?|hoped|hoping|wants?|wanted|wish\w*|aspir\w*|seek(?:s|ing)? to"
            r"|interest\w*|desire\w*|ready|intend\w*|intention|aims?|aiming|keen|eager)\b"
        ),
    ),
    (
        "talk",
        skipping(
            r"\b(?:discuss\w*|consider\w*|talks?|agenda|debat\w*|speculat\w*|issue"
            r"|question|matter|prospect)\b"
        ),
    ),
    ("question", skipping(r"\b(?:whether|if)\b")),
    (
        "past",
        skipping(
            r"\b(?:was|were|has|have|had|been|became|got|gained|obtained|received|granted"
            r"|admitted|accepted|joined|signed|approved|took|officially|formally|already"
            r"|finally|ago)\b"
        ),
    ),
)
"""Clues of the words between a list of states and its cue, and just before the
first of the two: a step denied ("have filed no application", "was not invited
to join"), still to come ("would become"), wished for, talked about, asked about
("whether"), or reported as done ("has become")."""
SCOPE_BEFORE = 4
"""How many words before the first of a state list and its cue its clues read."""
LEMMAS: dict[str, str] = {
    form: lemma
    for lemma, forms in (
        ("become", "become became becomes becoming"),
        ("grant", "grant grants granted granting"),
        ("give", "give gives gave given giving"),
        ("admit", "admit admits admitted admitting admission"),
        ("accept", "accept accepts accepted accepting acceptance"),
        ("welcome", "welcome welcomes welcomed welcoming"),
        ("take", "take takes took taken taking"),
        ("receive", "receive receives received receiving"),
        ("gain", "gain gains gained gaining obtain obtains obtained obtaining"),
        ("join", "join joins joined joining"),
        ("apply", "apply applies applied applying application applications"),
        ("sign", "sign signs signed signing"),
        ("approve", "approve approves approved approving approval"),
        ("induct", "induct inducts inducted inducting induction"),
        ("include", "include includes included including inclusion"),
        ("upgrade", "upgrade upgrades upgraded upgrading"),
        ("have", "have has had having"),
        ("be", "is are was were be been being"),
        ("invite", "invite invites invited inviting invitation"),
    )
    for form in forms.split()
}
"""Word forms of the verbs that tell a membership step, to their lemma: the model
learns "became a full member" and "become full members" as one."""
