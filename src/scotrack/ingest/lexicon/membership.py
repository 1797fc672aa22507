# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import alternation
from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.membership_applications import (
    APPLICATION_PATTERNS,
)
from scotrack.ingest.lexicon.membership_applications import (
    NOT_THE_BODY as _NOT_THE_BODY,
)
from scotrack.ingest.lexicon.membership_applications import (
    POSSESSIVE as _POSSESSIVE,
)
from scotrack.ingest.lexicon.membership_status import STATUS_PATTERNS
from scotrack.ingest.lexicon.membership_status import YEAR as _YEAR

GRADE = r"(?:(?:new|full|full-fledged|fully-fledged|permanent|official|sco|\w+th) )*"
"""What may stand between "as a" and a status ("as a new full member")."""
_STATUS = r"(?:members?|observers?|dialogue partners?|partners? in dialogue|partners?)"
_AS_STATUS = r"\bas (?:an? |the |its )?" + GRADE + _STATUS + r"\b"
_BEEN = (
    r"(?:was|were|(?:has|have|had) (?:(?:now|also|already|finally|since) )?been|got)"
)
"""A passive's auxiliary ("were", "have now been")."""
_ADVERBS = (
    r"(?:(?:formally|officially|finally|also|now|both|all|unanimously|jointly) )*"
)
"""Between a passive's auxiliary and its verb ("were both formally admitted")."""
_APPROVED = r"(?:approved|confirmed|granted|endorsed|finali[sz]ed)\b"
"""What befalls a state's membership or status when it is given ("Iran's
membership was confirmed")."""

_CONGRATULATED = (
    r"\bcongratulat(?:e|ed|es|ing|ions?)\b[^.;]{0,40}?\b(?:on|for|over|upon) "
)
"""Congratulations to the states named next on their step ("congratulated Iran
for becoming a member", "congratulate Belarus on joining as an observer")."""
_STEP_NOUN = r"(?:(?:full|permanent|official|formal|final) )?(?:membership|entry|accession|admission|induction)"
"""A state's step as a noun ("Iran's accession", "the entry of Egypt")."""
_STEP_NOUNS = ("membership", "entry", "accession", "admission", "induction")
_INTO_SCO = r"(?: (?:to|into|in|of) (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping))?"
_PASSED = (
    _BEEN
    + r" "
    + _ADVERBS
    + r"(?:approved|agreed(?: (?:up)?on)?|confirmed|endorsed|finali[sz]ed|formali[sz]ed|completed|sealed|granted|accepted)\b"
)
"""What befalls a step given ("Iran's accession was completed")."""
_SEALING = ("endors", "approv", "confirm", "seal", "formali", "finali", "complet")
_SEALED = (
    r"\b(?:endors|approv|confirm|seal|formali[sz]|finali[sz]|complet)(?:e|es|ed|ing|s)?"
)
"""Verbs that give a step named as a noun ("endorsed the membership of")."""

