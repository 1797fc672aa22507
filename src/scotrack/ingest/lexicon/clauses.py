"""Clauses: measures, conjuncts, clause boundaries and speech frames of commitments
(see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.commitments import (
    MEASURE_VERBS,
    PARTICIPIAL_BOUNDARY,
    PURPOSE_MARKERS,
    SPEECH_VERBS,
)
from scotrack.ingest.lexicon.folding import folded_pattern

MEASURE = "|".join(
    sorted((re.escape(verb) for verb in MEASURE_VERBS), key=len, reverse=True)
)
CONJUNCT = folded_pattern(
    rf"(?:,\s*(?:and\s+|as well as\s+)?(?:to\s+)?(?:\w+ly\s+)?"
    rf"|\s+(?:and|as well as)\s+(?:also\s+)?(?:to\s+)?)(?=(?:{MEASURE})\b)"
)
INFINITIVE_VERBS = (
    *("simplify", "reduce", "hold", "make", "help", "give", "bring", "ease"),
    *("address", "prevent", "coordinate", "deal", "jointly", "hold", "join"),
    *("modernize", "modernise", "harmonize", "harmonise", "study", "draft"),
)
"""Verbs besides MEASURE_VERBS that open a second measure after "and to"."""
INFINITIVE_CONJUNCT = folded_pattern(
    r"\s+and\s+(?:also\s+|further\s+)?to\s+(?:\w+ly\s+)?"
    rf"(?=(?:{MEASURE}|{'|'.join(INFINITIVE_VERBS)})\b)"
)
"""Between two measures of one pledge that each repeat "to" ("agreed to
strengthen X and to expand Y"): two items, as commas split them."""
CONJUNCT_MARKS = ","
CONJUNCT_WORDS = ("and", "as well as")
"""Every CONJUNCT match begins at one of CONJUNCT_MARKS or in the white space
right before one of CONJUNCT_WORDS (`clauses.spaced_starts`)."""
GERUND_OPENING = re.compile(r"\s+(?:of|for)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)
"""After "the importance", "the need": a list of gerunds ("of improving X,
intensifying Y and promoting Z"), one measure each."""
GERUND_CONJUNCT = folded_pattern(
    r",\s*(?:and\s+)?(?:\w+ly\s+)?(?=(?:"
    + "|".join(
        sorted(
            {v.split()[0].removesuffix("e") for v in MEASURE_VERBS},
            key=len,
            reverse=True,
        )
    )
    + r")\w{0,3}ing\b)"
)
"""Between two gerunds of such a list: ", intensifying", ", and promoting"."""
PURPOSE = re.compile(
    PURPOSE_MARKERS
    + r"|\bto\s+(?:\w+ly\s+)?(?!the\b|a\b|an\b|their\b|its\b|all\b|other\b|each\b)"
    r"[a-z]+\b(?!\s+(?:and|or)\b)|\bby\s+[a-z]+ing\b",
)
HEAD_WORDS = re.compile(r"[A-Za-z][\w'-]*")
BOUNDARY = folded_pattern(
    r"[,;\s](?:(?<=,)"
    + PARTICIPIAL_BOUNDARY.removeprefix(",")
    + r"|(?<=;)\s|(?<=,)\s*(?:while|but|which|whereas|as)\s"
    r"|(?<=\s)\s*and\s+(?:also\s+)?\w+ed\s+"
    r"(?=(?:a|an|the|their|its|his|her|several|\d)\b)"
    r"|(?<=\s)\s*--\s+)"
)
"""The boundaries: a participial clause (", suggesting"), "; ", ", while", a
coordinated past-tense predicate, " -- ". Each begins with a comma, a semicolon
or a white space, taken first and checked by a look-behind per alternative: a
pattern that begins with a character class lets the regex engine skip ahead to
those characters, about a quarter faster than the plain alternation."""
BOUNDARY_MARKS = ",;"
BOUNDARY_WORDS = ("and", "--")
"""Every BOUNDARY match begins at one of BOUNDARY_MARKS or in the white space
right before one of BOUNDARY_WORDS (`clauses.spaced_starts`)."""
FRAME_TITLE = re.compile(r"\s*(?:(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+){1,4})?")
"""Between a speech verb and its speaker: nothing, or title words ("said PM
Modi", "said Russian President Vladimir Putin")."""
FRAME_APPOSITIVE = re.compile(r"^,[^;]{3,110},\s*(?:also\s+)?$")
SPEECH = skipping(rf"\b(?:{SPEECH_VERBS})\b")
SPEECH_WORDS = tuple(SPEECH_VERBS.split("|"))
"""The phrases of SPEECH: a text without any has no speech verb."""
PARENTHETICAL_FRAME = re.compile(rf"\s+(?:{SPEECH_VERBS})\s*,")
"""After a pronoun: a speech frame inserted in the clause ("Pakistan, he said,
would ..."), whose pronoun is no subject of the clause's verb."""
SAY_THAT = re.compile(rf"^\s*(?:{SPEECH_VERBS})(?:\s+that)?\s+", re.IGNORECASE)


# words of facts/clauses.py

GENERIC = frozenset(
    [
        "cooperation",
        "regional",
        "international",
        "development",
        "their",
        "with",
        "from",
        "that",
        "this",
        "other",
        "among",
        "between",
        "into",
    ]
)
