"""Commitment features: quotes, negation, hedges, experts and headlines around a
candidate commitment (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.commitments import EXPERT_WORDS
from scotrack.ingest.lexicon.folding import folded_pattern

QUOTE = re.compile('["\u201c\u201d\u00ab\u00bb]')
NEGATED = skipping(r"\b(?:not|no|never|nor|neither|cannot)\s+(?:[\w']+\s+){0,2}$")
CONDITIONAL = skipping(r"\b(?:if|whether|unless)\b")
EXPERT = folded_pattern(EXPERT_WORDS)
HOPE = skipping(r"\b(?:hope[sd]?|hoping|expect(?:s|ed)?|likely|may|might|believes?)\b")
HOPE_CUES = ("hop", "expect", "likely", "may", "might", "believe")
CONDITIONAL_CUES = ("if", "whether", "unless")
EXPERT_CUES = (
    *("expert", "scholar", "analyst", "professor", "researcher", "fellow"),
    *("director of", "dean", "commentator", "observer"),
)
"""Every match of HOPE, CONDITIONAL and EXPERT holds one of their cues: a
sentence without any needs no search."""
SENTENCE_END = re.compile("[.!?:;\"'\u201d\u2019\u00bb)\\]\u2026]\\s*$")
"""How a sentence of running text ends; a line without it is a headline."""
PRESENT_TENSE = re.compile(r"(?!(?:i|ha|i|wa)s$)[a-z]+[^s]s")
"""A verb of the third person present ("urges", "plans"), as headlines write."""
FEATURE_WORD = re.compile(r"[\w'\u2019-]+")