MEMBERSHIP_PATTERNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    *APPLICATION_PATTERNS,
    # --- joined, or the status the words name ("admitted"): admissions
    (
        "joined",
        "before",
        ("became", "become"),
        r"\b(?:(?:has|have|had) (?:now |officially |formally |finally )?become|(?:officially |formally |finally )?bec(?:ame|omes)) (?:a |an |the )?(?:full(?:-fledged)? |new |official |permanent |organi[sz]ation['\u2019]s |\w+th |sco )*members?\b",
    ),
    (
        "joined",
        "before",
        ("becoming",),
        r"(?<=\bsince )becoming (?:a |an )?(?:full(?:-fledged)? |permanent |sco )*members?\b",
    ),
    (
        "joined",
        "within",
        ("becoming",),
        r"\b(?:with|after|following|since) (?!becoming\b)[^.;,]{1,40}? becoming (?:an? |the |its )?"
        + GRADE
        + r"members?\b",
    ),
    (
        "joined",
        "before",
        ("entrant",),
        r"\b(?:is|was|are|were|became|becomes|has become|have become) (?:the |an? |its )?(?:latest|newest|new|most recent|recent) entrants?\b",
    ),
    (
        "joined",
        "before",
        ("assum", "upgraded", "elevated", "promoted"),
        r"\b(?:upgraded|elevated|promoted)\b[^.;]{0,30}?\bto (?:a |the )?(?:full(?:-fledged)? |permanent |sco )?(?:members?|membership)\b"
        r"|\bassum(?:ed|es|ing|ption of) (?:its |their |the )?(?:full |permanent )?(?:membership|(?:role|place|seat) as (?:the |an? )?(?:\w+th )?(?:full(?:-fledged)? )?member)\b",
    ),
    (
        "joined",
        "after",
        ("home to",),
        r"\bbec(?:ame|omes|ome) home to\b(?=[^.;]{0,40}?\bas (?:an? )?(?:full(?:-fledged)? |new )?members?\b)",
    ),
    # --- noun frames: a state's entry approved, completed or endorsed
    (
        "admitted",
        "before",
        _STEP_NOUNS,
        _POSSESSIVE + r" " + _STEP_NOUN + _INTO_SCO + r" " + _PASSED,
    ),
    (
        "admitted",
        "after",
        ("entry of", "membership of"),
        r"\b(?:entry|membership) of\b(?=[^.;]{0,60}?\b" + _PASSED + r")",
    ),
    (
        "admitted",
        "after",
        _SEALING,
        _SEALED
        + r" (?:the )?(?:(?:full |permanent |official |formal |final )?(?:membership|accession|admission|induction) of\b"
        r"|(?:official |formal |final )?entry of\b(?=[^.;]{0,60}? (?:into|to) (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping)\b))",
    ),
    (
        "admitted",
        "within",
        _SEALING,
        _SEALED
        + r" [^.;]{0,30}?"
        + _POSSESSIVE
        + r" "
        + _STEP_NOUN
        + r"\b(?! (?:process|procedures?|talks|bids?|applications?|requests?)\b)",
    ),
    (
        "joined",
        "before",
        ("membership",),
        r"\b"
        + _BEEN
        + r" "
        + _ADVERBS
        + r"(?:granted|given|accorded|awarded) (?:the )?(?:full(?:-fledged)? |permanent |sco )*membership\b",
    ),
    (
        "joined",
        "after",
        ("membership",),
        r"\b(?:granted|grants|granting|grant|gave|give|giving|confirmed|confirms|approved) (?:the )?(?:full |permanent )?membership (?:of|to|for)\b|(?<!\bfor )\bfull membership (?:of|for|to)\b",
    ),
    (
        "joined",
        "within",
        ("membership", "member state"),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:full |permanent )?membership\b"
        r"|\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? the status of (?:an? )?(?:full |sco )*member state\b",
    ),
    (
        "joined",
        "before",
        ("membership", "since", "complet"),
        r"\b(?:gained|obtained|received|acquired|got|secured|won) (?:the )?(?:full |permanent )membership\b"
        r"|\b(?:has been |have been |had been )?(?:an? )?(?:full(?:-fledged)? |permanent )?(?<!observer )(?<!partner )member(?: of the (?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping))? since (?!2001\b)"
        + _YEAR
        + r"|\bcomplet(?:ed|es)\b (?:all )?(?:the |its )?(?:necessary |required )?(?:accession |membership |admission )?(?:procedures?|process|formalities)\b",
    ),
    (
        "joined",
        "before",
        ("made",),
        r"\b(?:was|were|has been|have been|had been) (?:officially |formally |finally |also )?made (?:an? |the |its )?"
        + GRADE
        + r"members?\b",
    ),
    (
        "joined",
        "before",
        ("membership",),
        _POSSESSIVE
        + r" (?:full |permanent )?membership (?:was|were|has been|have been|had been) (?:officially |formally |finally )?"
        + _APPROVED,
    ),
    (
        "observer",
        "before",
        ("observer",),
        _POSSESSIVE
        + r" observer status (?:was|has been|had been) (?:officially |formally )?"
        + _APPROVED,
    ),
    (
        "dialogue-partner",
        "before",
        ("dialog",),
        _POSSESSIVE
        + r" dialog(?:ue)? partner status (?:was|has been|had been) (?:officially |formally )?"
        + _APPROVED,
    ),
    (
        "joined",
        "after",
        ("welcom",),
        r"\bwelcom(?:e|es|ed|ing)\b(?=[^.;]{0,40}? into (?:the |its |their )?(?:sco |shanghai cooperation organi[sz]ation(?:['\u2019]s)? )?(?:fold|family|ranks|sco|organi[sz]ation|bloc|grouping)\b)",
    ),
    (
        "admitted",
        "within",
        ("congratulat",),
        _CONGRATULATED
        + r"(?:(?:its|their) (?:induction|accession|admission|membership|joining)|joining)\b",
    ),
    (
        "joined",
        "within",
        ("congratulat",),
        _CONGRATULATED + r"becoming (?:an? |the |its )?" + GRADE + r"members?\b",
    ),
    (
        "observer",
        "within",
        ("congratulat",),
        _CONGRATULATED + r"becoming (?:an? |the |its )?(?:sco )?observers?\b",
    ),
    (
        "dialogue-partner",
        "within",
        ("congratulat",),
        _CONGRATULATED + r"becoming (?:an? |the |its )?(?:sco )?dialogue partners?\b",
    ),
    (
        "admitted",
        "before",
        ("admitted", "inducted"),
        r"\b" + _BEEN + r" " + _ADVERBS + r"(?:admitted|inducted)\b",
    ),
    (
        "admitted",
        "before",
        ("accepted", "welcomed", "included", "approved", "confirmed", "endorsed"),
        r"\b"
        + _BEEN
        + r" "
        + _ADVERBS
        + r"(?:accepted|welcomed|included|approved|confirmed|endorsed)\b(?=[^.;]{0,30}?"
        + _AS_STATUS
        + r")"
        r"|\b"
        + _BEEN
        + r" "
        + _ADVERBS
        + r"(?:accepted|welcomed) into (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping|alliance|association)\b",
    ),
    (
        "admitted",
        "after",
        (
            *("admi", "accept", "welcom", "induct", "inclusion", "addition"),
            *("approv", "added", "adding", "adds"),
        ),
        r"\b(?:admit(?:s|ted|ting)?|accept(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|induct(?:s|ed|ing)?|approv(?:e|es|ed|ing)|add(?:s|ed|ing)|(?:admission|acceptance|inclusion|induction|addition) of)\b(?=[^.;]{0,70}?"
        + _AS_STATUS
        + r")",
    ),
    (
        "admitted",
        "after",
        ("inclusion",),
        r"\b(?:after|following|since|with) the inclusion of\b",
    ),
    (
        "admitted",
        "after",
        ("admission of", "accession of", "induction of", "admit"),
        r"\b(?:admission|accession|induction) of\b|\badmit(?:s|ted)\b(?! that\b)"
        r"|(?<!\bfor )(?<!\bon )(?<!\bof )(?<!\bto )(?<!\babout )\badmitting\b(?=[^.;]{0,40}? (?:to|into) (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping)\b)",
    ),
    (
        "applied",
        "within",
        ("procedure", "process"),
        r"\b(?:procedures?|process) (?:of|for) [^.;]{2,60}?"
        + _POSSESSIVE
        + r" (?:accession|admission|membership)\b(?=[^.;]{0,50}?\b(?:began|begun|begins|started|starts|launched|initiated|commenced|kicked off|set in motion)\b)",
    ),
    (
        "admitted",
        "before",
        ("accession", "admission", "full membership", "induction"),
        _POSSESSIVE
        + r" (?:official |formal |final |full )?(?:accession|admission|full membership|induction)\b",
    ),
    (
        "admitted",
        "before",
        ("join", "acced"),
        r"\bacced(?:ed|es) to (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping)\b"
        r"|\bjoin(?:ed|s) (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping|association|alliance|sco family|its ranks|the ranks|their ranks)\b"
        + _NOT_THE_BODY
        + r"|\bjoined as (?:an? |the )?"
        + GRADE
        + _STATUS
        + r"\b|\bjoin(?:ed|ing) (?:later |subsequently )?(?:in|on) [\w ,]{0,15}?"
        + _YEAR,
    ),
    (
        "joined",
        "after",
        ("expan", "enlarge"),
        r"\b(?:expan(?:sion|ded|d)|enlarge(?:ment|d)) [^.;]{0,40}?to (?:include|admit)\b",
    ),
    *STATUS_PATTERNS,
)
"""(event, side, cue words, regex), in order of precedence: a phrase overlapping
an earlier one's match is skipped. The states are found on `side` of the match
in the clause ("before", "after", or "within" the match: "granting Azerbaijan the
status of dialogue partner"). Every match holds one of the cue words, so a
pattern runs only on sentences that contain one. Five events are resolved in
the sentence: "admitted" takes the status the words after it name ("were
admitted as observers": observer; none named: the status whose admission the
sentence before reports, else joined), "partner" (the bare word) is a dialogue
partner before PARTNER_STATUS_YEAR and the SCO partner from it, "same" ("Saudi
Arabia received the same status") takes the event reported just before it in
the sentence, "request" (a state's application, bid or wish) is applied
whatever becomes of it, and "memorandum" ("signed the memorandum") is applied
on a page that names a memorandum of obligations."""
MEMBERSHIP_CUES = (
    "member",
    "observer",
    "dialogue partner",
    "accession",
    "admi",
    "join",
    "appli",
    "withdr",
    "expan",
    "enlarg",
    "memorand",
)
"""A sentence without one of these (even inside a word) reports no change of status."""
MEMBERSHIP_NEGATIVE = (
    r"\bfounding (?:member|state)|\bas a founding\b|\bmember and observer states\b"
)

# ---------------------------------------------------------------- membership

PATTERNS = tuple(
    (event, side, alternation(pattern))
    for event, side, _, pattern in MEMBERSHIP_PATTERNS
)
"""Each pattern as an `Alternation`, whose `full` finds on folded text what the
rule finds, skipping ahead to its first letters; compiled when first run."""
NEGATIVE = folded_pattern(MEMBERSHIP_NEGATIVE)
STEPPED_EVENTS = ("applied",)
"""Events a state takes in several dated steps, each an entry: applying, the
accession procedure launched, the memorandum of obligations signed and
ratified are all "applied" (CONVENTIONS.md)."""
SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019')\]]\s*$")
"""The end of a sentence (or a heading's) that a hard line break does not cut."""
FOUNDING_YEAR = 2001
"""The SCO's founding: a state that "joined in 2001" is a founder."""
PARTNER_STATUS_YEAR = 2025
"""The year observers and dialogue partners became "SCO partners": before it, a
"partner" is a dialogue partner (CONVENTIONS.md)."""
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
