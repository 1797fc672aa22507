# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Commitment lists: points of a speech and lists of proposals, announced and
spelled out (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping

ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
ENUMERATED = re.compile(
    rf"\s*(?:(?:\(?\d{{1,2}}[.)]|[-\u2022*])\s*)?(?:(?:{ORDINALS})(?:ly)?"
    r"|finally|lastly|last but not least|in addition|moreover|besides|also)\s*[,:]\s*"
    r"(?:(?:and|then)\s+)?",
    re.IGNORECASE,
)
"""A sentence that opens a point of a speech ("Firstly, ...", "Secondly, ...",
"Finally, ..."): its "we should" is the speaker's, introduced before."""
ENUMERATED_SUBJECT = re.compile(
    r"(?:we|(?:the\s+)?(?:SCO|organi[sz]ation|member (?:states|countries)"
    r"|all (?:parties|sides|members))|all of us)\s+(?:\w+ly\s+|all\s+|also\s+|further\s+)?$",
    re.IGNORECASE,
)
"""Between an enumerated point's opening and its verb: the subject a speaker
says "we should" or "the SCO should" with, or nothing."""
LIST_INTRO = skipping(
    r"\b(?:propos(?:ed|es)|suggest(?:ed|s)|put(?:s)? forward|made|makes|outlined|set out"
    r"|offered)\s+(?:the\s+following|(?:(?:a|an|his|her|its|their)\s+)?(?:\w+-point\s+|\w+\s+)?"
    r"(?:proposals?|measures|suggestions|initiatives|points|steps)|(?:the\s+)?following"
    r"\s+(?:proposals?|measures|suggestions|points|steps))\b"
)
"""A sentence that announces a list of proposals ("proposed the following",
"put forward five proposals", "made a four-point proposal"): the points that
follow, one a sentence or line, are the proposer's. Runs on folded text."""
LIST_INTRO_CUES = (
    *("following", "proposal", "measures", "suggestions"),
    *("initiatives", "points", "steps"),
)
"""Every LIST_INTRO match holds one of these: a cheap first test."""
LIST_POINT = re.compile(
    rf"\s*(?:\(?\d{{1,2}}[.)]|[-\u2022*\u2013]|\(?[a-h]\))\s+"
    rf"|\s*(?:{ORDINALS})(?:ly)?\s*[,:]\s+|\s*(?:finally|lastly)\s*[,:]\s+",
    re.IGNORECASE,
)
"""How a point of an announced list opens: a number, a bullet, an ordinal."""
LIST_NUMBER = re.compile(r"\s*(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[\u2022*])\s*")
"""A point's number standing alone (the sentence splitter cuts "1." off its
point): the next sentence is the point."""
LIST_SUMMARY = re.compile(
    r"\s*(?:the|these|his|her|its|their|china['\u2019]s|the\s+\w+)\s+"
    r"(?:(?:\w+-point|\w+)\s+)?(?:proposals?|measures|suggestions|initiatives)\s+"
    r"(?:include[sd]?|are|were|cover(?:s|ed)?|call(?:s|ed)? for|concern(?:s|ed)?)\s*:?\s+",
    re.IGNORECASE,
)
"""A sentence that spells out the proposals announced just before ("The proposal
included strengthening X, expanding Y and improving Z"): one item per gerund."""
